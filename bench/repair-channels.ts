/**
 * Repair throughput per damage channel: the held-out pages of the damage
 * matrix damaged through each channel, repaired once to fill the lexicon's
 * tries and the context model's counts, then timed (median of `runs`).
 * Used by `bench/repair.ts` and `npm run bench` (bench/run.ts).
 */
import {channels} from '../src/repair/channels/catalog.js'
import type {RepairOptions, RepairResult} from '../src/repair/reconstruct/repair-mojibake.js'
import {readPages, splitPages} from './repair-matrix.js'

/** Throughput of one channel. */
export interface ChannelThroughput {
  id: string
  lossy: boolean
  /** UTF-8 bytes of damaged input. */
  bytes: number
  /** Milliseconds to repair them, warm. */
  ms: number
}

/**
 * Measure repair throughput per channel.
 *
 * @param shared The shared data folder.
 * @param repair The repair function (the source's or the compiled one).
 * @param options Repair options (a loaded lexicon, say).
 * @param runs Timed runs per channel (default 3; the median counts).
 * @returns One entry per channel.
 */
export function channelThroughput(
  shared: string,
  repair: (text: string, options?: RepairOptions) => RepairResult,
  options: RepairOptions = {},
  runs = 3
): ChannelThroughput[] {
  const {heldOut} = splitPages(readPages(shared))
  return channels.map((channel) => {
    const damaged = heldOut.map((page) => channel.damage(page.text))
    for (const text of damaged) repair(text, options)
    const samples: number[] = []
    for (let run = 0; run < runs; run++) {
      const start = performance.now()
      for (const text of damaged) repair(text, options)
      samples.push(performance.now() - start)
    }
    samples.sort((a, b) => a - b)
    const bytes = damaged.reduce((sum, text) => sum + Buffer.byteLength(text), 0)
    return {id: channel.id, lossy: channel.lossy, bytes, ms: samples[Math.floor(samples.length / 2)]!}
  })
}

/**
 * Format the throughput table.
 *
 * @param results The measurements.
 * @returns Lines to print.
 */
export function formatThroughput(results: readonly ChannelThroughput[]): string[] {
  return results.map(({id, lossy, bytes, ms}) =>
    `  ${id.padEnd(32)} ${lossy ? 'lossy   ' : 'lossless'} ${(bytes / 1e6 / (ms / 1000)).toFixed(2).padStart(7)} MB/s (${(bytes / 1024).toFixed(0)} KiB in ${ms.toFixed(0)} ms)`)
}
