/**
 * The contract of a check. One check per file, `src/check/<rule-id>.ts`; the
 * rule id is the file name and the anchor of `docs/rules/<rule-id>.md`.
 *
 * A rule is pure: it takes the document's data and returns findings. The
 * check plugin (`src/check/index.ts`) turns findings into vfile messages with
 * the severity configured for the rule, and collects their fixes.
 */
import type {Root} from 'mdast'
import type {Glossary} from '../glossary/types.js'
import type {Segment} from './segmenter.js'
import type {Alignment, DamageReport, DecisionProblem, Fix, OpenDecision, RepairRecord, RuleSetting, TermUse} from '../types.js'

/** What a rule gets to look at. */
export interface RuleContext {
  /** The parsed document (positions point into `text`). */
  tree: Root
  /** The document text after repair (what `tree` was parsed from). */
  text: string
  /** The alignment of the document. */
  alignment: Alignment
  /** The glossary, when one is configured. */
  glossary: Glossary | undefined
  /** Repairs made to the text before parsing. */
  repairs: RepairRecord[]
  /** Damage detected before parsing, or null. */
  damage: DamageReport | null
  /** Open decisions of the article's decision block, placed in `text` (default: none). */
  decisions?: OpenDecision[]
  /** Decision block lines that could not be used, placed in `text` (default: none). */
  decisionProblems?: DecisionProblem[]
  /** Today's English source of the document, when given (`lint --source`; default: none). */
  syncSource?: string
  /**
   * Per-document memo, so rules that need the same analysis (the glossary
   * rules) compute it once per document (default: none, compute every time).
   */
  memo?: Map<string, unknown>
  /**
   * Cuts Chinese text into words as jieba's `cut(text, false)` does
   * (default: a jieba loaded in this thread on first use; a worker thread
   * asks the one of its pool).
   */
  segment?: Segment
}

/**
 * Compute a value once per document and share it between rules.
 *
 * @param context The rule context (its `memo` holds the value).
 * @param key What the value is (one key per kind of analysis).
 * @param compute Computes the value from the context's data.
 * @returns The value.
 */
export function memoized<T>(context: RuleContext, key: string, compute: () => T): T {
  if (!context.memo) return compute()
  if (!context.memo.has(key)) context.memo.set(key, compute())
  return context.memo.get(key) as T
}

/** One problem found by a rule. Offsets are 0-based into `RuleContext.text`. */
export interface Finding {
  /** Message in remark-lint wording, no final period: "Unexpected `群集` for `cluster`, expected `集群`". */
  reason: string
  start: number
  end: number
  /** What was found. */
  actual?: string
  /** What was expected instead (one or more). */
  expected?: string[]
  /** Longer explanation for reviewers. */
  note?: string
  /** A proposed fix, applied only by `lint --fix`. */
  fix?: Fix
  /** Facts for other stages (e.g. glossary term uses for cross-file consistency). */
  termUse?: TermUse
  /** Record only the facts (`fix`, `termUse`), without a message (default false). */
  silent?: boolean
}

/** A check. */
export interface Rule {
  /** Rule id = file name = docs anchor, kebab-case. */
  id: string
  /** Which group the rule belongs to (`bitext lint --rules glossary` runs one group). */
  group: 'glossary' | 'qa' | 'align' | 'repair' | 'typography'
  /** Severity when configuration says nothing. */
  defaultSetting: RuleSetting
  /** One-line description for docs and `--help`. */
  description: string
  /**
   * Run the rule.
   *
   * @param context The document's data.
   * @returns The findings, in any order.
   */
  check(context: RuleContext): Finding[]
}
