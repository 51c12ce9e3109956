import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {parseCedict} from '../../src/repair/source/gloss-dictionary.js'
import {wordsThrough, type Neighbourhood} from '../../src/repair/source/source-bonus.js'

/** A few CC-CEDICT lines over a small alphabet, so that random strings often make entries. */
const dictionary = parseCedict([
  '架構 架构 [jia4 gou4] /architecture/',
  '惡意 恶意 [e4 yi4] /malice/',
  '集群 集群 [ji2 qun2] /cluster/',
  '中斷 中断 [zhong1 duan4] /to interrupt/',
  '不斷 不断 [bu4 duan4] /unceasing/',
  '中國 中国 [zhong1 guo2] /China/',
  '中國人 中国人 [zhong1 guo2 ren2] /Chinese person/',
  '不中用 不中用 [bu4 zhong1 yong4] /unfit for anything/',
  '中用 中用 [zhong1 yong4] /useful/',
  '人群 人群 [ren2 qun2] /crowd/',
  '架 架 [jia4] /frame/'
].join('\n'))

/**
 * The strings as first written: every variant of every window, each built
 * from scratch and capped at 64, kept in a set in the order made.
 */
function everyVariant(around: Neighbourhood, index: number, candidate: string): Set<string> {
  const {chars, slots} = around
  const han = (position: number): boolean => slots.has(position) || /\p{Script=Han}/u.test(chars[position]!)
  const words = new Set<string>([candidate])
  for (let start = index; start >= 0 && index - start < 6; start--) {
    if (start < index && !han(start)) break
    for (let end = index + 1; end <= chars.length && end - start <= 6; end++) {
      if (end > index + 1 && !han(end - 1)) break
      if (end - start < 2) continue
      let variants = ['']
      for (let position = start; position < end; position++) {
        const options = position === index ? [candidate] : (slots.get(position) ?? [chars[position]!])
        const next: string[] = []
        for (const prefix of variants) for (const option of options) if (next.length < 64) next.push(prefix + option)
        variants = next
      }
      for (const variant of variants) words.add(variant)
    }
  }
  return words
}

describe('wordsThrough', () => {
  it('finds a word broken in two places, and nothing that is no entry', () => {
    const around: Neighbourhood = {chars: [...'这是恶意的'], slots: new Map([[2, ['恶', '架']], [3, ['意', '构']]])}
    expect(wordsThrough(around, 2, '架', dictionary)).toEqual(['架', '架构'])
    expect(wordsThrough(around, 2, '恶', dictionary)).toEqual(['恶', '恶意'])
  })

  it('leaves out what the cap of 64 variants leaves out', () => {
    // 中 ? ?: 81 variants of the three characters; 中国人 is the 81st, 中国 the 9th of its nine.
    const fillers = [...'甲乙丙丁戊己庚辛']
    const slots = new Map([[0, ['中']], [1, [...fillers, '国']], [2, [...fillers, '人']]])
    expect(wordsThrough({chars: [...'中国人'], slots}, 0, '中', dictionary)).toEqual(['中', '中国'])
    // With 国 first it is within the cap.
    slots.set(1, ['国', ...fillers])
    expect(wordsThrough({chars: [...'中国人'], slots}, 0, '中', dictionary)).toEqual(['中', '中国', '中国人'])
  })

  it('gives the entries of the full enumeration, in its order, whatever the text and candidates', () => {
    const alphabet = [...'中国人不断用群集架构恶意,a ']
    const char = fc.constantFrom(...alphabet)
    fc.assert(
      fc.property(
        fc.array(char, {minLength: 1, maxLength: 14}),
        fc.array(fc.tuple(fc.nat(13), fc.uniqueArray(char, {minLength: 1, maxLength: 9})), {maxLength: 6}),
        fc.nat(13),
        char,
        (chars, damaged, at, candidate) => {
          const index = at % chars.length
          const slots = new Map(damaged.filter(([position]) => position < chars.length && position !== index))
          slots.set(index, [candidate])
          const around: Neighbourhood = {chars, slots}
          const expected = [...everyVariant(around, index, candidate)].filter((word, position) => position === 0 || dictionary.has(word))
          expect(wordsThrough(around, index, candidate, dictionary)).toEqual(expected)
        }
      ),
      {numRuns: 3000}
    )
  })

  it('says which strings an entry starts with', () => {
    expect(['中', '中国', '中国人', '不中', '不中用', '国人', '群', ''].map((text) => dictionary.hasPrefix(text))).toEqual([true, true, true, true, true, false, false, false])
  })

  it('steps down the trie of the entries as hasPrefix and has say, a character or several at a time', () => {
    const 中 = dictionary.prefixStep(0, '中')
    expect(中).toBeGreaterThan(0)
    expect(dictionary.endsEntry(中)).toBe(false)
    const 中国 = dictionary.prefixStep(中, '国')
    expect(dictionary.endsEntry(中国)).toBe(true)
    expect(dictionary.prefixStep(0, '中国')).toBe(中国)
    expect(dictionary.prefixStep(中国, '')).toBe(中国)
    expect(dictionary.prefixStep(0, '')).toBe(-1)
    expect(dictionary.prefixStep(中, '人')).toBe(-1)
    expect(dictionary.endsEntry(-1)).toBe(false)
    expect(dictionary.endsEntry(dictionary.prefixStep(中国, '人'))).toBe(true)
    const alphabet = [...'中国人不断用群集架构恶意𠀋a']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), {maxLength: 5}), fc.nat(5), (chars, cut) => {
        const text = chars.join('')
        const head = chars.slice(0, cut).join('')
        const node = head === '' ? 0 : dictionary.prefixStep(0, head)
        const reached = node < 0 ? -1 : dictionary.prefixStep(node, chars.slice(cut).join(''))
        const expected = text !== '' && dictionary.hasPrefix(text)
        expect(reached >= 0).toBe(expected)
        if (node >= 0 && text !== '') expect(dictionary.prefixStep(0, text)).toBe(reached)
        if (reached >= 0) expect(dictionary.endsEntry(reached)).toBe(dictionary.has(text))
      }),
      {numRuns: 2000}
    )
  })

  it('knows entries with characters outside the Basic Multilingual Plane', () => {
    const astral = parseCedict('𠀋𠀋 𠀋𠀋 [x] /test/\n中𠀋 中𠀋 [y] /other/')
    expect(astral.hasPrefix('𠀋')).toBe(true)
    expect(astral.hasPrefix('\uD840')).toBe(true)
    expect(astral.endsEntry(astral.prefixStep(0, '𠀋𠀋'))).toBe(true)
    expect(astral.endsEntry(astral.prefixStep(astral.prefixStep(0, '中'), '𠀋'))).toBe(true)
    expect(astral.prefixStep(0, '𠀋中')).toBe(-1)
  })
})
