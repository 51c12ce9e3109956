/**
 * The translation QA checks.
 */
import type {Rule} from './rule.js'

/** QA rules. */
export const qaRules: readonly Rule[] = []
