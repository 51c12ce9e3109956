/**
 * Ids for the headings of the bilingual page, so that in-page links
 * (`[见上文](#initial-namespaces)`) and links from other pages reach them.
 *
 * A heading's unit (its English and Chinese side by side) gets one id, on
 * its `<section>`: the Hugo heading id the article writes (`## 初始名字空间
 * {#initial-namespaces}`, as on the Kubernetes website, in either language),
 * else the GitHub slug of the English heading (github-slugger: lower case,
 * punctuation dropped, spaces as `-`, a number added to a repeated one),
 * else of the Chinese. The `{#id}` itself is markup and is not shown on the
 * page; the Markdown outputs keep it, for Hugo.
 */
import GithubSlugger from 'github-slugger'
import type {Heading, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {AlignUnit} from '../types.js'

/** A unit's blocks by language, as the page shows them (a shared unit's are its English). */
export interface UnitSides {
  en?: readonly RootContent[]
  zh?: readonly RootContent[]
}

/** A Hugo heading id at the end of a heading's text, with the spaces before it. */
/** A Hugo heading id at the end of a heading's text, empty too (`{#}`: markup all the same, as `align/classify.ts` takes it). */
const hugoId = /\s*\{#([^{}\s]*)\}\s*$/

/** Ids the page itself uses (its view toggle): a heading never takes them. */
const reserved = ['view-both', 'view-zh', 'view-en']

/**
 * The id of each heading unit.
 *
 * @param units The article's units, in order.
 * @param sides Each unit's blocks by language, in the same order.
 * @returns The id of every unit that is a heading and has one.
 */
export function headingIds(units: readonly AlignUnit[], sides: readonly UnitSides[]): Map<AlignUnit, string> {
  const slugger = new GithubSlugger()
  for (const id of reserved) slugger.slug(id)
  const ids = new Map<AlignUnit, string>()
  units.forEach((unit, index) => {
    if (unit.block !== 'heading') return
    const en = firstHeading(sides[index]?.en ?? [])
    const zh = firstHeading(sides[index]?.zh ?? [])
    const explicit = (en && explicitId(en)) ?? (zh && explicitId(zh))
    if (explicit !== undefined) {
      ids.set(unit, reserved.includes(explicit) ? slugger.slug(explicit) : explicit)
      return
    }
    const text = [en, zh].map((heading) => (heading ? toString(heading).replace(hugoId, '').trim() : '')).find((each) => each !== '')
    const id = text === undefined ? '' : slugger.slug(text)
    if (id !== '') ids.set(unit, id)
  })
  return ids
}

/**
 * The lists of blocks with the Hugo ids cut from their headings' text.
 * Blocks without one are returned as they are, the others copied (the input
 * is never modified).
 *
 * @param lists Lists of top-level blocks.
 * @returns The lists, each heading without its `{#id}`.
 */
export function withoutHeadingIds(lists: ReadonlyArray<readonly RootContent[]>): RootContent[][] {
  return lists.map((list) => list.map((block) => (block.type === 'heading' && endsWithId(block) ? cut(block) : block)))
}

function firstHeading(blocks: readonly RootContent[]): Heading | undefined {
  return blocks.find((block): block is Heading => block.type === 'heading')
}

/** The Hugo id a heading ends with, when its last child is text that ends with one that is not empty. */
function explicitId(heading: Heading): string | undefined {
  const last = heading.children.at(-1)
  const id = last?.type === 'text' ? hugoId.exec(last.value)?.[1] : undefined
  return id === '' ? undefined : id
}

/** Whether a heading's last child is text that ends with a Hugo id, empty or not. */
function endsWithId(heading: Heading): boolean {
  const last = heading.children.at(-1)
  return last?.type === 'text' && hugoId.test(last.value)
}

function cut(heading: Heading): Heading {
  const children = [...heading.children]
  const last = children.pop()
  if (last?.type === 'text') {
    const value = last.value.replace(hugoId, '')
    if (value !== '') children.push({...last, value})
  }
  return {...heading, children}
}
