/**
 * The languages of a document that keeps its English in HTML comments (the
 * Kubernetes website's zh-cn convention). The pages keep the document's
 * structure (lists, shortcodes, code shared by both languages); only the
 * English comments and the Chinese they render are exchanged.
 */
import type {Blockquote, Html, Nodes, Root, RootContent, Yaml} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Alignment} from '../types.js'

/**
 * The Chinese page: the document without the comments that hold English
 * (block comments, the English front matter, and short comments inside HTML
 * such as `<strong><!--Control-->控制</strong>`).
 *
 * @param tree The parsed document.
 * @param alignment Its alignment (`convention: 'comment'`).
 * @returns A new tree.
 */
export function commentZhTree(tree: Root, alignment: Alignment): Root {
  const replace = new Map<Nodes, RootContent[]>()
  for (const comment of alignment.comments ?? []) replace.set(comment.node, [])
  if (alignment.frontMatter) replace.set(alignment.frontMatter.node, [])
  return rebuild(tree, replace, dropEnglishComments)
}

/**
 * HTML without its English comments. A comment alone on its lines goes with
 * its lines: a line left holding only white space would be a blank line,
 * which ends the HTML block and turns the rest of a table into code.
 */
function dropEnglishComments(value: string): string {
  const out = value.replace(/(^|\n)[ \t]*<!--((?:(?!-->)[^])*)-->[ \t]*(?=\n|$)|<!--([^]*?)-->/g, (whole, _start?: string, alone?: string, inner?: string) =>
    isEnglishInline(alone ?? inner ?? '') ? '' : whole
  )
  // A comment alone on the first line took the text before it, not the newline after it.
  return out.startsWith('\n') && !value.startsWith('\n') ? out.slice(1) : out
}

/**
 * The English page rebuilt from the comments: each Chinese rendering
 * replaced by the English it renders, translator's blocks dropped, English
 * front matter restored.
 *
 * @param tree The parsed document.
 * @param alignment Its alignment (`convention: 'comment'`).
 * @returns A new tree.
 */
export function commentEnTree(tree: Root, alignment: Alignment): Root {
  const replace = new Map<Nodes, RootContent[]>()
  const comments = alignment.comments ?? []
  for (const comment of comments) replace.set(comment.node, [])
  for (const unit of alignment.units) {
    if (unit.kind === 'pair') {
      const [first, ...rest] = unit.zhNodes
      replace.set(first, [...shortcodeLines(first, 'open'), ...unit.enNodes, ...shortcodeLines(unit.zhNodes[unit.zhNodes.length - 1], 'close')])
      for (const node of rest) replace.set(node, [])
    } else if (unit.kind === 'target-only') {
      for (const node of unit.zhNodes) replace.set(node, shortcodeLines(node, 'both'))
    } else if (unit.kind === 'source-only') {
      // English of a comment left without Chinese: it stands where the comment was.
      const start = unit.enNodes[0]?.position?.start.offset
      const comment = comments.find((item) => start !== undefined && offsetsOf(item.node)[0] <= start && start < offsetsOf(item.node)[1])
      if (comment) replace.get(comment.node)!.push(...unit.enNodes)
    }
  }
  if (alignment.frontMatter) replace.set(alignment.frontMatter.node, [])
  // A comment in Chinese is the translator's note: not part of the English page.
  const root = rebuild(tree, replace, (value) => (/^<!--[^]*-->$/.test(value.trim()) && hanRe.test(value) ? '' : englishInline(value)))
  const yaml = root.children[0]
  if (alignment.frontMatter && yaml?.type === 'yaml') {
    const english: Yaml = {type: 'yaml', value: alignment.frontMatter.text}
    root.children[0] = english
  }
  return root
}

/**
 * The parallel document: each English comment shown as a `>` quote (a heading
 * as itself) before its Chinese, as in bitext's own convention.
 *
 * @param tree The parsed document.
 * @param alignment Its alignment (`convention: 'comment'`).
 * @returns A new tree.
 */
export function commentBilingualTree(tree: Root, alignment: Alignment): Root {
  const replace = new Map<Nodes, RootContent[]>()
  for (const comment of alignment.comments ?? []) {
    const headings = comment.nodes.every((node) => node.type === 'heading')
    const quote: Blockquote = {type: 'blockquote', children: comment.nodes as Blockquote['children']}
    replace.set(comment.node, headings ? comment.nodes : [quote])
  }
  if (alignment.frontMatter) replace.set(alignment.frontMatter.node, [])
  return rebuild(tree, replace, (value) => value)
}

