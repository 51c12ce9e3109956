/**
 * The glossary checks (`glossary-*`), in documentation order.
 */
import {glossaryForbidden} from './glossary-forbidden.js'
import {glossaryInconsistent} from './glossary-inconsistent.js'
import {glossaryKeep} from './glossary-keep.js'
import {glossaryMissing} from './glossary-missing.js'
import type {Rule} from './rule.js'

/** Glossary rules, run by `bitext lint --rules glossary`. */
export const glossaryRules: readonly Rule[] = [glossaryForbidden, glossaryMissing, glossaryKeep, glossaryInconsistent]
