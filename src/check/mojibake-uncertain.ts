/**
 * `mojibake-uncertain`: a mojibake repair whose confidence was low, so that a
 * reviewer checks the character the repair chose.
 */
import {uncertainBelow} from '../repair/index.js'
import type {Finding, Rule, RuleContext} from './rule.js'

/**
 * Report uncertain repairs.
 *
 * @param context The document's data.
 * @returns One finding per repair below `uncertainBelow`, at the repaired text.
 */
function check(context: RuleContext): Finding[] {
  const findings: Finding[] = []
  for (const repair of context.repairs) {
    if (repair.confidence >= uncertainBelow) continue
    const finding: Finding = {
      reason: `Unexpected uncertain repair of \`${repair.before}\` to \`${repair.after}\` (confidence ${repair.confidence.toFixed(2)})`,
      start: repair.outputOffset,
      end: repair.outputOffset + repair.after.length,
      actual: repair.after,
      note: repair.alternatives.length > 0
        ? `Bytes were lost; other candidates: ${repair.alternatives.join(', ')}`
        : 'Bytes were lost and the repair had to guess'
    }
    if (repair.alternatives.length > 0) finding.expected = [...repair.alternatives]
    findings.push(finding)
  }
  return findings
}

/** The `mojibake-uncertain` rule. */
export const mojibakeUncertain: Rule = {
  id: 'mojibake-uncertain',
  group: 'repair',
  defaultSetting: 'warn',
  description: 'Mojibake repair with low confidence',
  check
}
