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
    expect(fs.readdirSync(path.join(dir, 'out')).sort()).toEqual(['index.html', 'seed.html', 'seed.json', 'small.html', 'small.json'])
    const seed = JSON.parse(fs.readFileSync(path.join(dir, 'out', 'seed.json'), 'utf8')) as {path: string; rows: unknown[]; messages: Array<{ruleId: string}>}
    expect(seed.path).toBe(path.join('articles', 'seed.md'))
    expect(seed.rows.length).toBeGreaterThan(50)
    expect(seed.messages.some((message) => message.ruleId === 'untranslated')).toBe(true)
    const index = fs.readFileSync(path.join(dir, 'out', 'index.html'), 'utf8')
    expect(index.indexOf('seed.html')).toBeLessThan(index.indexOf('small.html'))
    expect(io.err()).toMatch(/^bitext review: 2 articles, \d+ messages → out\/index.html\n$/)
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

  it('needs one article and one format', async () => {
    await expect(exportCommand.run(['articles/small.md'], captureIo(project()))).rejects.toThrow('Pass one of --tmx or --xliff')
    await expect(exportCommand.run(['--tmx'], captureIo(project()))).rejects.toThrow(UsageError)
  })
})
