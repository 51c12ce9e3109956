import iconv from 'iconv-lite'
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {utf8ReadAsGbk} from '../../src/repair/channels/catalog.js'
import {repairMojibake} from '../../src/repair/reconstruct/repair-mojibake.js'
import {lexicon} from './lexicon-shared.js'

const text = [
  '---',
  'title: 抽象',
  'category: 属性',
  '---',
  '',
  '在计算的上下文中，抽象是一种对 Pod 和容器隐藏细节的表示。',
  '例如，使用不带行话的简单语言，',
  '使用任何使用技术的人都能理解的例子。',
  '',
  '# │ ┌───── minute (0 - 59)',
  '那么 Pod 是什么? 中Pod 也可以。'
].join('\n')

describe('UTF-8 read as GBK with lost bytes', () => {
  for (const loss of ['fffd', 'question'] as const) {
    it(`rebuilds every byte GBK could not decode (${loss})`, () => {
      const damaged = utf8ReadAsGbk(loss).damage(text)
      expect(damaged).toContain(loss === 'fffd' ? '\uFFFD' : '?\n')
      const result = repairMojibake(damaged, {lexicon})
      expect(result.text).toBe(text)
      expect(result.damage?.summary).toMatch(/^UTF-8 read as GBK, \d+ characters rebuilt from bytes GBK could not decode$/)
    })
  }

  it('records a rebuilt character with the certain characters of its segment and whole-segment alternatives', () => {
    const damaged = iconv.decode(Buffer.from('业务人员。\n为了实现', 'utf8'), 'gbk')
    expect(damaged).toBe('涓氬姟浜哄憳銆\uFFFD\n涓轰簡瀹炵幇')
    const result = repairMojibake(damaged, {lexicon})
    expect(result.text).toBe('业务人员。\n为了实现')
    const lossy = result.repairs.filter((record) => record.kind === 'lossy')
    expect(lossy).toHaveLength(1)
    expect(lossy[0]).toMatchObject({before: '銆\uFFFD', after: '。', line: 1, column: 7})
    expect(lossy[0]!.alternatives).toContain('、')
  })

  it('keeps a question mark that is one', () => {
    // 是什么 is nine bytes: the last one is lost, and the real `?` stays.
    const damaged = utf8ReadAsGbk('question').damage('这是关于集群的问题。那么 Pod 是什么?')
    expect(damaged.endsWith('涔??')).toBe(true)
    expect(repairMojibake(damaged, {lexicon}).text).toBe('这是关于集群的问题。那么 Pod 是什么?')
  })
})

describe('a run GBK mojibake cannot explain', () => {
  it('leaves UTF-8 with corrupted bytes (many U+FFFD in one Chinese run) as it is, without trying every reading of every hole', () => {
    // The longest Chinese paragraph of an example article, every 8th non-ASCII
    // byte corrupted to 0xFF and decoded as UTF-8: one run of Chinese with
    // dozens of U+FFFD, which each could be one or two lost GBK bytes. The
    // search used to try all 2^holes readings (hours for this paragraph).
    const article = readFileSync(new URL('../../articles/rolling-updates-without-downtime.md', import.meta.url), 'utf8')
    const paragraph = article.split('\n\n').sort((a, b) => b.replace(/[ -~]/g, '').length - a.replace(/[ -~]/g, '').length)[0]!
    const bytes = Buffer.from(paragraph, 'utf8')
    let high = 0
    for (let index = 0; index < bytes.length; index++) if (bytes[index]! >= 0x80 && high++ % 8 === 7) bytes[index] = 0xff
    const damaged = bytes.toString('utf8')
    expect([...damaged].filter((char) => char === '\uFFFD').length).toBeGreaterThan(30)
    const result = repairMojibake(damaged, {lexicon})
    expect(result.text).toBe(damaged)
    expect(result.repairs).toEqual([])
  })
})

describe('a very long run of GBK mojibake', () => {
  it('is read without running out of stack: a paragraph of 12,000 characters with no ASCII', () => {
    const article = readFileSync(new URL('../../articles/rolling-updates-without-downtime.md', import.meta.url), 'utf8')
    const chinese = article.replace(/[\u0000-\u007F]+/g, '')
    const paragraph = chinese.repeat(Math.ceil(12_000 / chinese.length)).slice(0, 12_000)
    const damaged = utf8ReadAsGbk('fffd').damage(`${paragraph}\n`)
    const result = repairMojibake(damaged, {lexicon})
    expect(result.damage?.via).toBe('gbk')
    expect([...result.text].length).toBe(12_001)
  })
})

describe('GBK read as windows-1254', () => {
  it('reads the Turkish letters windows-1254 shows for common GBK bytes (Ş for DE, ğ for F0) and names the codec', () => {
    const article = readFileSync(new URL('../../articles/rolling-updates-without-downtime.md', import.meta.url), 'utf8')
    const bytes = iconv.encode(article, 'gbk')
    // A lenient windows-1254 reader: undefined bytes (0x81, 0x8D…) kept as C1 controls.
    const damaged = [...bytes].map((byte) => {
      const shown = iconv.decode(Buffer.from([byte]), 'windows-1254')
      return shown === '\uFFFD' ? String.fromCharCode(byte) : shown
    }).join('')
    expect(damaged).toMatch(/[ĞİŞğış]/)
    const result = repairMojibake(damaged, {lexicon})
    expect(result.damage?.summary).toBe('GBK read as windows-1254')
    expect(result.text).toBe(article)
  })
})
