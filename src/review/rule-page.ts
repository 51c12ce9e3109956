/**
 * A rule's documentation page (docs/rules/<rule-id>.md) as a review page, so
 * that the rule links of the review report work from the written report
 * (dist/review/rules/<rule-id>.html), offline.
 */
import type {Element, ElementContent, Root} from 'hast'
import {h} from 'hastscript'
import rehypeSanitize from 'rehype-sanitize'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import {contentSecurityPolicy} from './assets.js'
import {reviewPage} from './page.js'

/** The folder of the rule pages beside the review pages, and the link to one. */
export const rulePagesFolder = 'rules'

/**
 * The link from a review page to a rule's page.
 *
 * @param ruleId The rule.
 * @returns `rules/<rule-id>.html`.
 */
export function rulePageHref(ruleId: string): string {
  return `${rulePagesFolder}/${encodeURIComponent(ruleId)}.html`
}

/**
 * Render a rule's Markdown page as a self-contained HTML page. Links to other
 * rule pages (`other-rule.md`) point at their HTML pages; other relative links
 * to Markdown files, which the report does not carry, keep their text only.
 *
 * @param ruleId The rule.
 * @param markdown The text of docs/rules/<rule-id>.md.
 * @returns The HTML document.
 */
export function renderRulePage(ruleId: string, markdown: string): string {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize)
  const tree = processor.runSync(processor.parse(markdown)) as Root
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'a' || typeof node.properties['href'] !== 'string') return
    const href = node.properties['href']
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#')) return
    const sibling = /^(?:\.\/)?([a-z0-9-]+)\.md(#.*)?$/.exec(href)
    if (sibling) {
      node.properties['href'] = `${sibling[1]}.html${sibling[2] ?? ''}`
      return
    }
    if (parent && index !== undefined) {
      parent.children.splice(index, 1, h('span', node.children as ElementContent[]))
      return index
    }
  })
  return reviewPage(`bitext rule: ${ruleId}`, contentSecurityPolicy(), [
    h('header', {className: ['page']}, [h('p', [h('a', {href: '../index.html'}, 'All articles')])]),
    h('main', {className: ['rule-doc']}, tree.children as ElementContent[])
  ])
}
