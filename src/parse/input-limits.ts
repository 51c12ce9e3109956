/**
 * Limits on what bitext accepts as an article, checked before parsing:
 * remark needs minutes for tens of megabytes and overflows the stack on
 * thousands of nested quotes or lists. Real articles are far below both
 * limits; an input above them gets one clear message instead of a hang or a
 * crash.
 */

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
export interface InputLimits {
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
