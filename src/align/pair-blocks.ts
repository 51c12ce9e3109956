/**
 * Block pairing inside one bilingual file: a dynamic program over the
 * sequence of language blocks (shared blocks left out) that cuts it into
 * pairs (k EN blocks next to m ZH blocks), source-only and target-only blocks.
 *
 * A document may open with translator's material (changelog, notes, credits)
 * before the translated body. When it starts with Chinese, the program may
 * spend a prefix in a "preamble" state whose blocks are all target-only and
 * cheap; it leaves the preamble where pairing starts paying off, so the body
 * start is learned from the file, not assumed.
 */
import {createRunCache, groupCost, sourceOnlyCost, targetOnlyCost} from './block-cost.js'
import type {Block} from './classify.js'

/** A group found by the pairing. */
export interface BlockGroup {
  en: Block[]
  zh: Block[]
  /** Whether the group lies in the translator's preamble. */
  preamble: boolean
}

/** Settings of one pairing pass. */
export interface PairSettings {
  /** Expected ZH:EN length ratio. */
  ratio: number
  /** Extra cost of a pair whose EN blocks come first. */
  enFirstCost: number
  /** Extra cost of a pair whose ZH blocks come first. */
  zhFirstCost: number
}

const maxRun = 3
/** Cost of a preamble block, by language. */
const preambleCost = {en: 3, zh: 0, none: 0}
/** Cost of starting the body elsewhere than at a heading pair, when there are heading pairs. */
const leaveElsewhereCost = 2

interface Step {
  from: number
  fromPhase: 0 | 1
  group: BlockGroup | null
}

/**
 * Pair the language blocks of one file.
 *
 * @param blocks Language (non-shared) blocks in document order.
 * @param settings Ratio and order costs.
 * @returns Groups covering every block once, in order.
 */
export function pairBlocks(blocks: readonly Block[], settings: PairSettings): BlockGroup[] {
  const n = blocks.length
  const allowPreamble = n > 0 && blocks[0].lang === 'zh'
  const cache = createRunCache()
  // cost[phase][p]: best cost of covering blocks[0..p) ending in `phase`
  // (0 = preamble, 1 = body).
  const cost = [new Array<number>(n + 1).fill(Infinity), new Array<number>(n + 1).fill(Infinity)]
  const back: Array<Array<Step | undefined>> = [new Array(n + 1), new Array(n + 1)]
  if (allowPreamble) cost[0][0] = 0
  // Where the document has heading pairs (an EN heading next to its ZH
  // heading), the body most likely starts at one of them.
  const headingPairAt = (p: number): boolean =>
    p + 1 < n && blocks[p].kind === 'heading' && blocks[p + 1].kind === 'heading' && blocks[p].lang !== blocks[p + 1].lang
  let hasHeadingPairs = false
  for (let p = 0; p < n && !hasHeadingPairs; p++) hasHeadingPairs = headingPairAt(p)
  const leaveCost = (p: number): number => (hasHeadingPairs && !headingPairAt(p) ? leaveElsewhereCost : 0)
  cost[1][0] = 0

  const relax = (phase: 0 | 1, to: number, value: number, step: Step): void => {
    if (value < cost[phase][to]) {
      cost[phase][to] = value
      back[phase][to] = step
    }
  }

  for (let p = 0; p <= n; p++) {
    // Leaving the preamble costs nothing; it happens once.
    if (cost[0][p] + leaveCost(p) < cost[1][p]) {
      cost[1][p] = cost[0][p] + leaveCost(p)
      back[1][p] = {from: p, fromPhase: 0, group: null}
    }
    if (p === n) break
    const block = blocks[p]

    if (cost[0][p] < Infinity) {
      const group = block.lang === 'en' ? {en: [block], zh: [], preamble: true} : {en: [], zh: [block], preamble: true}
      relax(0, p + 1, cost[0][p] + preambleCost[block.lang], {from: p, fromPhase: 0, group})
    }

    const base = cost[1][p]
    if (base === Infinity) continue
    if (block.lang === 'en') {
      relax(1, p + 1, base + sourceOnlyCost, {from: p, fromPhase: 1, group: {en: [block], zh: [], preamble: false}})
    } else {
      relax(1, p + 1, base + targetOnlyCost, {from: p, fromPhase: 1, group: {en: [], zh: [block], preamble: false}})
    }

    // A pair: k blocks of one language, then m blocks of the other.
    const first = block.lang
    for (let k = 1; k <= maxRun && p + k < n; k++) {
      if (blocks[p + k - 1].lang !== first) break
      for (let m = 1; m <= maxRun && p + k + m <= n; m++) {
        if (blocks[p + k + m - 1].lang === first) break
        const a = blocks.slice(p, p + k)
        const b = blocks.slice(p + k, p + k + m)
        const en = first === 'en' ? a : b
        const zh = first === 'en' ? b : a
        const order = first === 'en' ? settings.enFirstCost : settings.zhFirstCost
        const value = groupCost(en, zh, settings.ratio, cache) + order
        if (value === Infinity) continue
        relax(1, p + k + m, base + value, {from: p, fromPhase: 1, group: {en, zh, preamble: false}})
      }
    }
  }

  const groups: BlockGroup[] = []
  let phase: 0 | 1 = 1
  let p = n
  while (p > 0 || phase === 1) {
    const step: Step | undefined = back[phase][p]
    if (!step) break
    if (step.group) groups.push(step.group)
    p = step.from
    phase = step.fromPhase
  }
  return groups.reverse()
}
