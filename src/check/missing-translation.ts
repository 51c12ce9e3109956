/**
 * `missing-translation`: an English block with no Chinese counterpart.
 */
import {toString} from 'mdast-util-to-string'
import type {Finding, Rule, RuleContext} from './rule.js'
import {excerpt, sideOf} from './qa-helpers.js'

/** Blocks that carry prose and so need a translation. */
const translatable = new Set(['paragraph', 'heading', 'list', 'table', 'blockquote', 'caption'])

/** Fewer Latin words than this is a name, a date or a byline, not prose. */
const minWords = 4

/**
 * Find source-only units of prose.
 *
 * @param context The document's data.
 * @returns One finding per untranslated block, at its English text.
 */
function check(context: RuleContext): Finding[] {
  const findings: Finding[] = []
  for (const unit of context.alignment.units) {
    if (unit.kind !== 'source-only' || !translatable.has(unit.block)) continue
    const side = sideOf(unit, 'en')
    if (!side) continue
    const text = side.nodes.map((node) => toString(node)).join(' ')
    if ((text.match(/\p{L}{2,}/gu) ?? []).length < minWords) continue
    findings.push({
      reason: `Missing translation of ${unit.block} \`${excerpt(text)}\`, translate it`,
      start: side.range[0],
      end: side.range[1],
      actual: text,
      note: 'The English block has no Chinese block after it. Translate it, or mark it as shared if it must stay in English'
    })
  }
  return findings
}

/** The `missing-translation` rule. */
export const missingTranslation: Rule = {
  id: 'missing-translation',
  group: 'align',
  defaultSetting: 'warn',
  description: 'English prose block without a Chinese translation',
  check
}
