/**
 * `glossary-missing`: the English side of a pair has a glossary term and the
 * Chinese side has none of its approved renderings (nor the English form, for
 * `keep` terms).
 */
import {approvedForms} from '../glossary/analyze.js'
import {analyzeDocument} from '../glossary/analyze-document.js'
import {missingReason} from '../glossary/messages.js'
import {memoized, type Finding, type Rule} from './rule.js'

/** The rule. */
export const glossaryMissing: Rule = {
  id: 'glossary-missing',
  group: 'glossary',
  defaultSetting: 'warn',
  description: 'a glossary term of the English side must have an approved rendering on the Chinese side',
  check(context) {
    const {text, alignment, glossary} = context
    if (!glossary) return []
    return memoized(context, 'glossary', () => analyzeDocument(text, alignment, glossary)).missing.map((found): Finding => {
      const term = glossary.terms[found.term]
      const finding: Finding = {
        reason: missingReason(term, found),
        start: found.start,
        end: found.end,
        actual: found.enActual,
        expected: approvedForms(term)
      }
      if (term.note !== undefined) finding.note = term.note
      return finding
    })
  }
}
