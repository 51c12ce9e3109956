/**
 * Protect template braces from Hexo. Hexo renders every post through
 * Nunjucks, so `{{ .Values.image }}` in a paragraph makes `hexo generate`
 * fail (or silently drops the text). The Markdown outputs wrap each run of
 * braces in text, inline code, raw HTML and image descriptions in
 * `{% raw %}…{% endraw %}`, which Hexo shows as written. Code blocks need
 * nothing: Hexo protects them itself. URLs and a literal `{% endraw %}`
 * cannot be wrapped; the `template-braces` rule refuses those articles.
 */
import type {Nodes, Root} from 'mdast'
import {templateOpener} from '../check/template-braces.js'

const open = '{% raw %}'
const close = '{% endraw %}'

/** What ends each kind of construct. */
const closers: Record<string, string> = {'{{': '}}', '{%': '%}', '{#': '#}'}

/**
 * Wrap the template braces of a tree in raw blocks.
 *
 * Nodes are never changed: a node whose text changes is copied, and so is
 * each of its ancestors (the rest is shared with `tree`). Outputs of one
 * article share most of their nodes, so they can share `memo`: a node is
 * then protected once, and its copy is the same object in every output.
 *
 * @param tree A tree to write as Markdown (its nodes may be shared with other outputs).
 * @param memo Protected nodes by original node (default: a new map).
 * @returns The tree itself when it has no braces, else a copy.
 */
export function protectTemplateBraces(tree: Root, memo: WeakMap<Nodes, Nodes> = new WeakMap()): Root {
  return protect(tree, memo) as Root
}

function protect(node: Nodes, memo: WeakMap<Nodes, Nodes>): Nodes {
  const known = memo.get(node)
  if (known) return known
  let result: Nodes = node
  if (node.type === 'code' || node.type === 'yaml') {
    // Hexo protects code blocks itself; front matter is not rendered.
  } else if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'html') {
    const value = wrapBraces(node.value)
    if (value !== node.value) result = {...node, value}
  } else if (node.type === 'image') {
    const alt = node.alt ? wrapBraces(node.alt) : node.alt
    if (alt !== node.alt) result = {...node, alt}
  } else if ('children' in node) {
    let children: Nodes[] | undefined
    node.children.forEach((child: Nodes, index: number) => {
      const protectedChild = protect(child, memo)
      if (protectedChild === child) return
      children ??= [...node.children]
      children[index] = protectedChild
    })
    if (children) result = {...node, children} as Nodes
  }
  memo.set(node, result)
  return result
}

/**
 * Wrap every run of template constructs in a string: from an opener to its
 * closer (or to the end of the string when it never closes); runs that touch
 * or overlap share one raw block.
 *
 * @param value Text.
 * @returns The text with raw blocks around its braces.
 */
export function wrapBraces(value: string): string {
  if (!templateOpener.test(value)) return value
  let result = ''
  let index = 0
  const pattern = new RegExp(templateOpener.source, 'g')
  while (index < value.length) {
    pattern.lastIndex = index
    const found = pattern.exec(value)
    if (!found) break
    const start = found.index
    let end = start
    // Extend over constructs that follow one another without text between them.
    for (let at = start; at < value.length; ) {
      const opener = value.slice(at, at + 2)
      const closer = closers[opener]
      if (closer === undefined) break
      const closed = value.indexOf(closer, at + 2)
      end = closed === -1 ? value.length : closed + 2
      at = end
    }
    result += value.slice(index, start) + open + value.slice(start, end) + close
    index = end
  }
  return result + value.slice(index)
}
