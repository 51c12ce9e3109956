import type {Unsafe} from 'mdast-util-to-markdown'
import {describe, expect, it} from 'vitest'
import {unsafeIn} from '../../src/emit/unsafe-lookup.js'

const patterns: Unsafe[] = [
  {character: '*', inConstruct: 'phrasing'},
  {character: '#', atBreak: true},
  {character: '*', atBreak: true},
  {character: '\u0007', inConstruct: 'phrasing'},
  {character: '\u001b', inConstruct: 'phrasing'},
  {character: ' ', after: '[\\r\\n]', inConstruct: 'phrasing'},
  {character: '|', inConstruct: 'tableCell'}
]
const naive = (value: string) => patterns.filter((pattern) => value.includes(pattern.character))

describe('unsafeIn', () => {
  it.each(['', '集群', 'a*b', '# x', 'a b', 'x|y'])('gives the patterns whose character occurs in %j, in order', (value) => {
    expect(unsafeIn(patterns, value)).toEqual(naive(value))
  })

  it('tries every control character pattern when one control character occurs', () => {
    expect(unsafeIn(patterns, 'bell\u0007')).toEqual([patterns[3], patterns[4]])
    expect(unsafeIn(patterns, 'esc\u001b and *')).toEqual([patterns[0], patterns[2], patterns[3], patterns[4], patterns[5]])
  })

  it('shares one list between texts with the same characters', () => {
    expect(unsafeIn(patterns, 'a*b')).toBe(unsafeIn(patterns, '**c'))
    expect(unsafeIn(patterns, 'a*b')).not.toBe(unsafeIn(patterns, 'a* b'))
  })

  it('shares the lists of one serialization with the next, which makes a new array of the same patterns', () => {
    expect(unsafeIn([...patterns], 'a*b')).toBe(unsafeIn([...patterns], '**c'))
  })

  it('keeps apart arrays that start with the same pattern', () => {
    const fewer = [patterns[0]!, patterns[5]!]
    const more = [patterns[0]!, patterns[1]!, patterns[5]!]
    for (const value of ['a*b c', '# * x', '#']) {
      expect(unsafeIn(fewer, value)).toEqual(fewer.filter((pattern) => value.includes(pattern.character)))
      expect(unsafeIn(more, value)).toEqual(more.filter((pattern) => value.includes(pattern.character)))
      expect(unsafeIn(patterns, value)).toEqual(naive(value))
    }
  })

  it('refuses more printable characters than the key can hold', () => {
    const many = Array.from({length: 31}, (_, index): Unsafe => ({character: String.fromCharCode(0x41 + index)}))
    expect(() => unsafeIn(many, 'A')).toThrow('Too many unsafe characters to index: 31')
  })
})
