/**
 * Which of the flagged repairs (below 0.8 after the re-rank) are wrong, by
 * whether two more opinions agree with the choice: the repair without the
 * context model (lexicon alone, `L`) and the context model alone (`C`), and
 * whether English evidence was found. Run on the tuning pages of a channel,
 * damaged and re-ranked with their English: a category with no wrong
 * repairs could lose its flags. (On the seed's channel none has none.)
 *
 *   npx tsx bench/flag-calibration.ts [tuning|held-out] [CHANNEL] [--rows]
 */
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import type {Root} from 'mdast'
import {alignFiles} from '../src/align/index.js'
import {createParser} from '../src/parse/index.js'
import {channels} from '../src/repair/channels/catalog.js'
import {contextModelLoader} from '../src/repair/model/context-corpus.js'
import {frameReach, unknown} from '../src/repair/model/context-model.js'
import {lexiconLoader} from '../src/repair/model/lexicon.js'
import {isHan} from '../src/repair/reconstruct/choose.js'
import {repairMojibake} from '../src/repair/reconstruct/repair-mojibake.js'
import {glossDictionaryLoader} from '../src/repair/source/gloss-dictionary.js'
import {isRerankable, rerankRepairs} from '../src/repair/source/rerank.js'
import {sourceSpans} from '../src/repair/source/source-evidence.js'
import {readPages, splitPages} from './repair-matrix.js'
const set = process.argv[2] ?? 'tuning'
const rows = process.argv.includes('--rows')
const table = new Map<string, [number, number]>()
const shared = '/work/shared'
const {tuning, heldOut} = splitPages(readPages(shared))
const pages = set === 'held-out' ? heldOut : tuning
const channel = channels.find((item) => item.id === (process.argv[3] ?? 'utf-8>windows-1254/dropped'))!
const english = (name: string) => {
  const file = name.startsWith('cncf-glossary') ? path.join(shared, 'corpus', name.replace('/zh-cn/', '/en/')) : path.join(shared, 'corpus', path.dirname(name), 'en.md')
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined
}
const lexicon = lexiconLoader(); const context = contextModelLoader(lexicon); const dictionary = glossDictionaryLoader(); const parser = createParser()
for (const page of pages) {
  const en = english(page.name); if (en === undefined) continue
  const damagedText = channel.damage(page.text)
  const repaired = repairMojibake(damagedText, {lexicon, context})
  if (repaired.text.length !== page.text.length) continue
  const lexOnly = repairMojibake(damagedText, {lexicon, context: false})
  const alignment = alignFiles(parser.parse(en) as Root, parser.parse(repaired.text) as Root, {enSource: en, zhSource: repaired.text})
  const result = rerankRepairs(repaired.text, repaired.repairs, sourceSpans(alignment), {dictionary: dictionary(), lexicon: lexicon(), context: context()})
  const damaged = new Set(result.repairs.filter(isRerankable).map((r) => r.outputOffset))
  const t = result.text
  const side = (at: number, step: number) => {
    const out: string[] = []
    for (let p = at + step; p >= 0 && p < t.length && out.length < frameReach; p += step) {
      const c = t[p]!
      if (damaged.has(p)) out.push(unknown)
      else if (isHan(c)) out.push(c)
      else if (c === ' ' || /[A-Za-z0-9]/.test(c)) { if (out.at(-1) !== ' ') out.push(' ') }
      else break
    }
    return out
  }
  result.repairs.forEach((record, index) => {
    if (!isRerankable(record) || record.confidence >= 0.8) return
    const old = repaired.repairs[index]!
    const truth = page.text.slice(record.outputOffset, record.outputOffset + record.after.length)
    const at = record.outputOffset
    const lex = lexOnly.text.length === t.length ? lexOnly.text.slice(at, at + record.after.length) : '?'
    const cands = [record.after, ...record.alternatives]
    const model = context()
    const left = side(at, -1); const right = side(at, 1)
    const scores = cands.map((c) => model.count(c) >= 50 ? model.score(c, left, right) : -1e9)
    const ctx = cands[scores.indexOf(Math.max(...scores))]!
    const key = `${lex === record.after ? 'L' : 'l'} ${ctx === record.after ? 'C' : 'c'} ${record.evidence === undefined ? '-' : 'ev'}`
    const cell = table.get(key) ?? [0, 0]
    cell[record.after === truth ? 0 : 1]++
    table.set(key, cell)
    if (rows) console.log([record.after === truth ? 1 : 0, record.confidence, old.after === record.after ? 'same' : 'changed', record.evidence === undefined ? '-' : 'ev', lex === record.after ? 'L' : 'l', ctx === record.after ? 'C' : 'c', record.after, cands.join(''), t.slice(at - 4, at + 5).replace(/\n/g, '⏎')].join('\t'))
  })
}
console.log('lexicon alone agrees (L), context alone agrees (C), English evidence (ev): right, wrong')
for (const [key, [right, wrong]] of [...table].sort()) console.log(`${key}\t${right}\t${wrong}`)
