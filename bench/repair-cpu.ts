/**
 * CPU time of repair per damage channel on the held-out pages of the damage
 * matrix, warm (one untimed pass first), for comparing changes on a shared
 * machine where wall time drifts (`npx tsx bench/repair-cpu.ts --channel c1 --runs 3`).
 */
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {channels} from '../src/repair/channels/catalog.js'
import {loadLexicon} from '../src/repair/model/lexicon.js'
import {repairMojibake} from '../src/repair/reconstruct/repair-mojibake.js'
import {readPages, splitPages} from './repair-matrix.js'

const {values} = parseArgs({options: {channel: {type: 'string', default: ''}, runs: {type: 'string', default: '3'}, set: {type: 'string', default: 'held-out'}}})
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const shared = path.resolve(root, process.env['BITEXT_SHARED'] ?? path.join('..', 'shared'))
const {tuning, heldOut} = splitPages(readPages(shared))
const pages = values.set === 'tuning' ? tuning : heldOut
const lexicon = loadLexicon()
const runs = Number(values.runs)
for (const channel of channels.filter((each) => each.id.includes(values.channel))) {
  const damaged = pages.map((page) => channel.damage(page.text))
  for (const text of damaged) repairMojibake(text, {lexicon})
  const samples: number[] = []
  for (let run = 0; run < runs; run++) {
    const start = process.cpuUsage()
    for (const text of damaged) repairMojibake(text, {lexicon})
    const used = process.cpuUsage(start)
    samples.push((used.user + used.system) / 1000)
  }
  const bytes = damaged.reduce((sum, text) => sum + Buffer.byteLength(text), 0)
  const best = Math.min(...samples)
  console.log(`${channel.id.padEnd(32)} ${(bytes / 1e6 / (best / 1000)).toFixed(2).padStart(6)} MB/s CPU (${(bytes / 1024).toFixed(0)} KiB; CPU ms in run order ${samples.map((ms) => ms.toFixed(0)).join(', ')})`)
}
