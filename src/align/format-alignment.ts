/**
 * A readable two-column view of an alignment, for `bitext align` without
 * `--json`: EN on the left, ZH on the right, one row per unit, flags below.
 */
import type {Alignment, AlignUnit} from '../types.js'

/** Options of `formatAlignment`. */
export interface FormatOptions {
  /** Total width in terminal columns (default: 100, at least 40). */
  width?: number
  /** Lines of text shown per side and unit (default: 3). */
  lines?: number
}

/**
 * Format an alignment as two columns.
 *
 * @param alignment The alignment.
 * @param options Width and lines per unit.
 * @returns The text, ending with a line break.
 */
export function formatAlignment(alignment: Alignment, options: FormatOptions = {}): string {
  const width = Math.max(40, options.width ?? 100)
  const maxLines = Math.max(1, options.lines ?? 3)
  const gutter = 12
  const column = Math.floor((width - gutter - 3) / 2)
  const rows: string[] = []
  const head = `${pad('unit', gutter)}${pad('EN', column)} │ ZH`
  rows.push(head, '─'.repeat(Math.min(width, displayWidth(head) + column)))

  for (const unit of alignment.units) {
    const left = sideText(unit, 'en')
    const right = sideText(unit, 'zh')
    const leftLines = wrap(left, column, maxLines)
    const rightLines = wrap(right, column, maxLines)
    const count = Math.max(leftLines.length, rightLines.length, 1)
    for (let i = 0; i < count; i++) {
      const label = i === 0 ? `${mark(unit)} ${lineLabel(unit)}` : ''
      rows.push(`${pad(label, gutter)}${pad(leftLines[i] ?? '', column)} │ ${rightLines[i] ?? ''}`.trimEnd())
    }
    const flags = unit.flags.length > 0 ? `${' '.repeat(gutter)}! ${unit.flags.join(', ')}` : ''
    if (flags) rows.push(flags)
    for (const sentence of unit.sentences) {
      if (!sentence.flags) continue
      const text = sentence.flags.includes('omission') ? sentence.en : sentence.zh
      rows.push(`${' '.repeat(gutter)}  ${sentence.flags.join(', ')}: ${truncate(text, width - gutter - 20)}`)
    }
  }
  const counts = new Map<string, number>()
  for (const unit of alignment.units) counts.set(unit.kind, (counts.get(unit.kind) ?? 0) + 1)
  const summary = [...counts].map(([kind, n]) => `${n} ${kind}`).join(', ')
  rows.push('', `${alignment.units.length} units (${summary}); ZH:EN ratio ${alignment.ratio.toFixed(2)}; quoted side: ${alignment.quoted}`)
  return `${rows.join('\n')}\n`
}

function mark(unit: AlignUnit): string {
  switch (unit.kind) {
    case 'pair': {
      return '='
    }
    case 'source-only': {
      return '<'
    }
    case 'target-only': {
      return '>'
    }
    default: {
      return '~'
    }
  }
}

function lineLabel(unit: AlignUnit): string {
  const en = unit.en?.line
  const zh = unit.zh?.line
  if (unit.kind === 'shared' && en === zh) return String(en ?? '')
  return `${en ?? '-'}/${zh ?? '-'}`
}

function sideText(unit: AlignUnit, side: 'en' | 'zh'): string {
  const span = side === 'en' ? unit.en : unit.zh
  if (!span) return ''
  if (unit.kind === 'shared') return `[${unit.block}] ${span.text}`
  return unit.block === 'paragraph' ? span.text : `[${unit.block}] ${span.text}`
}

/** Terminal width of a string: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0
  for (const char of text) width += charWidth(char)
  return width
}

function charWidth(char: string): number {
  const code = char.codePointAt(0) ?? 0
  if (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  ) {
    return 2
  }
  return 1
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)))
}

function truncate(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return wrap(flat, Math.max(10, width), 1)[0] ?? ''
}

/** Wrap text into at most `maxLines` lines of `width` columns; `…` marks a cut. */
function wrap(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = []
  let line = ''
  let used = 0
  const chars = [...text.replace(/\s+/g, ' ').trim()]
  for (let i = 0; i < chars.length; i++) {
    const w = charWidth(chars[i])
    if (used + w > width) {
      if (lines.length === maxLines - 1) {
        lines.push(`${line.slice(0, -1)}…`)
        return lines
      }
      // Break at the last space when there is one in the line (English).
      const space = line.lastIndexOf(' ')
      if (space > width / 2) {
        lines.push(line.slice(0, space))
        line = line.slice(space + 1)
      } else {
        lines.push(line)
        line = ''
      }
      used = displayWidth(line)
    }
    if (line === '' && chars[i] === ' ') continue
    line += chars[i]
    used += w
  }
  if (line) lines.push(line)
  return lines
}
