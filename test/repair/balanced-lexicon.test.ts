import {readFileSync} from 'node:fs'
import diff from 'fast-diff'
import {describe, expect, it} from 'vitest'
import {channels} from '../../src/repair/channels/catalog.js'
import {loadSingleCounts, parseSingleCounts} from '../../src/repair/model/everyday-singles.js'
import {balanceCounts} from '../../src/repair/model/balance-counts.js'
import {balancedLexicon, segmentCounts} from '../../src/repair/model/balanced-lexicon.js'
import {defaultCorpusPath, readLanguagePack} from '../../src/repair/model/context-corpus.js'
import {balanceWeight, defaultDictionaryPath, parseLexicon, type Lexicon} from '../../src/repair/model/lexicon.js'
import {repairMojibake} from '../../src/repair/reconstruct/repair-mojibake.js'
import {seedPath} from '../helpers.js'
import {lexicon} from './lexicon-shared.js'

describe('parseSingleCounts', () => {
  it('keeps the one-character Han words and sums every count of the list', () => {
    const counts = parseSingleCounts('module.exports = `无端端,208\n我,30\n有,10\noh,4\n𠀋,2\n的,50\nLULIN,2`;\n')
    expect([...counts.counts]).toEqual([
      [0x6211, 30],
      [0x6709, 10],
      [0x2000b, 2],
      [0x7684, 50]
    ])
    // `module.exports = \`无端端` is a line like any other; the last, `2\`;`, is not a count.
    expect(counts.total).toBe(208 + 30 + 10 + 4 + 2 + 50)
  })

  it('reads the Leiden Weibo list of hanzi, where 的 and 我 are far more frequent than in news text', () => {
    const everyday = loadSingleCounts()
    expect(everyday.counts.size).toBeGreaterThan(4000)
    expect(everyday.counts.get(0x7684)).toBeGreaterThan(everyday.counts.get(0x6211)!)
    expect(everyday.counts.get(0x6211)).toBeGreaterThan(3 * everyday.counts.get(0x6709)!)
  })
})

describe('segmentCounts', () => {
  it('cuts Han runs into the words of highest probability and counts the longer ones', () => {
    const lexicon = parseLexicon('运 10 v\n运行 30 v\n行 20 v\n容器 40 n\n容 5 n\n器 5 n\n进行 50 v\n进 10 v\n')
    // 运行容器 → 运行 + 容器; 运行进 → 运行 + 进 (no 行进 in this lexicon); 𠀋 is unknown and stands alone.
    expect(segmentCounts(['运行容器', 'Run 运行进。𠀋容器'], lexicon)).toEqual({
      counts: new Map([
        ['运行', 2],
        ['容器', 2]
      ]),
      total: 6
    })
  })
})

describe('the balance counts written ahead', () => {
  it('are what reading the Leiden list and segmenting the software text give (else run `npx tsx scripts/balance-counts.ts`)', () => {
    const dictionary = readFileSync(defaultDictionaryPath(), 'utf8')
    expect(balanceCounts.dictionaryLength).toBe(dictionary.length)
    const singles = loadSingleCounts()
    expect(balanceCounts.singlesTotal).toBe(singles.total)
    expect(new Map(balanceCounts.singles.map(([char, count]) => [char.codePointAt(0)!, count]))).toEqual(singles.counts)
    const words = segmentCounts(readLanguagePack(defaultCorpusPath()), lexicon())
    expect(balanceCounts.wordsTotal).toBe(words.total)
    expect(new Map(balanceCounts.words)).toEqual(words.counts)
  })
})

describe('a balanced lexicon', () => {
  const source = '我 20 r\n我们 10 r\n有 60 v\n有人 10 r\n'
  const balance = {singles: {counts: new Map([[0x6211, 80], [0x6709, 20]]), total: 100}, words: {counts: new Map([['有人', 50]]), total: 50}}

  it('gives each word the weighted mean of both counts, scaled to the dictionary', () => {
    const plain = parseLexicon(source)
    const balanced = parseLexicon(source, balance)
    // The dictionary has 100 words. 我: 0.8 × 20 + 0.2 × 80 = 32; 有: 0.8 × 60 + 0.2 × 20 = 52;
    // 我们, which software text lacks: 0.8 × 10 = 8; 有人: 0.8 × 10 + 0.2 × 50 × 100 / 50 = 28.
    expect(balanceWeight).toBe(0.8)
    const total = 32 + 8 + 52 + 28
    expect(balanced.lookup('我')).toBeCloseTo(Math.log(32 / total), 12)
    expect(balanced.lookup('有')).toBeCloseTo(Math.log(52 / total), 12)
    expect(balanced.lookup('我们')).toBeCloseTo(Math.log(8 / total), 12)
    expect(balanced.lookup('有人')).toBeCloseTo(Math.log(28 / total), 12)
    expect(balanced.trie('有')!.value(balanced.trie('有')!.child(0, 0x4eba))).toBeCloseTo(Math.log(28 / total), 12)
    expect(balanced.positions('我')).toEqual({initial: 8, final: 0, single: 32})
    expect(plain.lookup('我')).toBeCloseTo(Math.log(20 / 100), 12)
  })

  it('is made once per lexicon, and a lexicon not read from a dictionary is left as it is', () => {
    const plain = parseLexicon(source)
    expect(balancedLexicon(plain)).toBe(balancedLexicon(plain))
    expect(balancedLexicon(plain)).not.toBe(plain)
    const made: Lexicon = {...plain}
    expect(balancedLexicon(made)).toBe(made)
  })

  it('puts 我 before 有, and 运行 next to 进行, with the real corpora', () => {
    const plain = lexicon()
    const balanced = balancedLexicon(plain)
    expect(plain.lookup('有')!).toBeGreaterThan(plain.lookup('我')!)
    expect(balanced.lookup('我')!).toBeGreaterThan(balanced.lookup('有')!)
    // News text has 进行 ("carry out") 16 times as often as 运行 ("run"); software text less often.
    expect(plain.lookup('进行')! - plain.lookup('运行')!).toBeGreaterThan(2.7)
    expect(balanced.lookup('进行')! - balanced.lookup('运行')!).toBeLessThan(0.3)
  })
})

describe('C1 stripped, on the seed article', () => {
  it('gives back the first person that news counts under-rate', () => {
    // The seed, repaired, is a real bilingual blog post; UTF-8 read as
    // Latin-1 with its C1 controls stripped leaves `我` (E6 88 91) only its
    // lead byte, one of hundreds of characters. With jieba's counts alone 59
    // of its 122 `我` came back, the rest mostly as `有`.
    const seed = repairMojibake(readFileSync(seedPath, 'utf8'), {lexicon}).text
    const channel = channels.find((each) => each.id === 'utf-8>latin1/c1-stripped')!
    const repaired = repairMojibake(channel.damage(seed), {lexicon}).text
    const right = (char: string) => diff(seed, repaired).reduce((sum, [operation, text]) => sum + (operation === 0 ? [...text].filter((each) => each === char).length : 0), 0)
    expect([...seed].filter((char) => char === '我')).toHaveLength(122)
    expect(right('我')).toBeGreaterThanOrEqual(85)
  })
})
