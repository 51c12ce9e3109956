/**
 * The `github` reporter: GitHub Actions workflow commands, which GitHub shows
 * as annotations on the pull request's diff:
 * `::error file=a.md,line=3,col=1,endLine=3,endColumn=3,title=glossary-forbidden::Unexpected …`.
 */
import type {VFile} from 'vfile'
import {endOf, severityOf, shownMessages, type ReportOptions} from './types.js'

const command = {error: 'error', warning: 'warning', info: 'notice'} as const

/**
 * Report files as workflow commands, one line per message.
 *
 * @param files The checked files.
 * @param options `quiet` keeps errors only.
 * @returns The lines (empty when there are no messages).
 */
export function github(files: readonly VFile[], options: ReportOptions = {}): string {
  const lines: string[] = []
  for (const file of files) {
    for (const message of shownMessages(file, options)) {
      const end = endOf(message)
      const properties: Array<[string, string | number | undefined]> = [
        ['file', file.path],
        ['line', message.line ?? undefined],
        ['col', message.column ?? undefined],
        ['endLine', end?.line],
        ['endColumn', end?.column],
        ['title', message.ruleId ? `bitext(${message.ruleId})` : 'bitext']
      ]
      const list = properties
        .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
        .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
        .join(',')
      lines.push(`::${command[severityOf(message)]} ${list}::${escapeData(message.reason)}`)
    }
  }
  return lines.join('\n')
}

/** Escape a message, as @actions/core does. */
function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Escape a property value, as @actions/core does. */
function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
