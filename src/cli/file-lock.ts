/**
 * A lock file that says who holds it: one `bitext build` per output folder,
 * one writer per article. The file is created whole (written to a temporary
 * name, then hard-linked into place, which fails if a lock is already there),
 * and records the holder's pid, host, boot and process start time, so a lock
 * left by a process that has died is noticed and broken instead of blocking
 * every later run.
 */
import {randomBytes} from 'node:crypto'
import * as nodeFs from 'node:fs'
import os from 'node:os'

/** The part of `node:fs` a lock uses. */
export type LockFs = Pick<typeof nodeFs, 'writeFileSync' | 'linkSync' | 'unlinkSync' | 'readFileSync' | 'renameSync'>

/** Who holds a lock. */
export interface LockHolder {
  pid: number
  host: string
  /** The kernel's boot id (Linux), so a pid from before a reboot is not taken for a live one. */
  boot: string | null
  /** The process's start time in clock ticks since boot (Linux), so a reused pid is not taken for the holder. */
  start: string | null
  /** When the lock was taken (ISO date), for messages. */
  since: string
  /** A random token that tells two holders apart. */
  token: string
}

/** A held lock. */
export interface Lock {
  /** The lock file. */
  path: string
  holder: LockHolder
  /** Remove the lock if it is still ours (idempotent). */
  release(): void
}

/** Options of `acquireLock`. */
export interface AcquireOptions {
  /** Wait for the holder instead of failing (default: false). */
  wait?: boolean
  /** How often to look again while waiting, in ms (default: 100). */
  pollMs?: number
  /** Give up waiting after this many ms (default: wait forever). */
  timeoutMs?: number
  /** Called once with the holder when the lock is busy and `wait` is set. */
  onWait?: (holder: LockHolder | undefined) => void
  /** Whether a holder is alive (default: `isHolderAlive`; tests pass fakes). */
  isAlive?: (holder: LockHolder) => boolean
}

/** The lock is held by a live process (and `wait` was not set, or the wait timed out). */
export class LockBusyError extends Error {
  override name = 'LockBusyError'
  /**
   * @param path The lock file.
   * @param holder Who holds it (undefined when its file could not be read).
   */
  constructor(
    readonly path: string,
    readonly holder: LockHolder | undefined
  ) {
    super(`${path} is held by ${describeHolder(holder)}`)
  }
}

/**
 * Take a lock, breaking it first if its holder has died.
 *
 * @param fs File system.
 * @param file The lock file.
 * @param options Waiting.
 * @returns The lock.
 * @throws LockBusyError when a live process holds it and `wait` is not set
 *   (or `timeoutMs` passed); the file system's error when the folder is not writable.
 */
export function acquireLock(fs: LockFs, file: string, options: AcquireOptions = {}): Lock {
  const holder = currentHolder()
  const isAlive = options.isAlive ?? isHolderAlive
  const deadline = options.timeoutMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + options.timeoutMs
  let told = false
  for (;;) {
    if (tryCreate(fs, file, holder)) return heldLock(fs, file, holder)
    const current = readHolder(fs, file)
    if (current && !isAlive(current)) {
      breakLock(fs, file, current)
      continue
    }
    // A lock that vanished between the two calls: try again at once.
    if (!current && !exists(fs, file)) continue
    if (!options.wait || Date.now() >= deadline) throw new LockBusyError(file, current)
    if (!told) options.onWait?.(current)
    told = true
    sleep(options.pollMs ?? 100)
  }
}

/**
 * Whether the process that wrote a lock still runs: same host and boot, its
 * pid exists, and (where the system tells) it started when the holder did.
 * A holder on another host is assumed alive: it cannot be checked from here.
 *
 * @param holder The holder.
 * @returns False when it has surely died.
 */
export function isHolderAlive(holder: LockHolder): boolean {
  if (holder.host !== os.hostname()) return true
  const boot = bootId()
  if (boot !== null && holder.boot !== null && holder.boot !== boot) return false
  try {
    process.kill(holder.pid, 0)
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false
  }
  const start = startTime(holder.pid)
  return start === null || holder.start === null || start === holder.start
}

/**
 * A holder for messages: `pid 123 on host, since 2026-…`.
 *
 * @param holder The holder, if known.
 * @returns The text.
 */
export function describeHolder(holder: LockHolder | undefined): string {
  return holder ? `pid ${holder.pid} on ${holder.host}, since ${holder.since}` : 'another process'
}

/**
 * The holder record of this process.
 *
 * @returns A new record with a fresh token.
 */
export function currentHolder(): LockHolder {
  return {
    pid: process.pid,
    host: os.hostname(),
    boot: bootId(),
    start: startTime(process.pid),
    since: new Date().toISOString(),
    token: randomBytes(8).toString('hex')
  }
}

function tryCreate(fs: LockFs, file: string, holder: LockHolder): boolean {
  const temporary = `${file}.${holder.token}.tmp`
  fs.writeFileSync(temporary, JSON.stringify(holder) + '\n')
  try {
    // link() fails with EEXIST when the lock exists: the lock appears whole or not at all.
    fs.linkSync(temporary, file)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  } finally {
    fs.unlinkSync(temporary)
  }
}

function heldLock(fs: LockFs, file: string, holder: LockHolder): Lock {
  let held = true
  return {
    path: file,
    holder,
    release() {
      if (!held) return
      held = false
      if (readHolder(fs, file)?.token === holder.token) {
        try {
          fs.unlinkSync(file)
        } catch {
          // Already gone.
        }
      }
    }
  }
}

/**
 * Remove a dead holder's lock. Another process may break the same lock and
 * take a new one in between: the file is moved aside first and removed only
 * if it is still the dead holder's, else it is put back.
 */
function breakLock(fs: LockFs, file: string, dead: LockHolder): void {
  const aside = `${file}.${randomBytes(8).toString('hex')}.stale`
  try {
    fs.renameSync(file, aside)
  } catch {
    return
  }
  const moved = readHolder(fs, aside)
  if (moved?.token !== dead.token) {
    try {
      fs.linkSync(aside, file)
    } catch {
      // A third process took the lock meanwhile; it holds it now.
    }
  }
  fs.unlinkSync(aside)
}

function readHolder(fs: LockFs, file: string): LockHolder | undefined {
  try {
    const value = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockHolder>
    if (typeof value.pid !== 'number' || typeof value.host !== 'string' || typeof value.token !== 'string') return undefined
    return {pid: value.pid, host: value.host, boot: value.boot ?? null, start: value.start ?? null, since: String(value.since), token: value.token}
  } catch {
    return undefined
  }
}

function exists(fs: LockFs, file: string): boolean {
  try {
    fs.readFileSync(file)
    return true
  } catch {
    return false
  }
}

function bootId(): string | null {
  return readProc('/proc/sys/kernel/random/boot_id')?.trim() ?? null
}

/** Field 22 of /proc/PID/stat (after the parenthesised command name, which may hold spaces). */
function startTime(pid: number): string | null {
  const stat = readProc(`/proc/${pid}/stat`)
  if (stat === undefined) return null
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return fields[19] ?? null
}

function readProc(file: string): string | undefined {
  try {
    // node:fs directly: /proc is the kernel's, never a fake.
    return nodeFs.readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}
