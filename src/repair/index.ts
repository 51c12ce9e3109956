/**
 * Repair stage: undo mojibake in `file.value` and explain every repair.
 */
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {findForeignMojibake} from './detect/foreign-mojibake.js'
import {findLostToUtf8} from './detect/lost-to-utf8.js'
import {repairMojibake, type RepairOptions} from './reconstruct/repair-mojibake.js'

export {repairMojibake, resolveLexicon} from './reconstruct/repair-mojibake.js'
export {glossaryForms} from './model/article-lexicon.js'
export {findForeignMojibake, type ForeignMojibake} from './detect/foreign-mojibake.js'
export {findLostToUtf8, type LostToUtf8} from './detect/lost-to-utf8.js'
export type {RepairOptions, RepairResult} from './reconstruct/repair-mojibake.js'
export {lexiconLoader, loadLexicon, parseLexicon} from './model/lexicon.js'
export type {Lexicon, LexiconLoader, LexiconTrie} from './model/lexicon.js'
export {contextModelLoader, defaultCorpusPath, loadContextModel, readLanguagePack} from './model/context-corpus.js'
export {trainContextModel, defaultContextWeights, type ContextModel, type ContextModelLoader, type ContextWeights} from './model/context-model.js'
export {rerankWithSource, type RerankStageOptions} from './source/rerank-stage.js'
export {rerankRepairs, isRerankable, type RerankOptions, type RerankResult} from './source/rerank.js'
export {sourceSpans, sourceAt, type SourceSpan} from './source/source-evidence.js'
export {glossDictionaryLoader, loadGlossDictionary, parseCedict} from './source/gloss-dictionary.js'
export type {GlossDictionary, GlossDictionaryLoader, Glosses} from './source/gloss-dictionary.js'
export {defaultSourceWeights, type SourceWeights} from './source/source-bonus.js'

export {uncertainBelow} from './uncertain.js'

/** Options of {@link repair}. */
export type RepairStageOptions = RepairOptions

/**
 * Repair mojibake in a decoded file: replaces `file.value`, sets
 * `file.data.repairs` and `file.data.damage`, and reports one `info` message
 * per damaged file. Uncertain repairs are reported by the `mojibake-uncertain`
 * check, whose severity is configurable like every rule's. UTF-8 read as a
 * codec whose lost bytes cannot be rebuilt (Big5, Shift_JIS, EUC-KR), and
 * GBK or Big5 read as UTF-8 (its U+FFFD are characters lost), are left as
 * they are, with one `mojibake-unrepaired` error saying what to do.
 *
 * @param file A file whose value is a string (run `decode` first).
 * @param options Repair options.
 * @returns Nothing; the file is changed.
 */
export function repair(file: VFile, options: RepairStageOptions = {}): void {
  const text = String(file.value)
  // UTF-8 whose lost bytes were saved as `?` (the decode stage found them in the bytes) is nothing else.
  const lostAsQuestion = file.data.encoding?.lostAsQuestion
  const foreign = lostAsQuestion ? undefined : findForeignMojibake(text)
  if (foreign !== undefined) {
    refuse(file, text, foreign.offset, `Unrepairable mojibake: this is UTF-8 read as ${foreign.codec} (${foreign.lost} \`\uFFFD\` or \`?\` where bytes were lost, ${foreign.pieces} runs that read back as Chinese); bitext cannot rebuild the lost bytes and left the text as it is: restore the article from its original UTF-8 file`)
    return
  }
  const lostToUtf8 = lostAsQuestion ? undefined : findLostToUtf8(text)
  if (lostToUtf8 !== undefined) {
    const {codec} = lostToUtf8
    refuse(file, text, lostToUtf8.offset, `Unrepairable text: this is ${codec} read as UTF-8${lostToUtf8.thenGbk ? ', saved, and read as GBK again (`锟斤拷`)' : ''} (${lostToUtf8.lost} \`\uFFFD\` where characters were lost; the letters between them read back as ${lostToUtf8.readBack} Chinese characters in ${codec}); the lost bytes are gone and bitext left the text as it is: restore the article from its original ${codec} file (bitext reads ${codec} files itself)`)
    return
  }
  const result = repairMojibake(text, lostAsQuestion ? {...options, lostAsQuestion} : options)
  file.value = result.text
  file.data.repairs = result.repairs
  file.data.damage = result.damage
  if (result.damage === null) return
  const count = result.repairs.length
  const first = result.repairs[0]
  // The first repair's place is the same in the text on disk and the repaired text (nothing before it changed).
  file.info(`Repaired mojibake (${result.damage.summary}): ${count} ${count === 1 ? 'repair' : 'repairs'}${where(result.repairs.map((record) => record.line))}; \`bitext repair --json ${file.path ?? 'FILE'}\` lists each with its confidence`, {
    ruleId: 'mojibake-repaired',
    source: 'bitext',
    ...(first === undefined ? {} : {place: {line: first.line, column: first.column}})
  })
}

/** Leave a file's text as it is, with one fatal `mojibake-unrepaired` message at an offset. */
function refuse(file: VFile, text: string, offset: number, reason: string): void {
  file.data.repairs = []
  file.data.damage = null
  const place = location(text).toPoint(offset)
  const message = file.message(reason, {ruleId: 'mojibake-unrepaired', source: 'bitext', ...(place ? {place} : {})})
  message.fatal = true
}

/** Which lines the repairs are on: all of them when few, else the first and the last. */
function where(lines: readonly number[]): string {
  const distinct = [...new Set(lines)].sort((a, b) => a - b)
  if (distinct.length === 0) return ''
  if (distinct.length === 1) return ` on line ${distinct[0]}`
  if (distinct.length <= 5) return ` on lines ${distinct.slice(0, -1).join(', ')} and ${distinct.at(-1)}`
  return ` on ${distinct.length} lines, from line ${distinct[0]} to ${distinct.at(-1)}`
}
