/**
 * The bilingual re-rank on the damage matrix's pages that have an English
 * source (CNCF glossary `en/`, Kubernetes website `en.md`): each page damaged
 * through a channel, repaired, aligned with its English and re-ranked; every
 * re-rankable repair scored against the original, before and after.
 *
 *   npx tsx bench/rerank-matrix.ts [--set tuning|held-out] [--channel ID] [--show] [--no-proposals]
 *
 * `--channel` takes a channel's id, or a part of the id of one lossy channel
 * (`c1` for `utf-8>latin1/c1-stripped`). `--no-proposals` re-ranks without
 * the damage report, so with the repair's candidates only (as before
 * `english-proposals.ts`).
 *
 * `--show` prints every choice the re-rank overturned, right or wrong, with
 * its evidence and final confidence: what "strong evidence" is tuned on.
 * The corpus test `test/repair/rerank.corpus.test.ts` imports
 * {@link rerankChannel} and asserts ceilings on the held-out pages.
 */
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import type {Root} from 'mdast'
import {alignFiles} from '../src/align/index.js'
import {createParser} from '../src/parse/index.js'
import type {Channel} from '../src/repair/channels/channel.js'
import {channels} from '../src/repair/channels/catalog.js'
import {contextModelLoader} from '../src/repair/model/context-corpus.js'
import {lexiconLoader, type LexiconLoader} from '../src/repair/model/lexicon.js'
import {repairMojibake} from '../src/repair/reconstruct/repair-mojibake.js'
import {glossDictionaryLoader} from '../src/repair/source/gloss-dictionary.js'
import {isRerankable, rerankRepairs} from '../src/repair/source/rerank.js'
import {sourceSpans} from '../src/repair/source/source-evidence.js'
import type {SourceWeights} from '../src/repair/source/source-bonus.js'
import {readPages, splitPages, type Page} from './repair-matrix.js'

/** The re-rank's outcome over a set of pages. */
export interface RerankTotals {
  /** Pages with an English source whose repair kept the original's length (comparable). */
  pages: number
  /** Re-rankable repairs (rebuilt single characters with runner-ups). */
  records: number
  /** Wrong choices before (the repair stage's) and after the re-rank. */
  wrongBefore: number
  wrongAfter: number
  /** Wrong choices at 0.8 confidence or more: what no flag reports. */
  silentBefore: number
  silentAfter: number
  /** Choices below 0.8: the flags. */
  flagsBefore: number
  flagsAfter: number
  /** Choices the re-rank changed, and how many of those are wrong. */
  overturned: number
  overturnedWrong: number
  /** One line per overturned choice: right or wrong, old → new (truth), confidences, the place, the evidence. */
  lines: string[]
}

/**
 * The English source of a matrix page, if the corpus has one.
 *
 * @param shared The shared data folder.
 * @param name The page's name below `corpus/`.
 * @returns The English text, or undefined.
 */
export function englishOf(shared: string, name: string): string | undefined {
  const file = name.startsWith('cncf-glossary')
    ? path.join(shared, 'corpus', name.replace(`${path.sep}zh-cn${path.sep}`, `${path.sep}en${path.sep}`))
    : path.join(shared, 'corpus', path.dirname(name), 'en.md')
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined
}

/**
 * Damage, repair, align and re-rank every page with English through one channel.
 *
 * @param shared The shared data folder.
 * @param channel The channel.
 * @param pages The pages.
 * @param lexicon The lexicon loader (default: a new one).
 * @returns The totals.
 */
export function rerankChannel(shared: string, channel: Channel, pages: readonly Page[], lexicon: LexiconLoader = lexiconLoader(), proposals = true): RerankTotals {
  const context = contextModelLoader(lexicon)
  const dictionary = glossDictionaryLoader()
  const parser = createParser()
  const totals: RerankTotals = {pages: 0, records: 0, wrongBefore: 0, wrongAfter: 0, silentBefore: 0, silentAfter: 0, flagsBefore: 0, flagsAfter: 0, overturned: 0, overturnedWrong: 0, lines: []}
  const flagged = (confidence: number) => confidence < 0.8
  for (const page of pages) {
    const en = englishOf(shared, page.name)
    if (en === undefined) continue
    const repaired = repairMojibake(channel.damage(page.text), {lexicon, context})
    if (repaired.text.length !== page.text.length) continue
    totals.pages++
    const alignment = alignFiles(parser.parse(en) as Root, parser.parse(repaired.text) as Root, {enSource: en, zhSource: repaired.text})
    const result = rerankRepairs(repaired.text, repaired.repairs, sourceSpans(alignment), {
      dictionary: dictionary(),
      lexicon: lexicon(),
      context: context(),
      ...(proposals && repaired.damage !== null ? {damage: repaired.damage} : {}),
      ...(process.env['RERANK_WEIGHTS'] === undefined ? {} : {weights: JSON.parse(process.env['RERANK_WEIGHTS']) as Partial<SourceWeights>})
    })
    repaired.repairs.forEach((old, index) => {
      if (!isRerankable(old)) return
      const record = result.repairs[index]!
      const truth = page.text.slice(record.outputOffset, record.outputOffset + record.after.length)
      totals.records++
      if (old.after !== truth) totals.wrongBefore++
      if (record.after !== truth) totals.wrongAfter++
      if (old.after !== truth && !flagged(old.confidence)) totals.silentBefore++
      if (record.after !== truth && !flagged(record.confidence)) {
        totals.silentAfter++
        if (process.env['SILENT'] === '1') console.log(`SILENT ${old.after}→${record.after} (${truth}) ${old.confidence}→${record.confidence} ${result.text.slice(Math.max(0, record.outputOffset - 6), record.outputOffset + 7).replace(/\n/g, '⏎')} | ${record.alternatives.join('')} | ${record.evidence ?? ''}`)
      }
      if (flagged(old.confidence)) totals.flagsBefore++
      if (flagged(record.confidence)) totals.flagsAfter++
      if (record.after === old.after) return
      totals.overturned++
      if (record.after !== truth) totals.overturnedWrong++
      const around = result.text.slice(Math.max(0, record.outputOffset - 5), record.outputOffset + 6).replace(/\n/g, '⏎')
      // `+`: a candidate the English proposed, not among the repair's.
      const proposed = old.alternatives.includes(record.after) ? '' : '+'
      totals.lines.push(`${record.after === truth ? 'right' : 'WRONG'}${proposed} ${old.after}→${record.after} (${truth}) ${old.confidence}→${record.confidence} ${around} | ${record.evidence ?? ''}`)
    })
  }
  return totals
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)

if (isMain) {
  const {values} = parseArgs({options: {set: {type: 'string', default: 'tuning'}, channel: {type: 'string', default: 'utf-8>windows-1254/dropped'}, show: {type: 'boolean', default: false}, 'no-proposals': {type: 'boolean', default: false}}})
  const shared = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', process.env['BITEXT_SHARED'] ?? path.join('..', 'shared'))
  const {tuning, heldOut} = splitPages(readPages(shared))
  const named = channels.filter((item) => item.lossy && item.id.includes(values.channel))
  const channel = channels.find((item) => item.id === values.channel) ?? (named.length === 1 ? named[0] : undefined)
  if (channel === undefined) throw new Error(`no channel ${values.channel}, or more than one`)
  const {lines, ...totals} = rerankChannel(shared, channel, values.set === 'held-out' ? heldOut : tuning, lexiconLoader(), !values['no-proposals'])
  if (values.show) for (const line of lines) console.log(line)
  console.log(`${values.set} ${channel.id}: ${JSON.stringify(totals)}`)
}
