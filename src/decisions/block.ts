/**
 * The decision block: an HTML comment at the end of an article that lists its
 * open repair decisions, one JSON object a line. Markdown renderers show
 * nothing of it, bitext never publishes it, and it travels with the file
 * (copies, renames, commits) and with its cache key. Deleting a line accepts
 * that decision; the text around each choice finds it again after edits.
 *
 * ```
 * <!-- bitext-decisions: uncertain repaired characters to settle (docs/repair.md#open-decisions)
 * {"at":"96:14","choice":"号","others":["卷","吃"],"confidence":0.41,"left":"里都有","right":"影 VM"}
 * -->
 * ```
 */
import type {RepairDecision} from '../types.js'

/** The words that open a decision block. */
export const blockOpening = '<!-- bitext-decisions'

const header = `${blockOpening}: uncertain repaired characters to settle (docs/repair.md#open-decisions)
Keep this block: bitext lint, review and build flag each line (identical ones once) until it is settled.
Settle one with \`bitext repair --accept FILE:LINE:COLUMN\` (keep the choice) or
\`bitext repair --choose FILE:LINE:COLUMN=CHARACTER\`, or edit the character in the text, or delete its line.`

/** A line of the block that is not a usable decision. */
export interface BlockProblem {
  /** 0-based offsets of the line in the text. */
  start: number
  end: number
  reason: string
}

/** A decision with the place of its line in the block. */
export interface BlockEntry {
  decision: RepairDecision
  /** 0-based offsets of its line in the text. */
  start: number
  end: number
}

/** What a text's decision block holds. */
export interface DecisionBlock {
  /** 0-based offset where the block starts (with the blank lines before it), or the text's length when there is none. */
  start: number
  /** Whether the text has a block. */
  found: boolean
  entries: BlockEntry[]
  problems: BlockProblem[]
}

/**
 * Find and read the decision block of a text: the last comment that starts a
 * line with `<!-- bitext-decisions`.
 *
 * @param text The article as on disk (decoded).
 * @returns The block's place, its decisions and the lines that could not be read.
 */
export function readBlock(text: string): DecisionBlock {
  const opening = lastLineStart(text, blockOpening)
  if (opening === -1) return {start: text.length, found: false, entries: [], problems: []}
  // `formatBlock` puts one blank line before the block: it belongs to the block.
  const start = text.slice(opening - 2, opening) === '\n\n' ? opening - 1
    : text.slice(opening - 4, opening) === '\r\n\r\n' ? opening - 2
      : opening
  const close = text.indexOf('-->', opening + blockOpening.length)
  const entries: BlockEntry[] = []
  const problems: BlockProblem[] = []
  const bodyEnd = close === -1 ? text.length : close
  let lineStart = text.indexOf('\n', opening)
  if (close === -1) {
    const firstEnd = lineStart === -1 ? text.length : lineStart
    problems.push({start: opening, end: firstEnd, reason: 'Unclosed decision block: end it with a line `-->`, or delete it to accept every decision in it'})
  }
  while (lineStart !== -1 && lineStart < bodyEnd) {
    const from = lineStart + 1
    const next = text.indexOf('\n', from)
    const to = Math.min(next === -1 ? text.length : next, bodyEnd)
    const line = text.slice(from, to).trim()
    if (line.startsWith('{')) {
      const read = parseDecision(line)
      if (typeof read === 'string') problems.push({start: from, end: to, reason: `Malformed repair decision (${read}): fix the line or delete it`})
      else entries.push({decision: read, start: from, end: to})
    }
    lineStart = next
  }
  return {start, found: true, entries, problems}
}

/**
 * Write a decision block.
 *
 * @param decisions The open decisions, in text order.
 * @param eol The line ending to write: the article's own, so that a file with CRLF line endings keeps them.
 * @returns The block, starting with a blank line and ending with a line break; `''` when there are none.
 */
