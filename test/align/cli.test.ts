import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {UsageError} from '../../src/cli/command.js'
import {alignCommand} from '../../src/cli/commands/align.js'
import type {CliIo} from '../../src/cli/io.js'
import {projectRoot} from './seed-text.js'

function fakeIo(): CliIo & {out: string[]; err: string[]} {
  const out: string[] = []
  const err: string[] = []
  return {
    out,
    err,
    stdout: {write: (chunk: string) => out.push(chunk)},
    stderr: {write: (chunk: string) => err.push(chunk)},
    fs,
    cwd: projectRoot,
    env: {}
  }
}

const fixtures = 'test/fixtures/align'
const expected = (name: string): {units: unknown[]} =>
  JSON.parse(fs.readFileSync(path.join(projectRoot, fixtures, name, 'expected.json'), 'utf8')) as {units: unknown[]}

describe('bitext align', () => {
  it('prints the JSON contract of a bilingual file', async () => {
    const io = fakeIo()
    const code = await alignCommand.run([`${fixtures}/untranslated/input.md`, '--json'], io)
    expect(code).toBe(0)
    const json = JSON.parse(io.out.join('')) as {file: string; units: unknown[]}
    expect(json.file).toBe(`${fixtures}/untranslated/input.md`)
    expect(json.units).toEqual(expected('untranslated').units)
    expect(io.err.join('')).toMatch(/3:21-3:132 +warning +Unexpected English sentence `It maintains network rules that allow n…` in Chinese text +untranslated/)
  })

  it('aligns two files', async () => {
    const io = fakeIo()
    const code = await alignCommand.run([`${fixtures}/two-file-drift/input.md`, `${fixtures}/two-file-drift/input.zh.md`, '--json'], io)
    expect(code).toBe(0)
    const json = JSON.parse(io.out.join('')) as {zhFile: string; units: unknown[]}
    expect(json.zhFile).toBe(`${fixtures}/two-file-drift/input.zh.md`)
    expect(json.units).toEqual(expected('two-file-drift').units)
  })

  it('shows two columns with flags and a summary', async () => {
    const io = fakeIo()
    const code = await alignCommand.run([`${fixtures}/swapped-unquoted/input.md`, '--width', '80'], io)
    expect(code).toBe(0)
    const lines = io.out.join('').split('\n')
    expect(lines[0]).toMatch(/^unit +EN +│ ZH$/)
    expect(lines).toContain('            ! swapped-quote')
    expect(lines).toContain('            ! unquoted')
    expect(lines.find((line) => line.startsWith('= 5/7'))).toMatch(/│ ReplicaSet 的目的是/)
    expect(lines.at(-2)).toBe('4 units (4 pair); ZH:EN ratio 0.39; quoted side: en')
  })

  it('reports a missing translation on stderr', async () => {
    const io = fakeIo()
    await alignCommand.run([`${fixtures}/missing-translation/input.md`], io)
    expect(io.err.join('')).toMatch(/9:1-9:151 +warning +Missing translation of paragraph `A PersistentVolumeClaim is a request fo…` +missing-translation/)
  })

  it('rejects bad usage', async () => {
    await expect(alignCommand.run([], fakeIo())).rejects.toThrow(UsageError)
    await expect(alignCommand.run(['a.md', 'b.md', 'c.md'], fakeIo())).rejects.toThrow(/Expected one bilingual file/)
    await expect(alignCommand.run([`${fixtures}/omission/input.md`, '--width', 'wide'], fakeIo())).rejects.toThrow(/Unexpected width `wide`/)
    await expect(alignCommand.run(['no/such/file.md'], fakeIo())).rejects.toThrow(/Cannot read `no\/such\/file.md` \(ENOENT\)/)
  })
})
