/**
 * What every page bitext writes is made of: the document around the
 * content (head, style, CSP, the language toggle) and the line of date and
 * tags. Shared by article pages and the article list, which loads only this.
 */
import type {Element, ElementContent, Root as HastRoot} from 'hast'
import {h} from 'hastscript'
import rehypeStringify from 'rehype-stringify'
import {unified} from 'unified'
import type {FrontMatter} from '../types.js'
import {pageStyle} from './page-style.js'

/**
 * Content-Security-Policy of pages bitext writes: no script at all, no
 * external style; images from the web and from beside the page (`'self'`,
 * which covers the article's copied local images, also opened from disk).
 */
export const pageCsp = "default-src 'none'; img-src 'self' https: http: data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

const serializer = unified().use(rehypeStringify)

/**
 * The date and tags of an article, as one line (none without either).
 *
 * @param frontMatter The front matter.
 * @returns Zero or one paragraph.
 */
export function metaLine(frontMatter: FrontMatter): Element[] {
  const parts: string[] = []
  const date = frontMatterText(frontMatter['date'])
  if (date) parts.push(date)
  const tags = frontMatter['tags'] ?? frontMatter['tag']
  const list = Array.isArray(tags) ? tags.map(frontMatterText).filter((tag): tag is string => Boolean(tag)) : []
  if (list.length > 0) parts.push(list.map((tag) => `#${tag}`).join(' '))
  return parts.length > 0 ? [h('p', {className: ['meta']}, parts.join(' · '))] : []
}

/** A front matter value as display text (dates as YYYY-MM-DD). */
export function frontMatterText(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'string') return value.trim() || undefined
  if (typeof value === 'number') return String(value)
  return undefined
}

/**
 * A complete page around some content.
 *
 * @param title The document title.
 * @param content The body's content.
 * @param toggle Whether to add the ZH / EN / both toggle (article pages).
 * @returns The HTML document.
 */
export function page(title: string, content: Element[], toggle: boolean): string {
  const controls: ElementContent[] = toggle
    ? [
        h('input', {type: 'radio', name: 'view', id: 'view-both', className: ['view'], checked: true}),
        h('input', {type: 'radio', name: 'view', id: 'view-zh', className: ['view']}),
        h('input', {type: 'radio', name: 'view', id: 'view-en', className: ['view']}),
        h('nav', {className: ['toggle'], ariaLabel: 'Language'}, [
          h('label', {htmlFor: 'view-both'}, '双语 Both'),
          h('label', {htmlFor: 'view-zh'}, '中文'),
          h('label', {htmlFor: 'view-en'}, 'English')
        ])
      ]
    : []
  const tree: HastRoot = {
    type: 'root',
    children: [
      {type: 'doctype'},
      h('html', {lang: 'zh-Hans'}, [
        h('head', [
          h('meta', {charSet: 'utf-8'}),
          h('meta', {httpEquiv: 'Content-Security-Policy', content: pageCsp}),
          h('meta', {name: 'viewport', content: 'width=device-width, initial-scale=1'}),
          h('title', title),
          h('style', pageStyle)
        ]),
        h('body', [...controls, ...content])
      ])
    ]
  }
  return serializer.stringify(tree) + '\n'
}
