/**
 * Markdown serialization with one fixed style, so that every output is a
 * fixed point: parsing it again and stringifying it changes nothing.
 */
import type {Root} from 'mdast'
import {defaultHandlers} from 'mdast-util-to-markdown'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkStringify, {type Options} from 'remark-stringify'
import {unified} from 'unified'
import {createParser} from '../parse/index.js'
import {unsafeIn} from './unsafe-lookup.js'
import {mayBeUnstable, mayBeUnstableText} from './unstable-shapes.js'

/** The serializer options bitext writes Markdown with. */
export const stringifyOptions = {
  bullet: '-',
  emphasis: '*',
  strong: '*',
  fence: '`',
  fences: true,
  rule: '-',
  listItemIndent: 'one',
  incrementListMarker: true
} as const

/**
 * A thematic break that opens the document is written `***`: a first line
 * `---` would be read back as the start of front matter, and
 * micromark-extension-frontmatter 2.0.0 then parses no quote or list in the
 * rest of the document.
 */
const handlers: Options['handlers'] = {
  thematicBreak(node, parent) {
    return parent?.type === 'root' && parent.children[0] === node ? '***' : '---'
  },
  /**
   * The default text handler, trying only the unsafe patterns whose character
   * occurs in the text or its neighbours: a pattern can only match where its
   * character is, so the output is the same, but escaping stops costing a
   * regular expression per pattern per text node (about 90 with GFM).
   */
  text(node, parent, state, info) {
    const unsafe = state.unsafe
    state.unsafe = unsafeIn(unsafe, info.before + node.value + info.after)
    try {
      return defaultHandlers.text(node, parent, state, info)
    } finally {
      state.unsafe = unsafe
    }
  }
}

/** Passes after the first, at most, to reach the fixed point. */
const maxPasses = 3

/** Reads the written Markdown back, as any reader of the outputs will. */
const parser = createParser()

const serializer = unified()
  .use(remarkStringify, {...stringifyOptions, handlers})
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm, {tablePipeAlign: false})

/**
 * Serialize a tree to Markdown in one pass, without checking that the text
 * reads back as the same tree.
 *
 * @param tree The tree.
 * @returns Markdown text ending in a newline.
 */
export function stringifyMarkdown(tree: Root): string {
  return serializer.stringify(tree)
}

/**
 * Serialize a tree to Markdown.
 *
 * @param tree The tree.
 * @returns Markdown text ending in a newline.
 */
export function toMarkdown(tree: Root): string {
  let text = serializer.stringify(tree)
  if (!mayBeUnstableText(text) && !mayBeUnstable(tree)) return text
  // Some trees have no fixed point in one pass (a tight list in a quote before
  // a nested quote reads back as loose): write what the text reads back as,
  // until writing changes nothing. Two passes settle every case seen so far.
  for (let pass = 0; pass < maxPasses; pass++) {
    const again = serializer.stringify(parser.parse(text) as Root)
    if (again === text) return text
    text = again
  }
  return text
}
