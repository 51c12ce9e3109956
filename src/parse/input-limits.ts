/**
 * Limits on what bitext accepts as an article, checked before parsing:
 * remark needs minutes for tens of megabytes and overflows the stack on
 * thousands of nested quotes or lists. Real articles are far below both
 * limits; an input above them gets one clear message instead of a hang or a
 * crash.
 */

import type {Nodes, Root} from 'mdast'

/** An article bitext refuses to process, with the line of the problem when known. */
export class InputLimitError extends Error {
  override name = 'InputLimitError'
  /**
   * @param message What is wrong and what to do.
   * @param line 1-based line in the article, when known.
   */
  constructor(message: string, readonly line: number | undefined) {
    super(message)
  }
}

/** Limits of one article. */
export interface InputLimits extends InlineLimits {
  /** Largest article in bytes (default: 4 MiB). */
  maxBytes?: number
  /** Deepest nesting of block quotes and lists (default: 100). */
  maxDepth?: number
}

/** The default largest article: 4 MiB, about forty times the longest real articles. */
export const defaultMaxBytes = 4 * 1024 * 1024

/** The default deepest nesting of quotes and lists. */
export const defaultMaxDepth = 100

/**
 * Refuse an article that is too large.
 *
 * @param size The article's size in bytes.
 * @param limits The limits (defaults above).
 * @throws InputLimitError when the article is larger than `maxBytes`.
 */
export function assertSize(size: number, limits: InputLimits = {}): void {
  const maxBytes = limits.maxBytes ?? defaultMaxBytes
  if (size > maxBytes) {
    throw new InputLimitError(`Article too large: ${megabytes(size)}, the limit is ${megabytes(maxBytes)}; split it into several articles`, undefined)
  }
}

/**
 * Refuse an article with no text: publishing it would make an empty, untitled page.
 *
 * @param text The decoded article.
 * @throws InputLimitError when the text is empty or only white space.
 */
export function assertNotEmpty(text: string): void {
  if (text.trim() === '') throw new InputLimitError('Empty article: there is nothing to publish; write the article or remove the file', undefined)
}

/**
 * Refuse an article whose block quotes and lists nest deeper than `maxDepth`.
 *
 * @param text The decoded article.
 * @param limits The limits (defaults above).
 * @throws InputLimitError naming the first line that is too deep.
 */
export function assertNesting(text: string, limits: InputLimits = {}): void {
  const maxDepth = limits.maxDepth ?? defaultMaxDepth
  let line = 1
  let start = 0
  while (start <= text.length) {
    const end = text.indexOf('\n', start)
    const stop = end === -1 ? text.length : end
    const depth = lineDepth(text, start, stop)
    if (depth > maxDepth) {
      throw new InputLimitError(
        `Block quotes or lists nested ${depth} levels deep, the limit is ${maxDepth}; flatten the nesting on this line`,
        line
      )
    }
    if (end === -1) break
    start = end + 1
    line++
  }
}

/**
 * Container depth at the start of one line: every `>` and list marker counts
 * one level, and indentation before a marker counts one level per two columns
 * (how nested lists are written).
 */
function lineDepth(text: string, start: number, stop: number): number {
  let depth = 0
  let column = 0
  let index = start
  while (index < stop) {
    const code = text.charCodeAt(index)
    if (code === 32 /* space */) {
      column++
      index++
      continue
    }
    if (code === 9 /* tab */) {
      column += 4 - (column % 4)
      index++
      continue
    }
    const marker = markerLength(text, index, stop)
    if (marker === 0) break
    depth += 1 + Math.floor(column / 2)
    column = 0
    index += marker
  }
  return depth
}

