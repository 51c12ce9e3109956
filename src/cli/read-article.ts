/**
 * Read one article from disk and run it through the pipeline; an unreadable
 * file becomes a fatal message on that file instead of stopping the batch.
 */
import {VFile} from 'vfile'
import type {Pipeline} from '../pipeline.js'
import type {CliIo} from './io.js'

/**
 * Read and process one article.
 *
 * @param absolutePath Where the article is.
 * @param shownPath The path to show in messages.
 * @param io File system.
 * @param pipeline The configured pipeline.
 * @returns The processed file (with a fatal message when it failed).
 */
export async function readArticle(absolutePath: string, shownPath: string, io: CliIo, pipeline: Pipeline): Promise<VFile> {
  let bytes: Uint8Array
  try {
    bytes = io.fs.readFileSync(absolutePath)
  } catch (error) {
    const file = new VFile({path: shownPath})
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    const message = file.message(`Cannot read this file (${code}); check that it exists and that you may read it`, {ruleId: 'read', source: 'bitext'})
    message.fatal = true
    file.data.failed = true
    return file
  }
  return pipeline.process(bytes, shownPath)
}
