/**
 * Every file a command reads by name is read as `readRegularFile` reads
 * articles: a FIFO, a device or a socket in place of a glossary, a
 * configuration file, a source or an article is refused at once instead of
 * blocking the command while it waits for a writer.
 */
import type * as nodeFs from 'node:fs'
import {readRegularFile} from '../batch/read-regular.js'

/**
 * A file system whose `readFileSync` of a path refuses special files.
 *
 * @param fs The file system commands get (node's `fs`, or a test's fake).
 * @returns The same file system with that `readFileSync`.
 */
export function refuseSpecialFiles(fs: typeof nodeFs): typeof nodeFs {
  const read = fs.readFileSync
  // A fake without the calls a non-blocking read needs keeps its own readFileSync.
  if (typeof fs.openSync !== 'function' || typeof fs.fstatSync !== 'function' || typeof fs.readSync !== 'function') return fs
  const readFileSync = ((file: nodeFs.PathOrFileDescriptor, options?: {encoding?: BufferEncoding | null; flag?: string} | BufferEncoding | null) => {
    if (typeof file === 'number') return read(file, options as undefined)
    const bytes = readRegularFile(file instanceof URL ? file.pathname : String(file), fs)
    const encoding = typeof options === 'string' ? options : options?.encoding
    return encoding ? bytes.toString(encoding) : bytes
  }) as typeof nodeFs.readFileSync
  return {...fs, readFileSync}
}
