/**
 * The `json` reporter: `[{file, messages: [{ruleId, severity, line, column,
 * endLine, endColumn, message, actual, expected}]}]`, one entry per file.
 */
import type {VFile} from 'vfile'
import {endOf, severityOf, shownMessages, type ReportOptions} from './types.js'
import type {Severity} from '../types.js'

/** One message in the JSON report. */
export interface JsonMessage {
  ruleId: string | null
  severity: Severity
  line: number | null
  column: number | null
  endLine: number | null
  endColumn: number | null
  message: string
  actual: string | null
  expected: string[] | null
}

/** One file in the JSON report. */
export interface JsonFile {
  file: string
  messages: JsonMessage[]
}

/**
 * Report files as JSON.
 *
 * @param files The checked files.
 * @param options `quiet` keeps errors only.
 * @returns Pretty-printed JSON (two spaces), without a final newline.
 */
export function json(files: readonly VFile[], options: ReportOptions = {}): string {
  const result: JsonFile[] = files.map((file) => ({
    file: file.path,
    messages: shownMessages(file, options).map((message) => {
      const end = endOf(message)
      return {
        ruleId: message.ruleId ?? null,
        severity: severityOf(message),
        line: message.line ?? null,
        column: message.column ?? null,
        endLine: end?.line ?? null,
        endColumn: end?.column ?? null,
        message: message.reason,
        actual: message.actual ?? null,
        expected: message.expected ?? null
      }
    })
  }))
  return JSON.stringify(result, null, 2)
}