/** Length of a quote or list marker at `index` (0 when there is none). */
function markerLength(text: string, index: number, stop: number): number {
  const code = text.charCodeAt(index)
  if (code === 62 /* > */) return 1
  const spaceAfter = (at: number) => at >= stop || text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9
  // A marker alone at the end of a line counts too: an empty item nests like
  // any other (a setext underline `-` counts one level, harmlessly).
  if ((code === 45 /* - */ || code === 42 /* * */ || code === 43) /* + */ && spaceAfter(index + 1)) return 1
  let digits = 0
  while (digits < 9 && index + digits < stop && isDigit(text.charCodeAt(index + digits))) digits++
  if (digits > 0) {
    const delimiter = text.charCodeAt(index + digits)
    if ((delimiter === 46 /* . */ || delimiter === 41) /* ) */ && spaceAfter(index + digits + 1)) return digits + 1
  }
  return 0
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

function megabytes(size: number): string {
  return `${(size / 1024 / 1024).toFixed(1)} MB`
}

/** Limits on the inline markup of one paragraph. */
export interface InlineLimits {
  /** Most runs of `*` or `_` in one paragraph (default: 2,000). */
  maxEmphasisRuns?: number
  /** Most opening brackets `[` in one paragraph (default: 2,000). */
  maxBrackets?: number
  /** Most markup characters (`& < [ ] * _ \` ! \\ ~`) in one paragraph (default: 250,000). */
  maxMarkup?: number
}

/**
 * The default inline limits. micromark resolves emphasis and link labels per
 * paragraph with a walk back over every earlier marker, so its time grows
 * with the square of their number: 10,000 nested emphasis took 30 s and
 * 10,000 nested links 26 s, where 2,000 take about 0.3 s. Every markup
 * character becomes its own token, so a 4 MB line of `&` took minutes and
 * gigabytes. Real paragraphs hold tens of each.
 */
export const defaultInlineLimits: Required<InlineLimits> = {maxEmphasisRuns: 2000, maxBrackets: 2000, maxMarkup: 250_000}

/**
 * Refuse an article with a paragraph whose inline markup would make parsing
 * take minutes. A paragraph is a run of lines without a blank line; a list
 * item, a heading, a table row or a fence starts a new one, as in Markdown.
 * Fenced code is not counted (micromark reads it as plain chunks).
 *
 * @param text The decoded article.
 * @param limits The limits (defaults: {@link defaultInlineLimits}).
 * @throws InputLimitError naming the first line of the paragraph.
 */
export function assertInlineMarkup(text: string, limits: InlineLimits = {}): void {
  const {maxEmphasisRuns, maxBrackets, maxMarkup} = {...defaultInlineLimits, ...limits}
  let fence: string | undefined
  let counts = {emphasis: 0, brackets: 0, markup: 0}
  let paragraphLine: number | undefined
  let line = 0
  for (const raw of text.split('\n')) {
    line++
    const content = raw.replace(/^(?:[ \t]{0,3}>[ \t]?)*/, '')
    const fenceMark = /^[ \t]{0,3}(`{3,}|~{3,})/.exec(content)?.[1]
    if (fence !== undefined) {
      if (fenceMark !== undefined && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = undefined
      continue
    }
    if (fenceMark !== undefined || content.trim() === '' || startsBlock(content)) {
      counts = {emphasis: 0, brackets: 0, markup: 0}
      paragraphLine = undefined
      if (fenceMark !== undefined) {
        fence = fenceMark
        continue
      }
    }
    if (content.trim() === '') continue
    paragraphLine ??= line
    countMarkup(content, counts)
    const over =
      counts.emphasis > maxEmphasisRuns ? `${counts.emphasis} runs of emphasis markers (\`*\` or \`_\`), the limit is ${maxEmphasisRuns}`
      : counts.brackets > maxBrackets ? `${counts.brackets} opening brackets (\`[\`), the limit is ${maxBrackets}`
      : counts.markup > maxMarkup ? `${counts.markup} markup characters (such as \`&\`, \`<\`, \`*\`), the limit is ${maxMarkup}`
      : undefined
    if (over !== undefined) {
      throw new InputLimitError(`Paragraph with ${over}: parsing it would take minutes; split the paragraph, or escape the markers with \`\\\``, paragraphLine)
    }
  }
}

/** Whether a line starts a block of its own: a list item, a heading or a table row. */
function startsBlock(content: string): boolean {
  return /^[ \t]*(?:[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|#{1,6}(?:[ \t]|$)|\|)/.test(content)
}

/** Add one line's emphasis runs, opening brackets and markup characters to `counts`. */
function countMarkup(content: string, counts: {emphasis: number; brackets: number; markup: number}): void {
  let previous = ''
  for (let index = 0; index < content.length; index++) {
    const char = content[index] ?? ''
    if (char === '\\') {
      counts.markup++
      index++
      previous = ''
      continue
    }
    if (char === '*' || char === '_') {
      counts.markup++
      if (char !== previous) counts.emphasis++
    } else if (char === '[') {
      counts.markup++
      counts.brackets++
    } else if (char === '&' || char === '<' || char === ']' || char === '`' || char === '!' || char === '~') {
      counts.markup++
    }
    previous = char
  }
}

/**
 * Refuse an article whose emphasis, links or other inline containers nest
 * deeper than `maxDepth` inside each other. Writing Markdown back takes time
 * that grows faster than the square of that depth (mdast-util-to-markdown
 * renders each level's content again for its markers: 400 levels took 1.7 s,
 * 1,000 levels over a minute).
 *
 * @param tree The parsed article.
 * @param limits The limits (`maxDepth`, default 100, as for block nesting).
 * @throws InputLimitError naming the line where the nesting starts.
 */
export function assertPhrasingDepth(tree: Root, limits: InputLimits = {}): void {
  const maxDepth = limits.maxDepth ?? defaultMaxDepth
  const stack: Array<{node: Nodes; depth: number}> = [{node: tree, depth: 0}]
  while (stack.length > 0) {
    const {node, depth} = stack.pop() ?? {node: tree, depth: 0}
    if (!('children' in node)) continue
    const inline = phrasingContainers.has(node.type)
    const level = inline ? depth + 1 : 0
    if (level > maxDepth) {
      throw new InputLimitError(
        `Emphasis or links nested more than ${maxDepth} levels inside each other, the limit is ${maxDepth}; flatten the nesting in this paragraph`,
        node.position?.start.line
      )
    }
    for (const child of node.children) stack.push({node: child, depth: level})
  }
}

/** Inline nodes that hold other inline nodes. */
const phrasingContainers = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference'])
