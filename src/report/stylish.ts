/**
 * The `stylish` reporter: vfile-reporter's output, as remark-lint prints it,
 * with long messages wrapped so that no line grows past a width (a terminal's
 * columns, or 100 when piped). Widths are counted by `displayWidth` (the
 * same as string-width, fast on ASCII and CJK) and the report is written by
 * `vfileReport` (vfile-reporter's, measuring each cell once), which takes
 * the wrapped reasons in place of the messages' own.
 */
import {stringifyPosition} from 'unist-util-stringify-position'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {displayWidth, isPlainCharacter} from './display-width.js'
import type {ReportOptions} from './types.js'
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
  const reasons = options.width === undefined ? undefined : wrappedReasons(files, options, options.width)
  return vfileReport(files, {color: options.color ?? false, silent: options.quiet ?? false, quiet: options.onlyWithMessages ?? false, ...(reasons ? {reasons} : {})})
}

/**
 * The reasons of the long messages, with line breaks, indented under the
 * message column (the messages themselves are not copied: the report takes
 * these in their place).
 */
function wrappedReasons(files: readonly VFile[], options: ReportOptions, width: number): Map<VFileMessage, string> {
  const wrapped = new Map<VFileMessage, string>()
  const shown: VFileMessage[] = []
  let placeWidth = 0
  let labelWidth = 0
  let ruleWidth = 0
  let sourceWidth = 0
  for (const file of files) {
    for (const message of file.messages) {
      if (options.quiet && message.fatal !== true) continue
      shown.push(message)
      placeWidth = Math.max(placeWidth, displayWidth(stringifyPosition(message.place)))
      labelWidth = Math.max(labelWidth, message.fatal === true ? 5 : message.fatal === false ? 7 : 4)
      ruleWidth = Math.max(ruleWidth, displayWidth(message.ruleId ?? ''))
      sourceWidth = Math.max(sourceWidth, displayWidth(message.source ?? ''))
    }
  }
  const indent = placeWidth + 1 + labelWidth + 1
  const reasonWidth = Math.max(minReasonWidth, width - indent - (ruleWidth + 1) - sourceWidth - 1)
  const padding = '\n' + ' '.repeat(indent)
  for (const message of shown) {
    const reason = message.reason
    const lines = reason.includes('\n') ? reason.split('\n').flatMap((paragraph) => wrap(paragraph, reasonWidth)) : wrap(reason, reasonWidth)
    if (lines.length > 1) wrapped.set(message, lines.join(padding))
  }
  return wrapped
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
