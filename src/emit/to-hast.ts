/**
 * Markdown blocks to safe HTML: remark-rehype → rehype-raw → rehype-sanitize.
 * Raw HTML in articles is parsed, then sanitized: nothing from an article can
 * run script in a page bitext writes.
 *
 * A page is many lists of blocks (one per side of each unit). The lists that
 * need nothing of the rest of the page are converted together, in one tree;
 * rehype-raw (and parse5 with it) is loaded only for an article that has raw
 * HTML.
 */
import type {Element, ElementContent, Root as HastRoot} from 'hast'
import {sanitize} from 'hast-util-sanitize'
import type {Nodes, Root, RootContent} from 'mdast'
import type {Node} from 'unist'
import {defaultSchema, type Options as Schema} from 'rehype-sanitize'
import rehypeSanitize from 'rehype-sanitize'
import remarkRehype, {type Options as ToHastOptions} from 'remark-rehype'
import {unified, type Plugin} from 'unified'

/** The sanitizer's schema: GitHub's, also dropping the text inside `<style>` (it would show as prose). */
export const articleSchema: Schema = {...defaultSchema, strip: [...(defaultSchema.strip ?? []), 'style']}

/** rehype-raw's plugin, loaded by the caller when {@link needsRawHtml} says a page needs it. */
export type RehypeRaw = Plugin<[], HastRoot>

/**
 * A list of blocks converted inside the page's tree: becomes one element
 * holding their HTML. The blocks are not the node's `children`:
 * mdast-util-to-hast walks the whole tree first to collect definitions, and
 * these lists hold none (they do not refer across blocks), so that walk
 * would find nothing; it cost as much as the conversion itself.
 */
interface BlocksNode extends Node {
  type: 'bitextBlocks'
  blocks: RootContent[]
}

type Handler = NonNullable<NonNullable<ToHastOptions['handlers']>['root']>

/** A list of blocks becomes what remark-rehype makes of a root with those blocks. */
const blocksHandler: Handler = (state, node: BlocksNode) => {
  const element: Element = {type: 'element', tagName: 'div', properties: {}, children: state.wrap(state.all({type: 'root', children: node.blocks}), false)}
  return element
}

/** mdast-util-to-hast types its handlers by the node types mdast knows. */
const handlers = {bitextBlocks: blocksHandler} as NonNullable<ToHastOptions['handlers']>

const toHastInOneTree = unified().use(remarkRehype, {allowDangerousHtml: true, handlers})

/**
 * Without rehype-raw, for blocks made only of nodes it gives back unchanged.
 * rehype-raw re-parses the whole tree with parse5 to place `raw` nodes (which
 * only `html` nodes become), and on the way turns boolean `data-*`
 * properties (footnotes have them) into empty strings and drops a line feed
 * that opens a `<pre>`.
 */
const toSafeHastWithoutRaw = unified().use(remarkRehype, {allowDangerousHtml: true}).use(rehypeSanitize, articleSchema)

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

/** Node types whose HTML depends on other blocks of the same list (definitions, footnote numbers). */
const crossReferences = new Set<string>(['definition', 'footnoteDefinition', 'footnoteReference', 'imageReference', 'linkReference'])

/**
 * Render lists of mdast blocks to sanitized hast nodes, each list as if it
 * were a document of its own (references resolve and footnotes number within
 * their list).
 *
 * @param lists Lists of top-level Markdown blocks.
 * @param rehypeRaw rehype-raw, needed when a list has raw HTML ({@link needsRawHtml}).
 * @returns Sanitized hast children of each list, in order.
 */
