/**
 * Classify the top-level blocks of a document: kind, language, quoting, and
 * whether the block belongs to both languages (images, code, …).
 */
import type {Root, RootContent, Table} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {blockText, Mask, type BlockText} from './block-text.js'
import {detectLanguage, maskedText, textLength, zhTextLength, type Lang} from './script.js'
import {extractAnchors, type Anchors} from './anchors.js'

/** A classified top-level block. */
export interface Block {
  /** Index among the top-level children of the root. */
  index: number
  node: RootContent
  /** `paragraph`, `heading`, `caption`, `list`, `table`, `code`, `image`, `html`, … */
  kind: string
  /** Heading depth (0 for other blocks). */
  depth: number
  lang: Lang
  /** Whether the block is inside a `>` blockquote. */
  quoted: boolean
  /** Whether the block belongs to both languages. */
  shared: boolean
  /** Plain text with offsets. */
  text: BlockText
  /** Length for length-based alignment. */
  length: number
  anchors: Anchors
  line: number
  endLine: number
}

const captionRe =
  /^\s*(?:figure|fig\.?|image|picture|diagram|table|screenshot|图片|插图|截图|图|表格|表)\s*\d*(?:[-.]\d+)*\s*[:：.、]/i

/** Text made of shortcodes only (`{{< note >}}`, `{{% heading "x" %}}`, `{% raw %}`), nothing between them. */
export const shortcodeRe = /^\s*(?:(?:\{\{[%<](?:(?!\}\})[^])*[%>]\}\}|\{%(?:(?!%\})[^])*%\})\s*)+$/

const sharedTypes = new Set(['code', 'html', 'thematicBreak', 'definition', 'math', 'yaml', 'toml'])

/**
 * Classify every top-level block except front matter.
 *
 * @param tree The document.
 * @param source The file's text, for exact offsets (optional).
 * @returns Blocks in document order.
 */
export function classifyBlocks(tree: Root, source?: string): Block[] {
  const blocks: Block[] = []
  tree.children.forEach((node, index) => {
    if (node.type === 'yaml' || (node.type as string) === 'toml') return
    blocks.push(classifyBlock(node, index, source))
  })
  return blocks
}

/**
 * Classify one top-level block.
 *
 * @param node The block.
 * @param index Its index in the root.
 * @param source The file's text (optional).
 * @param side The language of the file in two-file mode (default: detected per block).
 * @returns The classified block.
 */
export function classifyBlock(node: RootContent, index: number, source?: string, side?: 'en' | 'zh'): Block {
  let inner: RootContent = node
  const quoted = node.type === 'blockquote'
  if (node.type === 'blockquote' && node.children.length === 1) inner = node.children[0]

  const text = blockText([node], source)
  if (inner.type === 'heading') cutHeadingId(text)
  let kind: string = inner.type
  let shared = sharedTypes.has(inner.type)
  let depth = inner.type === 'heading' ? inner.depth : 0

  if (inner.type === 'heading' && shortcodeRe.test(text.text)) {
    // `## {{% heading "whatsnext" %}}`: the site fills in the heading in each language.
    kind = 'shortcode'
    shared = true
  } else if (inner.type === 'paragraph') {
    if (isImageOnly(inner)) {
      kind = 'image'
      shared = true
    } else if (shortcodeRe.test(text.text)) {
      // Site generator shortcodes (Hugo `{{% … %}}`, Liquid `{% … %}`) are markup.
      kind = 'shortcode'
      shared = true
    } else if (captionRe.test(text.text)) {
      kind = 'caption'
    }
  }

  if (inner.type === 'table' && isNumberTable(inner)) shared = true
  const lang = shared ? 'none' : detectLanguage(text)
  // A block without letters of either script (a table of numbers, a date) is shared.
  if (lang === 'none') shared = true
  if (shared) depth = 0

  const prose = maskedText(text, [Mask.Text, Mask.Link, Mask.Code, Mask.Url, Mask.Gap])
  return {
    index,
    node,
    kind,
    depth,
    lang,
    quoted,
    shared,
    text,
    length: (side ?? lang) === 'zh' ? zhTextLength(prose) : textLength(prose),
    anchors: extractAnchors(text, side ?? (lang === 'zh' ? 'zh' : 'en')),
    line: node.position?.start.line ?? 0,
    endLine: node.position?.end.line ?? 0
  }
}

/**
 * Leave a Hugo heading id (`## 何时使用 {#when-to-use}`) out of the heading's
 * text: it is markup, written in English in every language.
 */
function cutHeadingId(text: BlockText): void {
  const id = /\s*\{#[^{}\s]*\}\s*$/.exec(text.text)
  if (!id) return
  text.text = text.text.slice(0, id.index)
  text.offsets.length = id.index
  text.mask.length = id.index
}

/** A table whose body cells are mostly numbers (or empty) belongs to both languages. */
function isNumberTable(node: Table): boolean {
  let cells = 0
  let numeric = 0
  for (const row of node.children.slice(1)) {
    for (const cell of row.children) {
      cells++
      if (!/[\p{L}]/u.test(toString(cell))) numeric++
    }
  }
  return cells > 0 && numeric * 2 >= cells
}

function isImageOnly(node: RootContent): boolean {
  if (!('children' in node)) return false
  let images = 0
  for (const child of node.children) {
    if (child.type === 'image' || child.type === 'imageReference') images++
    else if (child.type === 'link' && child.children.every((c) => c.type === 'image')) images++
    else if (child.type === 'text' && child.value.trim() === '') continue
    else if (child.type === 'break') continue
    else return false
  }
  return images > 0
}

/**
 * Plain text of a shared block for the alignment contract: code and HTML
 * values, image URLs.
 *
 * @param block A classified block.
 * @returns Its text.
 */
export function sharedText(block: Block): string {
  const node = block.node
  if (node.type === 'code' || node.type === 'html') return node.value
  if (block.kind === 'image' && 'children' in node) {
    const urls: string[] = []
    collectImages(node, urls)
    return urls.join('\n')
  }
  return block.text.text
}

function collectImages(node: RootContent, urls: string[]): void {
  if (node.type === 'image') urls.push(node.alt ? `${node.alt} (${node.url})` : node.url)
  if ('children' in node) for (const child of node.children) collectImages(child, urls)
}
