/**
 * The human report of `bitext sync`: one entry per paragraph that needs
 * attention (changed, new, removed), with the English word diff next to the
 * Chinese it affects, and a count of every status.
 */
import {collapse} from './normalize.js'
import {countStatuses} from './to-json.js'
import type {SyncResult, SyncUnit} from './types.js'

/** Options of `formatSync`. */
export interface FormatOptions {
  /** Longest excerpt of a paragraph, in characters (default: 400). */
  excerpt?: number
  /** List cosmetic paragraphs too (default: false). */
  cosmetic?: boolean
}

/**
 * Report one comparison for people.
 *
 * @param zhPath The translation's path as shown.
 * @param sourcePath The source's path as shown.
 * @param result The statuses.
 * @param options Excerpt length.
 * @returns The report, ending with a summary line.
 */
export function formatSync(zhPath: string, sourcePath: string, result: SyncResult, options: FormatOptions = {}): string {
  const limit = options.excerpt ?? 400
  const lines: string[] = []
  for (const unit of result.units) {
    if ((unit.status === 'current' || unit.status === 'cosmetic') && !(options.cosmetic && (unit.status === 'cosmetic' || unit.moved))) continue
    lines.push(heading(zhPath, sourcePath, unit))
    if (unit.status === 'changed') lines.push(`  EN  ${cut(unit.diff ?? unit.source?.raw ?? '', limit)}`)
    else if (unit.status === 'new') lines.push(`  EN  ${cut(unit.source?.raw ?? unit.stored?.raw ?? '', limit)}`)
    else lines.push(`  EN  ${cut(unit.stored?.raw ?? '', limit)}`)
    const zh = unit.status === 'new' ? undefined : unit.stored?.zh[0]
    if (zh && !unit.stored?.shared) lines.push(`  ZH  ${cut(zh.text, limit)}`)
  }
  lines.push(`${zhPath}: ${summary(result.units)}${result.fast ? ' (the stored English is the source, line for line)' : ''}`)
  return `${lines.join('\n')}\n`
}

/**
 * The status counts of some units as one line.
 *
 * @param units Units.
 * @returns `12 current, 1 cosmetic, 2 changed, 0 new, 1 removed`.
 */
export function summary(units: readonly SyncUnit[]): string {
  const counts = countStatuses(units)
  return `${counts.current} current, ${counts.cosmetic} cosmetic, ${counts.changed} changed, ${counts.new} new, ${counts.removed} removed`
}

function heading(zhPath: string, sourcePath: string, unit: SyncUnit): string {
  const zhLine = unit.status === 'new' ? undefined : unit.stored?.zh[0]?.line ?? unit.stored?.line
  const where = zhLine === undefined ? zhPath : `${zhPath}:${zhLine}`
  const places = [
    unit.stored ? `stored ${unit.stored.line}` : undefined,
    unit.source ? `${sourcePath}:${unit.source.line}` : undefined
  ].filter((part) => part !== undefined)
  return `${where}  ${unit.status}${unit.moved ? ', moved' : ''}  (${places.join(', ')})`
}

function cut(text: string, limit: number): string {
  const flat = collapse(text)
  return flat.length <= limit ? flat : `${flat.slice(0, limit - 1)}…`
}
