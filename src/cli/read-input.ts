/**
 * Reading a file a command was given by name: unreadable or undecodable
 * input is a usage error that names the file and what to do.
 */
import path from 'node:path'
import {VFile} from 'vfile'
import {SpecialFileError} from '../batch/read-regular.js'
import {decode} from '../decode/index.js'
import {UsageError} from './command.js'
import type {CliIo} from './io.js'

/**
 * Read and decode one file.
 *
 * @param shown The path as given (relative to `io.cwd`), used in messages.
 * @param io The command's I/O.
 * @param options `encoding` to skip detection.
 * @returns The decoded file.
 * @throws UsageError when the file cannot be read (or is a FIFO, device or socket) or decoded.
 */
export function readDecoded(shown: string, io: CliIo, options: {encoding?: string}): VFile {
  let bytes: Uint8Array
  try {
    bytes = io.fs.readFileSync(path.resolve(io.cwd, shown))
  } catch (error) {
    if (error instanceof SpecialFileError) throw new UsageError(`\`${shown}\` is not a regular file but ${error.kind}; give the path of a Markdown file`)
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    throw new UsageError(`Cannot read \`${shown}\` (${code}); check the path`)
  }
  const file = new VFile({path: shown, value: bytes})
  try {
    decode(file, options)
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
  return file
}
