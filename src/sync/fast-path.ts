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
  if (source.length !== target.length) return false
  for (let i = 0; i < source.length; i++) if (source[i] !== target[i]) return false
  return true
}

/** The chunks of a file that sync compares, each as its trimmed lines joined. */
function chunks(text: string, translation: boolean): string[] {
  const found: string[] = []
  let current: string[] = []
  let comment: string[] | undefined
  let commentStart = 0
  const end = (): void => {
    if (current.length > 0 && !(translation && comment === undefined && current.some((line) => chineseRe.test(line)))) found.push(current.join('\n'))
    current = []
  }
  for (const raw of bodyLines(text)) {
    // Trailing spaces stay: a change of only those is `cosmetic`, which the full comparison tells.
    let line = raw.replace(leadRe, '')
    if (line.trim() === '') line = ''
    if (translation && comment === undefined && line.startsWith('<!--') && !line.includes('-->')) {
      line = line.trimEnd()
      end()
      comment = []
      commentStart = found.length
      line = line.slice(4).trim()
      if (line === '') continue
    }
    if (translation && comment !== undefined && line.trimEnd().endsWith('-->') && !line.startsWith('<!--')) {
      line = line.trimEnd()
      const rest = line.slice(0, -3).trim()
      if (rest !== '') add(rest)
      end()
      // The English front matter kept in a comment is not compared.
      if (isFrontMatter(comment)) found.length = commentStart
      comment = undefined
      continue
    }
    if (line === '') end()
    else add(line)
  }
  end()
  return found

  function add(line: string): void {
    if (oneLineCommentRe.test(line) || shortcodeRe.test(line.replace(/^#{1,6}\s+/, ''))) return
    current.push(line)
    comment?.push(line)
  }
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
