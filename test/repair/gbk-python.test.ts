import {readFileSync} from 'node:fs'
import iconv from 'iconv-lite'
import diff from 'fast-diff'
import {describe, expect, it} from 'vitest'
import {utf8ReadAsGbk} from '../../src/repair/channels/catalog.js'
import {decodeAsPythonGbk, gbkReaderOf} from '../../src/repair/channels/gbk.js'
import {repairMojibake} from '../../src/repair/reconstruct/repair-mojibake.js'
import {lexicon} from './lexicon-shared.js'

describe("UTF-8 read as GBK by Python (errors='replace')", () => {
  it("decodes as Python's gbk codec does (outputs of Python 3 itself)", () => {
    // python3 -c "print(ascii('以通俗易懂的'.encode().decode('gbk', 'replace')))" and so on.
    expect(decodeAsPythonGbk(Buffer.from('以通俗易懂的', 'utf8'))).toBe('浠ラ\uFFFD氫織鏄撴噦鐨\uFFFD')
    expect(decodeAsPythonGbk(Buffer.from('用语言', 'utf8'))).toBe('鐢ㄨ\uFFFD\uFFFD瑷\uFFFD')
    expect(decodeAsPythonGbk(Buffer.from('不需要', 'utf8'))).toBe('涓嶉渶瑕\uFFFD')
    expect(decodeAsPythonGbk(Buffer.from([0xaa, 0xa1, 0x78]))).toBe('\uFFFD\uFFFDx')
    expect(decodeAsPythonGbk(Buffer.from([0x80, 0x61]))).toBe('\uFFFDa')
  })

  it('tells the reader by `€` (0x80, which only browsers decode) and by private use characters', () => {
    expect(gbkReaderOf(utf8ReadAsGbk('fffd').damage('以通俗易懂的语言'))).toBe('whatwg')
    expect(gbkReaderOf(utf8ReadAsGbk('fffd', 'python').damage('以通俗易懂的语言'))).toBe('python-gbk')
    expect(gbkReaderOf('鐢ㄨ\uE1E2瑷\uFFFD')).toBe('python-gb18030')
  })

  it('rebuilds one byte per U+FFFD, 0x80 included, only where Python could not have decoded it', () => {
    // 。 is E3 80 82: Python cannot decode 0x80, so `銆` keeps E3 80 and 0x82 is lost before ASCII.
    const original = '以通俗易懂的语言。例如'
    const damaged = utf8ReadAsGbk('fffd', 'python').damage(original)
    expect(damaged).toBe('浠ラ\uFFFD氫織鏄撴噦鐨勮\uFFFD\uFFFD瑷\uFFFD銆備緥濡\uFFFD')
    expect(repairMojibake(damaged, {lexicon}).text).toBe(original)
    // The same text read by a browser: the U+FFFD are fewer, and `€` is 0x80.
    expect(repairMojibake(utf8ReadAsGbk('fffd').damage(original), {lexicon}).text).toBe(original)
  })

  it('reads two `?` after a run as two lost bytes when the run needs both, and keeps a real question mark', () => {
    // Python with every U+FFFD then written as `?`: `。` (E3 80 82) before a line end loses 0x80 and 0x82.
    const article = readFileSync(new URL('../../articles/rolling-updates-without-downtime.md', import.meta.url), 'utf8')
    const text = `${article}\n那么 Pod 是什么?\n`
    const damaged = decodeAsPythonGbk(Buffer.from(text, 'utf8')).replaceAll('\uFFFD', '?')
    expect(damaged).toContain('鏂囩揣闅忓叾鍚庛??\n')
    expect(damaged.endsWith('閭ｄ箞 Pod 鏄?浠?涔??\n')).toBe(true)
    const repaired = repairMojibake(damaged, {lexicon}).text
    expect(repaired).toContain('中文译文紧随其后。\n')
    expect(repaired.endsWith('\n那么 Pod 是什么?\n')).toBe(true)
    // The same characters as with U+FFFD: `?` costs nothing.
    expect(repaired).toBe(repairMojibake(decodeAsPythonGbk(Buffer.from(text, 'utf8')), {lexicon}).text)
  })

  it('repairs the example article: six characters wrong, every one of them flagged', () => {
    const article = readFileSync(new URL('../../articles/rolling-updates-without-downtime.md', import.meta.url), 'utf8')
    const damaged = utf8ReadAsGbk('fffd', 'python').damage(article)
    expect(damaged.match(/\uFFFD/g)).toHaveLength(73)
    const result = repairMojibake(damaged, {lexicon})
    const flagged = result.repairs.filter((record) => record.confidence < 0.8)
    const wrong: Array<{char: string; flagged: boolean}> = []
    let at = 0
    for (const [op, part] of diff(article, result.text)) {
      if (op === 1) {
        for (let index = 0; index < part.length; index++) {
          const offset = at + index
          wrong.push({char: part[index]!, flagged: flagged.some((record) => record.outputOffset <= offset && offset < record.outputOffset + record.after.length)})
        }
      }
      if (op >= 0) at += part.length
    }
    expect(wrong).toEqual(['一', '与', '日', '敢', '与', '与'].map((char) => ({char, flagged: true})))
    expect(result.damage?.summary).toBe('UTF-8 read as GBK, 69 characters rebuilt from bytes GBK could not decode')
  })
})

