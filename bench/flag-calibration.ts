/**
 * Fit and check the calibrated confidence of the re-rank (`src/repair/source/
 * calibration.ts`): every page of a set with an English source is damaged
 * through a channel, repaired, aligned and re-ranked with the lattice's own
 * confidence; each re-rankable choice gives the features of `choiceFeatures`
 * and whether it is right. A logistic model is fitted on the tuning pages
 * (L2, gradient descent; `--wrong-weight W` counts each wrong choice W
 * times) and scored on both sets, with its bias shifted either way: flags
 * (below 0.8) and wrong choices left without one, against the lattice's own
 * confidence. A model that flags fewer choices for as few silent mistakes
 * would be worth using; none found so far is (docs/repair.md, "Flags").
 *
 *   npx tsx bench/flag-calibration.ts [--channel ID] [--wrong-weight W]
 */
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import type {Root} from 'mdast'
import {alignFiles} from '../src/align/index.js'
import {createParser} from '../src/parse/index.js'
import {channels} from '../src/repair/channels/catalog.js'
import {contextModelLoader} from '../src/repair/model/context-corpus.js'
import {lexiconLoader} from '../src/repair/model/lexicon.js'
import {repairMojibake} from '../src/repair/reconstruct/repair-mojibake.js'
import {calibratedConfidence, featureNames} from '../src/repair/source/calibration.js'
import {glossDictionaryLoader} from '../src/repair/source/gloss-dictionary.js'
import {rerankRepairs} from '../src/repair/source/rerank.js'
import {sourceSpans} from '../src/repair/source/source-evidence.js'
import {readPages, splitPages, type Page} from './repair-matrix.js'
import {englishOf} from './rerank-matrix.js'

/** One re-ranked choice: its features, the lattice's confidence, and whether it is right. */
export interface Sample {
  features: number[]
  confidence: number
  right: boolean
}

/**
 * The samples of a set of pages through one channel.
 *
 * @param shared The shared data folder.
 * @param channelId The channel.
 * @param pages The pages.
 * @returns One sample per re-rankable choice of a comparable page.
 */
export function samples(shared: string, channelId: string, pages: readonly Page[]): Sample[] {
  const channel = channels.find((item) => item.id === channelId)
  if (channel === undefined) throw new Error(`no channel ${channelId}`)
  const lexicon = lexiconLoader()
  const context = contextModelLoader(lexicon)
  const dictionary = glossDictionaryLoader()
  const parser = createParser()
  const out: Sample[] = []
  for (const page of pages) {
    const en = englishOf(shared, page.name)
    if (en === undefined) continue
    const repaired = repairMojibake(channel.damage(page.text), {lexicon, context})
    if (repaired.text.length !== page.text.length) continue
    const alignment = alignFiles(parser.parse(en) as Root, parser.parse(repaired.text) as Root, {enSource: en, zhSource: repaired.text})
    const result = rerankRepairs(repaired.text, repaired.repairs, sourceSpans(alignment), {dictionary: dictionary(), lexicon: lexicon(), context: context(), features: true})
    for (const [index, features] of result.features ?? []) {
      const record = result.repairs[index]!
      out.push({features, confidence: record.confidence, right: page.text.slice(record.outputOffset, record.outputOffset + record.after.length) === record.after})
    }
  }
  return out
}

/**
 * Fit a logistic model of "right" by gradient descent with an L2 penalty
 * (not on the bias).
 *
 * @param data The samples.
 * @param l2 The penalty.
 * @param steps Iterations.
 * @returns The weights.
 */
export function fit(data: readonly Sample[], l2 = 1e-3, steps = 4000, wrongWeight = 1): number[] {
  const size = data[0]!.features.length
  const weights = new Array<number>(size).fill(0)
  const rate = 0.5
  for (let step = 0; step < steps; step++) {
    const gradient = new Array<number>(size).fill(0)
    for (const sample of data) {
      const error = (calibratedConfidence(sample.features, weights) - (sample.right ? 1 : 0)) * (sample.right ? 1 : wrongWeight)
      sample.features.forEach((value, index) => {
        gradient[index]! += error * value
      })
    }
    for (let index = 0; index < size; index++) weights[index]! -= (rate * (gradient[index]! / data.length + (index === 0 ? 0 : l2 * weights[index]!)))
  }
  return weights
}

/** Flags (below 0.8) and wrong choices without one, by a confidence. */
function score(data: readonly Sample[], confidence: (sample: Sample) => number, below = 0.8): {flags: number; wrong: number; silent: number} {
  let flags = 0
  let wrong = 0
  let silent = 0
  for (const sample of data) {
    const flagged = confidence(sample) < below
    if (flagged) flags++
    if (!sample.right) wrong++
    if (!sample.right && !flagged) silent++
  }
  return {flags, wrong, silent}
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)

if (isMain) {
  const {values} = parseArgs({options: {channel: {type: 'string', default: 'utf-8>windows-1254/dropped'}, 'wrong-weight': {type: 'string', default: '1'}}})
  const shared = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', process.env['BITEXT_SHARED'] ?? path.join('..', 'shared'))
  const {tuning, heldOut} = splitPages(readPages(shared))
  const sets = {tuning: samples(shared, values.channel, tuning), 'held-out': samples(shared, values.channel, heldOut)}
  const weights = fit(sets.tuning, 1e-3, 4000, Number(values['wrong-weight']))
  console.log('weights fitted on the tuning pages:')
  featureNames.forEach((name, index) => console.log(`  ${name}: ${weights[index]!.toFixed(3)}`))
  for (const [name, data] of Object.entries(sets)) {
    const lattice = score(data, (sample) => sample.confidence)
    const calibrated = score(data, (sample) => calibratedConfidence(sample.features, weights))
    console.log(`${name} ${values.channel}: ${data.length} choices, ${lattice.wrong} wrong; lattice confidence: ${lattice.flags} flags, ${lattice.silent} wrong unflagged; calibrated: ${calibrated.flags} flags, ${calibrated.silent} wrong unflagged`)
    for (const below of [0.85, 0.9, 0.95, 0.98]) {
      const higher = score(data, (sample) => sample.confidence, below)
      console.log(`  lattice confidence below ${below}: ${higher.flags} flags, ${higher.silent} wrong unflagged`)
    }
    for (const shift of [-1, -0.5, 0.5, 1, 1.5, 2]) {
      const shifted = score(data, (sample) => 1 / (1 + Math.exp(-(Math.log(calibratedConfidence(sample.features, weights) / (1 - calibratedConfidence(sample.features, weights))) - shift))))
      console.log(`  calibrated, bias shifted by ${-shift}: ${shifted.flags} flags, ${shifted.silent} wrong unflagged`)
    }
  }
}
