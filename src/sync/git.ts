/**
 * Git mode: a translation that keeps no English (only Chinese, as Docusaurus
 * and Hugo sites keep them) is compared through the English it was
 * translated from, read from git at the base commit. That English is aligned
 * with the Chinese by the two-file aligner (`alignFiles`), and then compared
 * with today's English like stored English.
 */
import type {Root} from 'mdast'
import {alignFiles} from '../align/align-files.js'
import {dropDecisionBlock} from '../decisions/index.js'
import {createParser} from '../parse/index.js'
import {applyMarkers} from './apply-markers.js'
import type {MatchOptions} from './match.js'
import {matchParagraphs} from './match.js'
import {readSource} from './read-source.js'
import {readStored} from './read-stored.js'
import type {SyncResult} from './types.js'

/**
 * Compare a Chinese-only translation with today's English through the
 * English of its base commit.
 *
 * @param zhText The translation (Chinese only).
 * @param baseText The English source at the commit the translation was based on.
 * @param enText Today's English source.
 * @param options Matching threshold.
 * @returns The statuses; `stored` places are lines of the base English, `zh` places lines of the translation.
 */
export function syncFromBase(zhText: string, baseText: string, enText: string, options: MatchOptions = {}): SyncResult {
  const parser = createParser()
  const zhTree = parser.parse(zhText) as Root
  const baseTree = parser.parse(baseText) as Root
  dropDecisionBlock(zhTree)
  const alignment = alignFiles(baseTree, zhTree, {enSource: baseText, zhSource: zhText})
  const stored = readStored(alignment, baseText, [])
  const source = readSource(parser.parse(enText) as Root, enText)
  return {units: applyMarkers(matchParagraphs(stored, source, options)), convention: 'git', fast: false}
}

/**
 * The base commit a translation names in its front matter (`source_commit:`).
 *
 * @param zhText The translation.
 * @returns The revision, or undefined.
 */
export function sourceCommitOf(zhText: string): string | undefined {
  const front = /^---\r?\n([^]*?)\r?\n---/.exec(zhText)
  const match = front && /^source_commit:[ \t]*["']?([^\s"'#]+)/m.exec(front[1])
  return match ? match[1] : undefined
}

/**
 * Whether a translation keeps English to compare: some stored English paired
 * with Chinese (a Chinese-only page may still have a line of English, a
 * product name as a heading, but no pairs).
 *
 * @param result A comparison made from the stored English.
 * @returns True when some stored paragraph is English kept beside its Chinese.
 */
export function keepsEnglish(result: SyncResult): boolean {
  return result.units.some((unit) => unit.stored !== null && !unit.stored.shared && unit.stored.zh.length > 0)
}