describe("UTF-8 read as GBK by Python with errors='ignore'", () => {
  it('finds the bytes dropped without a mark and rebuilds them: the example article comes back but for the same six characters, each flagged', () => {
    const article = readFileSync(new URL('../../articles/rolling-updates-without-downtime.md', import.meta.url), 'utf8')
    // Python drops each byte it cannot decode where `replace` writes a U+FFFD.
    const damaged = decodeAsPythonGbk(Buffer.from(article, 'utf8')).replaceAll('\uFFFD', '')
    // 是什么: E6 98 AF | E4 BB 80 | E4 B9 88, read as 鏄 (E6 98), AF lost, 浠 (E4 BB), 0x80 lost, 涔 (E4 B9), 0x88 lost before the line end.
    expect(decodeAsPythonGbk(Buffer.from('是什么\n', 'utf8')).replaceAll('\uFFFD', '')).toBe('鏄浠涔\n')
    const result = repairMojibake(damaged, {lexicon})
    expect(result.damage?.summary).toBe('UTF-8 read as GBK, 58 characters rebuilt from bytes GBK could not decode')
    const flagged = result.repairs.filter((record) => record.confidence < 0.8)
    const wrong: Array<{char: string; flagged: boolean}> = []
    let at = 0
    for (const [op, part] of diff(article, result.text)) {
      if (op === 1) for (let index = 0; index < part.length; index++) wrong.push({char: part[index]!, flagged: flagged.some((record) => record.outputOffset <= at + index && at + index < record.outputOffset + record.after.length)})
      if (op >= 0) at += part.length
    }
    expect(wrong).toEqual(['一', '与', '日', '敢', '与', '与'].map((char) => ({char, flagged: true})))
  })
})

describe('UTF-8 read as GBK twice', () => {
  it('undoes both layers, the outer `锟` plus a lost byte read as the U+FFFD of the inner layer', () => {
    const article = readFileSync(new URL('../../articles/rolling-updates-without-downtime.md', import.meta.url), 'utf8')
    const once = iconv.decode(Buffer.from(article, 'utf8'), 'gbk')
    const twice = iconv.decode(Buffer.from(once, 'utf8'), 'gbk')
    // The inner layer's U+FFFD (EF BF BD) reads `锟` and a byte GBK pairs with what follows, or loses.
    expect(twice).toContain('锟')
    const result = repairMojibake(twice, {lexicon})
    expect(result.damage?.summary).toMatch(/^UTF-8 read as GBK, \d+ characters rebuilt from bytes GBK could not decode; under it, UTF-8 read as GBK, \d+ characters rebuilt from bytes GBK could not decode$/)
    // 16 characters differ from the article (6 with one layer); 81 when the outer `锟` and its lost byte were read as a halfwidth form, 27 when the outer layer chose real words.
    const differing = diff(article, result.text).filter(([op]) => op === 1).reduce((sum, [, part]) => sum + part.length, 0)
    expect(differing).toBeLessThanOrEqual(16)
  })
})
