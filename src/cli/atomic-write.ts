/**
 * Writing a user's file without ever leaving it torn: write a temporary file
 * in the same folder, flush it to disk, then rename it over the target. A
 * crash at any moment leaves either the old file or the new one.
 */
import {randomBytes} from 'node:crypto'
import type * as nodeFs from 'node:fs'
import path from 'node:path'
import {acquireLock} from './file-lock.js'

/** The part of `node:fs` that `writeFileAtomic` uses (Node's `fs` or a fake). */
export type AtomicFs = Pick<
  typeof nodeFs,
  'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'unlinkSync' | 'statSync' | 'existsSync' | 'realpathSync' | 'readFileSync' | 'writeFileSync' | 'linkSync'
>

/** Options of `writeFileAtomic`. */
export interface AtomicWriteOptions {
  /**
   * Keep the original content in `<target>.orig` before the first overwrite
   * (default: false). An existing `.orig` is never replaced: it holds the
   * file as it was before bitext first touched it.
   */
  backup?: boolean
  /**
   * The bytes the new content was computed from. When given, the write holds
   * the file's writer lock (`.<name>.bitext-lock` beside it, waiting for
   * another bitext writer) and happens only if the file still holds exactly
   * these bytes; otherwise it throws {@link ChangedOnDiskError} and writes
   * nothing, so an edit made meanwhile is never overwritten.
   */
  expected?: Uint8Array
}

/** The file changed between the read the new content came from and the write. */
export class ChangedOnDiskError extends Error {
  override name = 'ChangedOnDiskError'
  /** @param target The file. */
  constructor(readonly target: string) {
    super(`\`${target}\` changed on disk since it was read (another edit or bitext command); nothing was written`)
  }
}

/** What `writeFileAtomic` did. */
export interface AtomicWriteResult {
  /** The file actually written (the target, or what it links to). */
  path: string
  /** The backup written by this call, when one was made. */
  backup?: string
}

/** The suffix of backups. */
export const backupSuffix = '.orig'

/**
 * Replace a file's content atomically.
 *
 * The content goes to a temporary file beside the target (same folder, so
 * the rename cannot cross file systems), is flushed with fsync, and is then
 * renamed over the target; the folder is flushed last so the rename itself
 * survives a power cut. An existing file keeps its permissions; a symbolic
 * link keeps pointing where it did (its destination is replaced).
 *
 * @param fs File system (`node:fs` or a compatible fake).
 * @param target The file to write.
 * @param content The new content (strings are written as UTF-8).
 * @param options Backup, and the content the change was computed from.
 * @returns The path written and the backup made, if any.
 * @throws The file system's error; the target is then unchanged and the
 *   temporary file is removed. {@link ChangedOnDiskError} when `expected`
 *   no longer matches the file.
 */
export function writeFileAtomic(fs: AtomicFs, target: string, content: string | Uint8Array, options: AtomicWriteOptions = {}): AtomicWriteResult {
  const destination = fs.existsSync(target) ? fs.realpathSync(target) : path.resolve(target)
  if (options.expected === undefined) return writeUnlocked(fs, target, destination, content, options)
  // Writers of one file queue on its lock; a dead holder's lock is broken.
  const lock = acquireLock(fs, path.join(path.dirname(destination), `.${path.basename(destination)}.bitext-lock`), {wait: true, timeoutMs: 60_000})
  try {
    const current = fs.existsSync(destination) ? fs.readFileSync(destination) : undefined
    if (current === undefined || Buffer.compare(current, options.expected) !== 0) throw new ChangedOnDiskError(target)
    return writeUnlocked(fs, target, destination, content, options)
  } finally {
    lock.release()
  }
}

/** `writeFileAtomic` without the lock and the check. */
function writeUnlocked(fs: AtomicFs, target: string, destination: string, content: string | Uint8Array, options: AtomicWriteOptions): AtomicWriteResult {
  const existing = fs.existsSync(destination) ? fs.statSync(destination) : undefined
  if (existing?.isDirectory()) throw new Error(`Cannot write \`${target}\`: it is a folder`)
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
  const mode = existing ? existing.mode & 0o7777 : 0o666
  const result: AtomicWriteResult = {path: destination}

  if (options.backup && existing) {
    const backup = destination + backupSuffix
    if (!fs.existsSync(backup)) {
      writeThenRename(fs, backup, fs.readFileSync(destination), mode)
      result.backup = backup
    }
  }
  writeThenRename(fs, destination, bytes, mode)
  return result
}

/** Write `bytes` to a temporary sibling of `destination`, fsync, rename. */
function writeThenRename(fs: AtomicFs, destination: string, bytes: Uint8Array, mode: number): void {
  const folder = path.dirname(destination)
  const temporary = path.join(folder, `.${path.basename(destination)}.${process.pid}.${randomSuffix()}.tmp`)
  // `wx`: never follow or reuse something already there.
  const fd = fs.openSync(temporary, 'wx', mode)
  try {
    try {
      let written = 0
      while (written < bytes.length) written += fs.writeSync(fd, bytes, written, bytes.length - written)
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
    fs.renameSync(temporary, destination)
  } catch (error) {
    try {
      fs.unlinkSync(temporary)
    } catch {
      // Already gone (the rename happened or the file never got created): nothing to clean.
    }
    throw error
  }
  syncFolder(fs, folder)
}

/** Flush a folder entry so a rename survives a crash; not every platform allows it. */
function syncFolder(fs: AtomicFs, folder: string): void {
  let fd: number | undefined
  try {
    fd = fs.openSync(folder, 'r')
    fs.fsyncSync(fd)
  } catch {
    // Windows cannot open folders; the rename is still atomic there.
  } finally {
    if (fd !== undefined) fs.closeSync(fd)
  }
}

function randomSuffix(): string {
  return randomBytes(6).toString('hex')
}
