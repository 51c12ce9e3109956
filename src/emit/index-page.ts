/**
 * The list of articles, `index.html` of the blog (it needs none of the
 * Markdown or HTML conversion of article pages).
 */
import {h} from 'hastscript'
import type {FrontMatter} from '../types.js'
import {frontMatterText, metaLine, page} from './page-frame.js'

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

