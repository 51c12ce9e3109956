/**
 * The reporter contract: a pure function from checked files to text.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {Rule} from '../check/rule.js'
import type {Severity} from '../types.js'

/** Options every reporter accepts (each uses what it needs). */
export interface ReportOptions {
  /** Show error-level messages only (default false). */
  quiet?: boolean
  /** Use ANSI colours (stylish only; default false). */
  color?: boolean
  /** Wrap messages so that lines stay within this many columns (stylish only; default: no wrapping). */
  width?: number
  /** Leave out files without messages (stylish only; default false: they get "no issues found"). */
  onlyWithMessages?: boolean
  /** Known rules, for rule metadata (SARIF; default: none). */
  rules?: readonly Rule[]
  /** Version of bitext, for the tool description (SARIF; default `0.0.0`). */
  version?: string
}

/** A reporter. */
export type Reporter = (files: readonly VFile[], options?: ReportOptions) => string

/**
 * The severity of a vfile message: `fatal: true` is an error, `false` a warning, unset an info.
 *
 * @param message The message.
 * @returns Its severity.
 */
export function severityOf(message: VFileMessage): Severity {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
}

/**
 * The messages of a file a reporter shows, in place order.
 *
 * @param file The file.
 * @param options Reporter options (`quiet` keeps errors only).
 * @returns The messages.
 */
export function shownMessages(file: VFile, options: ReportOptions = {}): VFileMessage[] {
  return [...file.messages]
    .filter((message) => !options.quiet || message.fatal === true)
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || String(a.ruleId).localeCompare(String(b.ruleId)))
}

/**
 * End point of a message, when it has one.
 *
 * @param message The message.
 * @returns The end line and column, or undefined.
 */
export function endOf(message: VFileMessage): {line: number; column: number} | undefined {
  const place = message.place
  if (place && 'end' in place && place.end.line !== undefined && place.end.column !== undefined) {
    return {line: place.end.line, column: place.end.column}
  }
  return undefined
}
