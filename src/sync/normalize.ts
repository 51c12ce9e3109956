/**
 * What counts as the same English. Two paragraphs are `current` when their
 * Markdown is the same as written; `cosmetic` when only what the issue lists
 * differs: wrapping and whitespace, typographic quotes (“” ‘’ for " '), and
 * the target of a link (or image). Everything else, markup included
 * (emphasis, inline code, a heading level), is a change of wording.
 */
import type {Nodes, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {shortcodeRe} from '../align/classify.js'
import type {ParagraphKind} from './types.js'

/** Containers whose children are compared one by one. */
const containers = new Set(['list', 'listItem', 'blockquote', 'footnoteDefinition'])

/**
 * The leaf blocks of some nodes, in order, looking inside lists, quotes and
 * footnote definitions.
 *
 * @param nodes Blocks.
 * @returns Their leaves.
 */
export function leavesOf(nodes: readonly RootContent[]): RootContent[] {
  const leaves: RootContent[] = []
  const walk = (node: RootContent): void => {
    if (containers.has(node.type) && 'children' in node) for (const child of node.children) walk(child as RootContent)
    else leaves.push(node)
  }
  for (const node of nodes) walk(node)
  return leaves
}

/**
 * The kind of a leaf block sync compares, or undefined for markup that is not
 * compared: HTML, thematic breaks, definitions, front matter, and shortcode
 * lines (`{{< note >}}`, `## {{% heading "whatsnext" %}}`).
 *
 * @param node A leaf block.
 * @returns Its kind group, or undefined.
 */
export function paragraphKind(node: RootContent): ParagraphKind | undefined {
  if (node.type === 'code') return 'code'
  if (node.type === 'table') return 'table'
  if (node.type !== 'paragraph' && node.type !== 'heading') return undefined
  const text = toString(node)
  if (shortcodeRe.test(text)) return undefined
  if (node.type === 'heading') return 'heading'
  // An image alone has text (its description) and a target, like a link.
  if (text.trim() === '' && !node.children.some((child) => child.type === 'image' || child.type === 'imageReference' || child.type === 'link')) return undefined
  return 'text'
}

const headingIdRe = /\s*\{#[^{}\s]*\}\s*$/

/**
 * The cosmetic key of a leaf: its Markdown rebuilt from the tree with link
 * and image targets dropped, whitespace collapsed (trailing spaces and blank
 * lines only, in code) and typographic quotes made ASCII.
 *
 * @param node A leaf block of a kind `paragraphKind` accepts.
 * @returns The key.
 */
export function cosmeticKey(node: RootContent): string {
  if (node.type === 'code') {
    const body = node.value
      .split('\n')
      .map((line) => line.replace(/\s+$/, ''))
      .filter((line) => line !== '')
      .join('\n')
    return asciiQuotes(`\`\`\`${node.lang ?? ''}\n${body}`)
  }
  let text: string
  if (node.type === 'heading') text = `${'#'.repeat(node.depth)} ${inline(node.children).replace(headingIdRe, '')}`
  else if (node.type === 'table') text = node.children.map((row) => row.children.map((cell) => inline(cell.children)).join(' | ')).join(' || ')
  else text = 'children' in node ? inline(node.children as Nodes[]) : ''
  // Shortcode lines (`{{< note >}}` on the line before the text, `{{< /tab >}}` between two
  // commands) are markup that translations keep outside the stored English.
  const lines = text.split('\n')
  if (lines.length > 1) text = lines.filter((line) => !shortcodeRe.test(line)).join('\n')
  return asciiQuotes(collapse(text).replace(leadingShortcodes, '').replace(trailingShortcodes, ''))
}

const shortcode = String.raw`(?:\{\{[<%](?:(?!\}\})[^])*[%>]\}\}|\{%(?:(?!%\})[^])*%\})`
const leadingShortcodes = new RegExp(String.raw`^(?:${shortcode}\s*)+(?=\S)`)
const trailingShortcodes = new RegExp(String.raw`(?<=\S)(?:\s*${shortcode})+$`)

/**
 * Where the text of a paragraph starts and ends, without the shortcode lines
 * before and after it (`{{< note >}}` written on the line above the text).
 *
 * @param source The file's text.
 * @param start 0-based offset of the block.
 * @param end 0-based offset just after it.
 * @returns The offsets of the text.
 */
export function trimShortcodeLines(source: string, start: number, end: number): {start: number; end: number} {
  for (;;) {
    const newline = source.indexOf('\n', start)
    if (newline === -1 || newline >= end || !shortcodeRe.test(source.slice(start, newline))) break
    let next = newline + 1
    while (next < end && /[ \t>]/.test(source[next])) next++
    start = next
  }
  for (;;) {
    const newline = source.lastIndexOf('\n', end - 1)
    if (newline < start) break
    const line = source.slice(newline + 1, end).replace(/^[ \t>]*/, '')
    if (!shortcodeRe.test(line)) break
    end = newline
  }
  return {start, end}
}

/**
 * Collapse runs of whitespace into one space and trim.
 *
 * @param text Any text.
 * @returns The text on one line.
 */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/**
 * Typographic quotes as ASCII quotes.
 *
 * @param text Any text.
 * @returns The text with “ ” „ ‟ as `"` and ‘ ’ ‚ ‛ as `'`.
 */
export function asciiQuotes(text: string): string {
  return text.replace(/[“”„‟]/g, '"').replace(/[‘’‚‛]/g, "'")
}

function inline(nodes: readonly Nodes[]): string {
  return nodes.map(inlineNode).join('')
}

function inlineNode(node: Nodes): string {
  switch (node.type) {
    case 'text':
      // `[text][label]` reads as a link only where its definition is in the same
      // parse: English kept in a comment is parsed without the page's definitions.
      return node.value.replace(/\[([^\][]*)\]\[[^\][]*\]/g, '[$1][]')
    case 'emphasis':
      return `*${inline(node.children)}*`
    case 'strong':
      return `**${inline(node.children)}**`
    case 'delete':
      return `~~${inline(node.children)}~~`
    case 'inlineCode':
      return `\`${node.value}\``
    case 'break':
      return ' '
    case 'html':
      return node.value
    case 'link': {
      const text = inline(node.children)
      // An autolink's text is its target.
      if (text === node.url || `mailto:${text}` === node.url) return '<>'
      return `[${text}]()`
    }
    case 'linkReference':
      return node.referenceType === 'full' ? `[${inline(node.children)}][]` : `[${inline(node.children)}]`
    case 'image':
      return `![${node.alt ?? ''}]()`
    case 'imageReference':
      return `![${node.alt ?? ''}][]`
    case 'footnoteReference':
      return `[^${node.identifier}]`
    default:
      return 'children' in node ? inline(node.children as Nodes[]) : 'value' in node ? String(node.value) : ''
  }
}

/**
 * The Markdown of a block as written, without the container prefix its
 * continuation lines repeat (`> `, list indentation): on each line after the
 * first, up to `prefix.length` characters of spaces, tabs and `>` go.
 *
 * @param source The file's text.
 * @param start 0-based offset of the block.
 * @param end 0-based offset just after it.
 * @param prefix What stands before the block on its first line.
 * @returns The block's Markdown.
 */
export function rawOf(source: string, start: number, end: number, prefix: string): string {
  const width = prefix.length
  return source
    .slice(start, end)
    .split('\n')
    .map((line, index) => {
      if (index === 0) return line
      let cut = 0
      while (cut < width && cut < line.length && /[ \t>]/.test(line[cut])) cut++
      return line.slice(cut)
    })
    .join('\n')
}

/**
 * What stands before a block on its first line.
 *
 * @param source The file's text.
 * @param start 0-based offset of the block.
 * @returns The text from the line start to the block.
 */
export function prefixAt(source: string, start: number): string {
  return source.slice(source.lastIndexOf('\n', start - 1) + 1, start)
}

/**
 * The words of a key, lower case, for similarity.
 *
 * @param key A cosmetic key.
 * @returns Its words and numbers.
 */
export function wordsOf(key: string): string[] {
  return key.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
}

/**
 * Dice coefficient of two bags of words: 1 for the same words, 0 for none in common.
 *
 * @param a Words of one paragraph.
 * @param b Words of the other.
 * @returns 2·|a ∩ b| / (|a| + |b|).
 */
export function similarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1
  const counts = new Map<string, number>()
  for (const word of a) counts.set(word, (counts.get(word) ?? 0) + 1)
  let common = 0
  for (const word of b) {
    const count = counts.get(word) ?? 0
    if (count > 0) {
      common++
      counts.set(word, count - 1)
    }
  }
  return (2 * common) / (a.length + b.length)
}

/**
 * Where a leaf's text is: its offsets without shortcode lines around it (for
 * text blocks), and the 1-based line of its first character.
 *
 * @param node A leaf block with a position.
 * @param kind Its kind.
 * @param source The file's text.
 * @returns Offsets and line, or undefined without a position.
 */
export function textPlace(node: RootContent, kind: ParagraphKind, source: string): {start: number; end: number; line: number} | undefined {
  const position = node.position
  if (position?.start.offset === undefined || position.end.offset === undefined) return undefined
  const place = kind === 'text' ? trimShortcodeLines(source, position.start.offset, position.end.offset) : {start: position.start.offset, end: position.end.offset}
  let line = position.start.line
  for (let i = position.start.offset; i < place.start; i++) if (source.charCodeAt(i) === 10) line++
  return {...place, line}
}
