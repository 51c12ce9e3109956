/**
 * `omission`: part of an English block left out of its translation.
 */
import type {Finding, Rule, RuleContext} from './rule.js'
import {excerpt, sideOf} from './qa-helpers.js'

/**
 * Report sentences of pairs that have no Chinese side, and pairs the aligner
 * flagged `omission` without sentence detail.
 *
 * @param context The document's data.
 * @returns Findings at the English text left out.
 */
function check(context: RuleContext): Finding[] {
  const findings: Finding[] = []
  for (const unit of context.alignment.units) {
    if (unit.kind !== 'pair') continue
    let found = false
    for (const sentence of unit.sentences) {
      const flagged = 'flags' in sentence && Array.isArray(sentence.flags) && sentence.flags.includes('omission')
      if (!flagged && (sentence.zh.trim() !== '' || sentence.en.trim() === '')) continue
      if (sentence.enStart === undefined || sentence.enEnd === undefined) continue
      found = true
      findings.push({
        reason: `Missing translation of sentence \`${excerpt(sentence.en)}\`, translate it`,
        start: sentence.enStart,
        end: sentence.enEnd,
        actual: sentence.en,
        note: 'The sentence aligner found no Chinese sentence for this English sentence'
      })
    }
    if (found || !unit.flags.includes('omission')) continue
    const side = sideOf(unit, 'en')
    if (!side) continue
    findings.push({
      reason: 'Unexpected short translation, some of the English seems left out, translate what is missing',
      start: side.range[0],
      end: side.range[1],
      note: 'The Chinese side is much shorter than the document’s usual ratio predicts'
    })
  }
  return findings
}

/** The `omission` rule. */
export const omission: Rule = {
  id: 'omission',
  group: 'align',
  defaultSetting: 'warn',
  description: 'English sentence left out of its translation',
  check
}
