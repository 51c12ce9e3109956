/**
 * Small pure helpers shared by the QA rules: ranges of aligned blocks, source
 * text with the parts that are not prose blanked out, and script tests.
 */
import type {Nodes, RootContent} from 'mdast'
import {visit} from 'unist-util-visit'
import {nodesRange} from '../parse/nodes-range.js'
import type {AlignUnit, Alignment} from '../types.js'

/** Han ideographs (the test for “this is Chinese”). */
export const hanPattern = /\p{Script=Han}/u

/**
 * Whether text contains a Han ideograph.
 *
 * @param text Any text.
 * @returns True when at least one Han character is present.
 */
export function hasHan(text: string): boolean {
  return hanPattern.test(text)
}

/** One side of a unit: its nodes and range. */
export interface Side {
  nodes: readonly RootContent[]
  range: [number, number]
}

/**
 * The EN or ZH side of a unit, when it has one with positions.
 *
 * @param unit An alignment unit.
 * @param lang Which side.
 * @returns The side, or undefined.
 */
export function sideOf(unit: AlignUnit, lang: 'en' | 'zh'): Side | undefined {
  const nodes = lang === 'en' ? unit.enNodes : unit.zhNodes
  const range = nodesRange(nodes)
  return range ? {nodes, range} : undefined
}

/** A pair unit with both of its sides. */
export interface PairSides {
  unit: AlignUnit
  en: Side
  zh: Side
}

/**
 * The pairs of an alignment that have an EN and a ZH side with positions.
 *
 * @param alignment The document's alignment.
 * @returns Each such pair with its two sides, in document order.
 */
export function* pairSides(alignment: Alignment): Generator<PairSides> {
  for (const unit of alignment.units) {
    if (unit.kind !== 'pair') continue
    const en = sideOf(unit, 'en')
    const zh = sideOf(unit, 'zh')
    if (en && zh) yield {unit, en, zh}
  }
}

/** What `maskedSource` blanks out besides link targets and HTML. */
export interface MaskOptions {
  /** Blank inline code (default: true). */
  code?: boolean
  /** Blank the visible text of links (default: false). */
  linkText?: boolean
}

/**
 * The source text of a side with everything that is not prose replaced by
 * spaces (link and image targets, images, HTML, and optionally inline code),
 * so that regular expressions over it give exact file offsets.
 *
 * @param text The whole file.
 * @param side The side.
 * @param options What else to blank.
 * @returns Text of the same length as `side.range`, to be offset by `side.range[0]`.
 */
export function maskedSource(text: string, side: Side, options: MaskOptions = {}): string {
  const [start, end] = side.range
  const chars = text.slice(start, end)
  const blanks: Array<[number, number]> = []
  for (const root of side.nodes) {
    visit(root as Nodes, (node) => {
      const from = node.position?.start.offset
      const to = node.position?.end.offset
      if (from === undefined || to === undefined) return
      if (node.type === 'image' || node.type === 'imageReference' || node.type === 'html' || node.type === 'definition') {
        blanks.push([from, to])
        return 'skip'
      }
      if (node.type === 'inlineCode' && options.code !== false) {
        blanks.push([from, to])
        return 'skip'
      }
      if (node.type === 'code') {
        blanks.push([from, to])
        return 'skip'
      }
      if (node.type === 'link' || node.type === 'linkReference') {
        const last = node.children.at(-1)?.position?.end.offset
        if (options.linkText === true || last === undefined) blanks.push([from, to])
        else blanks.push([last, to])
      }
      return undefined
    })
  }
  let out = chars
  for (const [from, to] of blanks) {
    const a = Math.max(from, start) - start
    const b = Math.min(to, end) - start
    if (b <= a) continue
    out = out.slice(0, a) + ' '.repeat(b - a) + out.slice(b)
  }
  return out
}

/**
 * Shorten text for a message: first `max` characters, whitespace collapsed.
 *
 * @param text Any text.
 * @param max Longest length kept (default: 40).
 * @returns The shortened text, with `…` when cut.
 */
export function excerpt(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

/**
 * Whether two ranges overlap.
 *
 * @param a First range.
 * @param b Second range.
 * @returns True on overlap.
 */
export function overlaps(a: readonly [number, number], b: readonly [number, number]): boolean {
  return a[0] < b[1] && b[0] < a[1]
}
