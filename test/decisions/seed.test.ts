/**
 * The whole flow on the seed article (committed in articles/): repair it to a
 * copy, see its open decisions in lint at the right places on disk, settle
 * one, and three twins with one command.
 */
import * as fs from 'node:fs'
import path from 'node:path'
import {expect, it} from 'vitest'
import {run} from '../../src/cli/run.js'
import {readBlock} from '../../src/decisions/index.js'
import {captureIo, seedPath, tempDir} from '../helpers.js'

interface Flag {
  line: number
  column: number
  endColumn: number
  message: string
}

it('keeps the seed\'s uncertain choices open after repair --write, until accepted or chosen', async () => {
  const dir = tempDir('bitext-seed-decisions-')
  const file = path.join(dir, 'seed.md')
  fs.copyFileSync(seedPath, file)
  const bitext = async (...args: string[]) => {
    const io = captureIo(dir)
    const code = await run(args, io)
    return {code, out: io.out(), err: io.err()}
  }
  const flags = async (): Promise<Flag[]> => {
    const {code, out} = await bitext('lint', 'seed.md', '--rules', 'mojibake-uncertain', '--format', 'json', '--no-cache', '--jobs', '1')
    expect(code).toBe(0)
    const [report] = JSON.parse(out) as Array<{messages: Flag[]}>
    return report.messages
  }

  const repaired = await bitext('repair', 'seed.md', '--write')
  expect(repaired.code).toBe(0)
  // Decisions as lint counts them (twins once), then the characters they hold.
  const [, uncertain, decisions, open] = /, (\d+) uncertain; (\d+) open decisions \((\d+) characters\) kept in the file/.exec(repaired.err) ?? []
  expect(Number(open)).toBeGreaterThan(0)
  expect(open).toBe(uncertain)
  const written = fs.readFileSync(file, 'utf8')
  expect(readBlock(written).entries.length).toBe(Number(open))

  // Lint on the written file: every open decision, at its character on disk; twins (the
  // three `号影` of line 203) are one message at the first, naming the others' line.
  const first = await flags()
  const twinsOf = (flag: Flag): number => {
    const match = /; the same choice in the same word (once more|(\d+) more times), on line/.exec(flag.message)
    return match === null ? 0 : match[2] === undefined ? 1 : Number(match[2])
  }
  expect(first.reduce((sum, flag) => sum + 1 + twinsOf(flag), 0)).toBe(Number(open))
  expect(first.length).toBe(Number(decisions))
  expect(Number(decisions)).toBeLessThan(Number(open))
  const twin = first.find((flag) => twinsOf(flag) > 0)!
  expect(twin.line).toBe(203)
  expect(twin.message).toContain('; the same choice in the same word 2 more times, on line 203: settling this one settles all')
  const lines = written.split('\n')
  for (const flag of first) {
    const character = lines[flag.line - 1].slice(flag.column - 1, flag.endColumn - 1)
    expect(flag.message.startsWith(`Check \`${character}\`, rebuilt from lost bytes: `) || flag.message.startsWith('Lost character')).toBe(true)
  }

  // Accept one, choose another candidate for the twins: one command settles all three.
  const accepted = first.find((flag) => / others: `(.)`/u.test(flag.message) && twinsOf(flag) === 0)!
  const chosen = twin
  const other = / others: `(.)`/u.exec(chosen.message)?.[1] ?? ''
  expect(other).toBe('州')
  expect((await bitext('repair', '--accept', `seed.md:${accepted.line}:${accepted.column}`, '--choose', `seed.md:${chosen.line}:${chosen.column}=卷`)).code).toBe(0)
  const settled = fs.readFileSync(file, 'utf8')
  expect(readBlock(settled).entries.length).toBe(Number(open) - 4)
  const second = await flags()
  expect(second.length).toBe(first.length - 2)
  const places = (list: Flag[]) => list.map((flag) => `${flag.line}:${flag.column}`)
  expect(places(second)).toEqual(places(first).filter((place) => place !== `${accepted.line}:${accepted.column}` && place !== `${chosen.line}:${chosen.column}`))
  // Nothing but the three chosen characters and the block changed.
  const line203 = written.split('\n')[202]
  expect(line203.split('号影').length).toBe(4)
  expect(settled.slice(0, readBlock(settled).start)).toBe(written.slice(0, readBlock(written).start).split('\n').map((line, index) =>
    index === 202 ? line.replaceAll('号影', '卷影') : line).join('\n'))
}, 240_000)
