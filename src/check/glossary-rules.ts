/**
 * The glossary checks (`glossary-*`).
 */
import type {Rule} from './rule.js'

/** Glossary rules, run by `bitext lint --rules glossary`. */
export const glossaryRules: readonly Rule[] = []
