/**
 * Open repair decisions from the command line: kept by `repair --write`,
 * flagged by lint, review and build at their places on disk, settled by
 * `repair --accept`/`--choose` or by hand.
 */
import * as fs from 'node:fs'
import path from 'node:path'
import iconv from 'iconv-lite'
import {beforeEach, describe, expect, it} from 'vitest'
import {run} from '../../src/cli/run.js'
import {readBlock, withBlock} from '../../src/decisions/index.js'
import type {RepairDecision} from '../../src/types.js'
import {captureIo, tempDir} from '../helpers.js'

/** The article as it should read. */
const article = `---
title: 卷与集群
---

> Every VM has a volume shadow copy.

每个虚拟机都有卷影副本。

> We will allocate pods from it.

我们将从中分配 Pod。
`

/** Real damage of the seed's kind: UTF-8 read as windows-1252, the bytes it leaves undefined dropped. */
function damage(text: string): string {
  const kept = [...Buffer.from(text, 'utf8')].filter((byte) => ![0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(byte))
  return iconv.decode(Buffer.from(kept), 'windows-1252')
}

/** Two open decisions, as `repair --write` keeps them (written by hand: independent of the repair's models). */
const title: RepairDecision = {choice: '号', others: ['卷', '川'], confidence: 0.77, left: 'title: ', right: '与集群', line: 2, column: 8}
const shadow: RepairDecision = {choice: '号', others: ['卷', '偷'], confidence: 0.71, evidence: 'EN "volume" (卷)', left: '每个虚拟机都有', right: '影副本。', line: 7, column: 8}
const decided = withBlock(article.replace('卷与', '号与').replace('卷影', '号影'), [title, shadow])

const titleMessage = '2:8-2:9 warning Check `号`, rebuilt from lost bytes: the likeliest candidate (confidence 0.77, by the Chinese word and context models); others: `卷`, `川` mojibake-uncertain'
const shadowMessage = '7:8-7:9 warning Check `号`, rebuilt from lost bytes: the likeliest candidate (confidence 0.71, by the English: EN "volume" (卷)); others: `卷`, `偷` mojibake-uncertain'

let dir: string
beforeEach(() => {
  dir = tempDir('bitext-decisions-')
})

function write(name: string, text: string): string {
  const file = path.join(dir, name)
  fs.mkdirSync(path.dirname(file), {recursive: true})
  fs.writeFileSync(file, text)
  return file
}

async function bitext(...args: string[]): Promise<{code: number; out: string; err: string}> {
  const io = captureIo(dir)
  const code = await run(args, io)
  return {code, out: io.out(), err: io.err()}
}

/** Lint's messages of one file as `line:column-line:column severity message rule`. */
async function lintLines(file: string, ...rules: string[]): Promise<string[]> {
  const {code, out} = await bitext('lint', file, '--format', 'json', '--no-cache', '--jobs', '1', ...(rules.length > 0 ? ['--rules', rules.join(',')] : []))
  expect(code).toBe(0)
  const [report] = JSON.parse(out) as Array<{messages: Array<{line: number; column: number; endLine: number; endColumn: number; severity: string; message: string; ruleId: string}>}>
  return report.messages.map((message) => `${message.line}:${message.column}-${message.endLine}:${message.endColumn} ${message.severity} ${message.message} ${message.ruleId}`)
}

describe('open decisions in a repaired article', () => {
  it('are flagged by lint at their places, until settled', async () => {
    write('a.md', decided)
    expect(await lintLines('a.md', 'mojibake-uncertain')).toEqual([titleMessage, shadowMessage])
  })

  it('are settled one at a time with --accept (the text stays) and --choose (the text changes)', async () => {
    const file = write('a.md', decided)
    expect(await bitext('repair', '--accept', 'a.md:7:8')).toEqual({code: 0, out: '', err: 'a.md:7:8: accepted `号`\na.md: clean; 1 open decision kept in the file (see `bitext lint`; settle with `bitext repair --accept` or `--choose`)\n'})
    expect(fs.readFileSync(file, 'utf8')).toBe(withBlock(article.replace('卷与', '号与').replace('卷影', '号影'), [title]))
    expect(fs.readFileSync(`${file}.orig`, 'utf8')).toBe(decided)
    expect(await lintLines('a.md', 'mojibake-uncertain')).toEqual([titleMessage])
    expect(await bitext('repair', '--choose', 'a.md:2:8=卷')).toEqual({code: 0, out: '', err: 'a.md:2:8: chose `卷` in place of `号`\na.md: clean; 0 open decisions\n'})
    // The last decision settled: the block is gone and the article reads as written.
    expect(fs.readFileSync(file, 'utf8')).toBe(article.replace('卷影', '号影'))
    expect(await lintLines('a.md', 'mojibake-uncertain')).toEqual([])
  })

  it('accepts every decision on a line, or in the file', async () => {
    write('a.md', decided)
    expect((await bitext('repair', '--accept', 'a.md:2')).code).toBe(0)
    expect(readBlock(fs.readFileSync(path.join(dir, 'a.md'), 'utf8')).entries.map((entry) => entry.decision)).toEqual([shadow])
    expect((await bitext('repair', '--accept', 'a.md')).code).toBe(0)
    expect(fs.readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe(article.replace('卷与', '号与').replace('卷影', '号影'))
  })

  it('are settled by editing the character by hand, and --write drops them', async () => {
    const file = write('a.md', decided.replace('号影', '卷影'))
    expect(await lintLines('a.md', 'mojibake-uncertain')).toEqual([titleMessage])
    expect(await bitext('repair', 'a.md', '--write')).toEqual({code: 0, out: '', err: 'a.md: clean; 1 open decision kept in the file (see `bitext lint`; settle with `bitext repair --accept` or `--choose`); 1 settled by hand\n'})
    expect(fs.readFileSync(file, 'utf8')).toBe(withBlock(article.replace('卷与', '号与'), [title]))
  })

  it('are settled by deleting their line in the block', async () => {
    write('a.md', decided.replace(/^\{"at":"7:8".*\n/m, ''))
    expect(await lintLines('a.md', 'mojibake-uncertain')).toEqual([titleMessage])
  })

  it('survive unrelated edits: found again by their text, at their new places', async () => {
    const edited = `${decided.slice(0, 4)}author: 某人\n${decided.slice(4)}`.replace('每个虚拟机', '集群里的每个虚拟机')
    const file = write('a.md', edited)
    expect(await lintLines('a.md', 'mojibake-uncertain')).toEqual([
      titleMessage.replace('2:8-2:9', '3:8-3:9'),
      shadowMessage.replace('7:8-7:9', '8:12-8:13')
    ])
    // Settling rewrites the block with the places as they are now.
    expect((await bitext('repair', '--choose', 'a.md:8:12=卷')).code).toBe(0)
    expect(readBlock(fs.readFileSync(file, 'utf8')).entries.map((entry) => [entry.decision.line, entry.decision.column])).toEqual([[3, 8]])
  })

  it('say clearly when a place is lost or a line is malformed, and never crash', async () => {
    const lost = decided.replace('每个虚拟机都有号影副本。', '这一句整个重写了。')
    write('a.md', lost.replace('{"at":"2:8"', '{"at":"2-8"'))
    const lines = lost.split('\n')
    const titleLine = lines.findIndex((line) => line.startsWith('{"at":"2:8"')) + 1
    const shadowLine = lines.findIndex((line) => line.startsWith('{"at":"7:8"')) + 1
    expect(await lintLines('a.md', 'mojibake-uncertain')).toEqual([
      `${titleLine}:1-${titleLine}:${lines[titleLine - 1].length + 1} warning Malformed repair decision (\`at\` must be "LINE:COLUMN"): fix the line or delete it mojibake-uncertain`,
      `${shadowLine}:1-${shadowLine}:${lines[shadowLine - 1].length + 1} warning Cannot find the repair decision for \`号\` (\`每个虚拟机都有号影副本。\`, last at 7:8): the text around it changed; check that character by hand, then delete this line mojibake-uncertain`
    ])
    // A malformed block is never rewritten: the person fixes it first.
    const before = fs.readFileSync(path.join(dir, 'a.md'), 'utf8')
    const {code, err} = await bitext('repair', '--accept', 'a.md')
    expect(code).toBe(1)
    expect(err).toContain('a.md: Malformed repair decision (`at` must be "LINE:COLUMN"): fix the line or delete it\na.md: not written; nothing was changed\n')
    expect(fs.readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe(before)
  })

  it('refuse a place with no open decision (exit 1) and a malformed place (exit 2)', async () => {
    const file = write('a.md', decided)
    expect(await bitext('repair', '--accept', 'a.md:7:9')).toEqual({
      code: 1,
      out: '',
      err: 'a.md: clean; 2 open decisions kept in the file (see `bitext lint`; settle with `bitext repair --accept` or `--choose`)\na.md:7:9: no open repair decision here; open on line 7: 7:8 `号`\na.md: not written; nothing was changed\n'
    })
    expect(fs.readFileSync(file, 'utf8')).toBe(decided)
    expect(await bitext('repair', '--choose', 'a.md:7=卷')).toEqual({code: 2, out: '', err: 'bitext repair: Malformed --choose `a.md:7=卷`: expected FILE:LINE:COLUMN=TEXT, e.g. article.md:96:14=卷\nRun `bitext repair --help` for usage.\n'})
    expect((await bitext('repair', 'a.md', '--accept', 'a.md:7:8')).code).toBe(2)
    expect(fs.readFileSync(file, 'utf8')).toBe(decided)
  })

  it('are shown by build, which publishes no block and writes nothing into articles/', async () => {
    write('articles/a.md', decided)
    const before = fs.readdirSync(path.join(dir, 'articles'))
    const {code, err} = await bitext('build', '--no-cache', '--jobs', '1')
    expect(code).toBe(0)
    expect(err).toContain('2:8-2:9')
    expect(err).toContain('7:8-7:9')
    expect(fs.readdirSync(path.join(dir, 'articles'))).toEqual(before)
    expect(fs.readFileSync(path.join(dir, 'articles/a.md'), 'utf8')).toBe(decided)
    for (const output of fs.readdirSync(path.join(dir, 'dist/a'))) {
      expect(fs.readFileSync(path.join(dir, 'dist/a', output), 'utf8')).not.toContain('bitext-decisions')
    }
  })

  it('are shown by review as candidates, the likeliest first, with confidence and reason', async () => {
    write('articles/a.md', decided)
    expect((await bitext('review', '--no-cache', '--jobs', '1')).code).toBe(0)
    const review = JSON.parse(fs.readFileSync(path.join(dir, 'dist/review/a.json'), 'utf8')) as {
      decisions: Array<{line: number; column: number; choice: string; others: string[]; confidence: number; evidence: string | null; origin: string}>
      messages: Array<{ruleId: string; line: number; column: number; expected: string[]; choice: unknown}>
    }
    expect(review.decisions.map(({line, column, choice, others, evidence, origin}) => ({line, column, choice, others, evidence, origin}))).toEqual([
      {line: 2, column: 8, choice: '号', others: ['卷', '川'], evidence: null, origin: 'block'},
      {line: 7, column: 8, choice: '号', others: ['卷', '偷'], evidence: 'EN "volume" (卷)', origin: 'block'}
    ])
    const flagged = review.messages.filter((message) => message.ruleId === 'mojibake-uncertain')
    expect(flagged.map((message) => [message.line, message.column, message.expected, message.choice])).toEqual([
      [2, 8, [], {choice: '号', others: ['卷', '川'], confidence: 0.77, evidence: null, origin: 'block', twins: []}],
      [7, 8, [], {choice: '号', others: ['卷', '偷'], confidence: 0.71, evidence: 'EN "volume" (卷)', origin: 'block', twins: []}]
    ])
    const html = fs.readFileSync(path.join(dir, 'dist/review/a.html'), 'utf8')
    expect(html).toContain('<p class="candidates">Likeliest: <code>号</code> (confidence 0.71, by the English: EN "volume" (卷)) · other candidates: <code>卷</code> <code>偷</code> · open in the decision block</p>')
    expect(html).not.toContain('Expected: <code>卷</code>')
  })
})

describe('uncertain repairs of a damaged article', () => {
  it('point at the damaged text on disk, then stay open through repair --write until accepted', async () => {
    const damaged = damage(article)
    const file = write('a.md', damaged)
    const {out} = await bitext('lint', 'a.md', '--format', 'json', '--no-cache', '--jobs', '1')
    const [report] = JSON.parse(out) as Array<{messages: Array<{ruleId: string; line: number; column: number; endLine: number; endColumn: number; message: string}>}>
    expect(report.messages.find((message) => message.ruleId === 'mojibake-repaired')?.message).toMatch(/; message positions refer to the file on disk$/)
    const flagged = report.messages.filter((message) => message.ruleId === 'mojibake-uncertain')
    expect(flagged.length).toBeGreaterThan(0)
    const lines = damaged.split('\n')
    // Each flag covers mojibake on disk (the damaged bytes of one character), not the repaired character.
    for (const message of flagged) {
      const onDisk = lines[message.line - 1].slice(message.column - 1, message.endColumn - 1)
      expect(message.endLine).toBe(message.line)
      expect(onDisk.length).toBeGreaterThan(1)
      expect(onDisk).toMatch(/^[\u00C0-\u00FF][\u0080-\u00FF\u0152-\u2122]*$/)
    }
    const choices = flagged.map((message) => /^Check `(.)`/u.exec(message.message)?.[1])

    expect((await bitext('repair', 'a.md', '--write')).code).toBe(0)
    const written = fs.readFileSync(file, 'utf8')
    const block = readBlock(written)
    expect(block.entries.map((entry) => entry.decision.choice)).toEqual(choices)
    // On the written file, the same choices are flagged, now at the characters themselves.
    const again = await lintLines('a.md', 'mojibake-uncertain')
    expect(again.map((line) => /Check `(.)`/u.exec(line)?.[1])).toEqual(choices)
    const writtenLines = written.split('\n')
    for (const line of again) {
      const [, row, column] = /^(\d+):(\d+)/.exec(line) ?? []
      expect(line).toContain(`Check \`${writtenLines[Number(row) - 1].slice(Number(column) - 1, Number(column))}\``)
    }

    expect((await bitext('repair', '--accept', 'a.md')).code).toBe(0)
    expect(fs.readFileSync(file, 'utf8')).toBe(written.slice(0, block.start))
    expect(await lintLines('a.md', 'mojibake-uncertain')).toEqual([])
  }, 60_000)
})