/** A copy of the tree with nodes replaced and `html` values rewritten. */
function rebuild(tree: Root, replace: ReadonlyMap<Nodes, RootContent[]>, html: (value: string) => string): Root {
  const copy = (node: Nodes): Nodes[] => {
    const replacement = replace.get(node)
    if (replacement) return replacement
    if (node.type === 'html') {
      const value = html(node.value)
      if (value === node.value) return [node]
      return value.trim() === '' ? [] : [{...node, value}]
    }
    if (!('children' in node)) return [node]
    const children: Nodes[] = []
    let removed = false
    for (const child of node.children) {
      const nodes = copy(child)
      const last = children[children.length - 1]
      const first = nodes[0]
      // A numbered list split into one comment per item is one list again once the comments are gone.
      if (removed && last?.type === 'list' && first?.type === 'list' && last.ordered === first.ordered) {
        children[children.length - 1] = {...last, spread: last.spread || first.spread, children: [...last.children, ...first.children]}
        nodes.shift()
      }
      children.push(...nodes)
      removed = nodes.length === 0 && replace.has(child) ? true : nodes.length === 0 ? removed : false
    }
    return [{...node, children} as Nodes]
  }
  return copy(tree)[0] as Root
}

const inlineComment = /<!--([^]*?)-->/g
const hanRe = /\p{Script=Han}/u

/** Whether a comment inside HTML holds English (not Chinese, not a marker or commented-out tag). */
function isEnglishInline(inner: string): boolean {
  const text = inner.trim()
  return /\p{Script=Latin}/u.test(text) && !hanRe.test(text) && !/^[a-z][a-z\d_-]*$/.test(text) && !/^</.test(text)
}

/**
 * HTML with each English comment put in place of the Chinese after it, up to
 * the end of the element holding the comment (`<td><!--Control-->控制</td>`
 * becomes `<td>Control</td>`).
 */
function englishInline(value: string): string {
  let out = ''
  let at = 0
  inlineComment.lastIndex = 0
  for (let match = inlineComment.exec(value); match; match = inlineComment.exec(value)) {
    if (!isEnglishInline(match[1])) continue
    const end = renderingEnd(value, match.index + match[0].length)
    if (!hanRe.test(value.slice(match.index + match[0].length, end))) continue
    out += value.slice(at, match.index) + match[1].trim()
    at = end
    inlineComment.lastIndex = end
  }
  return out + value.slice(at)
}

const voidTags = new Set(['br', 'img', 'hr', 'input', 'wbr', 'col', 'source'])
const blockTags = new Set(['p', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'div', 'table', 'thead', 'tbody', 'tr', 'td', 'th', 'pre', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'details', 'summary', 'figure'])

/**
 * Where the Chinese after an inline comment ends: the close of the enclosing
 * element, the next comment, or the next block element (`<ul>` after a line
 * of text).
 */
function renderingEnd(value: string, from: number): number {
  const tag = /<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>|<!--/g
  tag.lastIndex = from
  let depth = 0
  for (let match = tag.exec(value); match; match = tag.exec(value)) {
    if (match[0] === '<!--') return match.index
    const name = match[2].toLowerCase()
    if (match[1] === '/') {
      if (depth === 0) return trimEnd(value, from, match.index)
      depth--
    } else if (depth === 0 && blockTags.has(name)) {
      return trimEnd(value, from, match.index)
    } else if (match[3] !== '/' && !voidTags.has(name)) {
      depth++
    }
  }
  return trimEnd(value, from, value.length)
}

function trimEnd(value: string, from: number, end: number): number {
  let stop = end
  while (stop > from && /\s/.test(value[stop - 1])) stop--
  return stop
}

const openShortcode = /^\s*\{\{[<%]\s*[\w-]+[^}]*[>%]\}\}\s*$/
const closeShortcode = /^\s*\{\{[<%]\s*\/[\w-]+\s*[>%]\}\}\s*$/

/**
 * A shortcode line glued to a Chinese paragraph (`中文\n{{< /note >}}`,
 * when no blank line separates them), kept when the paragraph is replaced.
 */
function shortcodeLines(node: RootContent, which: 'open' | 'close' | 'both'): RootContent[] {
  if (node.type !== 'paragraph') return []
  const lines = toString(node).split('\n')
  if (lines.length < 2) return []
  const found: RootContent[] = []
  if ((which === 'open' || which === 'both') && openShortcode.test(lines[0]) && !closeShortcode.test(lines[0])) {
    found.push(htmlNode(lines[0].trim()))
  }
  if ((which === 'close' || which === 'both') && closeShortcode.test(lines[lines.length - 1])) {
    found.push(htmlNode(lines[lines.length - 1].trim()))
  }
  return found
}

function htmlNode(value: string): Html {
  return {type: 'html', value}
}

function offsetsOf(node: Nodes): [number, number] {
  return [node.position?.start.offset ?? -1, node.position?.end.offset ?? -1]
}
