/**
 * Types of a loaded, validated glossary (`glossary.yaml`).
 *
 * Every form in a glossary is a plain string, never a regular expression:
 * matching is done by a multi-pattern automaton whose cost does not depend on
 * the patterns' content, so a glossary cannot make the lint slow.
 */
import type {GlossaryIndex} from './build-index.js'

/** One example of a term, checked when the glossary loads. */
export interface TermExample {
  en?: string
  zh?: string
  valid: boolean
  /** 1-based line of the example in the glossary file. */
  line?: number
  /** 1-based column of the example in the glossary file. */
  column?: number
}

/** One validated glossary entry. */
export interface Term {
  /** English forms (empty for a ZH-only rule). The first is the term's key. */
  en: string[]
  /**
   * Approved Chinese renderings (empty when none is given). For a `keep`
   * term, translations that are accepted only next to the English form.
   */
  zh: string[]
  /** The term stays in English in the Chinese text. */
  keep: boolean
  /** Renderings that are wrong for this term, wherever they appear in Chinese text. */
  forbid: string[]
  /** Case-sensitive matching (default false). */
  case: boolean
  /**
   * The sense of the term: it counts on the English side only when that side
   * also has one of these words (plain words, any case, -s/-es/-ed/-ing
   * forms too). Empty or absent: every sense.
   */
  when?: string[]
  /** Words that rule the term out: it does not count when the English side has one. */
  unless?: string[]
  note?: string
  examples: TermExample[]
  /** 1-based line of the entry in the glossary file, for messages. */
  line: number
  /** 1-based column of the entry in the glossary file. */
  column?: number
}

/** A loaded glossary. */
export interface Glossary {
  /** Path of the glossary file, for messages. */
  path: string
  terms: Term[]
  /**
   * The compiled matcher, built once when the glossary loads (`parseGlossary`
   * and `createGlossary` fill it). When absent, checks build it on use.
   */
  index?: GlossaryIndex
}
