/**
 * UTF-8 read as Big5, Shift_JIS or EUC-KR: recognised, left as it is, and
 * reported once with what to do (`mojibake-unrepaired`), on the example
 * articles' real text.
 */
import {readFileSync} from 'node:fs'
import iconv from 'iconv-lite'
import {describe, expect, it} from 'vitest'
import {channels} from '../../src/repair/channels/catalog.js'
import {findForeignMojibake} from '../../src/repair/detect/foreign-mojibake.js'
import {processArticle} from '../../src/pipeline.js'

const articles = ['kubernetes-intro-for-vmware-users.md', 'rolling-updates-without-downtime.md'].map((name) => ({
  name,
  text: readFileSync(new URL(`../../articles/${name}`, import.meta.url), 'utf8')
}))

/** UTF-8 bytes of a text read with a codec (as iconv-lite and browsers read them: U+FFFD for what it cannot decode). */
function readAs(text: string, codec: string): string {
  return iconv.decode(Buffer.from(text, 'utf8'), codec)
}

describe('findForeignMojibake', () => {
  // The other example article is the seed, itself windows-1252 mojibake: read as Big5 once more it is two layers, not this.
  const clean = articles[1]!
  for (const [codec, shown] of [['big5', 'Big5'], ['shift_jis', 'Shift_JIS'], ['euc-kr', 'EUC-KR']] as const) {
    it(`names ${shown} for ${clean.name} read as ${shown}, with U+FFFD or with ?`, () => {
      const damaged = readAs(clean.text, codec)
      const found = findForeignMojibake(damaged)
      expect(found?.codec).toBe(shown)
      expect(found!.pieces).toBeGreaterThanOrEqual(3)
      // The evidence starts at a run of mojibake, in the front matter (the title).
      expect(damaged[found!.offset]).toMatch(/[^\u0000-\u007F]/)
      expect(damaged.slice(0, found!.offset).split('\n').length).toBeLessThan(5)
      expect(findForeignMojibake(damaged.replaceAll('\uFFFD', '?'))?.codec).toBe(shown)
    })
  }

  for (const {name, text} of articles) {

    it(`finds nothing in ${name} as written, nor in its damage that bitext repairs`, () => {
      expect(findForeignMojibake(text)).toBeUndefined()
      for (const channel of channels) expect(findForeignMojibake(channel.damage(text)), channel.id).toBeUndefined()
      expect(findForeignMojibake(readAs(text, 'gb18030'))).toBeUndefined()
    })
  }

  it('finds nothing in UTF-8 whose corrupted bytes became U+FFFD', () => {
    const bytes = Buffer.from(articles[1]!.text, 'utf8')
    for (let index = 0; index < bytes.length; index += 29) if (bytes[index]! >= 0x80) bytes[index] = 0xff
    const damaged = bytes.toString('utf8')
    expect(damaged.split('\uFFFD').length).toBeGreaterThan(20)
    expect(findForeignMojibake(damaged)).toBeUndefined()
  })
})

describe('the repair stage on UTF-8 read as Big5', () => {
  it('changes nothing and reports one error at the first damaged run, naming the codec and what to do', async () => {
    const damaged = readAs(articles[1]!.text, 'big5')
    const file = await processArticle(Buffer.from(damaged, 'utf8'), 'articles/big5.md', {emit: false})
    expect(file.data.repairs).toEqual([])
    expect(file.data.damage).toBeNull()
    const mojibake = file.messages.filter((message) => message.ruleId?.startsWith('mojibake'))
    expect(mojibake).toHaveLength(1)
    const [message] = mojibake
    expect(message!.ruleId).toBe('mojibake-unrepaired')
    expect(message!.fatal).toBe(true)
    const offset = findForeignMojibake(damaged)!.offset
    const before = damaged.slice(0, offset).split('\n')
    expect(message!.line).toBe(before.length)
    expect(message!.column).toBe(before.at(-1)!.length + 1)
    expect(message!.reason).toMatch(
      /^Unrepairable mojibake: this is UTF-8 read as Big5 \(\d+ `\uFFFD` or `\?` where bytes were lost, \d+ runs that read back as Chinese\); bitext cannot rebuild the lost bytes and left the text as it is: restore the article from its original UTF-8 file$/
    )
  })
})
