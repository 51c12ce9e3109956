/**
 * Wording of the glossary messages, shared by the checks and by the
 * self-test of glossary examples (remark-lint style, no final period).
 */
import {approvedForms, listForms, type ForbiddenUse, type KeepViolation, type MissingTerm} from './analyze.js'
import type {Term} from './types.js'

/**
 * The name of a term in messages: its first English form, or its first Chinese form.
 *
 * @param term The term.
 * @returns The name.
 */
export function termName(term: Term): string {
  return term.en[0] ?? term.zh[0] ?? term.forbid[0] ?? ''
}

/**
 * Message of `glossary-forbidden`.
 *
 * @param term The term.
 * @param found The forbidden use.
 * @returns "Unexpected `群集` for `cluster`, expected `集群`".
 */
export function forbiddenReason(term: Term, found: ForbiddenUse): string {
  const expected = approvedForms(term)
  const forTerm = term.en.length > 0 ? ` for \`${termName(term)}\`` : ''
  return `Unexpected \`${found.actual}\`${forTerm}${expected.length > 0 ? `, expected ${listForms(expected)}` : ', remove it'}`
}

/**
 * Message of `glossary-missing`.
 *
 * @param term The term.
 * @param found The missing term.
 * @returns "Missing `集群` for `clusters`, translate it as `集群`", or for a
 *   `keep` term "Missing English `K8s` in the translation, keep it as `K8s`".
 */
export function missingReason(term: Term, found: MissingTerm): string {
  const forms = listForms(approvedForms(term))
  if (term.keep) return `Missing English \`${found.enActual}\` in the translation, keep it as ${forms}`
  return `Missing ${forms} for \`${found.enActual}\`, translate it as ${forms}`
}

/**
 * Message of `glossary-keep`.
 *
 * @param term The term.
 * @param found The translation.
 * @returns "Unexpected translation `工作站` of `Workstation`, keep `Workstation`".
 */
export function keepReason(term: Term, found: KeepViolation): string {
  return `Unexpected translation \`${found.actual}\` of \`${found.enActual}\`, keep ${listForms(approvedForms(term))}`
}
