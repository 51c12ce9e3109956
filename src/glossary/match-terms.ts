/**
 * Find glossary terms in text: every match of the automaton, filtered by word
 * boundaries (a Latin form must not start or end inside a Latin word) and by
 * case (for case-sensitive terms), then reduced to leftmost-longest matches so
 * that a term inside a longer glossary term does not count twice.
 */
import {searchAutomaton, type Automaton} from './aho-corasick.js'
import type {GlossaryIndex, PatternEntry} from './build-index.js'
import {isWordChar, normalizeSegments, type NormalText, type Segment} from './normalize.js'

/** One term occurrence in the original text. */
export interface TermMatch {
  /** 0-based start offset in the original text. */
  start: number
  /** 0-based end offset (exclusive) in the original text. */
  end: number
  /** The text as found, as a reader sees it (without markup such as link brackets). */
  actual: string
  /** Whether the original text between `start` and `end` is exactly `actual` (no markup inside). */
  plain: boolean
  /** What the match means, for each term it belongs to. */
  entries: PatternEntry[]
}

/**
 * Find terms in segments of a text.
 *
 * @param segments Pieces of the text to search (matches never cross pieces).
 * @param source The original text that segment offsets point into (for `actual`).
 * @param automaton `index.en` or `index.zh`.
 * @returns Non-overlapping matches, in text order.
 */
export function matchSegments(
  segments: readonly Segment[],
  source: string,
  automaton: Automaton<PatternEntry[]>
): TermMatch[] {
  const normal = normalizeSegments(segments)
  const candidates: Array<{start: number; end: number; entries: PatternEntry[]}> = []
  for (const found of searchAutomaton(automaton, normal.text)) {
    if (!atBoundaries(normal, found.start, found.end)) continue
    const cased = normal.cased.slice(found.start, found.end)
    const entries = found.payload.filter((entry) => !entry.caseSensitive || entry.cased === cased)
    if (entries.length > 0) candidates.push({start: found.start, end: found.end, entries})
  }
  // Leftmost-longest: sort by start, longest first, then keep what does not overlap.
  candidates.sort((a, b) => a.start - b.start || b.end - a.end)
  const matches: TermMatch[] = []
  let reached = 0
  for (const candidate of candidates) {
    if (candidate.start < reached) continue
    const start = normal.offsets[candidate.start]
    const last = normal.offsets[candidate.end - 1]
    if (start < 0 || last < 0) continue
    reached = candidate.end
    const actual = normal.visible.slice(normal.positions[candidate.start], normal.positions[candidate.end - 1] + 1)
    matches.push({start, end: last + 1, actual, plain: source.slice(start, last + 1) === actual, entries: candidate.entries})
  }
  return matches
}

/**
 * Find terms in a plain string (the pure core of the glossary checks).
 *
 * @param text The text.
 * @param index The compiled glossary.
 * @param side Which side's patterns to use (`en`: English forms; `zh`: renderings, forbidden and kept forms).
 * @returns Non-overlapping matches, in text order, with offsets into `text`.
 */
export function matchTerms(text: string, index: GlossaryIndex, side: 'en' | 'zh'): TermMatch[] {
  return matchSegments([{text, offsets: null}], text, side === 'en' ? index.en : index.zh)
}

function atBoundaries(normal: NormalText, start: number, end: number): boolean {
  const text = normal.text
  if (isWordChar(text[start]) && isWordChar(text[start - 1])) return false
  if (isWordChar(text[end - 1]) && isWordChar(text[end])) return false
  return true
}
