/**
 * `zh-typography`: CJK typography of the Chinese side, as the maintained
 * AutoCorrect engine (autocorrect-node) formats it: spaces between Chinese and
 * Latin letters or digits, full-width punctuation and quotes inside Chinese
 * sentences, no spaces inside full-width quotes.
 *
 * The rules are AutoCorrect's; this file only turns its output into findings
 * with `{range, text}` fixes, one per change.
 */
import {createRequire} from 'node:module'
import type {formatFor} from 'autocorrect-node'
import diff from 'fast-diff'
import type {Finding, Rule, RuleContext} from './rule.js'
import {hasHan, sideOf, type Side} from './qa-helpers.js'

const require = createRequire(import.meta.url)

/**
 * AutoCorrect's formatter, loaded on first use (a native module that a thread
 * which only reports never needs). A load-once cache, not state.
 */
let format: typeof formatFor | undefined
function formatter(): typeof formatFor {
  format ??= (require('autocorrect-node') as typeof import('autocorrect-node')).formatFor
  return format
}

/** One change AutoCorrect made: `removed` at `offset` (in the side) became `inserted`. */
interface Change {
  offset: number
  removed: string
  inserted: string
}

/**
 * The changes between a text and its formatted version, grouped so that a
 * deletion next to an insertion is one replacement.
 *
 * @param before Original text.
 * @param after Formatted text.
 * @returns Changes, offsets into `before`.
 */
export function changes(before: string, after: string): Change[] {
  const result: Change[] = []
  let offset = 0
  let current: Change | undefined
  for (const [operation, text] of diff(before, after)) {
    if (operation === diff.EQUAL) {
      if (current) result.push(current)
      current = undefined
      offset += text.length
      continue
    }
    current ??= {offset, removed: '', inserted: ''}
    if (operation === diff.DELETE) {
      current.removed += text
      offset += text.length
    } else {
      current.inserted += text
    }
  }
  if (current) result.push(current)
  return result
}

/**
 * Describe a change in remark-lint wording.
 */
function describe(change: Change, before: string): string {
  const previous = before[change.offset - 1] ?? ''
  const next = before[change.offset + change.removed.length] ?? ''
  if (change.removed === '' && change.inserted.trim() === '') {
    return `Missing space between \`${previous}\` and \`${next}\`, add one`
  }
  if (change.inserted === '' && change.removed.trim() === '') {
    return `Unexpected space between \`${previous}\` and \`${next}\`, remove it`
  }
  if (change.inserted === '') return `Unexpected \`${change.removed}\`, remove it`
  if (change.removed === '') return `Missing \`${change.inserted}\` after \`${previous}\`, add it`
  return `Unexpected \`${change.removed.trim() || ' '}\`, expected \`${change.inserted.trim() || ' '}\``
}

/**
 * Findings for one Chinese side.
 */
function side(text: string, zh: Side): Finding[] {
  const source = text.slice(zh.range[0], zh.range[1])
  if (!hasHan(source)) return []
  const formatted = formatter()(source, 'article.md')
  if (formatted === source) return []
  return changes(source, formatted).map((change) => {
    const start = zh.range[0] + change.offset
    const end = start + change.removed.length
    return {
      reason: describe(change, source),
      // A pure insertion is shown on the two characters it goes between.
      start: change.removed === '' ? Math.max(zh.range[0], start - 1) : start,
      end: change.removed === '' ? Math.min(zh.range[1], end + 1) : end,
      actual: change.removed,
      expected: [change.inserted],
      fix: {range: [start, end], text: change.inserted},
      note: 'Chinese typography: a space between Chinese and Latin letters or digits, full-width punctuation in Chinese sentences'
    }
  })
}

/**
 * Check the typography of every Chinese side (pairs and target-only units).
 *
 * @param context The document's data.
 * @returns One finding per change AutoCorrect would make, each with its fix.
 */
function check(context: RuleContext): Finding[] {
  const findings: Finding[] = []
  for (const unit of context.alignment.units) {
    if (unit.kind !== 'pair' && unit.kind !== 'target-only') continue
    if (unit.block === 'code' || unit.block === 'html') continue
    const zh = sideOf(unit, 'zh')
    if (zh) findings.push(...side(context.text, zh))
  }
  return findings
}

/** The `zh-typography` rule. */
export const zhTypography: Rule = {
  id: 'zh-typography',
  group: 'typography',
  defaultSetting: 'warn',
  description: 'Chinese typography: spacing and full-width punctuation (AutoCorrect)',
  check
}
