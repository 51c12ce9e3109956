/**
 * `bitext lint` end to end on files in a temporary folder: formats, exit
 * codes, rule groups, --max-warnings, --quiet, --fix, usage errors.
 */
import * as fs from 'node:fs'
import stringWidth from 'string-width'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {UsageError} from '../../src/cli/command.js'
import {lintCommand, selectRules} from '../../src/cli/commands/lint.js'
import type {CliIo} from '../../src/cli/io.js'
import {allRules} from '../../src/check/rules.js'
import {seedPath} from '../helpers.js'

const glossary = `version: 1
terms:
  - en: cluster
    zh: 集群
    forbid: [群集]
  - en: ReplicaSet
    zh: [副本集, ReplicaSet]
`

const bad = `> The cluster runs.

群集在运行。

> The clusters are many.

它们很多。
`

const good = `> The cluster runs.

集群在运行。
`

let dir: string
let stdout: string[]
let stderr: string[]

function io(): CliIo {
  return {stdout: {write: (chunk: string) => stdout.push(chunk)}, stderr: {write: (chunk: string) => stderr.push(chunk)}, fs, cwd: dir, env: {}}
}

function write(name: string, content: string): string {
  const file = path.join(dir, name)
  fs.mkdirSync(path.dirname(file), {recursive: true})
  fs.writeFileSync(file, content)
  return file
}

async function lint(...args: string[]): Promise<number> {
  return lintCommand.run(args, io())
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bitext-lint-'))
  stdout = []
  stderr = []
  write('glossary.yaml', glossary)
})
afterEach(() => {
  fs.rmSync(dir, {recursive: true, force: true})
})

describe('bitext lint', () => {
  it('keeps piped stylish lines within 100 columns on the seed, and within COLUMNS when set', async () => {
    const seed = fs.readFileSync(seedPath)
    fs.writeFileSync(write('articles/seed.md', ''), seed)
    expect(await lint()).toBe(1)
    const lines = stdout.join('').split('\n')
    expect(lines.length).toBeGreaterThan(100)
    expect(Math.max(...lines.map((line) => stringWidth(line)))).toBeLessThanOrEqual(100)
    // Wrapped, not cut: the longest message is whole when its lines are joined (rule and source stand on its first line).
    const squeezed = stdout.join('').replace(/\s+/g, '')
    expect(squeezed).toContain('Missinglinktolink-mismatchbitext`http://www.hanymichaels.com/2017/10/04/kubernetes-in-the-enterprise-a-vmware-guide-on-how-to-design-deploy-and-operate-k8saas-with-nsx-t-and-vra`intranslation,addit')
    stdout = []
    expect(await lintCommand.run([], {...io(), env: {COLUMNS: '80'}})).toBe(1)
    expect(Math.max(...stdout.join('').split('\n').map((line) => stringWidth(line)))).toBeLessThanOrEqual(80)
  })

  it('checks articles/ by default and exits 1 on an error (json format)', async () => {
    write('articles/bad.md', bad)
    write('articles/good.md', good)
    expect(await lint('--rules', 'glossary', '--format', 'json')).toBe(1)
    expect(JSON.parse(stdout.join(''))).toEqual([
      {
        file: 'articles/bad.md',
        messages: [
          {
            ruleId: 'glossary-forbidden',
            severity: 'error',
            line: 3,
            column: 1,
            endLine: 3,
            endColumn: 3,
            message: 'Unexpected `群集` for `cluster`, expected `集群`',
            actual: '群集',
            expected: ['集群']
          },
          {
            ruleId: 'glossary-missing',
            severity: 'warning',
            line: 7,
            column: 1,
            endLine: 7,
            endColumn: 6,
            message: 'Missing `集群` for `clusters`, translate it as `集群`',
            actual: 'clusters',
            expected: ['集群']
          }
        ]
      },
      {file: 'articles/good.md', messages: []}
    ])
  })

  it('exits 0 on warnings only, and 1 when they exceed --max-warnings', async () => {
    write('a.md', '> The clusters are many.\n\n它们很多。\n')
    expect(await lint('a.md', '--rules', 'glossary', '--format', 'github')).toBe(0)
    expect(stdout.join('')).toBe('::warning file=a.md,line=3,col=1,endLine=3,endColumn=6,title=bitext(glossary-missing)::Missing `集群` for `clusters`, translate it as `集群`\n')
    expect(await lint('a.md', '--rules', 'glossary', '--max-warnings', '1')).toBe(0)
    expect(await lint('a.md', '--rules', 'glossary', '--max-warnings', '0')).toBe(1)
    expect(stderr.join('')).toContain('1 warnings, more than --max-warnings 0')
  })

  it('--quiet reports errors only; stylish is the default format', async () => {
    write('a.md', bad)
    expect(await lint('a.md', '--rules', 'glossary', '--quiet')).toBe(1)
    const report = stdout.join('')
    expect(report).toMatch(/3:1-3:3\s+error\s+Unexpected `群集` for `cluster`, expected `集群`\s+glossary-forbidden/)
    expect(report).not.toContain('glossary-missing')
  })

  it('--rules glossary keeps glossary messages only; all rules report more', async () => {
    write('a.md', bad)
    await lint('a.md', '--rules', 'glossary', '--format', 'json')
    const glossaryOnly = (JSON.parse(stdout.join('')) as Array<{messages: Array<{ruleId: string}>}>)[0].messages.map((message) => message.ruleId)
    expect(glossaryOnly.every((id) => id.startsWith('glossary-'))).toBe(true)
    stdout = []
    await lint('a.md', '--format', 'json')
    const all = (JSON.parse(stdout.join('')) as Array<{messages: Array<{ruleId: string}>}>)[0].messages.map((message) => message.ruleId)
    expect(all).toEqual(expect.arrayContaining(glossaryOnly))
  })

  it('reports glossary-inconsistent across files', async () => {
    write('articles/a.md', '> The ReplicaSets.\n\n这些副本集。\n\n> A ReplicaSet.\n\n一个副本集。\n')
    write('articles/b.md', '> The ReplicaSets.\n\n这些 ReplicaSet。\n')
    expect(await lint('--rules', 'glossary', '--format', 'json')).toBe(0)
    const report = JSON.parse(stdout.join('')) as Array<{file: string; messages: Array<{message: string; line: number}>}>
    expect(report[1].messages).toEqual([
      expect.objectContaining({line: 3, message: 'Inconsistent `ReplicaSet` for `ReplicaSet`, expected `副本集` as in articles/a.md:3:3, articles/a.md:7:3'})
    ])
  })

  it('writes the report to --output (sarif)', async () => {
    write('a.md', bad)
    expect(await lint('a.md', '--rules', 'glossary', '--format', 'sarif', '--output', 'out/report.sarif')).toBe(1)
    expect(stdout).toEqual([])
    const log = JSON.parse(fs.readFileSync(path.join(dir, 'out/report.sarif'), 'utf8')) as {version: string; runs: Array<{results: unknown[]}>}
    expect(log.version).toBe('2.1.0')
    expect(log.runs[0].results).toHaveLength(2)
  })

  it('--glossary uses another glossary', async () => {
    write('a.md', bad)
    write('other.yaml', 'version: 1\nterms:\n  - en: run\n    zh: 运行\n')
    expect(await lint('a.md', '--rules', 'glossary', '--glossary', 'other.yaml', '--format', 'json')).toBe(0)
  })
})

