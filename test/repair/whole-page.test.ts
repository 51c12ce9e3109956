/**
 * UTF-8 read whole as a lossless single-byte codec outside ftfy's list
 * (windows-1256, KOI8-R, ISO-8859-5/15, DOS 850/852/866): decoded back
 * exactly, on an example article's real text.
 */
import {readFileSync} from 'node:fs'
import iconv from 'iconv-lite'
import {describe, expect, it} from 'vitest'
import {readWholePage} from '../../src/repair/channels/whole-page.js'
import {repairMojibake} from '../../src/repair/reconstruct/repair-mojibake.js'
import {lexicon} from './lexicon-shared.js'

const text = readFileSync(new URL('../../articles/rolling-updates-without-downtime.md', import.meta.url), 'utf8')

describe('a page of UTF-8 read whole as a lossless codec the badness sequences do not know', () => {
  for (const codec of ['windows-1256', 'koi8-r', 'koi8-u', 'iso-8859-5', 'iso-8859-15', 'iso-8859-4', 'iso-8859-13', 'cp850', 'cp852', 'cp866']) {
    it(`is decoded back exactly from ${codec}, one lossless record per run`, () => {
      const damaged = iconv.decode(Buffer.from(text, 'utf8'), codec)
      expect(damaged).not.toMatch(/[\u4E00-\u9FFF]/)
      const result = repairMojibake(damaged, {lexicon})
      expect(result.text).toBe(text)
      expect(result.damage).toEqual({summary: `UTF-8 read as ${codec}`, from: 'utf-8', via: codec, lostBytes: [], layers: 1})
      expect(result.repairs.every((record) => record.kind === 'lossless' && record.confidence === 1)).toBe(true)
      const first = result.repairs[0]!
      const lines = damaged.slice(0, first.offset).split('\n')
      expect([first.line, first.column]).toEqual([lines.length, lines.at(-1)!.length + 1])
      for (const record of result.repairs) {
        expect(damaged.slice(record.offset, record.offset + record.before.length)).toBe(record.before)
        expect(text.slice(record.outputOffset, record.outputOffset + record.after.length)).toBe(record.after)
      }
    })
  }

  it('leaves pages alone that hold a CJK ideograph, that a codec of ftfy’s list reads, or that are not UTF-8 at all', () => {
    expect(readWholePage(text)).toBeUndefined()
    expect(readWholePage(iconv.decode(Buffer.from(text, 'utf8'), 'latin1'))).toBeUndefined()
    expect(readWholePage(iconv.decode(Buffer.from(text, 'utf8'), 'windows-1251'))).toBeUndefined()
    // Russian written in KOI8-R and read as such is Russian, not mojibake.
    expect(readWholePage('Привет, мир. Это обычный текст — без ошибок, «как есть».\nЕщё одна строка.')).toBeUndefined()
  })
})
