/**
 * Repair stage: undo mojibake in `file.value` and explain every repair.
 */
import type {VFile} from 'vfile'
import {repairMojibake, type RepairOptions} from './repair-mojibake.js'

export {repairMojibake} from './repair-mojibake.js'
export type {RepairOptions, RepairResult} from './repair-mojibake.js'
export {lexiconLoader, loadLexicon, parseLexicon} from './lexicon.js'
export type {Lexicon, LexiconLoader} from './lexicon.js'
export {rerankWithSource, type RerankStageOptions} from './rerank-stage.js'
export {rerankRepairs, isRerankable, type RerankOptions, type RerankResult} from './rerank.js'
export {sourceSpans, sourceAt, type SourceSpan} from './source-evidence.js'
export {glossDictionaryLoader, loadGlossDictionary, parseCedict} from './gloss-dictionary.js'
export type {GlossDictionary, GlossDictionaryLoader, Glosses} from './gloss-dictionary.js'
export {defaultSourceWeights, type SourceWeights} from './source-bonus.js'

/** Options of {@link repair}. */
export interface RepairStageOptions extends RepairOptions {
  /** Repairs less sure than this become `mojibake-uncertain` warnings (default 0.8). */
  uncertainBelow?: number
}

/**
 * Repair mojibake in a decoded file: replaces `file.value`, sets
 * `file.data.repairs` and `file.data.damage`, and reports one `info` message
 * per damaged file plus one `mojibake-uncertain` warning per repair less sure
 * than `uncertainBelow`.
 *
 * @param file A file whose value is a string (run `decode` first).
 * @param options Repair options.
 * @returns Nothing; the file is changed.
 */
export function repair(file: VFile, options: RepairStageOptions = {}): void {
  const text = String(file.value)
  const result = repairMojibake(text, options)
  file.value = result.text
  file.data.repairs = result.repairs
  file.data.damage = result.damage
  if (result.damage === null) return
  const count = result.repairs.length
  file.info(`Repaired mojibake (${result.damage.summary}): ${count} ${count === 1 ? 'repair' : 'repairs'}`, {
    ruleId: 'mojibake-repaired',
    source: 'bitext'
  })
  const threshold = options.uncertainBelow ?? 0.8
  for (const record of result.repairs) {
    if (record.confidence >= threshold) continue
    const place = {line: record.line, column: outputColumn(result.text, record.outputOffset)}
    const end = {line: record.line, column: place.column + record.after.length}
    const message = file.message(
      `Unexpected uncertain repair \`${record.before}\` → \`${record.after}\`, expected one of \`${[record.after, ...record.alternatives].join('`, `')}\``,
      {place: {start: place, end}, ruleId: 'mojibake-uncertain', source: 'bitext'}
    )
    message.actual = record.before
    message.expected = [record.after, ...record.alternatives]
    message.note = `Chose \`${record.after}\` with confidence ${record.confidence.toFixed(2)}; check it against the source`
  }
}

/** 1-based column of an offset in the repaired text. */
function outputColumn(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1) + 1
}
