import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {utf8ReadAs} from '../../src/repair/channels/catalog.js'
import {repairMojibake} from '../../src/repair/reconstruct/repair-mojibake.js'
import {lexicon} from './lexicon-shared.js'

const text = '集群是一组计算机或应用程序，它们为一个共同的目标一起工作。\n在云原生计算的背景下，这个术语最常被应用于 Kubernetes。“中文”测试。'

describe('a page damaged twice, the inner layer lossy', () => {
  const damaged = utf8ReadAs('windows-1252', 'dropped', 2).damage(text)
  const result = repairMojibake(damaged, {lexicon})

  it('comes back whole: the outer layer piece by piece (â€ is ”), then the inner one rebuilt', () => {
    expect(damaged).toContain('Ã¢â‚¬Å“Ã¤Â¸Ã¦â€“â€¡Ã¢â‚¬Ã¦')
    expect(result.text).toBe(text)
    expect(result.damage).toMatchObject({summary: 'UTF-8 read as windows-1252 (2 layers), lost bytes 0x81 0x8D 0x8F 0x90 0x9D 0xAD', layers: 2})
  })

  it('records every repair against the input and the output', () => {
    expect(result.repairs.length).toBeGreaterThan(3)
    for (const record of result.repairs) {
      expect(damaged.slice(record.offset, record.offset + record.before.length)).toBe(record.before)
      expect(result.text.slice(record.outputOffset, record.outputOffset + record.after.length)).toBe(record.after)
      for (const alternative of record.alternatives) expect(alternative.length).toBe(record.after.length)
    }
    // 中 of 中文 lost its byte in the inner layer: rebuilt, with runner-ups; ” lost one in the outer layer.
    expect(result.repairs.find((record) => record.after === '中')).toMatchObject({kind: 'lossy', alternatives: expect.arrayContaining(['不'])})
    expect(result.repairs.find((record) => record.after === '”')).toMatchObject({kind: 'lossy'})
  })
})

describe('a page damaged twice with bytes marked lost (U+FFFD in both layers)', () => {
  it('reads the outer `â€�` as the one character windows-1252 shows (”), then rebuilds the inner layer like one layer', () => {
    const article = readFileSync(new URL('../../articles/rolling-updates-without-downtime.md', import.meta.url), 'utf8')
    const twice = utf8ReadAs('windows-1252', 'fffd', 2).damage(article)
    const once = utf8ReadAs('windows-1252', 'fffd').damage(article)
    expect(twice).toContain('â€\uFFFD')
    const result = repairMojibake(twice, {lexicon})
    expect(result.text).toBe(repairMojibake(once, {lexicon}).text)
    expect(result.damage).toMatchObject({layers: 2})
  })
})

describe('a page whose inner layer kept C1 controls and whose outer layer lost them', () => {
  it('weighs a rebuilt character by the inner pass, not by the placeholder U+FFFD the outer pass handed it', () => {
    const inner = utf8ReadAs('windows-1252', 'c1-kept').damage(text)
    const damaged = utf8ReadAs('windows-1252', 'fffd').damage(inner)
    // A continuation byte windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) is kept inside as a C1
    // control, C2 xx in UTF-8: the outer layer shows `Â` and marks xx lost, a U+FFFD for the inner pass.
    const result = repairMojibake(damaged, {lexicon})
    expect(result.text).toBe(text)
    const handed = result.repairs.filter((record) => record.before.includes('Â\uFFFD'))
    expect(handed.length).toBeGreaterThan(0)
    // The placeholder's 0.5 would flag every one of them; the inner pass is sure of most.
    expect(handed.filter((record) => record.confidence >= 0.8).length).toBeGreaterThan(0)
    for (const record of handed) expect(record.confidence).toBeLessThanOrEqual(0.85)
  })
})

describe('the seed’s damage twice: windows-1254 dropping bytes in both layers', () => {
  it('hands the outer layer’s `â€` (`„` or `”`, 0x9E or 0x9D lost) to the inner layer, which knows which', () => {
    const article = readFileSync(new URL('../../articles/rolling-updates-without-downtime.md', import.meta.url), 'utf8')
    const damaged = utf8ReadAs('windows-1254', 'dropped', 2).damage(article)
    // 的 (E7 9A 84) reads `çš„` inside; outside, `„` (E2 80 9E) loses 0x9E, which windows-1254 leaves undefined.
    expect(utf8ReadAs('windows-1254', 'dropped', 2).damage('的')).toBe('Ã§Å¡â€')
    const result = repairMojibake(damaged, {lexicon})
    const handed = result.repairs.filter((record) => record.before.includes('â€') && record.after.includes('的'))
    expect(handed.length).toBeGreaterThan(10)
    // Without the hand-over the inner layer read a U+FFFD with its own lost bytes: 的 came back as `的—` or not at all.
    expect(result.text.match(/的/g)?.length).toBe(article.match(/的/g)?.length)
    expect(result.text).not.toContain('—')
  })
})
