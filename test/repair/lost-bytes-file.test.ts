/**
 * UTF-8 that lost bytes on disk (its mojibake saved back with the codec that
 * made it, or the bytes 0x80–0x9F stripped): read byte for byte and rebuilt
 * as the mojibake it stands for, on the example articles' real text; legacy
 * encodings and corrupted UTF-8 are not taken for it.
 */
import {readFileSync} from 'node:fs'
import iconv from 'iconv-lite'
import {describe, expect, it} from 'vitest'
import {score} from '../../bench/repair-matrix.js'
import {decodeBytes, DecodeError} from '../../src/decode/index.js'
import {processArticle} from '../../src/pipeline.js'

const read = (name: string): string => readFileSync(new URL(`../../articles/${name}`, import.meta.url), 'utf8')
/** The seed: UTF-8 read as windows-1254, lost bytes dropped. */
const seed = read('kubernetes-intro-for-vmware-users.md')
const rolling = read('rolling-updates-without-downtime.md')

describe('UTF-8 that lost bytes on disk', () => {
  it('reads the seed saved back as windows-1254 (its UTF-8 bytes, 8 byte values gone) and repairs it as the seed', async () => {
    const bytes = iconv.encode(seed, 'windows-1254')
    const decoded = decodeBytes(bytes)
    expect(decoded.info).toMatchObject({encoding: 'utf-8', source: 'utf-8', lostBytes: true})
    // chardet alone takes it for Big5.
    const fromDisk = await processArticle(bytes, 'articles/seed.md', {emit: false})
    const fromSeed = await processArticle(Buffer.from(seed, 'utf8'), 'articles/seed.md', {emit: false})
    expect(String(fromDisk.value)).toBe(String(fromSeed.value))
    expect(fromDisk.data.repairs).toHaveLength(fromSeed.data.repairs!.length)
    expect(fromDisk.messages.filter((message) => message.fatal)).toEqual([])
  }, 60_000)

  it('reads UTF-8 whose bytes 0x80–0x9F were stripped as the C1-stripped channel', async () => {
    const bytes = Buffer.from([...Buffer.from(rolling, 'utf8')].filter((byte) => byte < 0x80 || byte > 0x9f))
    expect(decodeBytes(bytes).info.lostBytes).toBe(true)
    const file = await processArticle(bytes, 'articles/rolling.md', {emit: false})
    expect(file.data.damage?.summary).toBe('UTF-8 read as Latin-1, C1 controls (bytes 0x80–0x9F) stripped')
    const {right, total} = score(rolling, String(file.value))
    expect(right / total).toBeGreaterThan(0.95)
  }, 60_000)

  it('does not take GBK, Big5, windows-1252 or corrupted UTF-8 for it', () => {
    for (const codec of ['gbk', 'gb18030', 'big5']) expect(decodeBytes(iconv.encode(rolling, codec)).info.lostBytes, codec).toBeUndefined()
    expect(decodeBytes(iconv.encode('Un café, naïve résumé: déjà vu à Noël. '.repeat(20), 'windows-1252')).info.lostBytes).toBeUndefined()
    const corrupted = Buffer.from(rolling, 'utf8')
    for (let index = 0; index < corrupted.length; index += 97) if (corrupted[index]! >= 0x80) corrupted[index] = 0xff
    expect(() => decodeBytes(corrupted)).toThrow(DecodeError)
  })
})
