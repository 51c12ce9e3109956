/**
 * `glossary-forbidden`: a rendering the glossary forbids, anywhere in the
 * Chinese text (pairs and Chinese-only blocks).
 */
import {approvedForms} from '../glossary/analyze.js'
import {analyzeDocument} from '../glossary/analyze-document.js'
import {forbiddenReason} from '../glossary/messages.js'
import {memoized, type Finding, type Rule} from './rule.js'

/** The rule. */
export const glossaryForbidden: Rule = {
  id: 'glossary-forbidden',
  group: 'glossary',
  defaultSetting: 'error',
  description: 'Chinese text must not use a rendering the glossary forbids',
  check(context) {
    const {text, alignment, glossary} = context
    if (!glossary) return []
    const findings: Finding[] = []
    for (const found of memoized(context, 'glossary', () => analyzeDocument(text, alignment, glossary)).forbidden) {
      const term = glossary.terms[found.term]
      const expected = approvedForms(term)
      const finding: Finding = {reason: forbiddenReason(term, found), start: found.start, end: found.end, actual: found.actual, expected}
      // A span with markup inside (a link's brackets) is reported but not rewritten.
      if (expected.length > 0 && found.plain) finding.fix = {range: [found.start, found.end], text: expected[0]}
      if (term.note !== undefined) finding.note = term.note
      findings.push(finding)
    }
    return findings
  }
}
