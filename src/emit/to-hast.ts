/**
 * Markdown blocks to safe HTML: remark-rehype → rehype-raw → rehype-sanitize.
 * Raw HTML in articles is parsed, then sanitized: nothing from an article can
 * run script in a page bitext writes.
 */
import type {Root as HastRoot, ElementContent} from 'hast'
import type {Nodes, Root, RootContent} from 'mdast'
import rehypeRaw from 'rehype-raw'
import rehypeSanitize, {defaultSchema, type Options as Schema} from 'rehype-sanitize'
import remarkRehype from 'remark-rehype'
import {unified} from 'unified'

/** The sanitizer's schema: GitHub's, also dropping the text inside `<style>` (it would show as prose). */
export const articleSchema: Schema = {...defaultSchema, strip: [...(defaultSchema.strip ?? []), 'style']}

const toSafeHast = unified()
  .use(remarkRehype, {allowDangerousHtml: true})
  .use(rehypeRaw)
  .use(rehypeSanitize, articleSchema)

/**
 * The same without rehype-raw, for blocks made only of nodes it gives back
 * unchanged. rehype-raw re-parses the whole tree with parse5 to place `raw`
 * nodes (which only `html` nodes become), and on the way turns boolean
 * `data-*` properties (footnotes have them) into empty strings and drops a
 * line feed that opens a `<pre>`.
 */
const toSafeHastWithoutRaw = unified()
  .use(remarkRehype, {allowDangerousHtml: true})
  .use(rehypeSanitize, articleSchema)

/** Node types that come out of rehype-raw as they went in. */
const rawNeutral = new Set<string>([
  'blockquote',
  'break',
  'definition',
  'delete',
  'emphasis',
  'heading',
  'image',
  'imageReference',
  'inlineCode',
  'link',
  'linkReference',
  'list',
  'listItem',
  'paragraph',
  'strong',
  'table',
  'tableCell',
  'tableRow',
  'text',
  'thematicBreak'
])

/**
 * Render mdast blocks to sanitized hast nodes.
 *
 * @param nodes Top-level Markdown blocks.
 * @returns Sanitized hast children.
 */
export function blocksToHast(nodes: readonly RootContent[]): ElementContent[] {
  if (nodes.length === 0) return []
  const mdast: Root = {type: 'root', children: structuredClone([...nodes])}
  const processor = nodes.some(needsRaw) ? toSafeHast : toSafeHastWithoutRaw
  const hast = processor.runSync(mdast) as HastRoot
  return hast.children.filter((node): node is ElementContent => node.type !== 'doctype')
}

/** Whether rehype-raw may change a node (raw HTML, footnotes, a code block opening with a line feed, anything unlisted). */
function needsRaw(node: Nodes): boolean {
  if (node.type === 'code') return /^[\r\n]/.test(node.value)
  if (!rawNeutral.has(node.type)) return true
  return 'children' in node && node.children.some(needsRaw)
}
