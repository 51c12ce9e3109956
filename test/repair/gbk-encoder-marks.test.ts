import {readFileSync} from 'node:fs'
import iconv from 'iconv-lite'
import {describe, expect, it} from 'vitest'
import {reasonOf} from '../../src/check/mojibake-uncertain.js'
import {decodeSingleByte} from '../../src/repair/channels/channel.js'
import {loadLexicon} from '../../src/repair/model/lexicon.js'
import {repairMojibake} from '../../src/repair/index.js'

const lexicon = loadLexicon()

/**
 * The project's example article with what a GBK encoder cannot encode (an
 * emoji inside a line and at its end, a no-break space, one alone after
 * punctuation) and question marks it keeps (after 吗, two at a run's end,
 * after a Latin letter), saved as GBK and read as windows-1252.
 */
const original = readFileSync(new URL('../../articles/rolling-updates-without-downtime.md', import.meta.url), 'utf8')
  .replace('零停机滚动更新：', '零停机🚀滚动更新：')
  .replace('中文译文紧随其后。', '中文译文紧随其后。👍\n\n看懂了吗?还有疑问吗??what?')
  .replace('这就是滚动更新。', '这就是滚动\u00A0更新。 ! ✅ 真的')
const damaged = decodeSingleByte(iconv.encode(original, 'gbk'), 'windows-1252', 'c1-kept')

describe('GBK read as windows-1252: the `?` of the GBK encoder', () => {
  const result = repairMojibake(damaged, {lexicon})
  const marks = result.repairs.filter((record) => record.before === '?')

  it('keeps every `?` and repairs the rest exactly', () => {
    expect(result.text).toBe(original.replace(/🚀|👍|\u00A0|✅/gu, '?'))
  })

  it('flags the `?` that stand for lost characters, and none of the question marks', () => {
    const lost = ['🚀', '👍', '\u00A0', '✅'].map((char) => original.replace(/🚀|👍|\u00A0|✅/gu, (found) => (found === char ? '\u0000' : '?')).indexOf('\u0000'))
    expect(marks.map((record) => record.outputOffset)).toEqual(lost)
    expect(marks.every((record) => record.after === '?' && record.alternatives.length === 0 && record.confidence < 0.8)).toBe(true)
    expect(result.damage?.summary).toBe('GBK read as windows-1252, 4 `?` that may stand for characters GBK could not encode')
  })

  it('words the flag as a possible loss, not as a wrong character', () => {
    expect(reasonOf({choice: '?', others: [], confidence: 0.2})).toBe(
      'Check `?` in repaired GBK text: an encoder writes `?` for a character GBK has no code for (an emoji, a no-break space), which is then lost; if it is not a question mark, write the right character in its place'
    )
  })

  it('flags nothing in GBK text without such a `?`', () => {
    const clean = original.replace(/🚀|👍|\u00A0|✅/gu, '')
    const repaired = repairMojibake(decodeSingleByte(iconv.encode(clean, 'gbk'), 'windows-1252', 'c1-kept'), {lexicon})
    expect(repaired.text).toBe(clean)
    expect(repaired.repairs.filter((record) => record.confidence < 0.8)).toEqual([])
  })

  it('reads a character whose GBK trail byte is ASCII (– is A8 43, shown as ¨C), inside Chinese and between Latin letters', () => {
    const article = readFileSync(new URL('../../articles/rolling-updates-without-downtime.md', import.meta.url), 'utf8')
    const text = article.replace('零停机滚动更新：', '零停机–滚动更新：').replace('这就是滚动更新。', '这就是滚动更新（maxSurge 1–2）。')
    expect(text.match(/–/g)).toHaveLength(2)
    const repaired = repairMojibake(decodeSingleByte(iconv.encode(text, 'gbk'), 'windows-1252', 'c1-kept'), {lexicon})
    expect(repaired.text).toBe(text)
  })
})
