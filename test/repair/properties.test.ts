import iconv from 'iconv-lite'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {repairMojibake} from '../../src/repair/reconstruct/repair-mojibake.js'
import {lexicon} from './lexicon-shared.js'

const runs = Number(process.env.BITEXT_FUZZ_RUNS ?? 150)

/** Lexicon words with their frequencies, for sampling realistic Chinese. */
const words: string[] = []
const cumulative: number[] = []
{
  let total = 0
  for (const [word, logProbability] of lexicon().words()) {
    if (!/^[\u4E00-\u9FFF]+$/.test(word)) continue
    total += Math.exp(logProbability)
    words.push(word)
    cumulative.push(total)
  }
}

/** A word drawn by frequency from a uniform number in [0, 1). */
function wordAt(fraction: number): string {
  const target = fraction * cumulative.at(-1)!
  let low = 0
  let high = cumulative.length - 1
  while (low < high) {
    const middle = (low + high) >> 1
    if (cumulative[middle]! < target) low = middle + 1
    else high = middle
  }
  return words[low]!
}

const chineseWord = fc.double({min: 0, max: 1, maxExcluded: true, noNaN: true}).map(wordAt)
const otherToken = fc.constantFrom(
  'Kubernetes', 'pod', 'the', 'cluster', 'café', 'naïve', 'Straße', 'Ελλάδα', 'Москва', '2019-12-10',
  '😁', '🚀', '❤', '，', '。', '、', '：', '“', '”', '（', '）', '——', '…', ' ', '\n', '`kubectl get pods`', 'https://kubernetes.io/'
)
/** Realistic clean text: mostly Chinese words, with English, accents, emoji and punctuation. */
const cleanText = fc
  .array(fc.oneof({weight: 4, arbitrary: chineseWord}, {weight: 1, arbitrary: otherToken}), {minLength: 1, maxLength: 60})
  .map((tokens) => tokens.join(''))
/** Chinese prose: words by frequency, with Chinese punctuation. */
const chineseProse = fc
  .array(fc.oneof({weight: 6, arbitrary: chineseWord}, {weight: 1, arbitrary: fc.constantFrom('，', '。', '、')}), {minLength: 8, maxLength: 60})
  .map((tokens) => tokens.join(''))

/** Read UTF-8 bytes with a codec, keeping undefined bytes as C1 controls (lossless). */
function misread(text: string, codec: string): string {
  let result = ''
  for (const byte of Buffer.from(text, 'utf8')) {
    const char = iconv.decode(Buffer.from([byte]), codec)
    result += char === '\uFFFD' ? String.fromCharCode(byte) : char
  }
  return result
}

describe('repair properties', () => {
  it('never changes clean text', () => {
    fc.assert(
      fc.property(cleanText, (text) => {
        expect(repairMojibake(text, {lexicon}).text).toBe(text)
      }),
      {numRuns: runs}
    )
  })

  for (const codec of ['windows-1252', 'latin1', 'windows-1250', 'windows-1251', 'windows-1254', 'macintosh']) {
    it(`undoes UTF-8 read as ${codec} exactly`, () => {
      fc.assert(
        fc.property(chineseProse, (text) => {
          expect(repairMojibake(misread(text, codec), {lexicon}).text).toBe(text)
        }),
        {numRuns: runs}
      )
    })
  }

  it('undoes two layers of UTF-8 read as windows-1252 exactly', () => {
    fc.assert(
      fc.property(chineseProse, (text) => {
        expect(repairMojibake(misread(misread(text, 'windows-1252'), 'windows-1252'), {lexicon}).text).toBe(text)
      }),
      {numRuns: runs}
    )
  })

  it('undoes UTF-8 read as GBK exactly', () => {
    // Texts whose bytes GBK reads without loss: no lone byte left at the end,
    // and no byte pair shown as a character GBK encodes otherwise (A2E3 `€`).
    const lossless = (text: string): boolean => {
      const shown = iconv.decode(Buffer.from(text, 'utf8'), 'gbk')
      return !shown.includes('\uFFFD') && Buffer.compare(iconv.encode(shown, 'gbk'), Buffer.from(text, 'utf8')) === 0
    }
    fc.assert(
      fc.property(chineseProse.filter(lossless), (text) => {
        expect(repairMojibake(iconv.decode(Buffer.from(text, 'utf8'), 'gbk'), {lexicon}).text).toBe(text)
      }),
      {numRuns: runs}
    )
  })

  it('undoes GBK read as windows-1252 exactly (GB2312 text)', () => {
    // GB2312 text whose bytes are not also valid UTF-8 (`一一` is D2BB D2BB,
    // which is UTF-8 too: that reading wins, as it must for `Ã©Ã¨`).
    const gb2312 = (text: string): boolean => {
      const bytes = iconv.encode(text, 'gbk')
      if (!bytes.every((byte) => byte >= 0xa1 && byte <= 0xfe) || iconv.decode(bytes, 'gbk') !== text) return false
      try {
        new TextDecoder('utf-8', {fatal: true}).decode(bytes)
        return false
      } catch {
        return true
      }
    }
    fc.assert(
      fc.property(chineseProse.filter(gb2312), (text) => {
        expect(repairMojibake(iconv.decode(iconv.encode(text, 'gbk'), 'windows-1252'), {lexicon}).text).toBe(text)
      }),
      {numRuns: runs}
    )
  })

  it('restores at least 99% of the characters of lossy mojibake', () => {
    const dropped = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d, 0xad])
    let total = 0
    let restored = 0
    fc.assert(
      fc.property(chineseProse, (text) => {
        const bytes = Buffer.from(text, 'utf8').filter((byte) => !dropped.has(byte))
        const repaired = [...repairMojibake(iconv.decode(Buffer.from(bytes), 'windows-1252'), {lexicon}).text]
        const original = [...text]
        total += original.length
        if (repaired.length !== original.length) return
        for (const [index, char] of original.entries()) if (repaired[index] === char) restored++
      }),
      {numRuns: runs * 2}
    )
    expect(restored / total).toBeGreaterThanOrEqual(0.99)
  })
})
