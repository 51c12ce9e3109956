/**
 * The bilingual re-rank on the damage matrix's pages that have an English
 * source (CNCF glossary `en/`, Kubernetes website `en.md`): each page damaged
 * through a channel, repaired, aligned with its English and re-ranked; every
 * re-rankable repair scored against the original, before and after.
 *
 *   npx tsx bench/rerank-matrix.ts [--set tuning|held-out] [--channel ID] [--show]
 *
 * `--show` prints every choice the re-rank overturned, right or wrong, with
 * its evidence and final confidence: what "strong evidence" is tuned on.
 */
import {existsSync, readFileSync} from 'node:fs'
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
import {glossDictionaryLoader} from '../src/repair/source/gloss-dictionary.js'
import {isRerankable, rerankRepairs} from '../src/repair/source/rerank.js'
import {sourceSpans} from '../src/repair/source/source-evidence.js'
import {readPages, splitPages} from './repair-matrix.js'

const {values} = parseArgs({options: {set: {type: 'string', default: 'tuning'}, channel: {type: 'string', default: 'utf-8>windows-1254/dropped'}, show: {type: 'boolean', default: false}}})
const shared = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared')
const {tuning, heldOut} = splitPages(readPages(shared))
const pages = values.set === 'held-out' ? heldOut : tuning
const channel = channels.find((item) => item.id === values.channel)
if (channel === undefined) throw new Error(`no channel ${values.channel}`)
const english = (name: string): string | undefined => {
  const file = name.startsWith('cncf-glossary') ? path.join(shared, 'corpus', name.replace('/zh-cn/', '/en/')) : path.join(shared, 'corpus', path.dirname(name), 'en.md')
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined
}
const lexicon = lexiconLoader()
const context = contextModelLoader(lexicon)
const dictionary = glossDictionaryLoader()
const parser = createParser()
const totals = {pages: 0, records: 0, wrongBefore: 0, wrongAfter: 0, silentBefore: 0, silentAfter: 0, flagsBefore: 0, flagsAfter: 0, overturned: 0, overturnedWrong: 0}
const flagged = (confidence: number) => confidence < 0.8
for (const page of pages) {
  const en = english(page.name)
  if (en === undefined) continue
  const repaired = repairMojibake(channel.damage(page.text), {lexicon, context})
  if (repaired.text.length !== page.text.length) continue
  totals.pages++
  const alignment = alignFiles(parser.parse(en) as Root, parser.parse(repaired.text) as Root, {enSource: en, zhSource: repaired.text})
  const result = rerankRepairs(repaired.text, repaired.repairs, sourceSpans(alignment), {dictionary: dictionary(), lexicon: lexicon(), context: context()})
  repaired.repairs.forEach((old, index) => {
    if (!isRerankable(old)) return
    const record = result.repairs[index]!
    const truth = page.text.slice(record.outputOffset, record.outputOffset + record.after.length)
    totals.records++
    if (old.after !== truth) totals.wrongBefore++
    if (record.after !== truth) totals.wrongAfter++
    if (old.after !== truth && !flagged(old.confidence)) totals.silentBefore++
    if (record.after !== truth && !flagged(record.confidence)) totals.silentAfter++
    if (flagged(old.confidence)) totals.flagsBefore++
    if (flagged(record.confidence)) totals.flagsAfter++
    if (record.after !== old.after) {
      totals.overturned++
      if (record.after !== truth) totals.overturnedWrong++
      if (values.show) {
        const around = result.text.slice(Math.max(0, record.outputOffset - 5), record.outputOffset + 6).replace(/\n/g, '⏎')
        console.log(`${record.after === truth ? 'right' : 'WRONG'} ${old.after}→${record.after} (${truth}) ${old.confidence}→${record.confidence} ${around} | ${record.evidence ?? ''}`)
      }
    }
  })
}
console.log(`${values.set} ${channel.id}: ${JSON.stringify(totals)}`)
