/**
 * The bilingual HTML page of one article: each pair side by side on wide
 * screens, stacked on narrow ones, with a ZH / EN / both toggle.
 */
import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import type {AlignUnit, Alignment, FrontMatter} from '../types.js'
import {englishFrontMatter} from './english-front-matter.js'
import {frontMatterText, metaLine, page} from './page-frame.js'
import {headingIds, withoutHeadingIds, type UnitSides} from './heading-ids.js'
import {resolveReferences} from './resolve-references.js'
import {side} from './split.js'
import {listsToHast, needsRawHtml, type RehypeRaw} from './to-hast.js'

export {frontMatterText, pageCsp} from './page-frame.js'
export {renderIndexPage, type ListedArticle} from './index-page.js'


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
  const sides = alignment.units.map(unitSides)
  const lists = resolveReferences(withoutHeadingIds(sides.flatMap(({en, zh}) => [en, zh].filter((blocks) => blocks !== undefined))))
  const ids = headingIds(alignment.units, sides)
  const rehypeRaw: RehypeRaw | undefined = needsRawHtml(lists) ? (await import('rehype-raw')).default : undefined
  const html = listsToHast(lists, rehypeRaw)
  let next = 0
  const take = () => html[next++] ?? []
  const body: ElementContent[] = [h('header', [heading, ...metaLines]), ...alignment.units.map((unit) => renderUnit(unit, take, ids.get(unit)))]
  return page(title, [h('main', h('article', body))], true)
}

/** The blocks of a unit by language; English then Chinese is the order {@link renderUnit} takes their HTML. */
function unitSides(unit: AlignUnit): UnitSides {
  if (unit.kind === 'shared') return {en: unit.enNodes}
  if (unit.kind === 'target-only') return {zh: unit.zhNodes}
  return unit.kind === 'pair' ? {en: side(unit, 'en'), zh: side(unit, 'zh')} : {en: side(unit, 'en')}
}

/** A unit's section (with its heading's id, if any), taking the HTML of its lists of blocks in order. */
function renderUnit(unit: AlignUnit, take: () => ElementContent[], id: string | undefined): Element {
  const className = ['unit', unit.kind, unit.block, ...unit.flags.filter((flag) => flag.startsWith('stale-'))]
  const properties = id === undefined ? {className} : {id, className}
  if (unit.kind === 'shared') return h('section', properties, take())
  if (unit.kind === 'target-only') return h('section', {...properties, className: [...className, 'zh'], lang: 'zh-Hans'}, take())
  const children: Element[] = [h('div', {className: ['en'], lang: 'en'}, take())]
  if (unit.kind === 'pair') children.push(h('div', {className: ['zh'], lang: 'zh-Hans'}, take()))
  return h('section', properties, children)
}

function withClass(element: Element, className: string, lang: string): Element {
  return {...element, properties: {...element.properties, className: [...classes(element), className], lang}}
}

function classes(element: Element): string[] {
  const value = element.properties['className']
  return Array.isArray(value) ? value.map(String) : []
}
