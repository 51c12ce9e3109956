/**
 * The review report shows twin decisions as lint does (issue 14): a section
 * of articles/rolling-updates-without-downtime.md damaged for real (UTF-8
 * read as Latin-1, C1 controls stripped: words of the heading and the
 * paragraphs lose the same bytes again further on, and some come back the
 * same uncertain way twice) is reviewed, checked against lint, and settled
 * with the exact command its card prints. (The section "Tuning the rollout"
 * served until the repair rebuilt its twins differently, 2026-12-08.)
 */
import * as fs from 'node:fs'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {readBlock} from '../../src/decisions/index.js'
import {utf8ReadAs} from '../../src/repair/channels/catalog.js'
import {projectRoot, shellArgs, tempDir} from '../helpers.js'
import {bitext, cardOf, checkTwinsReview, reviewOf} from './twins-harness.js'

/** The front matter and the first section of the sample article, damaged. */
function damagedSection(): string {
  const clean = fs.readFileSync(path.join(projectRoot, 'articles', 'rolling-updates-without-downtime.md'), 'utf8')
  const frontMatter = clean.slice(0, clean.indexOf('\n---\n') + 5)
  const section = clean.slice(clean.indexOf('## Rolling Updates Without Downtime'), clean.indexOf('## Tuning the rollout'))
  return utf8ReadAs('latin1', 'c1-stripped').damage(`${frontMatter}\n${section}`)
}

const file = path.join('articles', 'rollout.md')
const slug = 'rolling-updates-without-downtime'

describe('twin decisions in the review of a damaged article', () => {
  let dir: string
  beforeAll(() => {
    dir = tempDir('bitext-review-twins-')
    fs.mkdirSync(path.join(dir, 'articles'))
    fs.writeFileSync(path.join(dir, file), damagedSection())
  })

  it('counts the decisions lint reports, and the characters they cover', async () => {
    const {output, lint} = await checkTwinsReview(dir, file, slug)
    // The damage leaves twins: fewer decisions than uncertain characters.
    expect(output.printed.characters).toBeGreaterThan(output.printed.decisions)
    expect(output.html).toContain(` · ${lint.length} decisions to make (${output.review.uncertain.characters} characters)`)
  }, 120_000)

  it('settles a decision and all its twins with the command on its card', async () => {
    const before = await reviewOf(dir, file, slug)
    const card = before.review.messages.find((message) => (message.choice?.twins.length ?? 0) > 0)!
    const choice = card.choice!
    const command = /<code>(bitext repair --choose [^<]*)<\/code>/u.exec(cardOf(before.html, card))?.[1] ?? ''
    expect(command).toBe(`bitext repair --choose ${file}:${card.line}:${card.column}=${choice.others[0]}`)
    const [, ...args] = shellArgs(command)
    const settled = await bitext(dir, ...args)
    expect(settled.code).toBe(0)
    // One command, every place of the decision: the card's and its twins', at their places on disk.
    const places = [card, ...choice.twins].map((place) => `${file}:${place.line}:${place.column}: chose \`${choice.others[0]}\` in place of \`${choice.choice}\``)
    expect(settled.err.split('\n').filter((line) => line.includes(': chose `'))).toEqual(places)

    // The file is now repaired, its other decisions kept in its block: still one message per decision, one fewer.
    const written = fs.readFileSync(path.join(dir, file), 'utf8')
    expect(readBlock(written).entries.length).toBe(before.review.uncertain.characters - 1 - choice.twins.length)
    const {output, lint} = await checkTwinsReview(dir, file, slug)
    expect(lint.length).toBe(before.review.uncertain.decisions - 1)
    expect(output.review.decisions.length).toBe(output.review.uncertain.characters)
    expect(output.review.repairs).toEqual([])
    expect(output.printed.characters).toBeGreaterThan(output.printed.decisions)
  }, 180_000)
})
