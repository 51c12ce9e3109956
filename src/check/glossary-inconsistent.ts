/**
 * `glossary-inconsistent`: one English term rendered in more than one
 * approved way across the checked files. Per file, this rule only records
 * where each approved rendering is used (`file.data.termUses`, no message);
 * `checkCrossFile` in `cross-file.ts` compares the uses of all files and
 * reports the odd ones out.
 */
import {location} from 'vfile-location'
import {analyzeDocument} from '../glossary/analyze-document.js'
import {termName} from '../glossary/messages.js'
import {memoized, type Finding, type Rule} from './rule.js'

/** The rule. */
export const glossaryInconsistent: Rule = {
  id: 'glossary-inconsistent',
  group: 'glossary',
  defaultSetting: 'warn',
  description: 'an English term must be rendered the same way in every file',
  check(context) {
    const {text, alignment, glossary} = context
    if (!glossary) return []
    const place = location(text)
    const findings: Finding[] = []
    for (const use of memoized(context, 'glossary', () => analyzeDocument(text, alignment, glossary)).uses) {
      const start = place.toPoint(use.start)
      const end = place.toPoint(use.end)
      if (!start) continue
      findings.push({
        reason: '',
        start: use.start,
        end: use.end,
        silent: true,
        termUse: {
          term: termName(glossary.terms[use.term]),
          rendering: use.rendering,
          line: start.line,
          column: start.column,
          ...(end ? {endLine: end.line, endColumn: end.column} : {})
        }
      })
    }
    return findings
  }
}
