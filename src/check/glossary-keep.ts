/**
 * `glossary-keep`: a term the glossary keeps in English (`keep: true`) was
 * translated instead: the Chinese side uses one of the term's `zh`
 * translations without the English form.
 */
import {approvedForms} from '../glossary/analyze.js'
import {analyzeDocument} from '../glossary/analyze-document.js'
import {keepReason} from '../glossary/messages.js'
import {memoized, type Finding, type Rule} from './rule.js'

/** The rule. */
export const glossaryKeep: Rule = {
  id: 'glossary-keep',
  group: 'glossary',
  defaultSetting: 'warn',
  description: 'a term the glossary keeps in English must not be translated',
  check(context) {
    const {text, alignment, glossary} = context
    if (!glossary) return []
    return memoized(context, 'glossary', () => analyzeDocument(text, alignment, glossary)).keep.map((found): Finding => {
      const term = glossary.terms[found.term]
      const expected = approvedForms(term)
      const finding: Finding = {
        reason: keepReason(term, found),
        start: found.start,
        end: found.end,
        actual: found.actual,
        expected
      }
      if (found.plain) finding.fix = {range: [found.start, found.end], text: expected[0]}
      if (term.note !== undefined) finding.note = term.note
      return finding
    })
  }
}
