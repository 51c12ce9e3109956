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
