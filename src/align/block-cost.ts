/**
 * Costs of the block-level alignment: how unlikely it is that a group of EN
 * blocks and a group of ZH blocks render each other. Lower is better; the
 * costs are roughly negative log-likelihoods so that they add up.
 */
import {anchorCost, mergeAnchors, type Anchors} from './anchors.js'
import type {Block} from './classify.js'

/** Cost of leaving an EN block without translation. */
export const sourceOnlyCost = 4
/** Cost of a ZH block without source (translator's additions are common). */
export const targetOnlyCost = 2.5
/** Extra cost of groups that are not 1-1, by number of blocks on each side. */
const splitCosts: Record<string, number> = {
  '1-1': 0,
  '1-2': 2.5,
  '2-1': 2.5,
  '2-2': 5,
  '1-3': 5,
  '3-1': 5,
  '2-3': 7,
  '3-2': 7,
  '3-3': 9
}

const textKinds = new Set(['paragraph', 'caption', 'blockquote', 'list', 'footnoteDefinition'])

/**
 * Cost of a length ratio: squared log deviation from the expected ratio, with
 * a variance that grows for short texts (headings vary a lot).
 *
 * @param enLength Length of the EN side.
 * @param zhLength Length of the ZH side.
 * @param ratio Expected ZH:EN length ratio.
 * @returns A cost ≥ 0.
 */
export function lengthCost(enLength: number, zhLength: number, ratio: number): number {
  const expected = ratio * enLength
  const deviation = Math.log((zhLength + 2) / (expected + 2))
  const variance = 0.08 + 2 / (expected + zhLength + 2)
  return (deviation * deviation) / (2 * variance)
}

/**
 * Cost of pairing two block kinds: 0 for the same kind, more for related kinds,
 * `Infinity` for a heading with anything but a heading.
 *
 * @param en An EN block.
 * @param zh A ZH block.
 * @returns The cost.
 */
export function kindCost(en: Block, zh: Block): number {
  if (en.kind === 'heading' || zh.kind === 'heading') {
    if (en.kind === zh.kind) return en.depth === zh.depth ? 0 : 1
    // `> # Title` rendered as a plain line of Chinese (or the reverse): a title, not a heading.
    const other = en.kind === 'heading' ? zh : en
    return other.kind === 'paragraph' && isTitleLike(other) ? titleCost : Number.POSITIVE_INFINITY
  }
  if (en.kind === zh.kind) return 0
  if (en.kind === 'table' || zh.kind === 'table') return 3
  if (!textKinds.has(en.kind) || !textKinds.has(zh.kind)) return 3
  if (en.kind === 'list' || zh.kind === 'list') return 1.5
  if (en.kind === 'caption' || zh.kind === 'caption') return 1
  return 0.5
}

/** Cost of a heading rendered as a title-like paragraph. */
const titleCost = 2

/** A paragraph that reads as a title: one short line, no sentence punctuation at its end. */
function isTitleLike(block: Block): boolean {
  const text = block.text.text.trim()
  return block.line === block.endLine && text.length > 0 && text.length <= 80 && !/[。！？；：.!?;:，,]$/.test(text)
}

/**
 * Cost of taking the ZH blocks as the rendering of the EN blocks.
 *
 * @param en EN blocks (1–3), in order.
 * @param zh ZH blocks (1–3), in order.
 * @param ratio Expected ZH:EN length ratio.
 * @param cache Cache of merged runs (blocks of one side must have distinct indices).
 * @returns The cost (may be negative with strong anchors), or `Infinity`.
 */
export function groupCost(en: readonly Block[], zh: readonly Block[], ratio: number, cache?: RunCache): number {
  const split = splitCosts[`${en.length}-${zh.length}`]
  if (split === undefined) return Number.POSITIVE_INFINITY
  if (en.length > 1 && en.some((block) => block.kind === 'heading')) return Number.POSITIVE_INFINITY
  if (zh.length > 1 && zh.some((block) => block.kind === 'heading')) return Number.POSITIVE_INFINITY
  let kinds = 0
  for (const a of en) for (const b of zh) kinds = Math.max(kinds, kindCost(a, b))
  if (kinds === Number.POSITIVE_INFINITY) return kinds
  const a = runOf(en, cache?.en)
  const b = runOf(zh, cache?.zh)
  return split + kinds + lengthCost(a.length, b.length, ratio) + anchorCost(a.anchors, b.anchors)
}

interface Run {
  length: number
  anchors: Anchors
}

/** Merged lengths and anchors of runs of blocks, per side, for one alignment. */
export interface RunCache {
  en: Map<string, Run>
  zh: Map<string, Run>
}

/**
 * A cache for `groupCost`: the dynamic programs ask for the same runs of
 * blocks many times.
 *
 * @returns An empty cache.
 */
export function createRunCache(): RunCache {
  return {en: new Map(), zh: new Map()}
}

function runOf(blocks: readonly Block[], cache: Map<string, Run> | undefined): Run {
  if (blocks.length === 1) return blocks[0]
  const key = blocks.map((block) => block.index).join(',')
  let run = cache?.get(key)
  if (!run) {
    run = {
      length: blocks.reduce((sum, block) => sum + block.length, 0),
      anchors: mergeAnchors(blocks.map((block) => block.anchors))
    }
    cache?.set(key, run)
  }
  return run
}
