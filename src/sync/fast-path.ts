/**
 * The fast path of `bitext sync`: decide "nothing changed" from the text of
 * the two files, without parsing or aligning either.
 *
 * Both files are cut into chunks at blank lines (and, in the translation, at
 * comment delimiters). Lines that sync never compares are left out on both
 * sides: the front matter (and the English front matter kept in a comment),
 * one-line HTML comments (`<!-- overview -->`) and shortcode lines
 * (`{{< note >}}`). In the translation, chunks with a Han character are the
 * Chinese and are left out too. When the two sequences of chunks are the
 * same, line for line (`>` and indentation trimmed), every paragraph is
 * stored as it is in the source: every status is `current`. Otherwise
 * nothing is decided and the full comparison runs. The fast path does not
 * see indentation (a change of only that is `cosmetic` in the full
 * comparison).
 */
import {shortcodeRe} from '../align/classify.js'
import {langOfStats, scriptStats} from '../align/script.js'
import {similarity, wordsOf} from './normalize.js'

/** A line of the Chinese page: Han, full-width punctuation, or a link into the Chinese site. */
const chineseRe = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]|\]\(\/zh(?:-cn)?\/|^#{1,6} .*\{#[^{}\s]*\}$/u
/** What sync does not compare at the start of a line: quote markers, indentation, list markers. */
const leadRe = /^[\s>]*(?:(?:[-*+]|\d{1,9}[.)])\s+)?/
const oneLineCommentRe = /^<!--(?:(?!-->)[^])*-->$/

/**
 * Whether the translation stores exactly today's English.
 *
 * @param zhText The translation.
 * @param enText The English source.
 * @returns True when every paragraph is surely `current`; false when the full
 *   comparison must decide.
 */
export function unchangedByLines(zhText: string, enText: string): boolean {
  if (zhText.includes('bitext:')) return false
  const source = chunks(enText, false)
  const target = chunks(zhText, true)
  if (target === undefined || source === undefined) return false
  if (source.length !== target.length) return false
  for (let i = 0; i < source.length; i++) {
    const chunk = target[i]
    if (typeof chunk === 'string' ? source[i] !== chunk : !chunk.test(source[i] as string)) return false
  }
  return true
}

/**
 * The chunks of a file that sync compares, each as its lines joined (`>`,
 * indentation and list markers trimmed, but code blocks exactly as written,
 * each one chunk); undefined when a translation holds a code block with
 * Chinese in it outside a comment (its English is known only to the full
 * comparison). A chunk of a translation outside comments that repeats a
 * chunk of the comment before it is that English's rendering, not English
 * of its own.
 */