describe('bitext lint --fix', () => {
  it('applies fixes, keeps a .orig backup, and reports what is left', async () => {
    const file = write('a.md', bad)
    expect(await lint('a.md', '--rules', 'glossary', '--fix', '--format', 'json')).toBe(0)
    expect(fs.readFileSync(file, 'utf8')).toBe(bad.replace('群集', '集群'))
    expect(fs.readFileSync(file + '.orig', 'utf8')).toBe(bad)
    const [report] = JSON.parse(stdout.join('')) as Array<{messages: Array<{ruleId: string}>}>
    expect(report.messages.map((message) => message.ruleId)).toEqual(['glossary-missing'])
    // Nothing left to fix: the file and its backup stay as they are.
    expect(await lint('a.md', '--rules', 'glossary', '--fix')).toBe(0)
    expect(fs.readFileSync(file + '.orig', 'utf8')).toBe(bad)
  })

  it('leaves an article that needed repair alone, and says so', async () => {
    const seed = fs.readFileSync(seedPath)
    const file = write('seed.md', '')
    fs.writeFileSync(file, seed)
    write('glossary.yaml', glossary)
    expect(await lint('seed.md', '--rules', 'glossary', '--fix', '--format', 'json')).toBe(1)
    expect(Buffer.compare(fs.readFileSync(file), seed)).toBe(0)
    expect(fs.existsSync(file + '.orig')).toBe(false)
    const [report] = JSON.parse(stdout.join('')) as Array<{messages: Array<{ruleId: string; severity: string; message: string}>}>
    expect(report.messages).toContainEqual(expect.objectContaining({ruleId: 'fix', severity: 'info'}))
    expect(report.messages.find((message) => message.ruleId === 'fix')?.message).toMatch(/^Not fixed: the article is .* and needed repairs; repair it and save it as UTF-8 first$/)
  }, 120_000)

  it('does not fix what a marker switched off', async () => {
    const text = `<!-- bitext-disable glossary-forbidden -->\n\n${bad}`
    const file = write('a.md', text)
    expect(await lint('a.md', '--rules', 'glossary', '--fix')).toBe(0)
    expect(fs.readFileSync(file, 'utf8')).toBe(text)
    expect(fs.existsSync(file + '.orig')).toBe(false)
  })
})

describe('usage errors', () => {
  it.each([
    [['--format', 'xml'], 'Unknown --format `xml`; use stylish, json, github, sarif'],
    [['--max-warnings', 'many'], '--max-warnings takes a whole number such as 0 or 10, not `many`'],
    [['--rules', 'spelling'], 'Unknown --rules `spelling`; use all, a group (glossary, qa, align, repair, typography) or rule ids'],
    [['missing.md'], 'Cannot find `missing.md`; pass an existing Markdown file or folder'],
    [['--glossary', 'nope.yaml'], 'Cannot find the glossary `nope.yaml`; pass an existing file to --glossary or remove `glossary` from the configuration']
  ])('%j', async (args, message) => {
    write('articles/a.md', good)
    await expect(lint(...args)).rejects.toThrow(new UsageError(message))
  })

  it('a refused glossary is a usage error with its line and column', async () => {
    write('articles/a.md', good)
    write('glossary.yaml', 'version: 1\nterms:\n  - en: cluster\n    zh: 集群\n    colour: red\n')
    await expect(lint()).rejects.toThrow(new UsageError('glossary.yaml:5:5: unknown field `colour` in a term; allowed: en, zh, keep, forbid, case, when, unless, note, examples'))
  })
})

describe('selectRules', () => {
  it('selects groups, ids and all', () => {
    expect(selectRules('glossary', allRules).map((rule) => rule.id)).toEqual(['glossary-forbidden', 'glossary-missing', 'glossary-keep', 'glossary-inconsistent'])
    expect(selectRules('all', allRules)).toHaveLength(allRules.length)
    expect(selectRules('glossary-keep,glossary-missing', allRules).map((rule) => rule.id)).toEqual(['glossary-missing', 'glossary-keep'])
  })
})
