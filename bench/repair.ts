/**
 * Standalone benchmark of decode + repair (not a test; `npx tsx bench/repair.ts`).
 *
 * Reports, in MB/s of UTF-8 input, next to a plain `TextDecoder` pass over the
 * same bytes in the same run: repair of clean text (the fast path), repair of
 * the seed article (lossy, after the lexicon is loaded), and the lexicon load
 * time. Medians of several runs.
 */
import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {decodeBytes} from '../src/decode/decode-bytes.js'
import {loadLexicon} from '../src/repair/model/lexicon.js'
import {repairMojibake} from '../src/repair/reconstruct/repair-mojibake.js'
import {channelThroughput, formatThroughput} from './repair-channels.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const seed = readFileSync(path.join(root, 'articles', 'kubernetes-intro-for-vmware-users.md'))
const corpusFolder = path.resolve(root, '..', 'shared', 'corpus', 'cncf-glossary', 'zh-cn')
const clean = Buffer.from(
  readdirSync(corpusFolder, {recursive: true})
    .map(String)
    .filter((name) => name.endsWith('.md'))
    .map((name) => readFileSync(path.join(corpusFolder, name), 'utf8'))
    .join('\n')
)

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

function time(runs: number, task: () => unknown): number {
  const samples: number[] = []
  for (let run = 0; run < runs; run++) {
    const start = performance.now()
    task()
    samples.push(performance.now() - start)
  }
  return median(samples)
}

const mbps = (bytes: number, ms: number): string => `${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s`

const loads: number[] = []
let lexicon = loadLexicon()
for (let run = 0; run < 5; run++) {
  const start = performance.now()
  lexicon = loadLexicon()
  loads.push(performance.now() - start)
}
console.log(`lexicon load: ${median(loads).toFixed(0)} ms (median of 5; ${lexicon.size} words)`)

for (const [name, bytes, runs] of [['clean (CNCF glossary zh-cn)', clean, 200], ['seed (lossy mojibake)', seed, 20]] as const) {
  const decoder = new TextDecoder()
  const plain = time(runs, () => decoder.decode(bytes))
  const full = time(runs, () => repairMojibake(decodeBytes(bytes).text, {lexicon}))
  const text = decodeBytes(bytes).text
  const repairOnly = time(runs, () => repairMojibake(text, {lexicon}))
  console.log(
    `${name}, ${(bytes.length / 1024).toFixed(0)} KiB: TextDecoder ${mbps(bytes.length, plain)}; ` +
      `decode+repair ${mbps(bytes.length, full)} (${(full / plain).toFixed(1)}× TextDecoder); repair alone ${mbps(bytes.length, repairOnly)}`
  )
}

// Per damage channel, on the held-out pages of the damage matrix (warm).
const shared = path.resolve(root, process.env['BITEXT_SHARED'] ?? path.join('..', 'shared'))
console.log('repair throughput per channel (held-out pages of the damage matrix, dictionaries warm, median of 3):')
for (const line of formatThroughput(channelThroughput(shared, repairMojibake, {lexicon}))) console.log(line)
