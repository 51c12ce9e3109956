/**
 * vfile-reporter 8.1.1's report (MIT, © Titus Wormer), written again with a
 * cheaper width function: vfile-reporter measures every cell twice with
 * string-width, which segments the text into graphemes and builds an emoji
 * expression per character (0.3 s for a report of 600 messages). The output
 * is byte for byte vfile-reporter's (test/report/vfile-report.test.ts
 * compares them), for what bitext asks of it: files in a list, no
 * `verbose`, `defaultName` or `traceLimit`.
 */
import {stringifyPosition} from 'unist-util-stringify-position'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {displayWidth} from './display-width.js'

/** Options of {@link vfileReport}, as vfile-reporter's. */
export interface VFileReportOptions {
  /** ANSI colours (default: false). */
  color?: boolean
  /** Only fatal messages (default: false). */
  silent?: boolean
  /** Only files with messages (default: false). */
  quiet?: boolean
  /**
   * Text to show instead of some messages' own (their stack, or else their
   * message), as if the messages had it as their reason (it sorts so too):
   * `stylish` passes the long ones wrapped (default: none).
   */
  reasons?: ReadonlyMap<VFileMessage, string>
}

interface State {
  quiet: boolean
  silent: boolean
  reasons: ReadonlyMap<VFileMessage, string>
  bold: string
  underline: string
  normalIntensity: string
  noUnderline: string
  red: string
  cyan: string
  green: string
  yellow: string
  defaultColor: string
}

type Row = string | string[]

interface Statistics {
  fatal: number
  warn: number
  info: number
  total: number
}

const eol = /\r?\n|\r/

/**
 * Report files as vfile-reporter does.
 *
 * @param files The files.
 * @param options Colour, `silent` and `quiet`.
 * @returns The report.
 */
export function vfileReport(files: readonly VFile[], options: VFileReportOptions = {}): string {
  const color = options.color === true
  return serializeRows(
    createRows(
      {
        quiet: options.quiet ?? false,
        silent: options.silent ?? false,
        reasons: options.reasons ?? new Map(),
        bold: color ? '\u001B[1m' : '',
        underline: color ? '\u001B[4m' : '',
        normalIntensity: color ? '\u001B[22m' : '',
        noUnderline: color ? '\u001B[24m' : '',
        red: color ? '\u001B[31m' : '',
        cyan: color ? '\u001B[36m' : '',
        green: color ? '\u001B[32m' : '',
        yellow: color ? '\u001B[33m' : '',
        defaultColor: color ? '\u001B[39m' : ''
      },
      files
    )
  )
}

function createRows(state: State, files: readonly VFile[]): Row[] {
  const sortedFiles = [...files].sort((a, b) => compareString(a.path, b.path))
  const all: VFileMessage[] = []
  const rows: Row[] = []
  let lastWasMessage = false
  for (const file of sortedFiles) {
    const messages = [...file.messages].sort((a, b) => compareMessage(a, b, state.reasons))
    const messageRows: Row[] = []
    for (const message of messages) {
      if (!state.silent || message.fatal) {
        all.push(message)
        messageRows.push(...createMessageLine(state, message))
      }
    }
    if ((!state.quiet && !state.silent) || messageRows.length > 0) {
      const line = createFileLine(state, file)
      if (lastWasMessage && line) rows.push('')
      if (line) rows.push(line)
      if (messageRows.length > 0) rows.push(...messageRows)
      lastWasMessage = messageRows.length > 0
    }
  }
  const stats = statistics(all)
  if (stats.fatal || stats.warn) rows.push('', createByline(state, stats))
  return rows
}

function createByline(state: State, stats: Statistics): string {
  let result = ''
  if (stats.fatal) {
    result = state.red + '✖' + state.defaultColor + ' ' + stats.fatal + ' ' + (fatalToLabel(true) + (stats.fatal === 1 ? '' : 's'))
  }
  if (stats.warn) {
    result = (result ? result + ', ' : '') + (state.yellow + '⚠' + state.defaultColor) + ' ' + stats.warn + ' ' + (fatalToLabel(false) + (stats.warn === 1 ? '' : 's'))
  }
  if (stats.total !== stats.fatal && stats.total !== stats.warn) result = stats.total + ' messages (' + result + ')'
  return result
}

function createCauseLines(state: State, cause: unknown): Row[] {
  const lines: Row[] = ['  ' + state.bold + '[cause]' + state.normalIntensity + ':']
  let foundReasonableCause = false
  if (cause !== null && typeof cause === 'object') {
    const stackValue = ('stack' in cause ? String(cause.stack) : undefined) || ('message' in cause ? String(cause.message) : undefined)
    if (typeof stackValue === 'string') {
      foundReasonableCause = true
      let causeLines: Row[]
      if ('file' in cause && 'fatal' in cause) {
        causeLines = createMessageLine(state, cause as VFileMessage)
      } else {
        causeLines = stackValue.split(eol)
        if ('cause' in cause && cause.cause) causeLines.push(...createCauseLines(state, cause.cause))
      }
      const head = causeLines[0]
      if (typeof head === 'string') causeLines[0] = '    ' + head
      else if (head) head[0] = '    ' + head[0]
      lines.push(...causeLines)
    }
  }
  if (!foundReasonableCause) lines.push('    ' + String(cause))
  return lines
}

