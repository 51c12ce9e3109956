/**
 * The reporters of `bitext lint --format`, by name.
 */
import {github} from './github.js'
import {json} from './json.js'
import {sarif} from './sarif.js'
import {stylish} from './stylish.js'
import type {Reporter} from './types.js'

export type {Reporter, ReportOptions} from './types.js'

/** Reporter name → reporter. */
export const reporters: Readonly<Record<string, Reporter>> = {stylish, json, github, sarif}

/** The names of the reporters, for usage messages. */
export const reporterNames: readonly string[] = Object.keys(reporters)
