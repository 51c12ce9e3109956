/**
 * Two-file mode: the English source and the Chinese translation kept apart.
 * A Gale–Church-style dynamic program over the two block sequences (moves
 * 1-0, 0-1, and k-m groups up to 3-3) aligns through drift (merged or split
 * paragraphs, sections added or removed on one side) instead of giving up at
 * the first difference like a positional aligner.
 */
import type {Root} from 'mdast'
import type {Alignment} from '../types.js'
import type {AlignOptions} from './align-blocks.js'
import {createRunCache, groupCost, sourceOnlyCost, targetOnlyCost} from './block-cost.js'
import {buildUnit, estimateRatio, priorRatio, type UnitDraft} from './build-units.js'
import {classifyBlock, type Block} from './classify.js'

/** Options of `alignFiles`. */
export interface AlignFilesOptions extends Omit<AlignOptions, 'source'> {
  /** Text of the English file, for exact offsets. */
  enSource?: string
  /** Text of the Chinese file, for exact offsets. */
  zhSource?: string
}

/** Cost of a shared block (image, code) found on one side only. */
const loneSharedCost = 1.5
const maxRun = 3

/**
 * Align an English document with its Chinese translation kept in another file.
 *
 * Spans of `en` refer to the English file, spans of `zh` to the Chinese one.
 * Shared blocks (code, images) matched on both sides form one `shared` unit
 * with the node of each file; a shared block on one side only is a `shared`
 * unit with that side alone.
 *
 * @param enTree The English document.
 * @param zhTree The Chinese document.
 * @param options Ratio, texts and thresholds.
 * @returns The alignment.
 */
export function alignFiles(enTree: Root, zhTree: Root, options: AlignFilesOptions = {}): Alignment {
  const en = blocksOf(enTree, 'en', options.enSource)
  const zh = blocksOf(zhTree, 'zh', options.zhSource)

  let ratio = options.ratio ?? priorRatio
  let drafts = pairSequences(en, zh, ratio)
  if (options.ratio === undefined) {
    ratio = estimateRatio(drafts.filter((draft) => draft.en.length === 1 && draft.zh.length === 1 && draft.kind === 'pair'), ratio).ratio
    drafts = pairSequences(en, zh, ratio)
  }
  const {variance} = estimateRatio(pairsOf(drafts), ratio)
  const settings = {ratio, variance, minClauseWords: options.minClauseWords ?? 6}
  return {units: drafts.map((draft) => buildUnit(draft, settings)), ratio, quoted: 'none'}
}

function blocksOf(tree: Root, side: 'en' | 'zh', source: string | undefined): Block[] {
  const blocks: Block[] = []
  tree.children.forEach((node, index) => {
    if (node.type === 'yaml' || (node.type as string) === 'toml') return
    blocks.push(classifyBlock(node, index, source, side))
  })
  return blocks
}

function pairsOf(drafts: readonly UnitDraft[]): UnitDraft[] {
  return drafts.filter((draft) => draft.kind === 'pair')
}

/**
 * The dynamic program. Banded around the diagonal for long documents; the
 * band is wide enough to absorb the difference in block counts.
 */
function pairSequences(en: readonly Block[], zh: readonly Block[], ratio: number): UnitDraft[] {
  const n = en.length
  const m = zh.length
  const width = Math.max(60, 2 * Math.abs(n - m) + 20)
  const cache = createRunCache()
  const lo = (i: number): number => Math.max(0, Math.floor((i * m) / Math.max(n, 1)) - width)
  const hi = (i: number): number => Math.min(m, Math.ceil((i * m) / Math.max(n, 1)) + width)
  const cost: Float64Array[] = []
  const back: Array<Array<[number, number, UnitDraft] | undefined>> = []
  for (let i = 0; i <= n; i++) {
    cost.push(new Float64Array(hi(i) - lo(i) + 1).fill(Infinity))
    back.push(new Array(hi(i) - lo(i) + 1))
  }
  const get = (i: number, j: number): number => (j < lo(i) || j > hi(i) ? Infinity : cost[i][j - lo(i)])
  cost[0][0] = 0

  for (let i = 0; i <= n; i++) {
    for (let j = lo(i); j <= hi(i); j++) {
      let best = i === 0 && j === 0 ? 0 : Infinity
      let step: [number, number, UnitDraft] | undefined
      const consider = (di: number, dj: number, value: number, draft: UnitDraft): void => {
        const previous = get(i - di, j - dj)
        if (previous + value < best) {
          best = previous + value
          step = [di, dj, draft]
        }
      }
      if (i > 0) {
        const block = en[i - 1]
        consider(1, 0, block.shared ? loneSharedCost : sourceOnlyCost, block.shared
          ? {kind: 'shared', en: [block], zh: [], flags: []}
          : {kind: 'source-only', en: [block], zh: [], flags: []})
      }
      if (j > 0) {
        const block = zh[j - 1]
        consider(0, 1, block.shared ? loneSharedCost : targetOnlyCost, block.shared
          ? {kind: 'shared', en: [], zh: [block], flags: []}
          : {kind: 'target-only', en: [], zh: [block], flags: []})
      }
      if (i > 0 && j > 0 && en[i - 1].shared && zh[j - 1].shared) {
        const a = en[i - 1]
        const b = zh[j - 1]
        if (a.kind === b.kind) {
          const same = a.text.text === b.text.text || a.node.type === 'thematicBreak'
          consider(1, 1, same ? -1 : 0.5, {kind: 'shared', en: [a], zh: [b], flags: []})
        }
      }
      for (let di = 1; di <= maxRun && di <= i; di++) {
        const a = en.slice(i - di, i)
        if (a.some((block) => block.shared)) break
        for (let dj = 1; dj <= maxRun && dj <= j; dj++) {
          const b = zh.slice(j - dj, j)
          if (b.some((block) => block.shared)) break
          if (get(i - di, j - dj) === Infinity) continue
          const value = groupCost(a, b, ratio, cache)
          if (value !== Infinity) consider(di, dj, value, {kind: 'pair', en: a, zh: b, flags: []})
        }
      }
      cost[i][j - lo(i)] = best
      back[i][j - lo(i)] = step
    }
  }

  const drafts: UnitDraft[] = []
  let i = n
  let j = m
  while (i > 0 || j > 0) {
    const step = back[i][j - lo(i)]
    if (!step) throw new Error('Unreachable cell in the block alignment band')
    drafts.push(step[2])
    i -= step[0]
    j -= step[1]
  }
  return drafts.reverse()
}
