/**
 * Types of a loaded, validated glossary (`glossary.yaml`).
 */

/** One example of a term, checked when the glossary loads. */
export interface TermExample {
  en?: string
  zh?: string
  valid: boolean
}

/** One validated glossary entry. */
export interface Term {
  /** English forms (empty for a ZH-only rule). The first is the term's key. */
  en: string[]
  /** Approved Chinese renderings (empty when none is given). */
  zh: string[]
  /** The term stays in English in the Chinese text. */
  keep: boolean
  /** Renderings that are wrong for this term. */
  forbid: string[]
  /** Case-sensitive matching (default false). */
  case: boolean
  note?: string
  examples: TermExample[]
  /** 1-based line of the entry in the glossary file, for messages. */
  line: number
}

/** A loaded glossary. */
export interface Glossary {
  /** Path of the glossary file, for messages. */
  path: string
  terms: Term[]
}
