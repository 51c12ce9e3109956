/**
 * UTF-8 read as Big5, Shift_JIS or EUC-KR on every clean page of the shared
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
  for (const [codec, shown] of [['big5', 'Big5'], ['shift_jis', 'Shift_JIS'], ['euc-kr', 'EUC-KR']] as const) {
    it(`names ${shown} on every page but the shortest`, () => {
      const missed = pages.filter((page) => findForeignMojibake(iconv.decode(Buffer.from(page.text, 'utf8'), codec))?.codec !== shown)
      // cncf-glossary/zh-cn/search.md has no Chinese outside its front matter's one word.
      expect(missed.map((page) => page.name)).toEqual(['cncf-glossary/zh-cn/search.md'])
    })
  }

  it('finds nothing on clean pages, on every damage bitext repairs, or on UTF-8 with corrupted bytes', () => {
    const wrong: string[] = []
    for (const page of pages) {
      if (findForeignMojibake(page.text)) wrong.push(`clean ${page.name}`)
      for (const channel of channels) if (findForeignMojibake(channel.damage(page.text))) wrong.push(`${channel.id} ${page.name}`)
      const bytes = Buffer.from(page.text, 'utf8')
      for (let index = 0; index < bytes.length; index += 37) if (bytes[index]! >= 0x80) bytes[index] = 0xff
      if (findForeignMojibake(bytes.toString('utf8'))) wrong.push(`corrupted ${page.name}`)
    }
    expect(wrong).toEqual([])
  })
})
