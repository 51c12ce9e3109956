/**
 * What the review report must show of twin decisions, checked through the
 * command line on a damaged article in a temporary project: the same
 * decisions as lint (one per `mojibake-uncertain` message), one card per
 * decision naming its twins and the exact command that settles them all,
 * and every twin's mark leading to that card. Shared by the test on a
 * damaged paragraph of articles/ and the corpus test on the real seed.
 */
import * as fs from 'node:fs'
import path from 'node:path'
import {expect} from 'vitest'
import {run} from '../../src/cli/run.js'
import {isUncertain} from '../../src/decisions/index.js'
import type {ReviewDocument, ReviewMessage} from '../../src/review/index.js'
import {captureIo} from '../helpers.js'

/** A lint message in the JSON report. */
interface LintMessage {
  ruleId: string
  line: number
  column: number
  message: string
}

/** Run the command line in `dir`. */
export async function bitext(dir: string, ...args: string[]): Promise<{code: number; out: string; err: string}> {
  const io = captureIo(dir)
  const code = await run(args, io)
  return {code, out: io.out(), err: io.err()}
}

/** The `mojibake-uncertain` messages lint reports for one article. */
export async function lintUncertain(dir: string, file: string): Promise<LintMessage[]> {
  const {out} = await bitext(dir, 'lint', file, '--format', 'json', '--no-cache', '--jobs', '1')
  const [report] = JSON.parse(out) as Array<{messages: LintMessage[]}>
  return report!.messages.filter((message) => message.ruleId === 'mojibake-uncertain')
}

/** What `bitext review` wrote for one article: its JSON and HTML, and the decision counts its summary prints. */
export interface ReviewOutput {
  review: ReviewDocument
  html: string
  /** `N decisions to make (M characters)` of the page's summary (M = N when it says no characters). */
  printed: {decisions: number; characters: number}
  /** What the command printed on stderr. */
  err: string
}

/** Run `bitext review` on one article and read what it wrote. */
export async function reviewOf(dir: string, file: string, slug: string): Promise<ReviewOutput> {
  const {code, err} = await bitext(dir, 'review', file, '--no-cache', '--jobs', '1', '--out', 'review')
  expect(code).toBe(0)
  const review = JSON.parse(fs.readFileSync(path.join(dir, 'review', `${slug}.json`), 'utf8')) as ReviewDocument
  const html = fs.readFileSync(path.join(dir, 'review', `${slug}.html`), 'utf8')
  const summary = /<header class="page">.*?<\/header>/su.exec(html)?.[0] ?? ''
  const match = / · (\d+) decisions? to make(?: \((\d+) characters\))?/u.exec(summary)
  const decisions = Number(match?.[1] ?? 0)
  return {review, html, printed: {decisions, characters: match?.[2] === undefined ? decisions : Number(match[2])}, err}
}

/** The list item (card) of one message in the page. */
export function cardOf(html: string, message: ReviewMessage): string {
  return new RegExp(`<li class="msg[^"]*" id="${message.id}".*?</li>`, 'su').exec(html)?.[0] ?? ''
}

/** `a`, `a and b`, `a, b and c`. */
function listOf(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}

/** Undo the HTML escapes hast writes in text. */
function unescape(text: string): string {
  return text.replaceAll('&#x3C;', '<').replaceAll('&#x26;', '&').replaceAll('&#x22;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<')
}

/**
 * Check the review of an article against lint: the same decisions, twins
 * grouped, named on the card, linked from their marks.
 *
 * @param dir The project folder.
 * @param file The article, relative to `dir`.
 * @param slug Its slug.
 * @returns The review and lint's messages, for more checks.
 */
export async function checkTwinsReview(dir: string, file: string, slug: string): Promise<{output: ReviewOutput; lint: LintMessage[]}> {
  const lint = await lintUncertain(dir, file)
  const output = await reviewOf(dir, file, slug)
  const {review, html, printed} = output
  const uncertainMessages = review.messages.filter((message) => message.ruleId === 'mojibake-uncertain')

  // The page and the JSON count what lint reports: one decision per message.
  expect(uncertainMessages.map((message) => `${message.line}:${message.column}`)).toEqual(lint.map((message) => `${message.line}:${message.column}`))
  expect(review.uncertain.problems).toBe(0)
  expect(printed).toEqual({decisions: lint.length, characters: review.uncertain.characters})
  expect(review.uncertain.decisions).toBe(lint.length)
  // The command's own summary line counts them the same way.
  const characters = printed.characters === printed.decisions ? '' : ` \\(${printed.characters} characters\\)`
  expect(output.err).toMatch(lint.length === 0 ? /^bitext review: 1 article, \d+ messages → / : new RegExp(`^bitext review: 1 article, \\d+ messages, ${lint.length} decisions? to make${characters} → `))
  // Characters: every uncertain repair made now and every open decision of the block.
  expect(review.uncertain.characters).toBe(review.repairs.filter(isUncertain).length + review.decisions.length)
  expect(review.uncertain.characters).toBe(uncertainMessages.reduce((total, message) => total + 1 + (message.choice?.twins.length ?? 0), 0))

  // Each card names its twins where lint names their lines, and says one command settles all.
  for (const [index, message] of uncertainMessages.entries()) {
    const twins = message.choice?.twins ?? []
    const lines = [...new Set(twins.map((twin) => twin.line))]
    const named = / on lines? ([\d, ]+): settling this one settles (?:both|all)$/u.exec(lint[index]!.message)
    expect(named === null ? [] : named[1]!.split(', ').map(Number)).toEqual(lines)
    const card = cardOf(html, message)
    // Every card with something to keep names the exact command at its place on disk, in place of the note's placeholders.
    if (message.choice?.choice !== '\uFFFD') {
      expect(card).toContain(`<code>bitext repair --accept ${file}:${message.line}:${message.column}</code>`)
      expect(card).not.toContain('FILE:LINE:COLUMN')
    }
    if (twins.length === 0) {
      expect(card).not.toContain('<p class="twins">')
      continue
    }
    expect(card).toContain(`<p class="twins">One decision for ${twins.length + 1} characters: the same choice in the same word also at ${listOf(twins.map((twin) => `${twin.line}:${twin.column}`))}. One command settles all ${twins.length + 1}`)
    // A twin is no open item of its own: its mark leads to this card, and it has no message.
    for (const twin of twins) {
      expect(review.messages.some((other) => other.ruleId === 'mojibake-uncertain' && other.start === twin.start)).toBe(false)
    }
  }
  // One twin mark per twin, each leading to the card of its decision.
  const twinMarks = [...html.matchAll(/<mark class="([^"]*)"[^>]*>/gu)].filter((mark) => mark[1]!.split(' ').includes('twin'))
  expect(twinMarks.map((mark) => /data-m="([^"]*)"/u.exec(mark[0])?.[1])).toEqual(uncertainMessages
    .flatMap((message) => (message.choice?.twins ?? []).map((twin) => ({start: twin.start, id: message.id})))
    .sort((a, b) => a.start - b.start)
    .map((twin) => twin.id))
  // Every uncertain mark leads to a mojibake-uncertain card: the first place to its message, a twin to its decision's.
  const cards = new Set(uncertainMessages.map((message) => message.id))
  for (const mark of html.matchAll(/<mark class="([^"]*)"[^>]*>/gu)) {
    if (!mark[1]!.split(' ').includes('uncertain')) continue
    const ids = /data-m="([^"]*)"/u.exec(mark[0])?.[1]?.split(' ') ?? []
    expect(ids.some((id) => cards.has(id)), unescape(mark[0])).toBe(true)
  }
  return {output, lint}
}
