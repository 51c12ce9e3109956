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
import {visit} from 'unist-util-visit'
import {templateOpener} from '../check/template-braces.js'

const open = '{% raw %}'
const close = '{% endraw %}'

/** What ends each kind of construct. */
const closers: Record<string, string> = {'{{': '}}', '{%': '%}', '{#': '#}'}

/**
 * Wrap the template braces of a tree in raw blocks.
 *
 * @param tree A tree to write as Markdown (its nodes may be shared with other outputs).
 * @returns The tree itself when it has no braces, else a changed copy.
 */
export function protectTemplateBraces(tree: Root): Root {
  if (!hasBraces(tree)) return tree
  const copy = structuredClone(tree)
  visit(copy as Nodes, (node) => {
    if (node.type === 'code' || node.type === 'yaml') return 'skip'
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'html') node.value = wrapBraces(node.value)
    else if (node.type === 'image' && node.alt) node.alt = wrapBraces(node.alt)
    return undefined
  })
  return copy
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

function hasBraces(tree: Root): boolean {
  let found = false
  visit(tree as Nodes, (node) => {
    if (found || node.type === 'code' || node.type === 'yaml') return 'skip'
    const value = node.type === 'text' || node.type === 'inlineCode' || node.type === 'html' ? node.value : node.type === 'image' ? (node.alt ?? '') : ''
    if (templateOpener.test(value)) found = true
    return found ? false : undefined
  })
  return found
}
