/**
 * UTF-8 read by a lenient decoder that keeps each undefined byte as the code
 * point of the same number: for windows-1253 and windows-1257 some of those
 * are not C1 controls but Latin-1 letters (`ª` for 0xAA, `¡` for 0xA1, `¥` for 0xA5).
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {utf8ReadAs} from '../../src/repair/channels/catalog.js'
import {repairMojibake} from '../../src/repair/reconstruct/repair-mojibake.js'
import {lexicon} from './lexicon-shared.js'

const article = readFileSync(new URL('../../articles/rolling-updates-without-downtime.md', import.meta.url), 'utf8')

describe('a lenient decoder’s undefined bytes above 0x9F', () => {
  for (const [codec, shown] of [['windows-1253', 'ª'], ['windows-1257', '¥']] as const) {
    it(`reads ${shown} back as its byte in UTF-8 read as ${codec}: the article comes back exactly`, () => {
      const damaged = utf8ReadAs(codec, 'c1-kept').damage(article)
      expect(damaged).toContain(shown)
      expect(repairMojibake(damaged, {lexicon}).text).toBe(article)
    })
  }
})
