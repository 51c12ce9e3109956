/**
 * UTF-8 read as Big5, Shift_JIS, EUC-KR or a lossy single-byte codec no
 * channel reads (windows-874, ISO-8859-3/6/8) on every clean page of the shared
 * corpora (CNCF glossary, Kubernetes website): recognised as such, and never
 * confused with clean text or with the damage bitext repairs (no threshold
 * was tuned on these pages: they were set before the first run).
 */
import iconv from 'iconv-lite'
import {describe, expect, it} from 'vitest'
import {readPages} from '../../bench/repair-matrix.js'
import {channels} from '../../src/repair/channels/catalog.js'
import {findForeignMojibake} from '../../src/repair/detect/foreign-mojibake.js'
import {sharedPath} from '../helpers.js'

const pages = readPages(sharedPath())

describe('UTF-8 read as a double-byte codec bitext cannot rebuild, on the corpus pages', () => {
  const codecs = [
    ['big5', 'Big5'],
    ['shift_jis', 'Shift_JIS'],
    ['euc-kr', 'EUC-KR'],
    ['iso-8859-3', 'ISO-8859-3'],
    ['iso-8859-8', 'ISO-8859-8']
  ] as const
  for (const [codec, shown] of codecs) {
    it(`names ${shown} on every page but the shortest`, () => {
      const missed = pages.filter((page) => findForeignMojibake(iconv.decode(Buffer.from(page.text, 'utf8'), codec))?.codec !== shown)
      // cncf-glossary/zh-cn/search.md has no Chinese outside its front matter's one word.
      expect(missed.map((page) => page.name)).toEqual(['cncf-glossary/zh-cn/search.md'])
    })
  }

  it('names windows-874 and ISO-8859-6 only where pieces between the holes are long enough (most of their bytes are lost)', () => {
    for (const codec of ['windows-874', 'iso-8859-6']) {
      const named = pages.filter((page) => findForeignMojibake(iconv.decode(Buffer.from(page.text, 'utf8'), codec))?.codec.toLowerCase() === codec)
      const other = pages.filter((page) => ![undefined, codec].includes(findForeignMojibake(iconv.decode(Buffer.from(page.text, 'utf8'), codec))?.codec.toLowerCase()))
      expect(named.length, codec).toBeGreaterThanOrEqual(15)
      expect(other.map((page) => page.name), codec).toEqual([])
    }
  })

  it('finds nothing on clean pages, on every damage bitext repairs, or on UTF-8 with corrupted bytes', () => {
    const wrong: string[] = []
    for (const page of pages) {
      // The single-byte codecs the piecewise repair reads, with U+FFFD for their undefined bytes.
      for (const codec of ['windows-1250', 'windows-1251', 'windows-1253', 'windows-1254', 'windows-1255', 'windows-1257', 'windows-1258', 'iso-8859-7']) {
        if (findForeignMojibake(iconv.decode(Buffer.from(page.text, 'utf8'), codec))) wrong.push(`${codec} ${page.name}`)
      }
      if (findForeignMojibake(page.text)) wrong.push(`clean ${page.name}`)
      for (const channel of channels) if (findForeignMojibake(channel.damage(page.text))) wrong.push(`${channel.id} ${page.name}`)
      const bytes = Buffer.from(page.text, 'utf8')
      for (let index = 0; index < bytes.length; index += 37) if (bytes[index]! >= 0x80) bytes[index] = 0xff
      if (findForeignMojibake(bytes.toString('utf8'))) wrong.push(`corrupted ${page.name}`)
    }
    expect(wrong).toEqual([])
  })
})
