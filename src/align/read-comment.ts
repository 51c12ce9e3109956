/**
 * Read an HTML comment block as the Kubernetes website's zh-cn pages use it:
 * `<!--` English `-->` before the Chinese rendering. The comment's content is
 * parsed as Markdown, with every position mapped back into the file, so that
 * the stored English can be checked, reported and synced like any block.
 */
import type {Html, Nodes, RootContent} from 'mdast'
import {location} from 'vfile-location'
import {createFragmentParser} from '../parse/index.js'
import {parse as parseYaml} from 'yaml'
import {blockText} from './block-text.js'
import {detectLanguage, langOfStats, scriptStats} from './script.js'

/** What an HTML comment block holds. */
export type CommentKind =
  /** English prose (the stored source of the Chinese after it). */
  | 'english'
  /** The English page's front matter (YAML). */
  | 'front-matter'
  /** A one-word section marker such as `<!-- overview -->`. */
  | 'marker'
  /** Anything else: Chinese notes, commented-out markup, empty comments. */
  | 'other'

/** An HTML comment block and its content. */
export interface CommentContent {
  /** The `html` node of the comment. */
  node: Html
  kind: CommentKind
  /** The content parsed as Markdown, positions in the file (empty unless `english`). */
  nodes: RootContent[]
  /** The content as text, container indentation removed. */
  text: string
  /** 0-based offset in the file of the content's first character. */
  start: number
  /** 0-based offset in the file just after the content. */
  end: number
}

const parser = createFragmentParser()
const markerRe = /^[a-z][a-z\d_-]*$/
const yamlKeyRe = /^[A-Za-z_][\w-]*:(?:\s|$)/

/** A place finder over one file's text. */
export type Place = ReturnType<typeof location>

/**
 * Read an `html` block that is exactly one comment.
 *
 * @param node The block.
 * @param source The file's text.
 * @param place `location(source)`, shared between calls.
 * @returns The comment's content, or undefined when the block is not one comment.
 */
export function readComment(node: Html, source: string, place: Place = location(source)): CommentContent | undefined {
  const from = node.position?.start.offset
  const to = node.position?.end.offset
  if (from === undefined || to === undefined) return undefined
  const raw = source.slice(from, to)
  const open = raw.indexOf('<!--')
  const close = raw.lastIndexOf('-->')
  if (open === -1 || close < open + 4) return undefined
  if (raw.slice(0, open).trim() !== '' || raw.slice(close + 3).trim() !== '') return undefined
  if (raw.indexOf('-->', open + 4) !== close) return undefined

  const lines = contentLines(source, from + open + 4, from + close)
  const text = lines.map((line) => line.text).join('\n')
  const start = from + open + 4
  const content: CommentContent = {node, kind: 'other', nodes: [], text, start, end: from + close}
  const trimmed = text.trim()
  if (trimmed === '') return content
  // bitext's own markers (`<!-- bitext: outdated … -->`, the decision block) hold no stored English.
  if (/^bitext[:-]/.test(trimmed)) return content
  if (!trimmed.includes('\n') && markerRe.test(trimmed)) return {...content, kind: 'marker'}
  if (isFrontMatter(trimmed)) return {...content, kind: 'front-matter'}

  const tree = parser.parse(text)
  for (const child of tree.children) mapPositions(child, lines, place)
  const nodes = tree.children.filter((child) => child.type !== 'html' || !/^<!--[^]*-->$/.test(child.value.trim()))
  if (nodes.length === 0) return content
  let lang = detectLanguage(blockText(nodes, source))
  // An image alone (`![Memory Manager in the pod admission process](…)`) is English by its description.
  if (lang === 'none') lang = langOfStats(scriptStats(altTexts(nodes).join(' ')))
  // A single Latin word is a name or a term, not a sentence to translate.
  if (lang !== 'en' || scriptStats(trimmed).words < 1) return content
  return {...content, kind: 'english', nodes}
}

function altTexts(nodes: readonly Nodes[]): string[] {
  const alt: string[] = []
  for (const node of nodes) {
    if (node.type === 'image' && node.alt) alt.push(node.alt)
    if ('children' in node) alt.push(...altTexts(node.children))
  }
  return alt
}

/** A line of comment content with the file offset of its first kept character. */
interface ContentLine {
  text: string
  offset: number
}

/**
 * The lines between `<!--` and `-->`, with the indentation of the container
 * (a list item, a shortcode pair) removed, so the English parses as it would
 * in the English page.
 */
function contentLines(source: string, start: number, end: number): ContentLine[] {
  const lines: ContentLine[] = []
  let at = start
  while (at <= end) {
    const newline = source.indexOf('\n', at)
    const stop = newline === -1 || newline > end ? end : newline
    lines.push({text: source.slice(at, stop), offset: at})
    if (stop === end) break
    at = stop + 1
  }
  // The first line is what follows `<!--`; later lines carry the container's indentation.
  const first = lines[0]
  if (first && first.text.trim() === '') first.text = ''
  let indent = Number.POSITIVE_INFINITY
  for (const line of lines.slice(1)) {
    if (line.text.trim() === '') continue
    indent = Math.min(indent, /^[ \t]*/.exec(line.text)![0].length)
  }
  if (indent === Number.POSITIVE_INFINITY) indent = 0
  for (const line of lines.slice(1)) {
    const cut = Math.min(indent, line.text.length)
    line.text = line.text.slice(cut)
    line.offset += cut
  }
  if (first && first.text !== '') {
    const lead = /^[ \t]*/.exec(first.text)![0].length
    first.text = first.text.slice(lead)
    first.offset += lead
  }
  return lines
}

/** Whether comment content is a YAML map such as the English page's front matter. */
function isFrontMatter(text: string): boolean {
  const lines = text.split('\n').filter((line) => line.trim() !== '')
  if (lines.length === 0 || !yamlKeyRe.test(lines[0])) return false
  // `Syntax:` alone is English; front matter has a title and other keys.
  if (lines.filter((line) => yamlKeyRe.test(line)).length < 2 || !lines.some((line) => /^title:/.test(line))) return false
  for (const line of lines) {
    if (!yamlKeyRe.test(line) && !/^[ \t]|^- /.test(line)) return false
  }
  try {
    const value: unknown = parseYaml(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
  } catch {
    return false
  }
}

/** Move the positions of a parsed node (and its descendants) into the file. */
function mapPositions(node: Nodes, lines: readonly ContentLine[], place: Place): void {
  const position = node.position
  if (position) {
    const start = fileOffset(position.start, lines)
    const end = fileOffset(position.end, lines)
    const startPoint = place.toPoint(start)
    const endPoint = place.toPoint(end)
    if (startPoint && endPoint) {
      node.position = {
        start: {line: startPoint.line, column: startPoint.column, offset: start},
        end: {line: endPoint.line, column: endPoint.column, offset: end}
      }
    } else {
      delete node.position
    }
  }
  if ('children' in node) for (const child of node.children) mapPositions(child, lines, place)
}

function fileOffset(point: {line: number; column: number}, lines: readonly ContentLine[]): number {
  const line = lines[Math.min(point.line, lines.length) - 1]
  return line.offset + point.column - 1
}
