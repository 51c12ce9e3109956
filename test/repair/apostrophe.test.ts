import {readFileSync} from 'node:fs'
import diff from 'fast-diff'
import {describe, expect, it} from 'vitest'
import {channels} from '../../src/repair/channels/catalog.js'
import {repairMojibake} from '../../src/repair/reconstruct/repair-mojibake.js'
import {seedPath} from '../helpers.js'
import {lexicon} from './lexicon-shared.js'

describe('the apostrophe of English contractions, C1 stripped', () => {
  it('comes back in the seed article’s English (I’d, won’t, vSphere’s)', () => {
    // `’` is E2 80 99: without its C1 controls only E2 is left, one of a
    // thousand characters, and the Chinese prior preferred `“` (0 of 27 right).
    const seed = repairMojibake(readFileSync(seedPath, 'utf8'), {lexicon}).text
    const channel = channels.find((each) => each.id === 'utf-8>latin1/c1-stripped')!
    const repaired = repairMojibake(channel.damage(seed), {lexicon}).text
    const right = diff(seed, repaired).reduce((sum, [operation, text]) => sum + (operation === 0 ? [...text].filter((char) => char === '’').length : 0), 0)
    expect([...seed].filter((char) => char === '’')).toHaveLength(27)
    expect(right).toBeGreaterThanOrEqual(24)
    expect(repaired).toContain('I’d like to add')
    expect(repaired).toContain('it just won’t work')
  })
})
