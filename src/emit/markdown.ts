/**
 * Markdown serialization with one fixed style, so that every output is a
 * fixed point: parsing it again and stringifying it changes nothing.
 */
import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkStringify, {type Options} from 'remark-stringify'
import {unified} from 'unified'

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
  }
}

const serializer = unified()
  .use(remarkStringify, {...stringifyOptions, handlers})
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm, {tablePipeAlign: false})

/**
 * Serialize a tree to Markdown.
 *
 * @param tree The tree.
 * @returns Markdown text ending in a newline.
 */
export function toMarkdown(tree: Root): string {
  return serializer.stringify(tree)
}
