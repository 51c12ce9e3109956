/**
 * Small pure helpers shared by the QA rules: ranges of aligned blocks, source
 * text with the parts that are not prose blanked out, and script tests.
 */
import type {Nodes, RootContent} from 'mdast'
import {eachNode} from '../parse/each-node.js'
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
  let out = text.slice(start, end)
  for (const span of nonProse(side.nodes)) {
    if (span.kind === 'inlineCode' && options.code === false) continue
    const from = span.kind === 'link' && options.linkText !== true && span.label !== undefined ? span.label : span.from
    const a = Math.max(from, start) - start
    const b = Math.min(span.to, end) - start
    if (b <= a) continue
    out = out.slice(0, a) + ' '.repeat(b - a) + out.slice(b)
  }
  return out
}

/** A part of a side that `maskedSource` may blank, with the file offsets it covers. */
interface NonProse {
  /** `other`: link and image targets, images, HTML, definitions, code blocks (always blanked). */
  kind: 'other' | 'inlineCode' | 'link'
  from: number
  to: number
  /** A link's: the end of its visible text, when it has one with a position. */
  label?: number | undefined
}

/**
 * The parts of each side's nodes that are not prose, found once per node list
 * (the rules ask for the same side up to eight times with different options;
 * the nodes do not change while they run). A memo keyed by the node list, not state.
 */
const nonProseOf = new WeakMap<readonly RootContent[], NonProse[]>()

function nonProse(nodes: readonly RootContent[]): NonProse[] {
  let spans = nonProseOf.get(nodes)
  if (spans) return spans
  spans = []
  const found = spans
  for (const root of nodes) {
    eachNode(root as Nodes, (node) => {
      const from = node.position?.start.offset
      const to = node.position?.end.offset
      if (from === undefined || to === undefined) return undefined
      if (node.type === 'image' || node.type === 'imageReference' || node.type === 'html' || node.type === 'definition' || node.type === 'code') {
        found.push({kind: 'other', from, to})
        return 'skip'
      }
      if (node.type === 'inlineCode') {
        found.push({kind: 'inlineCode', from, to})
        return 'skip'
      }
      if (node.type === 'link' || node.type === 'linkReference') {
        found.push({kind: 'link', from, to, label: node.children.at(-1)?.position?.end.offset})
      }
      return undefined
    })
  }
  nonProseOf.set(nodes, spans)
  return spans
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
