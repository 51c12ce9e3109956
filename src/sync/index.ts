/**
 * `bitext sync`'s core: compare the English stored in a translation (`>`
 * quotes, or `<!--` English `-->` comments) with today's English source,
 * paragraph by paragraph. Pure: text in, statuses out.
 */
import type {Root} from 'mdast'
import {alignBlocks} from '../align/align-blocks.js'
import {dropDecisionBlock} from '../decisions/index.js'
import {createParser} from '../parse/index.js'
import type {Alignment} from '../types.js'
import {unchangedByLines} from './fast-path.js'
import {applyMarkers} from './apply-markers.js'
import {findMarkers} from './markers.js'
import {matchParagraphs, type MatchOptions} from './match.js'
import {readSource} from './read-source.js'
import {readStored} from './read-stored.js'
import type {Paragraph, SyncResult} from './types.js'

/** Options of `syncTranslation`. */
export interface SyncOptions extends MatchOptions {
  /**
   * Try the fast path first (default: false): when the stored English is the
   * source line for line, return at once with `fast: true` and no units
   * (every paragraph is `current`).
   */
  fast?: boolean
}

/**
 * Compare a translation with its English source.
 *
 * @param zhText The translated file (its English stored in it).
 * @param enText Today's English source.
 * @param options Matching threshold.
 * @returns One unit per stored or source paragraph, with its status.
 */
export function syncTranslation(zhText: string, enText: string, options: SyncOptions = {}): SyncResult {
  if (options.fast && unchangedByLines(zhText, enText)) return {units: [], convention: zhText.includes('<!--') ? 'comment' : 'quote', fast: true}
  const parser = createParser()
  const zhTree = parser.parse(zhText) as Root
  dropDecisionBlock(zhTree)
  const alignment = alignBlocks(zhTree, {source: zhText})
  const source = readSource(parser.parse(enText) as Root, enText)
  return syncAligned(alignment, zhText, source, options)
}

/**
 * Compare an aligned translation with source paragraphs already read.
 *
 * @param alignment The translation's alignment.
 * @param zhText The translation's text.
 * @param source Today's English paragraphs (`readSource`).
 * @param options Matching threshold.
 * @returns The statuses.
 */
export function syncAligned(alignment: Alignment, zhText: string, source: readonly Paragraph[], options: SyncOptions = {}): SyncResult {
  const markers = findMarkers(zhText)
  const stored = readStored(alignment, zhText, markers)
  const units = applyMarkers(matchParagraphs(stored, source, options))
  const convention = alignment.convention ?? (stored.some((paragraph) => !paragraph.shared) ? 'quote' : 'none')
  return {units, convention, fast: false}
}

export {applyMarkers} from './apply-markers.js'
export {storedChunks, unchangedByLines} from './fast-path.js'
export {syncFromBase, sourceCommitOf, keepsEnglish} from './git.js'
export {planEdits, applyEdits, type SyncEdit} from './write.js'
export {formatSync, summary, type FormatOptions} from './format.js'
export {toSyncJson, unitToJson, countStatuses, isStale, type SyncUnitJson, type PlaceJson} from './to-json.js'
export {matchParagraphs, type MatchOptions} from './match.js'
export {readSource} from './read-source.js'
export {readStored} from './read-stored.js'
export {findMarkers, formatMarker, wasParagraphs} from './markers.js'
export {diffParts, formatDiff, parseDiff, wordDiff, type DiffPart} from './diff.js'
export type {Marker, Paragraph, ParagraphKind, StoredParagraph, SyncResult, SyncStatus, SyncUnit, ZhPlace} from './types.js'
