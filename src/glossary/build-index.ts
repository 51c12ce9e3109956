/**
 * Compile a glossary's terms into two multi-pattern automata, one for the
 * English side and one for the Chinese side. Built once when the glossary
 * loads; matching an article then costs the same for 10 or 10,000 terms.
 */
import {buildAutomaton, type Automaton} from './aho-corasick.js'
import {inflections} from './inflect.js'
import {normalizePattern} from './normalize.js'
import type {Term} from './types.js'

/**
 * What a pattern means for one term:
 * - `en`: an English form (on the Chinese side it only competes for the longest match);
 * - `keep`: an English form of a `keep` term, as found in Chinese text;
 * - `zh`: an approved Chinese rendering;
 * - `forbid`: a forbidden rendering.
 */
export type PatternRole = 'en' | 'keep' | 'zh' | 'forbid'

/** One meaning of a pattern. */
export interface PatternEntry {
  /** Index of the term in `Glossary.terms`. */
  term: number
  role: PatternRole
  /** The form as written in the glossary (what messages show). */
  form: string
  /** The variant in normal form with its case kept (checked for case-sensitive terms). */
  cased: string
  /** Whether the term is case-sensitive. */
  caseSensitive: boolean
}

/** The compiled glossary. */
export interface GlossaryIndex {
  /** Patterns of the English side (normal form → meanings). */
  en: Automaton<PatternEntry[]>
  /** Patterns of the Chinese side. */
  zh: Automaton<PatternEntry[]>
  /** Number of patterns in each, for diagnostics. */
  size: {en: number; zh: number}
}

/**
 * Compile terms.
 *
 * @param terms The glossary's terms.
 * @returns The index.
 */
export function buildGlossaryIndex(terms: readonly Term[]): GlossaryIndex {
  const en = new Map<string, PatternEntry[]>()
  const zh = new Map<string, PatternEntry[]>()
  for (const [index, term] of terms.entries()) {
    for (const form of term.en) {
      add(en, index, term, 'en', form, true)
      add(zh, index, term, term.keep ? 'keep' : 'en', form, true)
    }
    for (const form of term.zh) add(zh, index, term, 'zh', form, true)
    for (const form of term.forbid) add(zh, index, term, 'forbid', form, false)
  }
  return {en: buildAutomaton(en), zh: buildAutomaton(zh), size: {en: en.size, zh: zh.size}}
}

function add(
  patterns: Map<string, PatternEntry[]>,
  index: number,
  term: Term,
  role: PatternRole,
  form: string,
  inflect: boolean
): void {
  const normal = normalizePattern(form)
  // A forbidden form is matched as written: its inflections may well be right.
  const variants = inflect ? inflections(normal.cased) : [normal.cased]
  for (const cased of variants) {
    // Inflecting a normal form only appends letters, so lower-casing ASCII keeps it normal.
    const key = cased.replace(/[A-Z]+/g, (letters) => letters.toLowerCase())
    if (key === '') continue
    const list = patterns.get(key) ?? []
    if (!list.some((entry) => entry.term === index && entry.role === role && entry.cased === cased)) {
      list.push({term: index, role, form, cased, caseSensitive: term.case})
    }
    patterns.set(key, list)
  }
}
