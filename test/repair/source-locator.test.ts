import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {sourceAt, sourceLocator, type SourceSpan} from '../../src/repair/source/source-evidence.js'

/** A span over [start, end), a sentence span when `sentence` is not empty. */
function span(start: number, end: number, sentence: string): SourceSpan {
  return {start, end, sentence, block: 'block', blockStart: start, blockEnd: end}
}

describe('sourceLocator', () => {
  it('prefers a sentence span to the block around it, and the first of two', () => {
    const block = span(0, 20, '')
    const first = span(5, 10, 'first')
    const second = span(5, 10, 'second')
    const locate = sourceLocator([block, first, second])
    expect(locate(0)).toBe(block)
    expect(locate(5)).toBe(first)
    expect(locate(9)).toBe(first)
    expect(locate(10)).toBe(block)
    expect(locate(20)).toBeUndefined()
    expect(locate(-1)).toBeUndefined()
  })

  it('finds what sourceAt finds, for any spans, nested or overlapping, and any offset', () => {
    const spanArbitrary = fc.tuple(fc.nat(40), fc.nat(15), fc.boolean()).map(([start, length, sentence]) => span(start, start + length, sentence ? `s${start}` : ''))
    fc.assert(
      fc.property(fc.array(spanArbitrary, {maxLength: 12}), fc.array(fc.integer({min: -2, max: 60}), {minLength: 1, maxLength: 20}), (spans, offsets) => {
        const locate = sourceLocator(spans)
        for (const offset of offsets) expect(locate(offset)).toBe(sourceAt(spans, offset))
      }),
      {numRuns: 500}
    )
  })
})
