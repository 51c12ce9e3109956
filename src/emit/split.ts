/**
 * Split an aligned document into its languages: pure functions from the
 * alignment to new mdast trees (ZH only, EN only, normalized parallel).
 */
import type {Blockquote, Root, RootContent, Yaml} from 'mdast'
import type {AlignUnit, Alignment} from '../types.js'
import {keepDefinitions} from './keep-definitions.js'

/**
 * The Chinese article: ZH sides of pairs, translator's own blocks and shared
 * blocks; the English source removed.
 *
 * @param alignment The document's alignment.
 * @param frontMatter The original front matter node, kept verbatim.
 * @returns A new tree.
 */
export function zhTree(alignment: Alignment, frontMatter: Yaml | undefined): Root {
  const parts = alignment.units.map((unit) =>
    unit.kind === 'source-only' ? {kept: [], dropped: unit.enNodes} : {kept: side(unit, 'zh'), dropped: unit.kind === 'pair' ? unit.enNodes : []}
  )
  return root(frontMatter, keepDefinitions(parts))
}

/**
 * The English source: EN sides of pairs, untranslated EN and shared blocks.
 *
 * @param alignment The document's alignment.
 * @param frontMatter The original front matter node, kept verbatim.
 * @returns A new tree.
 */
export function enTree(alignment: Alignment, frontMatter: Yaml | undefined): Root {
  const parts = alignment.units.map((unit) =>
    unit.kind === 'target-only' ? {kept: [], dropped: unit.zhNodes} : {kept: side(unit, 'en'), dropped: unit.kind === 'pair' ? unit.zhNodes : []}
  )
  return root(frontMatter, keepDefinitions(parts))
}

/**
 * The normalized parallel article: every pair as EN blockquote then ZH,
 * whatever mix of conventions the input used.
 *
 * @param alignment The document's alignment.
 * @param frontMatter The original front matter node, kept verbatim.
 * @returns A new tree.
 */
export function bilingualTree(alignment: Alignment, frontMatter: Yaml | undefined): Root {
  const children: RootContent[] = []
  for (const unit of alignment.units) {
    if (unit.kind === 'shared' || unit.kind === 'target-only') {
      children.push(...(unit.kind === 'shared' ? unit.enNodes : unit.zhNodes))
      continue
    }
    const en = side(unit, 'en')
    // Headings cannot be quoted without changing their meaning: they stay plain, EN first.
    children.push(...(unit.block === 'heading' ? en : quote(en)))
    if (unit.kind === 'pair') children.push(...side(unit, 'zh'))
  }
  return root(frontMatter, children)
}

/**
 * Whether the normalized parallel article is the Chinese article: no unit has
 * English of its own (every unit is the translator's own blocks or blocks
 * shared by both languages), so {@link bilingualTree} and {@link zhTree} hold
 * the same blocks.
 *
 * @param alignment The document's alignment.
 * @returns True when the bilingual article need not be written separately.
 */
export function bilingualIsChinese(alignment: Alignment): boolean {
  return alignment.units.every(
    (unit) =>
      unit.kind === 'target-only' ||
      (unit.kind === 'shared' && unit.enNodes.length === unit.zhNodes.length && unit.enNodes.every((node, index) => node === unit.zhNodes[index]))
  )
}

/**
 * The blocks of one language of a unit, with the blockquote that only marks
 * the language removed (a quote on one side and not the other is a marker; a
 * quote on both sides is a real quotation and stays).
 */
export function side(unit: AlignUnit, lang: 'en' | 'zh'): RootContent[] {
  const nodes = lang === 'en' ? unit.enNodes : unit.zhNodes
  if (unit.kind !== 'pair' && unit.kind !== 'source-only') return nodes
  const other = lang === 'en' ? unit.zhNodes : unit.enNodes
  const otherQuoted = other.length > 0 && other.every((node) => node.type === 'blockquote')
  if (otherQuoted) return nodes
  return nodes.flatMap(unquote)
}

/** Wrap blocks in one blockquote (already quoted blocks are unwrapped first). */
function quote(nodes: RootContent[]): RootContent[] {
  if (nodes.length === 0) return []
  const children = nodes.flatMap(unquote)
  const blockquote: Blockquote = {type: 'blockquote', children: children as Blockquote['children']}
  return [blockquote]
}

/** The children of a blockquote, or the node itself. */
function unquote(node: RootContent): RootContent[] {
  return node.type === 'blockquote' ? node.children : [node]
}

function root(frontMatter: Yaml | undefined, children: RootContent[]): Root {
  return {type: 'root', children: frontMatter ? [frontMatter, ...children] : children}
}
