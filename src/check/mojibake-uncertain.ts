/**
 * `mojibake-uncertain`: a character rebuilt from lost bytes that a person
 * should confirm, either just repaired or kept open in the article's decision
 * block. The message names the likeliest candidate and why, and the others as
 * others: the chosen character is more likely right than not. Twin decisions
 * (the same character rebuilt the same way in the same word, `decisions/twins.ts`)
 * are one message at the first place, naming the lines of the others: settling
 * it settles them all.
 */
import {openDecisionGroups, type OpenChoice} from '../decisions/open-choices.js'
import {lineFinder} from '../parse/line-finder.js'
import type {Finding, Rule, RuleContext} from './rule.js'

/** What the rule needs to know of an uncertain choice. */
type Choice = Pick<OpenChoice, 'choice' | 'others' | 'confidence' | 'evidence' | 'start' | 'end'>

/**
 * Report uncertain repairs and open decisions.
 *
 * @param context The document's data.
 * @returns One finding per decision (an uncertain repair or open decision with its twins) and per unusable decision line.
 */
function check(context: RuleContext): Finding[] {
  // Repair never moves lines: a line in the repaired text is the line on disk too.
  const lineAt = lineFinder(context.text)
  return [
    ...openDecisionGroups(context.text, context.repairs, context.decisions ?? []).map((group) => finding(group[0]!, group.slice(1).map((twin) => lineAt(twin.start)))),
    ...(context.decisionProblems ?? []).map((problem) => ({reason: problem.reason, start: problem.start, end: problem.end}))
  ]
}

/** The finding of one uncertain choice, and of its twins on the lines given. */
function finding(choice: Choice, twinLines: readonly number[] = []): Finding {
  const lines = [...new Set(twinLines)]
  const twins = twinLines.length === 0
    ? ''
    : `; the same choice in the same word ${twinLines.length === 1 ? 'once more' : `${twinLines.length} more times`}, on line${lines.length === 1 ? '' : 's'} ${lines.join(', ')}: settling this one settles ${twinLines.length === 1 ? 'both' : 'all'}`
  const result: Finding = {reason: reasonOf(choice) + twins, start: choice.start, end: choice.end, actual: choice.choice}
  if (choice.choice !== '\uFFFD') {
    const example = choice.others[0] ?? 'CHARACTER'
    result.note = `Confirm it with \`bitext repair --accept FILE:LINE:COLUMN\`, pick another with \`bitext repair --choose FILE:LINE:COLUMN=${example}\`, or edit the character by hand`
  }
  return result
}

/**
 * The message of an uncertain choice: which candidate is likeliest, why, and
 * the others.
 *
 * @param choice The choice.
 * @returns The reason, in remark-lint wording.
 */
export function reasonOf(choice: Pick<Choice, 'choice' | 'others' | 'confidence' | 'evidence'>): string {
  if (choice.choice === '\uFFFD') return 'Lost character `\uFFFD`: its bytes could not be rebuilt; write the right character in its place'
  if (choice.choice === '?' && choice.others.length === 0) return 'Check `?` in repaired GBK text: an encoder writes `?` for a character GBK has no code for (an emoji, a no-break space), which is then lost; if it is not a question mark, write the right character in its place'
  const confidence = choice.confidence.toFixed(2)
  if (choice.others.length === 0) return `Check \`${choice.choice}\`, rebuilt from lost bytes: the only candidate that fits, but a guess (confidence ${confidence})`
  const why = choice.evidence !== undefined
    ? `by the English: ${choice.evidence}`
    : /^\p{Script=Han}+$/u.test(choice.choice) ? 'by the Chinese word and context models' : 'by the characters around it'
  return `Check \`${choice.choice}\`, rebuilt from lost bytes: the likeliest candidate (confidence ${confidence}, ${why}); others: ${choice.others.map((other) => `\`${other}\``).join(', ')}`
}

/** The `mojibake-uncertain` rule. */
export const mojibakeUncertain: Rule = {
  id: 'mojibake-uncertain',
  group: 'repair',
  defaultSetting: 'warn',
  description: 'Character rebuilt from lost bytes that a person should confirm',
  check
}
