/**
 * The front matter of the English outputs. A translated article's front
 * matter is written for the Chinese post: a Chinese title, tags such as 翻译.
 * The English outputs get
 *
 * - `title`: front matter `title_en`, else the text of the English source's
 *   first top-level heading (the highest level, first in the document);
 * - `tags` / `tag` and `categories` / `category`: `tags_en` / `categories_en`
 *   when present, else the same values without the ones written in Han
 *   characters (翻译, 技术): a Chinese-only tag has no place on an English post;
 * - the `*_en` fields themselves removed (they have been used).
 *
 * Everything else, comments and order included, is kept as written.
 */
import type {Heading, Yaml} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {parseDocument} from 'yaml'
import type {Alignment, FrontMatter, FrontMatterYaml} from '../types.js'
import {side} from './split.js'

/** List fields the English outputs filter, each with the field that replaces it. */
const listFields = [
  ['tags', 'tags_en'],
  ['tag', 'tags_en'],
  ['categories', 'categories_en'],
  ['category', 'categories_en']
] as const

/** Fields only the English outputs read; removed from them once used. */
const englishOnly = ['title_en', 'tags_en', 'categories_en'] as const

const han = /\p{Script=Han}/u

/**
 * The English values of the fields that change, and the fields to remove.
 *
 * @param frontMatter The article's parsed front matter.
 * @param alignment The article's alignment (for the first English heading).
 * @returns `set`: field → English value; `remove`: fields to drop.
 */
export function englishFields(frontMatter: FrontMatter, alignment: Alignment): {set: Map<string, unknown>; remove: string[]} {
  const set = new Map<string, unknown>()
  const title = englishTitle(frontMatter, alignment)
  if (title !== undefined && title !== frontMatter['title']) set.set('title', title)
  for (const [field, replacement] of listFields) {
    if (!(field in frontMatter)) continue
    const value = frontMatter[field]
    const english = replacement in frontMatter ? frontMatter[replacement] : withoutHan(value)
    if (!sameValue(english, value)) set.set(field, english)
  }
  return {set, remove: englishOnly.filter((field) => field in frontMatter)}
}

/**
 * The English title: `title_en`, else the first English heading of the
 * highest level, else the title when it has no Han characters.
 *
 * @param frontMatter The article's parsed front matter.
 * @param alignment The article's alignment.
 * @returns The title, or undefined when there is no English one.
 */
export function englishTitle(frontMatter: FrontMatter, alignment: Alignment): string | undefined {
  const explicit = frontMatter['title_en']
  if (typeof explicit === 'string' && explicit.trim() !== '') return explicit.trim()
  let best: Heading | undefined
  for (const unit of alignment.units) {
    if (unit.block !== 'heading' || (unit.kind !== 'pair' && unit.kind !== 'source-only')) continue
    for (const node of side(unit, 'en')) {
      if (node.type === 'heading' && (!best || node.depth < best.depth)) best = node
    }
  }
  const heading = best ? toString(best).trim() : ''
  if (heading !== '') return heading
  const title = frontMatter['title']
  return typeof title === 'string' && !han.test(title) ? title : undefined
}

/**
 * The front matter as the English outputs show it.
 *
 * @param frontMatter The article's parsed front matter.
 * @param alignment The article's alignment.
 * @returns A new map with the English values.
 */
export function englishFrontMatter(frontMatter: FrontMatter, alignment: Alignment): FrontMatter {
  const {set, remove} = englishFields(frontMatter, alignment)
  const english: FrontMatter = {...frontMatter}
  for (const [field, value] of set) {
    if (value === undefined) delete english[field]
    else english[field] = value
  }
  for (const field of remove) delete english[field]
  return english
}

/**
 * Rewrite the YAML of the front matter for the English outputs.
 *
 * @param node The original front matter node.
 * @param frontMatter Its parsed value.
 * @param alignment The article's alignment.
 * @param parsed The YAML document parse read the front matter from (optional:
 *   a copy of it is changed, which saves parsing the YAML again; used only
 *   when it was parsed from `node`'s value).
 * @returns The node itself when nothing changes, else a new node.
 */
export function englishYaml(node: Yaml, frontMatter: FrontMatter, alignment: Alignment, parsed?: FrontMatterYaml): Yaml {
  const {set, remove} = englishFields(frontMatter, alignment)
  if (set.size === 0 && remove.length === 0) return node
  const document = parsed?.source === node.value ? parsed.document.clone() : parseDocument(node.value)
  for (const [field, value] of set) {
    if (value === undefined) document.delete(field)
    else document.set(field, document.createNode(value))
  }
  for (const field of remove) document.delete(field)
  return {type: 'yaml', value: String(document).replace(/\n$/, '')}
}

/** A tag or category value without its Han entries (a string, or a list at any depth). */
function withoutHan(value: unknown): unknown {
  if (typeof value === 'string') return han.test(value) ? undefined : value
  if (!Array.isArray(value)) return value
  return value.map(withoutHan).filter((item) => item !== undefined && !(Array.isArray(item) && item.length === 0))
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