function createFileLine(state: State, file: VFile): string {
  const stats = statistics(file.messages)
  const fromPath = file.history[0]
  const toPath = file.path
  const name = fromPath || '<stdin>'
  const left =
    state.underline + (stats.fatal ? state.red : stats.total ? state.yellow : state.green) + name + state.defaultColor + state.noUnderline + (file.stored && name !== toPath ? ' > ' + toPath : '')
  let right = ''
  if (file.stored) right = state.yellow + 'written' + state.defaultColor
  else if (!stats.total) right = 'no issues found'
  return left && right ? left + ': ' + right : left + right
}

function createMessageLine(state: State, message: VFileMessage): Row[] {
  const label = fatalToLabel(message.fatal)
  let reason = state.reasons.get(message) ?? (message.stack || message.message)
  const match = eol.exec(reason)
  let rest: Row[] = []
  if (match) {
    rest = reason.slice(match.index + 1).split(eol)
    reason = reason.slice(0, match.index)
  }
  const place = message.place
  const row = [
    stringifyPosition(place),
    (label === 'error' ? state.red : state.yellow) + label + state.defaultColor,
    formatReason(state, reason),
    message.ruleId || '',
    message.source || ''
  ]
  if (message.cause) rest.push(...createCauseLines(state, message.cause))
  return [row, ...rest]
}

function formatReason(state: State, reason: string): string {
  const result: string[] = []
  const splits: Array<{index: number; size: number}> = []
  let index = reason.indexOf('`')
  while (index !== -1) {
    const split = {index, size: 1}
    splits.push(split)
    while (reason.codePointAt(index + 1) === 96) {
      split.size++
      index++
    }
    index = reason.indexOf('`', index + 1)
  }
  index = -1
  let textStart = 0
  while (++index < splits.length) {
    let closeIndex = index
    let close: {index: number; size: number} | undefined
    while (++closeIndex < splits.length) {
      if (splits[index]?.size === splits[closeIndex]?.size) {
        close = splits[closeIndex]
        break
      }
    }
    if (close) {
      const codeStart = splits[index]?.index ?? 0
      const codeEnd = close.index + close.size
      result.push(reason.slice(textStart, codeStart) + state.cyan + reason.slice(codeStart, codeEnd) + state.defaultColor)
      textStart = codeEnd
      index = closeIndex
    }
  }
  result.push(reason.slice(textStart))
  return state.bold + result.join('') + state.normalIntensity
}

function fatalToLabel(value: boolean | null | undefined): string {
  return value ? 'error' : value === false ? 'warning' : 'info'
}

/** Rows as lines, each cell padded to its column's widest cell (measured once). */
function serializeRows(rows: readonly Row[]): string {
  const sizes: number[] = []
  const widths = rows.map((row) => {
    if (typeof row === 'string') return []
    return row.map((cell, cellIndex) => {
      const size = displayWidth(cell)
      if (size > (sizes[cellIndex] ?? 0)) sizes[cellIndex] = size
      return size
    })
  })
  return rows
    .map((row, rowIndex) => {
      if (typeof row === 'string') return row.trimEnd()
      let line = ''
      for (const [cellIndex, cell] of row.entries()) {
        line += cell + ' '.repeat((sizes[cellIndex] ?? 0) + 1 - (widths[rowIndex]?.[cellIndex] ?? 0))
      }
      return line.trimEnd()
    })
    .join('\n')
}

function statistics(messages: readonly VFileMessage[]): Statistics {
  const result = {fatal: 0, warn: 0, info: 0}
  for (const message of messages) result[message.fatal ? 'fatal' : message.fatal === false ? 'warn' : 'info']++
  return {...result, total: result.fatal + result.warn + result.info}
}

function compareMessage(a: VFileMessage, b: VFileMessage, reasons: ReadonlyMap<VFileMessage, string>): number {
  return (
    (a.line || 0) - (b.line || 0) ||
    (a.column || 0) - (b.column || 0) ||
    scoreNullableBoolean(a.fatal) - scoreNullableBoolean(b.fatal) ||
    compareString(a.source, b.source) ||
    compareString(a.ruleId, b.ruleId) ||
    compareString(reasons.get(a) ?? a.reason, reasons.get(b) ?? b.reason)
  )
}

function compareString(a: string | null | undefined, b: string | null | undefined): number {
  // Equal strings (most ties: the same source, the same rule) skip the collator.
  return a === b ? 0 : String(a || '').localeCompare(String(b || ''))
}

function scoreNullableBoolean(value: boolean | null | undefined): number {
  return value ? 0 : value === false ? 1 : 2
}