function chunks(text: string, translation: boolean, verbatim?: string[]): Array<string | RegExp> | undefined {
  const found: Array<string | RegExp> = []
  let localized = false
  let current: string[] = []
  let currentRaw: string[] = []
  let fence: string | undefined
  let comment: string[] | undefined
  let commentStart = 0
  let lastComment = new Set<string | RegExp>()
  let codeAfterComment = false
  let html = false
  let undecided = false
  const end = (): void => {
    if (current.length === 0) return
    const chunk = current.join('\n')
    const lines = currentRaw
    current = []
    currentRaw = []
    const rendering = codeAfterComment && translation && comment === undefined && isCode(chunk)
    codeAfterComment = false
    // Code right after a comment that ends with code renders that code (translated comments and all).
    if (rendering) {
      localized = false
      return
    }
    if (localized) {
      // Code kept with its comments in Chinese: each line's Chinese stands for any English.
      localized = false
      const pattern = localizedPattern(lines)
      if (!pattern) {
        undecided = true
        return
      }
      if ([...lastComment].some((other) => typeof other === 'string' && pattern.test(other))) return
      found.push(pattern)
      // (for a page with nothing changed, any English in place of the Chinese)
      verbatim?.push(lines.map((line) => line.replace(hanSpan, 'English text')).join('\n'))
      return
    }
    if (translation && comment === undefined) {
      if (lastComment.has(chunk) || (fence === undefined && chineseRe.test(chunk))) return
      // English outside the comment much like the comment's: a rendering, or English of its
      // own? Only the full comparison tells.
      if (!isCode(chunk)) {
        const words = wordsOf(chunk)
        const likeness = Math.max(0, ...[...lastComment].map((other) => (typeof other === 'string' && !isCode(other) ? similarity(wordsOf(other), words) : 0)))
        // A copy of the comment's inline code (`sum(…)`, a flag) is its rendering, as the full comparison reads it.
        if (likeness >= renderingLikeness && !/\p{L}/u.test(chunk.replace(/`[^`]*`/g, ''))) return
        if (likeness >= 0.5) undecided = true
      }
    }
    found.push(chunk)
    verbatim?.push(lines.join('\n'))
  }
  for (const raw of bodyLines(text)) {
    const stripped = raw.replace(leadRe, '')
    const marker = /^(`{3,}|~{3,})/.exec(stripped)?.[1]
    if (fence !== undefined) {
      if (translation && comment === undefined && chineseRe.test(raw)) localized = true
      current.push(raw)
      currentRaw.push(raw)
      comment?.push(raw)
      if (marker?.startsWith(fence) && stripped.trim() === marker) {
        fence = undefined
        end()
      }
      continue
    }
    if (marker) {
      end()
      fence = marker
      current.push(raw)
      currentRaw.push(raw)
      comment?.push(raw)
      continue
    }
    // Trailing spaces stay: a change of only those is `cosmetic`, which the full comparison tells.
    let line = stripped.trim() === '' ? '' : stripped
    // An HTML block (a table), English comments in its cells included, is compared by neither.
    if (comment === undefined && (html || htmlBlockRe.test(line))) {
      end()
      html = line !== ''
      continue
    }
    if (translation && comment === undefined && line.startsWith('<!--') && !line.includes('-->')) {
      end()
      comment = []
      commentStart = found.length
      line = line.slice(4).trim()
      if (line === '') continue
      add(line, raw.slice(raw.indexOf('<!--') + 4))
      continue
    }
    if (translation && comment !== undefined && line.trimEnd().endsWith('-->') && !line.startsWith('<!--')) {
      const rest = line.trimEnd().slice(0, -3).trim()
      if (rest !== '') add(rest, raw.slice(0, raw.lastIndexOf('-->')))
      end()
      // The English front matter kept in a comment, and a translator's note in Chinese, are not compared.
      const content = comment.join('\n')
      // (script statistics are costly: only for a comment with Chinese in it)
      const chinese = /\p{Script=Han}/u.test(content) ? langOfStats(scriptStats(content)) : 'en'
      if (isFrontMatter(comment) || chinese === 'zh') {
        found.length = commentStart
        if (verbatim) verbatim.length = commentStart
      } else if (chinese !== 'en') {
        undecided = true
      }
      lastComment = new Set(found.slice(commentStart))
      const last = found.at(-1)
      codeAfterComment = found.length > commentStart && typeof last === 'string' && isCode(last)
      comment = undefined
      continue
    }
    if (line === '') end()
    else add(line, raw)
  }
  end()
  return undecided ? undefined : found

  function add(line: string, raw: string): void {
    if (oneLineCommentRe.test(line) || shortcodeRe.test(line.replace(/^#{1,6}\s+/, ''))) return
    current.push(line)
    currentRaw.push(raw)
    comment?.push(line)
  }
}

/**
 * The English a translation stores, as the fast path reads it: chunks of
 * its English comments and of its blocks without Chinese, in order, their
 * lines as written (for benchmarks and tests that need a source with
 * nothing changed).
 *
 * @param zhText The translation.
 * @returns The chunks, or undefined when the fast path cannot read the file.
 */
export function storedChunks(zhText: string): string[] | undefined {
  const verbatim: string[] = []
  return chunks(zhText, true, verbatim) && verbatim
}

/** How alike a copy after a comment must be to be its rendering (as `read-stored.ts` reads it). */
const renderingLikeness = 0.8

/** The start of an HTML block that ends at a blank line (CommonMark's kind 6). */
const htmlBlockRe = /^<\/?(?:address|article|aside|blockquote|center|details|dialog|div|dl|dd|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|iframe|li|main|nav|ol|p|section|summary|table|tbody|td|tfoot|th|thead|tr|ul)(?:\s|\/?>|$)/i

/** Whether a chunk is a fenced code block. */
function isCode(chunk: string): boolean {
  return /^\s*(?:`{3,}|~{3,})/.test(chunk)
}

/** The span of a line from its first to its last Han character, with the punctuation after it. */
const hanSpan = /\p{Script=Han}(?:.*\p{Script=Han})?[\p{P}]*/u

/** Most Chinese runs a localized code block may hold (each is a wildcard). */
const maxWildcards = 40

/** A code block's lines as a pattern: the span of each line from its first to its last Han character matches any text. */
function localizedPattern(lines: readonly string[]): RegExp | undefined {
  let wildcards = 0
  const parts = lines.map((line) => {
    const han = hanSpan.exec(line)
    if (!han) return escape(line)
    wildcards++
    return `${escape(line.slice(0, han.index))}[^]*?${escape(line.slice(han.index + han[0].length))}`
  })
  return wildcards > maxWildcards ? undefined : new RegExp(`^${parts.join('\n')}$`, 'u')
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The lines after the front matter. */
function bodyLines(text: string): string[] {
  const lines = text.split(/\r?\n/)
  if (lines[0] === '---') {
    const close = lines.indexOf('---', 1)
    if (close !== -1) return lines.slice(close + 1)
  }
  return lines
}

/** Whether a comment's lines are a YAML map with a title (the English front matter). */
function isFrontMatter(lines: readonly string[]): boolean {
  return lines.length > 1 && lines.some((line) => /^title:/.test(line)) && /^[A-Za-z_][\w-]*:/.test(lines[0])
}
