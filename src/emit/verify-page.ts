/**
 * Check that a page bitext wrote earlier (read back from the cache, which is
 * input like any other) is still one it could have written: its article
 * content passes the sanitizer unchanged, and its frame (the head, the
 * language toggle) is bitext's own. A page that fails is never published:
 * the caller treats it as a cache miss and builds the article again.
 */
import type {Element, Nodes, Root} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {sanitize, type Schema} from 'hast-util-sanitize'
import {pageCsp} from './html-page.js'
import {pageStyle} from './page-style.js'
import {articleSchema} from './to-hast.js'

/**
 * Ids of the page's own elements (the toggle); every other id comes from an
 * article and is prefixed, except a heading's id on its unit's section.
 */
const frameIds = new Set(['view-both', 'view-zh', 'view-en'])

/**
 * The article schema, widened by the elements and attributes of the page's
 * frame, and without clobbering: ids in a sanitized article are already
 * prefixed, and prefixing them again would change every page.
 */
const pageSchema: Schema = {
  ...articleSchema,
  allowDoctypes: true,
  clobber: [],
  required: {},
  strip: ['script'],
  tagNames: [...(articleSchema.tagNames ?? []), 'html', 'head', 'body', 'meta', 'title', 'style', 'nav', 'label', 'header', 'main', 'article', 'section'],
  attributes: {
    ...articleSchema.attributes,
    html: ['lang'],
    meta: ['charSet', 'httpEquiv', 'content', 'name'],
    input: ['type', 'name', 'id', 'className', 'checked', 'disabled'],
    nav: ['className', 'ariaLabel'],
    label: ['htmlFor'],
    section: ['id', 'className', 'lang'],
    span: [...(articleSchema.attributes?.['span'] ?? []), 'className', 'lang'],
    div: [...(articleSchema.attributes?.['div'] ?? []), 'className', 'lang'],
    p: [...(articleSchema.attributes?.['p'] ?? []), 'className']
  }
}

/**
 * Whether an HTML page is one bitext could have written.
 *
 * @param html A page (an article's `index.html` or the article list).
 * @returns False when the sanitizer would change it, or its frame is not bitext's.
 */
export function verifyPage(html: string): boolean {
  const tree = fromHtml(html)
  if (!sameTree(tree, sanitize(tree, pageSchema))) return false
  let styles = 0
  let policies = 0
  let frameOk = true
  visit(tree, (element, parent) => {
    const name = element.tagName
    if (name === 'style') {
      styles++
      frameOk &&= parent?.tagName === 'head' && textOf(element) === pageStyle
    } else if (name === 'meta' && element.properties['httpEquiv'] !== undefined) {
      policies++
      frameOk &&= parent?.tagName === 'head' && String(element.properties['httpEquiv']).toLowerCase() === 'content-security-policy' && element.properties['content'] === pageCsp
    } else if (name === 'input' && element.properties['type'] === 'radio') {
      frameOk &&= parent?.tagName === 'body' && frameIds.has(String(element.properties['id']))
    } else {
      // A unit's section carries its heading's id (`heading-ids.ts`), never one of the frame's.
      const id = element.properties['id']
      if (id !== undefined && (name === 'section' ? frameIds.has(String(id)) : !String(id).startsWith('user-content-'))) frameOk = false
    }
  })
  return frameOk && styles === 1 && policies === 1
}

function visit(node: Root | Element, enter: (element: Element, parent: Element | undefined) => void, parent?: Element): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue
    enter(child, parent)
    visit(child, enter, child)
    if (child.content) visit(child.content, enter, child)
  }
}

function textOf(element: Element): string {
  return element.children.map((child) => (child.type === 'text' ? child.value : '')).join('')
}

/** Deep equality of two trees, positions aside. */
function sameTree(a: Nodes, b: Nodes): boolean {
  if (a.type !== b.type) return false
  if ('value' in a && (!('value' in b) || a.value !== b.value)) return false
  if (a.type === 'element' && b.type === 'element') {
    if (a.tagName !== b.tagName || JSON.stringify(sortKeys(a.properties)) !== JSON.stringify(sortKeys(b.properties))) return false
  }
  const left = 'children' in a ? a.children : []
  const right = 'children' in b ? b.children : []
  if (left.length !== right.length) return false
  return left.every((child, index) => {
    const other = right[index]
    return other !== undefined && sameTree(child, other)
  })
}

function sortKeys(properties: Record<string, unknown>): Array<[string, unknown]> {
  return Object.entries(properties)
    .filter(([, value]) => value !== undefined && value !== null)
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
}
