/**
 * Every sub-command of `bitext`, in `--help` order.
 */
import type {Command} from '../command.js'
import {alignCommand} from './align.js'
import {buildCommand} from './build.js'
import {exportCommand} from './export.js'
import {glossaryCommand} from './glossary.js'
import {lintCommand} from './lint.js'
import {mergeReportsCommand} from './merge-reports.js'
import {repairCommand} from './repair.js'
import {reviewCommand} from './review.js'

/** The registered commands. */
export const commands: readonly Command[] = [buildCommand, lintCommand, reviewCommand, repairCommand, alignCommand, exportCommand, glossaryCommand, mergeReportsCommand]
