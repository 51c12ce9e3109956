/**
 * How fast V8 lets the heaps of a `bitext` process grow.
 */
import {setFlagsFromString} from 'node:v8'

/**
 * Let each heap grow to twice what survived its last full collection, and
 * give worker threads started from now on their full young generation at
 * once (so that `keepYoungGenerationSmall` can stop the others growing).
 *
 * V8 lets a heap grow to up to four times what survived when collecting is
 * cheap; a build allocates fast and keeps little, so its worker's heap grew
 * to ~130 MiB for ~20 MiB of live data. Twice is enough: −20 to −60 MiB of
 * peak RSS for 300 posts with `--jobs 1`, CPU within the noise
 * (docs/performance.md). A small batch pays for it, though (more full
 * collections while the heap is still growing: +0.05 s for one article), and
 * a worker's code cache is made under the default flags (V8 rejects it under
 * others), so the command line sets it for batches of `minArticles` or more.
 * It applies to every thread of the process, so only the command line calls
 * it, before it starts any worker.
 *
 * The young generation (V8's semi-spaces) of a thread starts at 1 MiB and
 * doubles while much of what it allocates survives, up to 16 MiB per
 * semi-space on 64-bit: 32 MiB of RSS. A worker reaches that within a few
 * articles and needs it (smaller, it collects and promotes more: +25–30 %
 * of CPU); here it gets it from its start (`--min-semi-space-size`, read
 * when a thread's heap is made).
 *
 * @param execArgv Node's own flags (`process.execArgv`): a
 *   `--heap-growing-percent` given there wins, and young generation sizes
 *   given there are left alone.
 * @returns Whether the flag was set.
 */
export function limitHeapGrowth(execArgv: readonly string[]): boolean {
  if (limited) return false
  if (execArgv.some((flag) => flag.startsWith('--heap-growing-percent'))) return false
  setFlagsFromString('--heap-growing-percent=100')
  if (!sizesYoungGeneration(execArgv)) {
    setFlagsFromString(`--min-semi-space-size=${workerSemiSpaceMb}`)
    youngSized = true
  }
  limited = true
  return true
}

/**
 * Stop the young generation of every thread from growing further: call it
 * once the workers have started (their heaps are made, and
 * `limitHeapGrowth` gave them their full size), so that the thread that
 * only hands out articles and writes their outputs keeps the few MiB it
 * has instead of growing to 32 MiB with the results that pass through it.
 *
 * V8 reads the growth factor each time a young generation would grow, and
 * sets it back to its default whenever a thread's heap is made, so this is
 * called again after each worker starts. Nothing happens unless
 * `limitHeapGrowth` sized the workers' young generation.
 *
 * @returns Whether the growth was stopped.
 */
export function keepYoungGenerationSmall(): boolean {
  if (!youngSized) return false
  setFlagsFromString('--semi-space-growth-factor=1')
  return true
}

/** Whether node was given a young generation size. */
function sizesYoungGeneration(execArgv: readonly string[]): boolean {
  return execArgv.some((flag) => /^--(?:min|max)[-_]semi[-_]space[-_]size|^--semi[-_]space[-_]growth[-_]factor/.test(flag))
}

/** V8's largest semi-space on 64-bit, where a worker's young generation ends up. */
const workerSemiSpaceMb = 16

/** Whether this process set the flags already (process-wide settings, set once). */
let limited = false
let youngSized = false

/** The batch size from which the command line limits heap growth. */
export const minArticles = 8
