import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {applyFixes} from '../../src/check/apply-fixes.js'

describe('applyFixes', () => {
  it('applies fixes last first, in any given order', () => {
    const result = applyFixes('群集和群集', [
      {range: [0, 2], text: '集群'},
      {range: [3, 5], text: '集群'}
    ])
    expect(result.text).toBe('集群和集群')
    expect(result.applied.map((fix) => fix.range)).toEqual([
      [0, 2],
      [3, 5]
    ])
    expect(result.skipped).toEqual([])
  })
  it('replaces with text of another length', () => {
    expect(applyFixes('a Kuberentes b Kuberentes', [
      {range: [15, 25], text: 'Kubernetes!'},
      {range: [2, 12], text: 'K8s'}
    ]).text).toBe('a K8s b Kubernetes!')
  })
  it('skips overlapping fixes and fixes outside the text', () => {
    const result = applyFixes('abcdef', [
      {range: [1, 4], text: 'X'},
      {range: [3, 5], text: 'Y'},
      {range: [4, 9], text: 'Z'},
      {range: [5, 6], text: 'W'}
    ])
    expect(result.text).toBe('abcYW')
    expect(result.applied.map((fix) => fix.text)).toEqual(['Y', 'W'])
    expect(result.skipped.map((fix) => fix.text)).toEqual(['X', 'Z'])
  })
  it('keeps one of two identical fixes', () => {
    const result = applyFixes('群集', [
      {range: [0, 2], text: '集群'},
      {range: [0, 2], text: '集群'}
    ])
    expect(result.text).toBe('集群')
    expect(result.applied).toHaveLength(1)
    expect(result.skipped).toHaveLength(1)
  })
  it('property: non-overlapping fixes are all applied and match splicing in order', () => {
    fc.assert(
      fc.property(fc.string({maxLength: 40}), fc.array(fc.tuple(fc.nat(40), fc.nat(5), fc.string({maxLength: 3})), {maxLength: 8}), (text, raw) => {
        // Build disjoint ranges inside the text.
        const fixes = raw
          .map(([at, length, value]) => ({range: [Math.min(at, text.length), Math.min(at + length, text.length)] as [number, number], text: value}))
          .sort((a, b) => a.range[0] - b.range[0])
          .reduce<Array<{range: [number, number]; text: string}>>((kept, fix) => {
            const last = kept[kept.length - 1]
            if (!last || (fix.range[0] >= last.range[1] && fix.range[0] !== last.range[0])) kept.push(fix)
            return kept
          }, [])
        let expected = ''
        let at = 0
        for (const fix of fixes) {
          expected += text.slice(at, fix.range[0]) + fix.text
          at = fix.range[1]
        }
        expected += text.slice(at)
        const result = applyFixes(text, [...fixes].reverse())
        return result.text === expected && result.skipped.length === 0
      })
    )
  })
})
