/**
 * Alignment of one bilingual file: every top-level block in exactly one unit
 * (pair, source-only, target-only, shared), in document order.
 */
import type {Root} from 'mdast'
import type {Alignment, AlignUnit} from '../types.js'
import {alignComments, readComments} from './align-comments.js'
import {buildUnit, estimateRatio, priorRatio, type UnitDraft} from './build-units.js'
import {classifyBlocks} from './classify.js'
import {pairBlocks, type BlockGroup} from './pair-blocks.js'

/** Options of the aligner. */
export interface AlignOptions {
  /** ZH:EN length ratio to use (default: estimated from the document). */
  ratio?: number
  /** The file's text, for exact sentence offsets (default: offsets from positions only). */
  source?: string
  /** Fewest Latin words of an English clause inside Chinese for `untranslated` (default: 6). */
  minClauseWords?: number
}

/** Kinds of blocks that follow the quoting convention. */
const quotable = new Set(['paragraph', 'caption', 'list', 'blockquote'])

/** Extra cost of pairs that go against the document's order. */
const orderCost = 2

/**
 * Align the EN and ZH blocks of one bilingual Markdown document.
 *
 * The order (EN first or ZH first) and the quoting convention are learned
 * from the document: a first pass pairs blocks in either order, the majority
 * order is then preferred in a second pass, with the length ratio re-estimated
 * from the first pass's pairs.
 *
 * A document that keeps its English in HTML comments (`<!--` English `-->`
 * before the Chinese, the Kubernetes website's convention) is aligned by
 * `alignComments` instead; this needs `options.source`.
 *
 * @param tree The mdast tree (remark-parse, remark-frontmatter, remark-gfm).
 * @param options Ratio, source text and thresholds.
 * @returns The alignment: units in document order, the ratio, the quoted side.
 */
export function alignBlocks(tree: Root, options: AlignOptions = {}): Alignment {
  if (options.source !== undefined && options.source.includes('<!--')) {
    const comments = readComments(tree, options.source)
    if (comments.english) {
      return alignComments(tree, options.source, comments, {
        ...(options.ratio === undefined ? {} : {ratio: options.ratio}),
        ...(options.minClauseWords === undefined ? {} : {minClauseWords: options.minClauseWords})
      })
    }
  }
  const blocks = classifyBlocks(tree, options.source)
  const language = blocks.filter((block) => !block.shared)

  // The first pass uses the prior ratio: whole-document sums are biased by
  // untranslated blocks and translator's notes.
  let ratio = options.ratio ?? priorRatio
  const first = pairBlocks(language, {ratio, enFirstCost: 0, zhFirstCost: 0})
  const enFirst = countOrder(first)
  ratio = options.ratio ?? estimateRatio(oneToOne(first), ratio).ratio
  const groups = pairBlocks(language, {
    ratio,
    enFirstCost: enFirst ? 0 : orderCost,
    zhFirstCost: enFirst ? orderCost : 0
  })
  const {variance} = estimateRatio(pairsOf(groups), ratio)
  const quoted = learnQuoting(groups)

  const drafts: UnitDraft[] = []
  for (const group of groups) drafts.push(draftOf(group, quoted))
  for (const block of blocks) {
    if (block.shared) drafts.push({kind: 'shared', en: [block], zh: [block], flags: []})
  }
  drafts.sort((a, b) => firstIndex(a) - firstIndex(b))

  const settings = {ratio, variance, minClauseWords: options.minClauseWords ?? 6}
  const units: AlignUnit[] = drafts.map((draft) => buildUnit(draft, settings))
  return {units, ratio, quoted, convention: 'quote'}
}

function oneToOne(groups: readonly BlockGroup[]): BlockGroup[] {
  return groups.filter((group) => group.en.length === 1 && group.zh.length === 1)
}

function pairsOf(groups: readonly BlockGroup[]): BlockGroup[] {
  return groups.filter((group) => group.en.length > 0 && group.zh.length > 0)
}

/** Whether most pairs put their EN blocks first. */
function countOrder(groups: readonly BlockGroup[]): boolean {
  let en = 0
  let zh = 0
  for (const group of pairsOf(groups)) {
    if (group.en[0].index < group.zh[0].index) en++
    else zh++
  }
  return en >= zh
}

/** Which side the document puts in blockquotes, from its pairs (headings aside). */
function learnQuoting(groups: readonly BlockGroup[]): 'en' | 'zh' | 'none' {
  let en = 0
  let zh = 0
  for (const group of pairsOf(groups)) {
    if (!quotable.has(group.en[0].kind)) continue
    const enQuoted = group.en.every((block) => block.quoted)
    const zhQuoted = group.zh.every((block) => block.quoted)
    if (enQuoted && !zhQuoted) en++
    else if (zhQuoted && !enQuoted) zh++
  }
  if (en === 0 && zh === 0) return 'none'
  return en >= zh ? 'en' : 'zh'
}

function draftOf(group: BlockGroup, quoted: 'en' | 'zh' | 'none'): UnitDraft {
  // Translator's material before the body belongs to the Chinese side, even
  // when it is written in English (credits, dates of the original).
  if (group.preamble) return {kind: 'target-only', en: [], zh: [...group.en, ...group.zh], flags: []}
  if (group.zh.length === 0) return {kind: 'source-only', en: group.en, zh: [], flags: []}
  if (group.en.length === 0) return {kind: 'target-only', en: [], zh: group.zh, flags: []}
  const flags: string[] = []
  if (quoted !== 'none' && quotable.has(group.en[0].kind)) {
    const enQuoted = group.en.every((block) => block.quoted)
    const zhQuoted = group.zh.every((block) => block.quoted)
    const convention = quoted === 'en' ? enQuoted && !zhQuoted : zhQuoted && !enQuoted
    const swapped = quoted === 'en' ? zhQuoted && !enQuoted : enQuoted && !zhQuoted
    if (swapped) flags.push('swapped-quote')
    else if (!convention) flags.push('unquoted')
  }
  return {kind: 'pair', en: group.en, zh: group.zh, flags}
}

function firstIndex(draft: UnitDraft): number {
  let index = Number.POSITIVE_INFINITY
  for (const block of [...draft.en, ...draft.zh]) index = Math.min(index, block.index)
  return index
}
