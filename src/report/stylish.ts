/**
 * The `stylish` reporter: vfile-reporter's output, as remark-lint prints it.
 */
import {reporter} from 'vfile-reporter'
import type {VFile} from 'vfile'
import type {ReportOptions} from './types.js'

/**
 * Report files the way remark-lint does.
 *
 * @param files The checked files.
 * @param options `quiet` (errors only) and `color` (default false).
 * @returns The report (empty when nothing is shown).
 */
export function stylish(files: readonly VFile[], options: ReportOptions = {}): string {
  return reporter([...files], {color: options.color ?? false, silent: options.quiet ?? false})
}
