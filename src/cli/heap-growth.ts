/**
 * How fast V8 lets the heaps of a `bitext` process grow.
 */
import {setFlagsFromString} from 'node:v8'

/**
 * Let each heap grow to twice what survived its last full collection.
 *
 * V8 lets a heap grow to up to four times that when collecting is cheap; a
 * build allocates fast and keeps little, so its worker's heap grew to ~130
 * MiB for ~20 MiB of live data. Twice is enough: −20 to −60 MiB of peak
 * RSS for 300 posts with `--jobs 1`, CPU within the noise
 * (docs/performance.md). A small batch pays for it, though (more full
 * collections while the heap is still growing: +0.05 s for one article), and
 * a worker's code cache is made under the default flags (V8 rejects it under
 * others), so the command line sets it for batches of `minArticles` or more.
 * It applies to every thread of the process, so only the command line calls
 * it, before it starts any worker.
 *
 * @param execArgv Node's own flags (`process.execArgv`): a
 *   `--heap-growing-percent` given there wins.
 * @returns Whether the flag was set.
 */
export function limitHeapGrowth(execArgv: readonly string[]): boolean {
  if (limited) return false
  if (execArgv.some((flag) => flag.startsWith('--heap-growing-percent'))) return false
  setFlagsFromString('--heap-growing-percent=100')
  limited = true
  return true
}

/** Whether this process set the flag already (a process-wide setting, set once). */
let limited = false

/** The batch size from which the command line limits heap growth. */
export const minArticles = 8
