/**
 * Child process for the interrupted-write tests: overwrite a file and freeze
 * at a chosen moment (after printing `paused`) so the parent can SIGKILL it
 * exactly there. Run with `node --import tsx atomic-child.ts TARGET CONTENT_FILE PHASE`.
 *
 * Phases: `mid-write` (half the temp file written), `before-rename`,
 * `after-rename` (before the folder is flushed), `mid-backup` (half the
 * backup written), `naive` (a plain in-place write frozen half-way: the
 * control that shows what a torn file looks like).
 */
import * as fs from 'node:fs'
import {writeFileAtomic, type AtomicFs} from '../../src/cli/atomic-write.js'

const [target, contentFile, phase] = process.argv.slice(2)
if (!target || !contentFile || !phase) throw new Error('usage: atomic-child TARGET CONTENT_FILE PHASE')
const content = fs.readFileSync(contentFile)

function freeze(): never {
  process.stdout.write('paused\n')
  // Block the thread for good; the parent kills the process.
  for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0)
}

/** A `writeSync` that writes the first half of the buffer, then freezes. */
function halfThenFreeze(fd: number, buffer: Uint8Array, offset: number, length: number): number {
  const half = Math.floor(length / 2)
  fs.writeSync(fd, buffer, offset, half)
  fs.fsyncSync(fd)
  return freeze()
}

let writes = 0
const wrapped: AtomicFs = {
  openSync: fs.openSync,
  fsyncSync: fs.fsyncSync,
  closeSync: fs.closeSync,
  unlinkSync: fs.unlinkSync,
  statSync: fs.statSync,
  existsSync: fs.existsSync,
  realpathSync: fs.realpathSync,
  readFileSync: fs.readFileSync,
  writeFileSync: fs.writeFileSync,
  linkSync: fs.linkSync,
  writeSync: ((fd: number, buffer: Uint8Array, offset: number, length: number) => {
    writes++
    // With a backup, the first file written is the backup.
    if (phase === 'mid-write' && writes === 1) return halfThenFreeze(fd, buffer, offset, length)
    if (phase === 'mid-backup' && writes === 1) return halfThenFreeze(fd, buffer, offset, length)
    return fs.writeSync(fd, buffer, offset, length)
  }) as AtomicFs['writeSync'],
  renameSync: ((from: fs.PathLike, to: fs.PathLike) => {
    if (phase === 'before-rename' && String(to) === target) freeze()
    fs.renameSync(from, to)
    if (phase === 'after-rename' && String(to) === target) freeze()
  }) as AtomicFs['renameSync']
}

if (phase === 'naive') {
  const fd = fs.openSync(target, 'w')
  halfThenFreeze(fd, content, 0, content.length)
} else {
  writeFileAtomic(wrapped, target, content, {backup: phase === 'mid-backup'})
  process.stdout.write('done\n')
}
