/**
 * UTF-8 whose lost bytes were saved as `?`: the example article read with
 * windows-1252 or GBK and saved back with the same codec (Notepad saving as
 * ANSI; Python's `errors='replace'` both ways). The file is UTF-8 again but
 * for a `?` in place of each byte the codec could not decode.
 */
import {readFileSync} from 'node:fs'
import diff from 'fast-diff'
import iconv from 'iconv-lite'
import {describe, expect, it} from 'vitest'
import {decodeAsPythonGbk} from '../../src/repair/channels/gbk.js'
import {decodeBytes, DecodeError} from '../../src/decode/index.js'
import {processArticle} from '../../src/pipeline.js'

const article = readFileSync(new URL('../../articles/rolling-updates-without-downtime.md', import.meta.url), 'utf8')
const utf8 = Buffer.from(article, 'utf8')

/** Through windows-1252 and back: the bytes it leaves undefined become `?`. */
const throughWindows1252 = Buffer.from(utf8.map((byte) => ([0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(byte) ? 0x3f : byte)))
/** Through Python's GBK and back: each byte it could not decode (a U+FFFD) is encoded as `?`. */
const throughGbk = iconv.encode(decodeAsPythonGbk(utf8).replaceAll('\uFFFD', '?'), 'gbk')

/** Characters of the article the repaired text gets wrong, and whether each is flagged (confidence below 0.8). */
function wrongCharacters(text: string, repairs: ReadonlyArray<{outputOffset: number; after: string; confidence: number}>): Array<{char: string; flagged: boolean}> {
  const wrong: Array<{char: string; flagged: boolean}> = []
  let at = 0
  for (const [op, part] of diff(article, text)) {
    if (op === 1) {
      for (let index = 0; index < part.length; index++) {
        const offset = at + index
        wrong.push({char: part[index]!, flagged: repairs.some((record) => record.confidence < 0.8 && record.outputOffset <= offset && offset < record.outputOffset + record.after.length)})
      }
    }
    if (op >= 0) at += part.length
  }
  return wrong
}

describe('UTF-8 whose lost bytes were saved as ?', () => {
  it('is decoded as UTF-8 with each damaged character shown as windows-1252 shows its bytes', () => {
    expect(throughWindows1252.length).toBe(utf8.length)
    const {text, info} = decodeBytes(throughWindows1252)
    expect(info).toMatchObject({encoding: 'utf-8', source: 'utf-8'})
    expect(info.lostAsQuestion).toHaveLength(44)
    // Each offset is where a damaged character starts: a lead byte shown as windows-1252 shows it, with a `?` after it.
    for (const offset of info.lostAsQuestion!) expect(text.slice(offset, offset + 3)).toMatch(/^[\u00C2-\u00F4].?\?|^[\u00C2-\u00F4]\?/)
    // 可 is E5 8F AF: 0x8F was lost.
    expect(article).toContain('可以')
    expect(text).toContain('å?¯以')
    expect(text.replace(/[\u00C0-\u00FF][^\u3000-\u9FFF]{1,2}/g, '')).not.toMatch(/\uFFFD/)
  })

  it('is rebuilt through windows-1252: the same text back, nothing else touched', async () => {
    const file = await processArticle(throughWindows1252, 'articles/rolling.md', {emit: false})
    expect(file.data.damage).toMatchObject({summary: 'UTF-8 whose lost bytes were saved as `?`, 44 characters rebuilt', from: 'utf-8', via: 'utf-8'})
    expect(file.data.repairs).toHaveLength(44)
    expect(wrongCharacters(String(file.value), file.data.repairs ?? [])).toEqual([{char: '受', flagged: true}])
    expect(file.messages.filter((message) => message.fatal)).toEqual([])
  })

  it('is rebuilt through GBK, each lost byte one that GBK could not read before the next byte', async () => {
    expect(throughGbk.length).toBe(utf8.length)
    expect(decodeBytes(throughGbk).info.lostAsQuestion).toHaveLength(71)
    const file = await processArticle(throughGbk, 'articles/rolling.md', {emit: false})
    expect(file.data.damage?.summary).toBe('UTF-8 whose lost bytes were saved as `?`, 71 characters rebuilt')
    // As when the U+FFFD were kept (test/repair/gbk-python.test.ts): the same six characters wrong, each flagged.
    expect(wrongCharacters(String(file.value), file.data.repairs ?? [])).toEqual(['一', '与', '日', '敢', '与', '与'].map((char) => ({char, flagged: true})))
  })

  it('reads U+FFFD as a GB18030 encoder writes it (84 31 A4 37) as the `?` a GBK encoder writes', async () => {
    const throughGb18030 = iconv.encode(decodeAsPythonGbk(utf8), 'gb18030')
    expect(throughGb18030.includes(Buffer.from([0x84, 0x31, 0xa4, 0x37]))).toBe(true)
    expect(decodeBytes(throughGb18030).text).toBe(decodeBytes(throughGbk).text)
    const file = await processArticle(throughGb18030, 'articles/rolling.md', {emit: false})
    expect(file.data.damage?.summary).toBe('UTF-8 whose lost bytes were saved as `?`, 71 characters rebuilt')
  })

  it('rebuilds only the places the bytes showed: intact text that looks the same (`é??`) stays', async () => {
    const withLookalike = Buffer.concat([Buffer.from('Café??\n', 'utf8'), throughWindows1252])
    const file = await processArticle(withLookalike, 'articles/rolling.md', {emit: false})
    expect(String(file.value).startsWith('Café??\n')).toBe(true)
    expect(file.data.repairs).toHaveLength(44)
  })

  it('still decodes GBK and Big5 files as such, and refuses UTF-8 with other damaged bytes', () => {
    expect(decodeBytes(iconv.encode(article, 'gbk')).info).toMatchObject({encoding: 'gb18030', source: 'detected'})
    expect(decodeBytes(iconv.encode('滾動更新時，Deployment 控制器會建立一個新的 ReplicaSet，並逐步縮減舊的。\n'.repeat(4), 'big5')).info.encoding).toBe('big5')
    const corrupted = Buffer.from(utf8)
    for (let index = 0; index < corrupted.length; index += 97) if (corrupted[index]! >= 0x80) corrupted[index] = 0xff
    expect(() => decodeBytes(corrupted)).toThrow(DecodeError)
  })
})
