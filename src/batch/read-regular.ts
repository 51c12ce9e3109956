/**
 * Reading a file that may not be one: an article or a cache entry can be a
 * FIFO (reading it waits for a writer forever), a device, a socket or a
 * link to one. The file is opened without blocking and checked with fstat
 * on the open descriptor (no race between the check and the read), and
 * only a regular file is read.
 */
import * as nodeFs from 'node:fs'

/** The part of `node:fs` used. */
export type ReadFs = Pick<typeof nodeFs, 'openSync' | 'fstatSync' | 'readSync' | 'closeSync'>

/** A path that is not a regular file. */
export class SpecialFileError extends Error {
  override name = 'SpecialFileError'
  /**
   * @param kind What it is instead (`a FIFO (named pipe)`, `a device`, `a socket`).
   */
  constructor(readonly kind: string) {
    super(`Not a regular file but ${kind}; bitext reads only regular files: remove it or replace it with the article`)
  }
}

/**
 * Read a regular file whole, refusing anything else without blocking.
 *
 * @param file The path (links are followed; what they point to must be a regular file).
 * @param fs File system (default: node's `fs`).
 * @returns The bytes.
 * @throws SpecialFileError for a FIFO, device or socket; the file system's
 *   error (ENOENT, EACCES, EISDIR for a folder, …) otherwise.
 */
export function readRegularFile(file: string, fs: ReadFs = nodeFs): Buffer {
  let fd: number
  try {
    fd = fs.openSync(file, nodeFs.constants.O_RDONLY | nodeFs.constants.O_NONBLOCK)
  } catch (error) {
    // Opening a Unix socket fails with ENXIO.
    if ((error as NodeJS.ErrnoException).code === 'ENXIO') throw new SpecialFileError('a socket')
    throw error
  }
  try {
    const stats = fs.fstatSync(fd)
    // A folder gets the error reading one always gave.
    if (stats.isDirectory()) throw Object.assign(new Error('EISDIR: illegal operation on a directory, read'), {code: 'EISDIR'})
    if (!stats.isFile()) throw new SpecialFileError(kindOf(stats))
    const size = stats.size
    const chunks: Buffer[] = []
    let total = 0
    // Read to the end, not to `size`: a file may grow while it is read.
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.max(65_536, size - total + 1))
      const read = fs.readSync(fd, chunk, 0, chunk.length, null)
      if (read === 0) break
      chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read))
      total += read
    }
    return chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks, total)
  } finally {
    fs.closeSync(fd)
  }
}

function kindOf(stats: nodeFs.Stats): string {
  if (stats.isFIFO()) return 'a FIFO (named pipe)'
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device'
  if (stats.isSocket()) return 'a socket'
  return 'a special file'
}
