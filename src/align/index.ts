/**
 * The align stage: a unified plugin that sets `file.data.alignment` and
 * reports what is missing or untranslated.
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {alignBlocks} from './align-blocks.js'
import {reportAlignment} from './messages.js'
import {flagStale} from '../sync/flag-stale.js'

/** Options of `bitextAlign`. */
export interface Options {
  /** ZH:EN length ratio (default: estimated from the document). */
  ratio?: number
  /** Fewest Latin words of an English clause inside Chinese for `untranslated` (default: 6). */
  minClauseWords?: number
  /**
   * Whether to add `missing-translation`, `omission` and `untranslated`
   * messages (default: true; turn off when a check stage reports them).
   */
  messages?: boolean
}

/**
 * Align the EN and ZH blocks of a bilingual document.
 *
 * @param options Configuration (all optional).
 * @returns A transformer that sets `file.data.alignment`.
 */
export default function bitextAlign(options: Options = {}) {
  if (options.ratio !== undefined && !(options.ratio > 0 && Number.isFinite(options.ratio))) {
    throw new TypeError(`Unexpected ratio \`${String(options.ratio)}\`, expected a positive number such as \`0.35\``)
  }
  return function transformer(tree: Root, file: VFile): void {
    const alignment = alignBlocks(tree, {
      source: String(file.value ?? ''),
      ...(options.ratio === undefined ? {} : {ratio: options.ratio}),
      ...(options.minClauseWords === undefined ? {} : {minClauseWords: options.minClauseWords})
    })
    // Pairs that `bitext sync --write` marked as stale carry `stale-*` flags for every view.
    flagStale(alignment, String(file.value ?? ''))
    file.data.alignment = alignment
    if (options.messages !== false) reportAlignment(file, alignment)
  }
}

export {bitextAlign}
export {alignBlocks, type AlignOptions} from './align-blocks.js'
export {alignFiles, type AlignFilesOptions} from './align-files.js'
export {alignComments, readComments, type AlignCommentsOptions, type DocumentComments} from './align-comments.js'
export {readComment, type CommentContent, type CommentKind} from './read-comment.js'
export {alignSentences, type SentenceOptions} from './align-sentences.js'
export {splitChinese, splitEnglish, type Sentence} from './split-sentences.js'
export {toAlignmentJson, type AlignmentJson, type UnitJson} from './to-json.js'
export {reportAlignment} from './messages.js'
export {isEnglishClause, detectLanguage} from './script.js'
