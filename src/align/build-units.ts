/**
 * Turn groups of classified blocks into alignment units: spans, nodes,
 * sentence alignment and flags.
 */
import type {AlignUnit, Span, UnitBlock, UnitKind} from '../types.js'
import {alignSentences} from './align-sentences.js'
import {sharedText, type Block} from './classify.js'
import {splitChinese, splitEnglish} from './split-sentences.js'

/** A unit before sentence alignment. */
export interface UnitDraft {
  kind: UnitKind
  en: Block[]
  zh: Block[]
  flags: string[]
}

/** Settings for building units. */
export interface UnitSettings {
  /** ZH:EN length ratio of the document. */
  ratio: number
  /** Gale–Church variance of the document. */
  variance: number
  /** Fewest words of an English clause for `untranslated`. */
  minClauseWords: number
}

/**
 * Build a unit: spans, nodes, and for pairs the sentence alignment with the
 * `omission` and `untranslated` flags.
 *
 * @param draft The blocks of the unit and its structural flags.
 * @param settings Ratio, variance, clause threshold.
 * @returns The unit.
 */
export function buildUnit(draft: UnitDraft, settings: UnitSettings): AlignUnit {
  const first = draft.en[0] ?? draft.zh[0]
  const shared = draft.kind === 'shared'
  const unit: AlignUnit = {
    kind: draft.kind,
    block: first.kind,
    en: spanOf(draft.en, shared),
    zh: spanOf(draft.zh, shared),
    enNodes: draft.en.map((block) => block.node),
    zhNodes: draft.zh.map((block) => block.node),
    sentences: [],
    flags: [...draft.flags],
    enBlocks: draft.en.map((block) => placeOf(block, shared)),
    zhBlocks: draft.zh.map((block) => placeOf(block, shared))
  }
  if (draft.kind === 'source-only') unit.flags.push('missing-translation')
  if (draft.kind !== 'pair') return unit

  if (draft.en.length > 1) unit.flags.push('merged')
  if (draft.zh.length > 1) unit.flags.push('split')
  const en = draft.en.flatMap((block) => splitEnglish(block.text))
  const zh = draft.zh.flatMap((block) => splitChinese(block.text, settings.minClauseWords))
  unit.sentences = alignSentences(en, zh, settings.ratio, {variance: settings.variance})
  for (const flag of ['omission', 'untranslated']) {
    if (unit.sentences.some((pair) => pair.flags?.includes(flag))) unit.flags.push(flag)
  }
  return unit
}

/**
 * Span of blocks: first line, last line and text joined by line breaks.
 *
 * @param blocks Blocks in order (may be empty).
 * @param shared Whether to use the shared text (code, image URLs).
 * @returns The span, or null without blocks.
 */
export function spanOf(blocks: readonly Block[], shared: boolean): Span | null {
  if (blocks.length === 0) return null
  return {
    line: blocks[0].line,
    endLine: blocks[blocks.length - 1].endLine,
    text: blocks.map((block) => (shared ? sharedText(block) : block.text.text)).join('\n')
  }
}

/**
 * One block with its place in the file.
 *
 * @param block A classified block.
 * @param shared Whether to use the shared text (code, image URLs).
 * @returns Lines, offsets and text.
 */
export function placeOf(block: Block, shared: boolean): UnitBlock {
  const position = block.node.position
  return {
    line: block.line,
    endLine: block.endLine,
    start: position?.start.offset ?? 0,
    end: position?.end.offset ?? 0,
    text: shared ? sharedText(block) : block.text.text
  }
}

/** Prior ZH:EN length ratio, and how many EN characters of evidence it weighs. */
export const priorRatio = 0.4
const priorWeight = 300

/**
 * Estimate the ZH:EN length ratio and the Gale–Church variance from pairs.
 * The ratio is the length-weighted median of the pairs' ratios (robust to a
 * pair with an omission), pulled toward 0.4 when the document is short; the
 * variance follows from it.
 *
 * @param pairs EN and ZH blocks of each pair.
 * @param fallback Ratio to use without pairs.
 * @returns The ratio and the variance per character.
 */
export function estimateRatio(
  pairs: ReadonlyArray<{en: readonly Block[]; zh: readonly Block[]}>,
  fallback: number
): {ratio: number; variance: number} {
  const lengths: Array<[number, number]> = []
  let total = 0
  for (const pair of pairs) {
    const le = pair.en.reduce((sum, block) => sum + block.length, 0)
    const lz = pair.zh.reduce((sum, block) => sum + block.length, 0)
    if (le === 0 || lz === 0) continue
    lengths.push([le, lz])
    total += le
  }
  if (lengths.length === 0) return {ratio: fallback, variance: galeChurchVariance(fallback)}
  const sorted = lengths.map(([le, lz]) => [Math.log(lz / le), le] as const).sort((a, b) => a[0] - b[0])
  let seen = 0
  let median = sorted[0][0]
  for (const [value, weight] of sorted) {
    median = value
    seen += weight
    if (seen * 2 >= total) break
  }
  const shrunk = (median * total + Math.log(priorRatio) * priorWeight) / (total + priorWeight)
  const ratio = clamp(Math.exp(shrunk), 0.1, 3)
  return {ratio, variance: galeChurchVariance(ratio)}
}

/**
 * Gale–Church's variance (6.8 per character for equal-length languages),
 * scaled to the ratio: ZH lengths are `ratio` times EN lengths, so their
 * spread is `ratio²` times as large.
 *
 * @param ratio ZH:EN length ratio.
 * @returns The variance per character.
 */
export function galeChurchVariance(ratio: number): number {
  return 6.8 * ratio * ratio
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value))
}
