/**
 * `bitext review` and `bitext export` as commands, on a copy of the seed in a
 * temporary project.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {UsageError} from '../../src/cli/command.js'
import {exportCommand} from '../../src/cli/commands/export.js'
import {reviewCommand} from '../../src/cli/commands/review.js'
import {allRules} from '../../src/check/rules.js'
import {captureIo, seedPath, tempDir} from '../helpers.js'

function project(): string {
  const dir = tempDir()
  fs.mkdirSync(path.join(dir, 'articles'))
  fs.copyFileSync(seedPath, path.join(dir, 'articles', 'seed.md'))
  fs.writeFileSync(path.join(dir, 'articles', 'small.md'), '> Kubernetes runs on 4 nodes.\n\nKubernetes 运行在 4 个节点上。\n')
  return dir
}

describe('bitext review', () => {
  it('writes a page and JSON per article and an index', async () => {
    const dir = project()
    const io = captureIo(dir)
    expect(await reviewCommand.run(['--out', 'out'], io)).toBe(0)
    expect(fs.readdirSync(path.join(dir, 'out')).sort()).toEqual(['index.html', 'rules', 'seed.html', 'seed.json', 'small.html', 'small.json'])
    const seed = JSON.parse(fs.readFileSync(path.join(dir, 'out', 'seed.json'), 'utf8')) as {path: string; rows: unknown[]; messages: Array<{ruleId: string}>; uncertain: {decisions: number; characters: number}}
    expect(seed.path).toBe(path.join('articles', 'seed.md'))
    expect(seed.rows.length).toBeGreaterThan(50)
    expect(seed.messages.some((message) => message.ruleId === 'untranslated')).toBe(true)
    const index = fs.readFileSync(path.join(dir, 'out', 'index.html'), 'utf8')
    expect(index.indexOf('seed.html')).toBeLessThan(index.indexOf('small.html'))
    // The seed's repair decisions, counted as lint counts its mojibake-uncertain messages (twins once).
    const {decisions, characters} = seed.uncertain
    expect(decisions).toBe(seed.messages.filter((message) => message.ruleId === 'mojibake-uncertain').length)
    expect(characters).toBeGreaterThan(decisions)
    expect(io.err()).toMatch(new RegExp(`^bitext review: 2 articles, \\d+ messages, ${decisions} decisions to make \\(${characters} characters\\) → out/index.html\n$`))
  })

  it('writes the rule pages its rule links point to, from docs/rules', async () => {
    const dir = project()
    expect(await reviewCommand.run(['--out', 'out'], captureIo(dir))).toBe(0)
    const out = path.join(dir, 'out')
    expect(fs.readdirSync(path.join(out, 'rules')).sort()).toEqual(allRules.map((rule) => `${rule.id}.html`).sort())
    const hrefs = new Set<string>()
    for (const page of ['seed.html', 'index.html']) {
      for (const match of fs.readFileSync(path.join(out, page), 'utf8').matchAll(/<a class="rule" href="([^"]+)"|<td><a href="(rules\/[^"]+)"/g)) hrefs.add(match[1] ?? match[2] ?? '')
    }
    expect([...hrefs].sort()).toEqual(expect.arrayContaining(['rules/link-mismatch.html', 'rules/untranslated.html', 'rules/zh-typography.html']))
    for (const href of hrefs) expect(fs.existsSync(path.join(out, href)), href).toBe(true)
    // An info message without a rule page (the repair summary) is not linked.
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('<td>mojibake-repaired</td>')
    const page = fs.readFileSync(path.join(out, 'rules', 'glossary-missing.html'), 'utf8')
    expect(page).toContain('<title>bitext rule: glossary-missing</title>')
    expect(page).toContain('<h1>glossary-missing</h1>')
    expect(page).toContain('<h2>Message</h2>')
    expect(page).toContain('<a href="../index.html">All articles</a>')
    // A link to a page the report does not carry keeps its text, not a broken link.
    expect(page).not.toContain('href="../glossary.md')
    expect(page).toContain('<span>senses</span>')
  })

  it('honours the rule settings of .bitextrc.json', async () => {
    const dir = project()
    fs.writeFileSync(path.join(dir, '.bitextrc.json'), JSON.stringify({rules: {'zh-typography': 'off'}}))
    expect(await reviewCommand.run(['articles/seed.md', '--out', 'out'], captureIo(dir))).toBe(0)
    const seed = JSON.parse(fs.readFileSync(path.join(dir, 'out', 'seed.json'), 'utf8')) as {messages: Array<{ruleId: string}>}
    expect(seed.messages.filter((message) => message.ruleId === 'zh-typography')).toEqual([])
  })

  it('rejects a missing input', async () => {
    await expect(reviewCommand.run(['nope.md'], captureIo(project()))).rejects.toThrow(UsageError)
  })
})

describe('bitext export', () => {
  it('writes TMX to standard output and XLIFF to a file', async () => {
    const dir = project()
    const io = captureIo(dir)
    expect(await exportCommand.run(['articles/small.md', '--tmx'], io)).toBe(0)
    expect(io.out()).toContain('<tuv xml:lang="en"><seg>Kubernetes runs on 4 nodes.</seg></tuv>')
    expect(await exportCommand.run(['articles/seed.md', '--xliff', '--out', 'out/seed.xlf'], captureIo(dir))).toBe(0)
    expect(fs.readFileSync(path.join(dir, 'out', 'seed.xlf'), 'utf8')).toContain('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0"')
  })

  it('writes XLIFF 1.2 with --xliff 1.2, and 2.0 with --xliff 2.0 or --xliff alone', async () => {
    const dir = project()
    for (const [args, namespace] of [
      [['--xliff', '1.2'], '1.2'],
      [['--xliff=1.2'], '1.2'],
      [['--xliff', '2.0'], '2.0'],
      [['--xliff'], '2.0']
    ] as const) {
      const io = captureIo(dir)
      expect(await exportCommand.run(['articles/small.md', ...args], io)).toBe(0)
      expect(io.out()).toContain(`<xliff xmlns="urn:oasis:names:tc:xliff:document:${namespace}" version="${namespace}"`)
    }
    await expect(exportCommand.run(['articles/small.md', '--xliff=1.1'], captureIo(dir))).rejects.toThrow(new UsageError('Unknown XLIFF version `1.1`; use --xliff 2.0 or --xliff 1.2'))
  })

  it('needs one article and one format', async () => {
    await expect(exportCommand.run(['articles/small.md'], captureIo(project()))).rejects.toThrow('Pass one of --tmx or --xliff')
    await expect(exportCommand.run(['--tmx'], captureIo(project()))).rejects.toThrow(UsageError)
  })
})
