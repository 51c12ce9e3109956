import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import type {Jieba} from '@node-rs/jieba'
import {createDictSegmenter} from '../../src/check/dict-segmenter.js'

const require = createRequire(import.meta.url)
const dictFile = require.resolve('@node-rs/jieba/dict.txt')

/** A dictionary file of `[word, freq]` entries, sorted bytewise as jieba's is. */
function dict(entries: Array<[string, number]>): Uint8Array {
  const sorted = [...entries].sort(([a], [b]) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
  return Buffer.from(sorted.map(([word, freq]) => `${word} ${freq} n\n`).join(''))
}

describe('createDictSegmenter on a small dictionary', () => {
  // Each word scores ln(freq) - ln(total); a route, the sum of its words.
  const segment = createDictSegmenter(dict([['为了', 64], ['了', 32], ['了解', 64], ['为', 32], ['解', 32], ['操作', 16], ['操作系统', 16]]))

  it('takes the most probable route, longest word on equal scores', () => {
    expect(segment('为了了解')).toEqual(['为了', '了解'])
    // 系 and 统 are no words: 操作系统 beats 操作 + 系 + 统.
    expect(segment('操作操作系统')).toEqual(['操作', '操作系统'])
  })

  it('makes a character that starts no word a word of its own (frequency 1)', () => {
    expect(segment('猫为了')).toEqual(['猫', '为了'])
    expect(segment('猫狗')).toEqual(['猫', '狗'])
  })

  it('cuts Han characters outside the Basic Multilingual Plane by code point', () => {
    expect(segment('𠀀为了')).toEqual(['𠀀', '为了'])
  })

  it('leaves a near tie, and characters jieba reads outside its Han blocks, to jieba', () => {
    // 甲乙 + 丙 and 甲 + 乙丙 both score ln(12) - 2 ln(total).
    const ties = createDictSegmenter(dict([['甲乙', 6], ['丙', 2], ['甲', 3], ['乙丙', 4]]))
    expect(ties('甲乙丙')).toBeUndefined()
    expect(ties('甲乙')).toEqual(['甲乙'])
    expect(segment('〇为了')).toBeUndefined()
    expect(segment('为々')).toBeUndefined()
  })

  it('refuses a dictionary it would misread', () => {
    expect(() => createDictSegmenter(dict([]))).not.toThrow()
    expect(() => createDictSegmenter(Buffer.from('甲 1 n\n乙 1 n\n'))).toThrow('not sorted at byte 8')
    expect(() => createDictSegmenter(Buffer.from('甲 1 n\n甲 2 n\n'))).toThrow('not sorted at byte 8')
    expect(() => createDictSegmenter(Buffer.from('甲 1 n\n乙\n'))).toThrow('without a frequency at byte 8')
    expect(() => createDictSegmenter(Buffer.from('甲 x n\n'))).toThrow('malformed line at byte 0')
    expect(() => createDictSegmenter(Buffer.from('乙 1 n\n\n甲 2\r\n'))).not.toThrow()
  })
})

describe('createDictSegmenter on jieba’s dictionary', () => {
  const segment = createDictSegmenter(readFileSync(dictFile))
  const {Jieba: Segmenter} = require('@node-rs/jieba') as typeof import('@node-rs/jieba')
  const jieba: Jieba = Segmenter.withDict(readFileSync(dictFile))

  it('cuts as jieba does', () => {
    for (const text of ['操作操作系统', '为了了解', '路由由', '我们我们', '研究生命起源', '结婚的和尚未结婚的', '他说的确实在理', '中华人民共和国万岁']) {
      expect(segment(text)).toEqual(jieba.cut(text, false))
    }
  })

  it('cuts random runs of common characters as jieba does, or leaves them to it', () => {
    const characters = [...'的一是了我不人在他有这个上们来到时大地为子中你说生国年着就那和要她出也得里后自以会家可下而过天去能对小多然于心学么之都好看起发当没成只如事把还用第样道想作种开美总从无情己面最女但现前些所同日手又行意动方期它头经长儿回位分爱老因很给名法间斯知世什两次使身者被高已亲其进此话常与活正感']
    let answered = 0
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...characters), {minLength: 1, maxLength: 40}), (chars) => {
        const text = chars.join('')
        const words = segment(text)
        if (words === undefined) return
        answered++
        expect(words).toEqual(jieba.cut(text, false))
      }),
      {numRuns: 2000}
    )
    // Near ties are rare: nearly every cut is answered without jieba.
    expect(answered).toBeGreaterThan(1900)
  })
})
