/**
 * Repair stage: undo mojibake in `file.value` and explain every repair.
 */
import type {VFile} from 'vfile'
import {repairMojibake, type RepairOptions} from './reconstruct/repair-mojibake.js'

export {repairMojibake} from './reconstruct/repair-mojibake.js'
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

/** Repairs less sure than this are uncertain: a reviewer should check them. */
export const uncertainBelow = 0.8

/** Options of {@link repair}. */
export type RepairStageOptions = RepairOptions

/**
 * Repair mojibake in a decoded file: replaces `file.value`, sets
 * `file.data.repairs` and `file.data.damage`, and reports one `info` message
 * per damaged file. Uncertain repairs are reported by the `mojibake-uncertain`
 * check, whose severity is configurable like every rule's.
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
}
