import {describe, expect, it} from 'vitest'
import {utf8ReadAs} from '../../src/repair/channels/catalog.js'
import {repairMojibake} from '../../src/repair/reconstruct/repair-mojibake.js'
import {lexicon} from './lexicon-shared.js'

const text = 'title: 集群\n\n集群是一组计算机或应用程序，它们为一个共同的目标一起工作。\n在云原生计算的背景下，这个术语最常被应用于 Kubernetes。'

describe('UTF-8 read as Latin-1 with the C1 controls stripped', () => {
  const damaged = utf8ReadAs('latin1', 'c1-stripped').damage(text)
  const result = repairMojibake(damaged, {lexicon})

  it('is recognised from the missing byte range', () => {
    expect(damaged).not.toMatch(/[\u0080-\u009F]/)
    expect(result.damage).toMatchObject({summary: 'UTF-8 read as Latin-1, C1 controls (bytes 0x80–0x9F) stripped', from: 'utf-8', via: 'latin1'})
    expect(result.damage?.lostBytes).toEqual(Array.from({length: 32}, (_, index) => 0x80 + index))
  })

  it('keeps every character in place and rebuilds words the lexicon knows', () => {
    expect([...result.text].length).toBe([...text].length)
    expect(result.text).toContain('title: 集群\n\n集群是')
    expect(result.text).toContain('应用程序，它们为一个共同的目标一起工作。')
    // A space is a space here, never the no-break space of a lone `äº` (亠).
    expect(result.text).toContain(' Kubernetes。')
  })
})

describe('UTF-8 read as Latin-1 with the C1 controls replaced by U+FFFD or `?`', () => {
  for (const mark of ['\uFFFD', '?']) {
    it(`takes a marked byte for any of 0x80–0x9F, not only the five windows-1252 leaves undefined (${mark === '?' ? '?' : 'U+FFFD'})`, () => {
      const damaged = utf8ReadAs('latin1', 'c1-kept').damage(text).replace(/[\u0080-\u009F]/g, mark)
      expect(damaged).toContain(`ç${mark}${mark}`)
      const result = repairMojibake(damaged, {lexicon})
      // Taken as the five windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D), 集 (E9 9B 86) could not come back.
      expect([...result.text].length).toBe([...text].length)
      expect(result.text).toContain('title: 集群\n\n集群是')
      expect(result.text).toContain('应用程序，它们为一个共同的目标一起工作。')
      expect(result.damage?.lostBytes).toEqual(Array.from({length: 32}, (_, index) => 0x80 + index))
    })
  }
})
