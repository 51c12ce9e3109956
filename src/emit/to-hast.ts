/**
 * Markdown blocks to safe HTML: remark-rehype → rehype-raw → rehype-sanitize.
 * Raw HTML in articles is parsed, then sanitized: nothing from an article can
 * run script in a page bitext writes.
 */
import type {Root as HastRoot, ElementContent} from 'hast'
import type {Root, RootContent} from 'mdast'
import rehypeRaw from 'rehype-raw'
import rehypeSanitize, {defaultSchema} from 'rehype-sanitize'
import remarkRehype from 'remark-rehype'
import {unified} from 'unified'

/** GitHub's schema, also dropping the text inside `<style>` (it would show as prose). */
const schema = {...defaultSchema, strip: [...(defaultSchema.strip ?? []), 'style']}

const toSafeHast = unified()
  .use(remarkRehype, {allowDangerousHtml: true})
  .use(rehypeRaw)
  .use(rehypeSanitize, schema)

/**
 * Render mdast blocks to sanitized hast nodes.
 *
 * @param nodes Top-level Markdown blocks.
 * @returns Sanitized hast children.
 */
export function blocksToHast(nodes: readonly RootContent[]): ElementContent[] {
  if (nodes.length === 0) return []
  const mdast: Root = {type: 'root', children: structuredClone([...nodes])}
  const hast = toSafeHast.runSync(mdast) as HastRoot
  return hast.children.filter((node): node is ElementContent => node.type !== 'doctype')
}
