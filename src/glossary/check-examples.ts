/**
 * The self-test of a glossary: each term's `examples` must come out of the
 * glossary checks as the glossary says they should.
 *
 * - `{en, zh}`: a translated pair; valid when no check reports this term.
 * - `{zh}`: Chinese text alone; valid when it has no forbidden rendering of this term.
 * - `{en}`: English text alone; valid when the term is recognised in it
 *   (a test of matching: plurals, case, hyphens, and the `when` / `unless` sense).
 */
import {analyzeUnit, inSense, type GlossaryAnalysis, type SideText} from './analyze.js'
import {buildGlossaryIndex} from './build-index.js'
import {matchTerms} from './match-terms.js'
import {forbiddenReason, keepReason, missingReason, termName} from './messages.js'
import type {Glossary, Term, TermExample} from './types.js'

/** An example that does not behave as declared. */
export interface ExampleProblem {
  term: Term
  example: TermExample
  /** What went wrong, for the glossary's author. */
  reason: string
}

/**
 * Check every example of a glossary.
 *
 * @param glossary The glossary (its index is built when absent).
 * @returns The first example that fails, or undefined when all pass.
 */
export function checkExamples(glossary: Glossary): ExampleProblem | undefined {
  const index = glossary.index ?? buildGlossaryIndex(glossary.terms)
  for (const [termIndex, term] of glossary.terms.entries()) {
    for (const example of term.examples) {
      const name = termName(term)
      if (example.zh === undefined) {
        const found = inSense(term, example.en ?? '') && matchTerms(example.en ?? '', index, 'en').some((match) => match.entries.some((entry) => entry.term === termIndex))
        if (found !== example.valid) {
          const reason = found ? 'the term is found in it' : 'the term is not found in it'
          return {term, example, reason: `example of \`${name}\` is marked \`valid: ${example.valid}\` but ${reason}`}
        }
        continue
      }
      const analysis = analyzeUnit(side(example.en), side(example.zh), glossary.terms, index)
      const problems = describe(analysis, term, termIndex)
      if (example.valid && problems.length > 0) {
        return {term, example, reason: `example of \`${name}\` is marked \`valid: true\` but: ${problems.join('; ')}`}
      }
      if (!example.valid && problems.length === 0) {
        return {term, example, reason: `example of \`${name}\` is marked \`valid: false\` but no glossary check finds a problem in it`}
      }
    }
  }
  return undefined
}

function side(text: string | undefined): SideText | null {
  if (text === undefined) return null
  return {segments: [{text, offsets: null}], source: text, start: 0, end: text.length}
}

function describe(analysis: GlossaryAnalysis, term: Term, termIndex: number): string[] {
  return [
    ...analysis.forbidden.filter((item) => item.term === termIndex).map((item) => forbiddenReason(term, item)),
    ...analysis.missing.filter((item) => item.term === termIndex).map((item) => missingReason(term, item)),
    ...analysis.keep.filter((item) => item.term === termIndex).map((item) => keepReason(term, item))
  ]
}
