/**
 * The glossary analysis of one aligned unit (or one example): which terms the
 * English side has, and what the Chinese side does with them. The four
 * glossary checks each report one part of it.
 */
import type {PatternEntry} from './build-index.js'
import {matchSegments, type TermMatch} from './match-terms.js'
import type {Segment} from './normalize.js'
import type {GlossaryIndex} from './build-index.js'
import type {Term} from './types.js'

/** One side of a unit, ready for matching. */
export interface SideText {
  /** Text pieces to search, with offsets into `source`. */
  segments: Segment[]
  /** The file text. */
  source: string
  /** Offsets of the whole side (where a message about the side points). */
  start: number
  end: number
}

/** A forbidden rendering found in Chinese text. */
export interface ForbiddenUse {
  term: number
  start: number
  end: number
  /** As found in the text. */
  actual: string
  /** The forbidden form as written in the glossary. */
  form: string
  /** Whether the file text of the span is exactly `actual` (so that it can be replaced). */
  plain: boolean
}

/** A term of the English side with none of its renderings on the Chinese side. */
export interface MissingTerm {
  term: number
  /** The Chinese side's span. */
  start: number
  end: number
  /** The English text as found. */
  enActual: string
}

/** A `keep` term translated instead of kept. */
export interface KeepViolation {
  term: number
  start: number
  end: number
  actual: string
  /** The English text as found. */
  enActual: string
  /** Whether the file text of the span is exactly `actual` (so that it can be replaced). */
  plain: boolean
}

/** An approved rendering used for a term of the English side. */
export interface ApprovedUse {
  term: number
  start: number
  end: number
  actual: string
  /** The approved rendering as written in the glossary. */
  rendering: string
}

/** Everything the glossary checks report about some text. */
export interface GlossaryAnalysis {
  forbidden: ForbiddenUse[]
  missing: MissingTerm[]
  keep: KeepViolation[]
  uses: ApprovedUse[]
}

/**
 * Analyze one unit.
 *
 * @param en The English side, or null (a Chinese-only unit: only forbidden renderings are checked).
 * @param zh The Chinese side, or null.
 * @param terms The glossary's terms.
 * @param index The compiled glossary.
 * @returns The analysis (offsets into the sides' `source`).
 */
export function analyzeUnit(
  en: SideText | null,
  zh: SideText | null,
  terms: readonly Term[],
  index: GlossaryIndex
): GlossaryAnalysis {
  const result: GlossaryAnalysis = {forbidden: [], missing: [], keep: [], uses: []}
  const zhMatches = zh ? matchSegments(zh.segments, zh.source, index.zh) : []
  for (const match of zhMatches) {
    for (const entry of match.entries) {
      if (entry.role === 'forbid') result.forbidden.push({term: entry.term, start: match.start, end: match.end, actual: match.actual, form: entry.form, plain: match.plain})
    }
  }
  if (!en || !zh) return result

  // First English occurrence of each term, in the sense the glossary gives it.
  const enTerms = new Map<number, TermMatch>()
  const enText = en.segments.map((segment) => segment.text).join(' ')
  for (const match of matchSegments(en.segments, en.source, index.en)) {
    for (const entry of match.entries) {
      if (!enTerms.has(entry.term) && inSense(terms[entry.term], enText)) enTerms.set(entry.term, match)
    }
  }
  const byTerm = new Map<number, Array<{match: TermMatch; entry: PatternEntry}>>()
  for (const match of zhMatches) {
    for (const entry of match.entries) {
      const list = byTerm.get(entry.term) ?? []
      list.push({match, entry})
      byTerm.set(entry.term, list)
    }
  }

  for (const [termIndex, enMatch] of enTerms) {
    const term = terms[termIndex]
    const found = byTerm.get(termIndex) ?? []
    const approvedRole = term.keep ? 'keep' : 'zh'
    const approved = found.filter((item) => item.entry.role === approvedRole)
    const forbidden = found.some((item) => item.entry.role === 'forbid')
    if (approved.length > 0) {
      for (const {match, entry} of approved) {
        result.uses.push({term: termIndex, start: match.start, end: match.end, actual: match.actual, rendering: entry.form})
      }
      continue
    }
    const translations = term.keep ? found.filter((item) => item.entry.role === 'zh') : []
    if (translations.length > 0) {
      for (const {match} of translations) {
        result.keep.push({term: termIndex, start: match.start, end: match.end, actual: match.actual, enActual: enMatch.actual, plain: match.plain})
      }
      continue
    }
    // A forbidden rendering is reported as such; a term without renderings expects nothing.
    if (forbidden || approvedForms(term).length === 0) continue
    result.missing.push({term: termIndex, start: zh.start, end: zh.end, enActual: enMatch.actual})
  }
  return result
}

/** Compiled `when` / `unless` words of a term: one pattern for any of them, or none. */
const senseCache = new WeakMap<Term, {when: RegExp | undefined; unless: RegExp | undefined}>()

/**
 * Plain words or phrases as one pattern that finds any of them: any case,
 * -s/-es/-ed/-ing/-d forms, `-` and spaces alike, whole words. One
 * alternation finds what one pattern per word would (a test of each), and
 * costs one compilation: a Unicode, case-insensitive pattern with its letter
 * classes took ~0.7 ms to compile, once per word for each process.
 */
function wordsPattern(words: readonly string[]): RegExp | undefined {
  if (words.length === 0) return undefined
  const escaped = words.map((word) =>
    word
      .trim()
      .split(/[\s-]+/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[\\s-]+')
  )
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?:s|es|ed|d|ing)?(?![\\p{L}\\p{N}])`, 'iu')
}

/**
 * Whether a term is meant in this English text: one of its `when` words is
 * there (or it has none), and none of its `unless` words.
 *
 * @param term The term.
 * @param enText The English side's searchable text.
 * @returns True when the term counts.
 */
export function inSense(term: Term, enText: string): boolean {
  if (!term.when?.length && !term.unless?.length) return true
  let compiled = senseCache.get(term)
  if (!compiled) {
    compiled = {when: wordsPattern(term.when ?? []), unless: wordsPattern(term.unless ?? [])}
    senseCache.set(term, compiled)
  }
  if (compiled.unless?.test(enText)) return false
  return compiled.when === undefined || compiled.when.test(enText)
}

/**
 * The forms a Chinese text should use for a term: its renderings, or its
 * English forms for a `keep` term (deduplicated without regard to case).
 *
 * @param term The term.
 * @returns The forms, in glossary order.
 */
export function approvedForms(term: Term): string[] {
  const forms = term.keep ? term.en : term.zh
  const seen = new Set<string>()
  return forms.filter((form) => {
    const key = form.toLowerCase()
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * Join forms for a message: `` `a` ``, `` `a` or `b` ``, `` `a`, `b` or `c` ``.
 *
 * @param forms The forms.
 * @returns The phrase.
 */
export function listForms(forms: readonly string[]): string {
  const quoted = forms.map((form) => '`' + form + '`')
  if (quoted.length <= 1) return quoted.join('')
  return `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`
}
