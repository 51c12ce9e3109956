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
 * (docs/performance.md). It applies to every thread of the process, so only
 * the command line calls it, before its work starts.
 *
 * @param execArgv Node's own flags (`process.execArgv`): a
 *   `--heap-growing-percent` given there wins.
 * @returns Whether the flag was set.
 */
export function limitHeapGrowth(execArgv: readonly string[]): boolean {
  if (execArgv.some((flag) => flag.startsWith('--heap-growing-percent'))) return false
  setFlagsFromString('--heap-growing-percent=100')
  return true
}
