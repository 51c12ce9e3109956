/**
 * The review report of the real seed (/work/shared/seeds/, read through
 * `sharedPath`: `npm run test:corpus`) counts its open decisions as lint
 * does: the three `号影` of line 203 are one decision with two twins, so the
 * page says "30 decisions to make (32 characters)" where lint prints 30
 * `mojibake-uncertain` messages. Both while the seed is repaired in memory and
 * after `bitext repair --write` keeps its decisions in the file.
 */
import * as fs from 'node:fs'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {sharedPath, tempDir} from '../helpers.js'
import {bitext, cardOf, checkTwinsReview} from './twins-harness.js'

const seed = sharedPath('seeds', 'kubernetes-intro-for-vmware-users.zh.mojibake.md')
const file = path.join('articles', 'seed.md')
const slug = 'seed'

describe('twin decisions in the review of the seed', () => {
  let dir: string
  let inMemory: Awaited<ReturnType<typeof checkTwinsReview>>
  beforeAll(() => {
    dir = tempDir('bitext-review-seed-twins-')
    fs.mkdirSync(path.join(dir, 'articles'))
    fs.copyFileSync(seed, path.join(dir, file))
  })

  it('repaired in memory: as many decisions as lint has messages, the three 号影 one of them', async () => {
    inMemory = await checkTwinsReview(dir, file, slug)
    const {output, lint} = inMemory
    const {review, html, printed} = output
    expect(printed.characters).toBeGreaterThan(printed.decisions)
    expect(printed.decisions).toBe(lint.length)
    // The seed's 号影 (卷影 in the original): one card at 203:268 on disk, its twins at 203:336 and 203:428.
    const shadow = review.messages.find((message) => message.ruleId === 'mojibake-uncertain' && message.line === 203 && message.choice?.choice === '号')!
    expect(shadow.choice!.twins.map((twin) => `${twin.line}:${twin.column}`)).toEqual(['203:336', '203:428'])
    const card = cardOf(html, shadow)
    expect(card).toContain('<p class="twins">One decision for 3 characters: the same choice in the same word also at 203:336 and 203:428. One command settles all 3.</p>')
    expect(card).toContain(`<code>bitext repair --choose ${file}:203:268=州</code><br>Or edit the characters by hand: editing one settles only that one.</p>`)
    // The exact commands take the place of the message's note, which has placeholders.
    expect(card).not.toContain('FILE:LINE:COLUMN')
    // What the seed gives today (measured 2026-12-07; test/repair/seed-flags.test.ts holds the 32).
    expect(printed).toEqual({decisions: 30, characters: 32})
    expect(html).toContain(' · 30 decisions to make (32 characters)')
  }, 240_000)

  it('after repair --write: the decisions kept in the file, counted the same way', async () => {
    const before = inMemory ?? await checkTwinsReview(dir, file, slug)
    expect((await bitext(dir, 'repair', file, '--write')).code).toBe(0)
    const {output, lint} = await checkTwinsReview(dir, file, slug)
    expect(lint.length).toBe(before.lint.length)
    expect(output.printed).toEqual(before.output.printed)
    expect(output.review.decisions.length).toBe(output.review.uncertain.characters)
    const shadow = output.review.messages.find((message) => message.ruleId === 'mojibake-uncertain' && message.line === 203 && message.choice?.choice === '号')!
    expect(shadow.choice?.origin).toBe('block')
    expect(shadow.choice?.twins.length).toBe(2)
  }, 240_000)
})
