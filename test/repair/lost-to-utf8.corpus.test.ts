/**
 * GBK read as UTF-8, and that read as GBK again (`锟斤拷`), on every clean
 * page of the shared corpora (CNCF glossary, Kubernetes website): recognised
 * as such, and never confused with clean text or with the damage bitext
 * repairs (the thresholds were set on the example article before the first
 * run on these pages, and not changed after it).
 */
import iconv from 'iconv-lite'
import {describe, expect, it} from 'vitest'
import {readPages} from '../../bench/repair-matrix.js'
import {channels} from '../../src/repair/channels/catalog.js'
import {findLostToUtf8} from '../../src/repair/detect/lost-to-utf8.js'
import {sharedPath} from '../helpers.js'

const pages = readPages(sharedPath())
const readAsUtf8 = (text: string, codec: string): string => new TextDecoder('utf-8').decode(iconv.encode(text, codec))

describe('GBK read as UTF-8, on the corpus pages', () => {
  for (const codec of ['gbk', 'gb18030']) {
    it(`names GBK for every page in ${codec} read as UTF-8 but the one without a U+FFFD, and under 锟斤拷`, () => {
      const missed = pages.filter((page) => findLostToUtf8(readAsUtf8(page.text, codec))?.codec !== 'GBK').map((page) => page.name)
      expect(missed).toEqual(['cncf-glossary/zh-cn/search.md'])
      const kun = pages.filter((page) => {
        const found = findLostToUtf8(iconv.decode(Buffer.from(readAsUtf8(page.text, codec), 'utf8'), 'gbk'))
        return found?.codec !== 'GBK' || !found.thenGbk
      })
      expect(kun.map((page) => page.name)).toEqual(['cncf-glossary/zh-cn/search.md'])
    })
  }

  it('finds nothing on the clean pages nor on any channel of the damage matrix', () => {
    const found: string[] = []
    for (const page of pages) {
      if (findLostToUtf8(page.text) !== undefined) found.push(page.name)
      for (const channel of channels) if (findLostToUtf8(channel.damage(page.text)) !== undefined) found.push(`${channel.id} ${page.name}`)
    }
    expect(found).toEqual([])
  })
})