export function formatBlock(decisions: readonly RepairDecision[], eol: '\n' | '\r\n' = '\n'): string {
  if (decisions.length === 0) return ''
  const block = `\n${header}\n${decisions.map(formatDecision).join('\n')}\n-->\n`
  // A decision line is JSON, whose strings hold no raw line break.
  return eol === '\n' ? block : block.replaceAll('\n', '\r\n')
}

/**
 * Put a block at the end of an article's content.
 *
 * @param content The article without a block.
 * @param decisions The open decisions.
 * @returns The article with its block (just the content, ending in a line break, when there are none).
 */
export function withBlock(content: string, decisions: readonly RepairDecision[]): string {
  if (decisions.length === 0) return content
  const eol = lineEnding(content)
  const ended = content === '' || content.endsWith('\n') ? content : `${content}${eol}`
  return ended + formatBlock(decisions, eol)
}

/** The line ending most of a text's lines use: CRLF when more than half of its line breaks are. */
function lineEnding(text: string): '\n' | '\r\n' {
  let breaks = 0
  let crlf = 0
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    breaks++
    if (at > 0 && text.charCodeAt(at - 1) === 13) crlf++
  }
  return crlf * 2 > breaks ? '\r\n' : '\n'
}

/** One decision as a line of JSON, with nothing a comment or the repair could trip on. */
function formatDecision(decision: RepairDecision): string {
  const data = {
    at: `${decision.line}:${decision.column}`,
    choice: decision.choice,
    others: decision.others,
    confidence: Math.round(decision.confidence * 100) / 100,
    ...(decision.evidence === undefined ? {} : {evidence: decision.evidence}),
    left: decision.left,
    right: decision.right
  }
  // Only ASCII and CJK stay literal: `-->` cannot end the comment early, and
  // no Latin-1 or box-drawing character looks like mojibake to the repair.
  return JSON.stringify(data).replace(/[^\x20-\x3D\x3F-\x7E\u3000-\u303F\u3400-\u4DBF\u4E00-\u9FFF\uFF01-\uFF5E]/g, (unit) =>
    `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
}

/** Read one line; a string says what is wrong with it. */
function parseDecision(line: string): RepairDecision | string {
  let data: unknown
  try {
    data = JSON.parse(line)
  } catch {
    return 'not valid JSON'
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'not a JSON object'
  const record = data as Record<string, unknown>
  const at = typeof record['at'] === 'string' ? /^(\d+):(\d+)$/.exec(record['at']) : null
  if (!at) return '`at` must be "LINE:COLUMN"'
  if (typeof record['choice'] !== 'string' || record['choice'] === '' || record['choice'].includes('\n')) return '`choice` must be the character chosen'
  const others = record['others'] ?? []
  if (!Array.isArray(others) || !others.every((other): other is string => typeof other === 'string')) return '`others` must be a list of strings'
  const confidence = record['confidence'] ?? 0
  if (typeof confidence !== 'number' || !(confidence >= 0 && confidence <= 1)) return '`confidence` must be a number from 0 to 1'
  const left = record['left'] ?? ''
  const right = record['right'] ?? ''
  if (typeof left !== 'string' || typeof right !== 'string') return '`left` and `right` must be strings'
  const evidence = record['evidence']
  if (evidence !== undefined && typeof evidence !== 'string') return '`evidence` must be a string'
  return {
    choice: record['choice'],
    others,
    confidence,
    ...(evidence === undefined ? {} : {evidence}),
    left,
    right,
    line: Number(at[1]),
    column: Number(at[2])
  }
}

/** The offset of the last line that starts with `prefix`, or -1. */
function lastLineStart(text: string, prefix: string): number {
  let at = text.lastIndexOf(prefix)
  while (at !== -1) {
    if (at === 0 || text[at - 1] === '\n') return at
    at = at === 0 ? -1 : text.lastIndexOf(prefix, at - 1)
  }
  return -1
}
