/**
 * Every check bitext knows, in documentation order.
 */
import type {Rule} from './rule.js'
import {glossaryRules} from './glossary-rules.js'
import {qaRules} from './qa-rules.js'

/** All rules. */
export const allRules: readonly Rule[] = [...qaRules, ...glossaryRules]
