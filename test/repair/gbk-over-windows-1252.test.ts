/**
 * Two codecs in layers: UTF-8 read as windows-1252 (`ä¸­æ–‡`), saved as
 * UTF-8, then read as GBK (`涓枃`-like runs with `€` and `鈥`). On an
 * example article's real text.
 */
import {readFileSync} from 'node:fs'
import iconv from 'iconv-lite'
import diff from 'fast-diff'
import {describe, expect, it} from 'vitest'
import {decodeSingleByte} from '../../src/repair/channels/channel.js'
import {repairMojibake} from '../../src/repair/reconstruct/repair-mojibake.js'
import {lexicon} from './lexicon-shared.js'

const text = readFileSync(new URL('../../articles/rolling-updates-without-downtime.md', import.meta.url), 'utf8')

describe('UTF-8 read as windows-1252, then read as GBK', () => {
  it('undoes both layers; the characters whose last byte GBK lost before ASCII are rebuilt, each flagged', () => {
    const inner = decodeSingleByte(Buffer.from(text, 'utf8'), 'windows-1252', 'c1-kept')
    const damaged = iconv.decode(Buffer.from(inner, 'utf8'), 'gbk')
    const holes = damaged.split('\uFFFD').length - 1
    expect(holes).toBeGreaterThan(10)
    const result = repairMojibake(damaged, {lexicon})
    expect(result.damage?.summary).toMatch(/^UTF-8 read as GBK, \d+ characters rebuilt from bytes GBK could not decode; under it, UTF-8 read as windows-1252/)
    // Every wrong character of the result lies in a repair flagged as uncertain.
    const flagged = result.repairs.filter((record) => record.confidence < 0.8).map((record) => [record.outputOffset, record.outputOffset + record.after.length] as const)
    let at = 0
    let wrong = 0
    const unflagged: string[] = []
    for (const [operation, part] of diff(text, result.text)) {
      if (operation === diff.EQUAL) at += part.length
      if (operation === diff.EQUAL || operation === diff.DELETE) continue
      wrong += part.length
      if (!flagged.some(([start, end]) => at >= start && at + part.length <= end)) unflagged.push(part)
      at += part.length
    }
    expect(unflagged).toEqual([])
    expect(wrong).toBeLessThanOrEqual(holes * 2)
    expect(wrong / [...text].length).toBeLessThan(0.03)
  })

  it('leaves text alone whose GBK reading is not such mojibake (a short run, or Latin text that is not bad)', () => {
    for (const clean of ['价格 5€', '咖啡馆 café 与 naïve', '“引号”和——破折号']) expect(repairMojibake(clean, {lexicon}).text).toBe(clean)
  })
})

describe('UTF-8 read as Latin-1, then read as GBK', () => {
  it('is told by the characters GBK shows for Latin-1 in UTF-8 (`氓聹篓` for 在), though nothing else gives it away, and undone exactly', () => {
    // Latin-1 keeps 0x80–0x9F as C1 controls, C2 80–9F in UTF-8: GBK reads every pair, so no U+FFFD, kana or `€` shows.
    const inner = Buffer.from(text, 'utf8').toString('latin1')
    const damaged = iconv.decode(Buffer.from(inner, 'utf8'), 'gbk')
    expect(damaged).not.toMatch(/[\uFFFD\u20AC\u3040-\u30FF]/)
    expect(iconv.decode(Buffer.from(Buffer.from('在', 'utf8').toString('latin1'), 'utf8'), 'gbk')).toBe('氓聹篓')
    const result = repairMojibake(damaged, {lexicon})
    expect(result.text).toBe(text)
    expect(result.damage?.summary).toBe('UTF-8 read as GBK; under it, UTF-8 read as latin1')
  })

  it('leaves clean Chinese that uses a few of those characters (猫, 忙) alone', () => {
    const clean = '我的猫很忙。他忙着看盲人按摩。猫和狗都很忙，莽撞的猫跑得很快。\n'.repeat(3)
    expect(repairMojibake(clean, {lexicon}).repairs).toEqual([])
  })
})

describe('UTF-8 read as GBK, then as windows-1252 dropping bytes', () => {
  it('keeps for the outer layer only candidates that are GBK pairs of UTF-8 bytes, then undoes the GBK layer: most of the article back', () => {
    const gbk = iconv.decode(Buffer.from(text, 'utf8'), 'gbk')
    const damaged = decodeSingleByte(Buffer.from(gbk, 'utf8'), 'windows-1252', 'dropped')
    const result = repairMojibake(damaged, {lexicon})
    expect(result.damage?.summary).toMatch(/^UTF-8 read as windows-1252, lost bytes [^;]+; under it, UTF-8 read as GBK, \d+ characters rebuilt from bytes GBK could not decode$/)
    // Characters of the article found again in order: 91 % (87 % when the outer layer chose among all candidates by Chinese words).
    const right = diff(text, result.text).filter(([op]) => op === 0).reduce((sum, [, part]) => sum + [...part].length, 0)
    expect(right / [...text].length).toBeGreaterThan(0.9)
  })
})