export function listsToHast(lists: ReadonlyArray<readonly RootContent[]>, rehypeRaw?: RehypeRaw): ElementContent[][] {
  const results: ElementContent[][] = lists.map(() => [])
  // Lists that stand alone go through remark-rehype together, as one tree.
  const alone: number[] = []
  for (const [index, nodes] of lists.entries()) {
    if (nodes.length === 0) continue
    if (nodes.some(needsRaw) || nodes.some(refersAcross)) results[index] = blocksToHast(nodes, rehypeRaw)
    else alone.push(index)
  }
  if (alone.length === 0) return results
  const blocks: BlocksNode[] = alone.map((index) => ({type: 'bitextBlocks', blocks: [...(lists[index] ?? [])]}))
  const tree = {type: 'root', children: blocks} as unknown as Root
  const hast = toHastInOneTree.runSync(tree) as HastRoot
  const converted = hast.children.filter((node): node is Element => node.type === 'element')
  for (const [position, index] of alone.entries()) {
    const children = converted[position]?.children ?? []
    results[index] = (sanitize({type: 'root', children}, articleSchema) as HastRoot).children.filter((node): node is ElementContent => node.type !== 'doctype')
  }
  return results
}

/**
 * Whether a page of these lists needs rehype-raw.
 *
 * @param lists Lists of top-level Markdown blocks.
 * @returns True when a block holds raw HTML (or anything rehype-raw may change).
 */
export function needsRawHtml(lists: ReadonlyArray<readonly RootContent[]>): boolean {
  return lists.some((nodes) => nodes.some(needsRaw))
}

/** One list of blocks on its own: a copy through remark-rehype, rehype-raw when needed, and the sanitizer. */
function blocksToHast(nodes: readonly RootContent[], rehypeRaw: RehypeRaw | undefined): ElementContent[] {
  const mdast: Root = {type: 'root', children: structuredClone([...nodes])}
  let processor = toSafeHastWithoutRaw
  if (nodes.some(needsRaw)) {
    if (!rehypeRaw) throw new Error('These blocks have raw HTML: load rehype-raw and pass it')
    processor = withRaw(rehypeRaw)
  }
  const hast = processor.runSync(mdast) as HastRoot
  return hast.children.filter((node): node is ElementContent => node.type !== 'doctype')
}

const rawProcessors = new WeakMap<RehypeRaw, typeof toSafeHastWithoutRaw>()

/** The processor with rehype-raw, made once per loaded plugin. */
function withRaw(rehypeRaw: RehypeRaw): typeof toSafeHastWithoutRaw {
  let processor = rawProcessors.get(rehypeRaw)
  if (!processor) {
    processor = unified().use(remarkRehype, {allowDangerousHtml: true}).use(rehypeRaw).use(rehypeSanitize, articleSchema) as unknown as typeof toSafeHastWithoutRaw
    rawProcessors.set(rehypeRaw, processor)
  }
  return processor
}

/** Whether rehype-raw may change a node (raw HTML, footnotes, a code block opening with a line feed, anything unlisted). */
function needsRaw(node: Nodes): boolean {
  if (node.type === 'code') return /^[\r\n]/.test(node.value)
  // One HTML comment, such as a section marker (`<!-- body -->`): rehype-raw
  // makes it a comment node and the sanitizer drops it; without rehype-raw it
  // is a raw node, which the sanitizer drops too. Loading rehype-raw and
  // parse5 for a page costs more than the rest of a small article.
  if (node.type === 'html') return !isOneComment(node.value)
  if (!rawNeutral.has(node.type)) return true
  return 'children' in node && node.children.some(needsRaw)
}

/**
 * Whether raw HTML is exactly one comment as HTML reads it: no text around
 * it, no abrupt close (`<!-->`, `<!--->`) and no other close (`-->`, `--!>`)
 * before its end.
 */
function isOneComment(value: string): boolean {
  if (!value.startsWith('<!--') || !value.endsWith('-->') || value.length < 7) return false
  const inside = value.slice(4, -3)
  return !inside.startsWith('>') && !inside.startsWith('->') && !inside.includes('-->') && !inside.includes('--!>') && !inside.endsWith('-') && !inside.endsWith('--!')
}

/** Whether a node's HTML depends on another block of its list. */
function refersAcross(node: Nodes): boolean {
  if (crossReferences.has(node.type)) return true
  return 'children' in node && node.children.some(refersAcross)
}
