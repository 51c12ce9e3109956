/**
 * The `stylish` reporter: vfile-reporter's output, as remark-lint prints it,
 * with long messages wrapped so that no line grows past a width (a terminal's
 * columns, or 100 when piped). Widths are counted by `displayWidth` (the
 * same as string-width, fast on ASCII and CJK) and the report is written by
 * `vfileReport` (vfile-reporter's, measuring each cell once).
 */
import {stringifyPosition} from 'unist-util-stringify-position'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {displayWidth, isPlainCharacter} from './display-width.js'
import {shownMessages, type ReportOptions} from './types.js'
import {vfileReport} from './vfile-report.js'

/** Narrowest a wrapped message column gets, however narrow the width. */
const minReasonWidth = 20

/**
 * Report files the way remark-lint does.
 *
 * @param files The checked files.
 * @param options `quiet` (errors only), `color` (default false), `width` (wrap
 *   messages to keep lines within it; default: no wrapping) and `onlyWithMessages`.
 * @returns The report (empty when nothing is shown).
 */
export function stylish(files: readonly VFile[], options: ReportOptions = {}): string {
  const shown = options.width === undefined ? [...files] : wrapFiles(files, options, options.width)
  return vfileReport(shown, {color: options.color ?? false, silent: options.quiet ?? false, quiet: options.onlyWithMessages ?? false})
}

/** Copies of the files whose long messages have line breaks, indented under the message column. */
function wrapFiles(files: readonly VFile[], options: ReportOptions, width: number): VFile[] {
  const messages = files.flatMap((file) => shownMessages(file, options))
  if (messages.length === 0) return [...files]
  const widest = (values: string[]): number => Math.max(0, ...values.map((value) => displayWidth(value)))
  const placeWidth = widest(messages.map((message) => stringifyPosition(message.place)))
  const labelWidth = widest(messages.map((message) => (message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info')))
  const ruleWidth = widest(messages.map((message) => message.ruleId ?? ''))
  const sourceWidth = widest(messages.map((message) => message.source ?? ''))
  const indent = placeWidth + 1 + labelWidth + 1
  const reasonWidth = Math.max(minReasonWidth, width - indent - (ruleWidth + 1) - sourceWidth - 1)
  return files.map((file) => {
    const copy = Object.assign(Object.create(Object.getPrototypeOf(file) as object) as VFile, file)
    copy.messages = file.messages.map((message) => {
      const lines = message.reason.split('\n').flatMap((paragraph) => wrap(paragraph, reasonWidth))
      if (lines.length === 1) return message
      const text = lines.join('\n' + ' '.repeat(indent))
      return Object.assign(Object.create(Object.getPrototypeOf(message) as object) as VFileMessage, message, {message: text, reason: text, stack: ''})
    })
    return copy
  })
}

/**
 * Break text into lines of at most `width` columns (CJK characters count
 * two), at spaces; a word longer than a line is cut.
 *
 * @param text The text.
 * @param width The columns of a line.
 * @returns The lines.
 */
export function wrap(text: string, width: number): string[] {
  if (displayWidth(text) <= width) return [text]
  const lines: string[] = []
  let line = ''
  // The width of `line`, kept as words are added: between two plain
  // characters a space joins no grapheme, so the widths add up.
  let lineWidth = 0
  for (const word of text.split(' ')) {
    let rest = word
    const candidate = line === '' ? rest : `${line} ${rest}`
    const candidateWidth =
      line === '' ? displayWidth(rest) : isPlainCharacter(line.charCodeAt(line.length - 1)) && isPlainCharacter(rest.charCodeAt(0)) ? lineWidth + 1 + displayWidth(rest) : displayWidth(candidate)
    if (candidateWidth <= width) {
      line = candidate
      lineWidth = candidateWidth
      continue
    }
    if (line !== '') lines.push(line)
    line = ''
    while (displayWidth(rest) > width) {
      let cut = ''
      for (const character of rest) {
        if (displayWidth(cut + character) > width) break
        cut += character
      }
      lines.push(cut)
      rest = rest.slice(cut.length)
    }
    line = rest
    lineWidth = displayWidth(rest)
  }
  if (line !== '') lines.push(line)
  return lines
}
