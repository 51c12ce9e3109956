/**
 * Where the English source of each stretch of Chinese text is: the aligned
 * sentence and the English of the whole pair, read off an alignment.
 */
import type {RootContent} from 'mdast'
import type {Alignment} from '../../types.js'
import {nodesRange} from '../../parse/nodes-range.js'

/** The English source of a stretch of the (repaired) Chinese text. */
export interface SourceSpan {
  /** 0-based start of the Chinese stretch in the repaired text. */
  start: number
  /** 0-based end (exclusive). */
  end: number
  /** The English sentence aligned to it, or `''` when only the block is known. */
  sentence: string
  /** The English text of the whole pair. */
  block: string
  /** 0-based start of the whole Chinese side of the pair in the repaired text. */
  blockStart: number
  /** 0-based end of the whole Chinese side (exclusive). */
  blockEnd: number
}

/**
 * Read the source spans off an alignment: one per aligned sentence pair with
 * known Chinese offsets, and one per pair unit for its whole Chinese side
 * (sentence `''`), so text between sentences still has its paragraph.
 *
 * @param alignment The alignment of the repaired text (`alignBlocks` or `alignFiles`).
 * @returns Spans, sentence spans first within each unit.
 */
export function sourceSpans(alignment: Alignment): SourceSpan[] {
  const spans: SourceSpan[] = []
  for (const unit of alignment.units) {
    if (unit.kind !== 'pair' || unit.en === null || unit.en.text.trim() === '') continue
    const block = unit.en.text
    const range = nodesRange(unit.zhNodes)
    for (const sentence of unit.sentences) {
      if (sentence.zhStart === undefined || sentence.zhEnd === undefined || sentence.en === '') continue
      const [blockStart, blockEnd] = range ?? [sentence.zhStart, sentence.zhEnd]
      spans.push({start: sentence.zhStart, end: sentence.zhEnd, sentence: sentence.en, block, blockStart, blockEnd})
    }
    if (range !== undefined) spans.push({start: range[0], end: range[1], sentence: '', block, blockStart: range[0], blockEnd: range[1]})
  }
  return spans
}

/**
 * The source of an offset: the sentence span containing it, else the block
 * span containing it.
 *
 * @param spans Spans from {@link sourceSpans}.
 * @param offset A 0-based offset in the repaired text.
 * @returns The best span, or undefined when the offset has no source.
 */
export function sourceAt(spans: readonly SourceSpan[], offset: number): SourceSpan | undefined {
  let block: SourceSpan | undefined
  for (const span of spans) {
    if (offset < span.start || offset >= span.end) continue
    if (span.sentence !== '') return span
    block ??= span
  }
  return block
}

/**
 * {@link sourceAt} for many offsets: the spans sorted by start once, each
 * offset found by binary search. The spans containing an offset are those
 * that start at or before it and end after it; walking back from the last
 * such start stops where no earlier span reaches the offset (a running
 * maximum of ends), so a query reads only the spans around it, not all of
 * them (a 0.74 MB article has thousands of spans and ten thousand repairs).
 *
 * @param spans Spans from {@link sourceSpans}.
 * @returns A function giving, for an offset, the span {@link sourceAt} gives.
 */
export function sourceLocator(spans: readonly SourceSpan[]): (offset: number) => SourceSpan | undefined {
  const order = spans.map((_, index) => index).sort((a, b) => spans[a]!.start - spans[b]!.start || a - b)
  const starts = order.map((index) => spans[index]!.start)
  // The largest end among the spans up to each position of `order`.
  const reach: number[] = []
  let furthest = -Infinity
  for (const index of order) {
    furthest = Math.max(furthest, spans[index]!.end)
    reach.push(furthest)
  }
  return (offset) => {
    // The last position whose span starts at or before `offset`.
    let low = 0
    let high = order.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (starts[middle]! <= offset) low = middle + 1
      else high = middle
    }
    // Among the spans containing `offset`, the first sentence span in the
    // given order, else the first block span: the one `sourceAt` returns.
    let sentence = -1
    let block = -1
    for (let position = low - 1; position >= 0 && reach[position]! > offset; position--) {
      const index = order[position]!
      const span = spans[index]!
      if (offset >= span.end) continue
      if (span.sentence !== '') {
        if (sentence === -1 || index < sentence) sentence = index
      } else if (block === -1 || index < block) {
        block = index
      }
    }
    if (sentence !== -1) return spans[sentence]
    return block === -1 ? undefined : spans[block]
  }
}
