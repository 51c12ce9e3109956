/**
 * Dump every rebuilt single character of a set of matrix pages through one
 * channel as JSON lines: the repair stage's choice and, where the page has
 * English, the re-rank's, with the truth, for studying which choices are
 * wrong without a flag.
 *
 *   npx tsx bench/dump-choices.ts --channel ID [--set tuning|held-out] > out.jsonl
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
import {glossDictionaryLoader} from '../src/repair/source/gloss-dictionary.js'
import {isRerankable, rerankRepairs} from '../src/repair/source/rerank.js'
import {sourceSpans} from '../src/repair/source/source-evidence.js'
import {readPages, splitPages} from './repair-matrix.js'
import {englishOf} from './rerank-matrix.js'

const {values} = parseArgs({options: {set: {type: 'string', default: 'tuning'}, channel: {type: 'string', default: 'utf-8>windows-1254/dropped'}}})
const shared = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', process.env['BITEXT_SHARED'] ?? path.join('..', 'shared'))
const {tuning, heldOut} = splitPages(readPages(shared))
const channel = channels.find((item) => item.id === values.channel)
if (channel === undefined) throw new Error(`no channel ${values.channel}`)
const lexicon = lexiconLoader()
const context = contextModelLoader(lexicon)
const dictionary = glossDictionaryLoader()
const parser = createParser()
for (const page of values.set === 'held-out' ? heldOut : tuning) {
  const repaired = repairMojibake(channel.damage(page.text), {lexicon, context})
  if (repaired.text.length !== page.text.length) continue
  const en = englishOf(shared, page.name)
  let after: ReturnType<typeof rerankRepairs> | undefined
  if (en !== undefined) {
    const alignment = alignFiles(parser.parse(en) as Root, parser.parse(repaired.text) as Root, {enSource: en, zhSource: repaired.text})
    after = rerankRepairs(repaired.text, repaired.repairs, sourceSpans(alignment), {dictionary: dictionary(), lexicon: lexicon(), context: context(), features: true})
  }
  repaired.repairs.forEach((record, index) => {
    if (!isRerankable(record)) return
    const at = record.outputOffset
    const truth = page.text.slice(at, at + record.after.length)
    const re = after?.repairs[index]
    console.log(JSON.stringify({
      page: page.name,
      at,
      truth,
      after: record.after,
      confidence: record.confidence,
      alternatives: record.alternatives,
      left: repaired.text.slice(Math.max(0, at - 8), at),
      right: repaired.text.slice(at + record.after.length, at + record.after.length + 8),
      ...(re === undefined ? {} : {reAfter: re.after, reConfidence: re.confidence, reAlternatives: re.alternatives, evidence: re.evidence ?? '', features: after?.features?.get(index)})
    }))
  })
}
