/**
 * The bilingual HTML page of one article: each pair side by side on wide
 * screens, stacked on narrow ones, with a ZH / EN / both toggle.
 */
import type {Element, ElementContent, Root as HastRoot} from 'hast'
import {h} from 'hastscript'
import rehypeStringify from 'rehype-stringify'
import {unified} from 'unified'
import type {RootContent} from 'mdast'
import type {AlignUnit, Alignment, FrontMatter} from '../types.js'
import {englishFrontMatter} from './english-front-matter.js'
import {pageStyle} from './page-style.js'
import {side} from './split.js'
import {listsToHast, needsRawHtml, type RehypeRaw} from './to-hast.js'

/**
 * Content-Security-Policy of pages bitext writes: no script at all, no
 * external style; images from the web and from beside the page (`'self'`,
 * which covers the article's copied local images, also opened from disk).
 */
export const pageCsp = "default-src 'none'; img-src 'self' https: http: data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

const serializer = unified().use(rehypeStringify)

/**
 * Render the bilingual page. The blocks of every unit become HTML together
 * (see `listsToHast`); rehype-raw is loaded only when the article has raw HTML.
 *
 * @param alignment The document's alignment.
 * @param frontMatter The article's front matter (title, date, tags).
 * @returns A complete HTML document.
 */
export async function renderArticlePage(alignment: Alignment, frontMatter: FrontMatter): Promise<string> {
  const title = frontMatterText(frontMatter['title']) ?? 'Untitled'
  const english = englishFrontMatter(frontMatter, alignment)
  const titleEn = frontMatterText(english['title'])
  // Each view shows its language's title and tags; both views show both.
  const heading =
    titleEn === undefined || titleEn === title
      ? h('h1', title)
      : h('h1', [h('span', {className: ['zh'], lang: 'zh-Hans'}, title), ' ', h('span', {className: ['en'], lang: 'en'}, titleEn)])
  const meta = metaLine(frontMatter)
  const metaEn = metaLine(english)
  const metaLines =
    JSON.stringify(meta) === JSON.stringify(metaEn) ? meta : [...meta.map((line) => withClass(line, 'zh', 'zh-Hans')), ...metaEn.map((line) => withClass(line, 'en', 'en'))]
  const lists = alignment.units.flatMap(unitLists)
  const rehypeRaw: RehypeRaw | undefined = needsRawHtml(lists) ? (await import('rehype-raw')).default : undefined
  const html = listsToHast(lists, rehypeRaw)
  let next = 0
  const take = () => html[next++] ?? []
  const body: ElementContent[] = [h('header', [heading, ...metaLines]), ...alignment.units.map((unit) => renderUnit(unit, take))]
  return page(title, [h('main', h('article', body))], true)
}

/** An article in the list: its slug, front matter and English title. */
export interface ListedArticle {
  slug: string
  frontMatter: FrontMatter
  /** The English title, shown under the Chinese one when it differs. */
  titleEn?: string
}

/**
 * Render the list of articles: Chinese first (the blog is Chinese), newest
 * first (front matter `date`; undated articles last, then by slug).
 *
 * @param articles The published articles, in any order.
 * @returns A complete HTML document.
 */
export function renderIndexPage(articles: readonly ListedArticle[]): string {
  const items = [...articles].sort(newestFirst).map(({slug, frontMatter, titleEn}) => {
    const title = frontMatterText(frontMatter['title']) ?? slug
    const english = titleEn !== undefined && titleEn !== title ? [h('span', {className: ['en'], lang: 'en'}, titleEn)] : []
    return h('li', [h('a', {href: `${encodeURIComponent(slug)}/index.html`}, title), ...english, ...metaLine(frontMatter)])
  })
  return page('文章', [h('main', [h('h1', '文章'), h('ul', {className: ['articles']}, items)])], false)
}

function newestFirst(a: ListedArticle, b: ListedArticle): number {
  const day = (article: ListedArticle) => {
    const time = Date.parse(frontMatterText(article.frontMatter['date']) ?? '')
    return Number.isNaN(time) ? -Infinity : time
  }
  return day(b) - day(a) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)
}

/** The lists of blocks of a unit, in the order {@link renderUnit} takes their HTML. */
function unitLists(unit: AlignUnit): RootContent[][] {
  if (unit.kind === 'shared') return [unit.enNodes]
  if (unit.kind === 'target-only') return [unit.zhNodes]
  return unit.kind === 'pair' ? [side(unit, 'en'), side(unit, 'zh')] : [side(unit, 'en')]
}

/** A unit's section, taking the HTML of its lists of blocks in order. */
function renderUnit(unit: AlignUnit, take: () => ElementContent[]): Element {
  const className = ['unit', unit.kind, unit.block, ...unit.flags.filter((flag) => flag.startsWith('stale-'))]
  if (unit.kind === 'shared') return h('section', {className}, take())
  if (unit.kind === 'target-only') return h('section', {className: [...className, 'zh'], lang: 'zh-Hans'}, take())
  const children: Element[] = [h('div', {className: ['en'], lang: 'en'}, take())]
  if (unit.kind === 'pair') children.push(h('div', {className: ['zh'], lang: 'zh-Hans'}, take()))
  return h('section', {className}, children)
}

function withClass(element: Element, className: string, lang: string): Element {
  return {...element, properties: {...element.properties, className: [...classes(element), className], lang}}
}

function classes(element: Element): string[] {
  const value = element.properties['className']
  return Array.isArray(value) ? value.map(String) : []
}

function metaLine(frontMatter: FrontMatter): Element[] {
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

function page(title: string, content: Element[], toggle: boolean): string {
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
