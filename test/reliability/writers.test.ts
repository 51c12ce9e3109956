/**
 * The commands that change an article (`lint --fix`, `repair --write`) hold
 * the same line as `build`: killed at any moment, the article is the old one
 * or the new one and its `.orig` backup is whole; two of them at once on the
 * same article both land, neither edit is lost.
 */
import * as fs from 'node:fs'
import path from 'node:path'
import iconv from 'iconv-lite'
import {describe, expect, it} from 'vitest'
import {ChangedOnDiskError, writeFileAtomic} from '../../src/cli/atomic-write.js'
import {run} from '../../src/cli/run.js'
import {captureIo, projectRoot, tempDir} from '../helpers.js'
import {startBitext} from './build-child.js'

const glossary = fs.readFileSync(path.join(projectRoot, 'glossary.yaml'))

/** An article with one glossary fix (群集 → 集群) and two typography fixes (spaces around Kubernetes). */
const fixable = '---\ntitle: 集群\n---\n\n> We run two clusters.\n\n我们运行两个群集。\n\n> Kubernetes runs containers.\n\n在Kubernetes中运行容器。\n'
const bothFixed = fixable.replace('两个群集', '两个集群').replace('在Kubernetes中', '在 Kubernetes 中')

/** The same article with its Chinese read as windows-1252 (mojibake for repair). */
const damaged = Buffer.from(iconv.decode(Buffer.from(bothFixed, 'utf8'), 'windows-1252'), 'utf8')

function project(article: string | Uint8Array): {cwd: string; file: string} {
  const cwd = fs.realpathSync(tempDir('bitext-writers-'))
  fs.mkdirSync(path.join(cwd, 'articles'))
  fs.writeFileSync(path.join(cwd, 'glossary.yaml'), glossary)
  const file = path.join(cwd, 'articles', 'a.md')
  fs.writeFileSync(file, article)
  return {cwd, file}
}

describe('writing commands killed at random moments', () => {
  const commands: Array<{name: string; args: string[]; before: Uint8Array}> = [
    {name: 'lint --fix', args: ['lint', '--fix', '--no-cache', '--quiet', 'articles'], before: Buffer.from(fixable)},
    {name: 'repair --write', args: ['repair', '--write', 'articles/a.md'], before: damaged}
  ]
  for (const command of commands) {
    it(`${command.name}: the article is old or new and the backup is whole after every kill`, async () => {
      // A whole run, for its result and its duration.
      const whole = project(command.before)
      const started = performance.now()
      await startBitext(command.args, whole.cwd).done
      const duration = performance.now() - started
      const after = fs.readFileSync(whole.file)
      expect(Buffer.compare(after, command.before)).not.toBe(0)
      const outcomes: string[] = []
      for (const fraction of [0.3, 0.6, 0.8, 0.9, 0.95, 1, 1.05, 1.2]) {
        const {cwd, file} = project(command.before)
        const child = startBitext(command.args, cwd)
        await new Promise((resolve) => setTimeout(resolve, duration * fraction))
        child.child.kill('SIGKILL')
        await child.done
        const now = fs.readFileSync(file)
        const state = Buffer.compare(now, command.before) === 0 ? 'old' : Buffer.compare(now, after) === 0 ? 'new' : 'torn'
        outcomes.push(state)
        expect(state, `killed at ${Math.round(fraction * 100)}%`).not.toBe('torn')
        const backup = file + '.orig'
        if (fs.existsSync(backup)) expect(Buffer.compare(fs.readFileSync(backup), command.before), 'the backup is the whole old article').toBe(0)
        else expect(state, 'a new article always has its backup').toBe('old')
      }
      console.log(`${command.name}: whole run ${(duration / 1000).toFixed(1)} s; killed at 30%–120%: ${outcomes.join(', ')}`)
    }, 300_000)
  }
})

describe('two writers on one article at once', () => {
  it('two lint --fix runs with different rules: both fixes land', async () => {
    for (let trial = 0; trial < 3; trial++) {
      const {cwd, file} = project(fixable)
      const glossaryRun = startBitext(['lint', '--fix', '--no-cache', '--quiet', '--rules', 'glossary', 'articles'], cwd)
      const typographyRun = startBitext(['lint', '--fix', '--no-cache', '--quiet', '--rules', 'zh-typography', 'articles'], cwd)
      const results = await Promise.all([glossaryRun.done, typographyRun.done])
      for (const result of results) expect(result.stderr).not.toMatch(/internal error|\n\s+at /)
      expect(fs.readFileSync(file, 'utf8'), `trial ${trial + 1}`).toBe(bothFixed)
      expect(fs.readFileSync(file + '.orig', 'utf8')).toBe(fixable)
      expect(fs.readdirSync(path.join(cwd, 'articles')).sort()).toEqual(['a.md', 'a.md.orig'])
    }
  }, 300_000)

  it('an edit saved after repair --write read the article is kept: repair reads it again', async () => {
    const {cwd, file} = project(damaged)
    const edited = Buffer.concat([damaged, Buffer.from('\nA line the author added.\n')])
    // The author saves an edit just after bitext has read the article (its
    // first read of the file ends with the close of that descriptor).
    const opened = new Set<number>()
    let editedYet = false
    const openSync = ((target: fs.PathLike, flags: fs.OpenMode, mode?: fs.Mode | null) => {
      const fd = fs.openSync(target, flags, mode)
      if (String(target) === file && !editedYet) opened.add(fd)
      return fd
    }) as typeof fs.openSync
    const closeSync = ((fd: number) => {
      fs.closeSync(fd)
      if (opened.delete(fd) && !editedYet) {
        editedYet = true
        fs.writeFileSync(file, edited)
      }
    }) as typeof fs.closeSync
    const io = captureIo(cwd)
    const code = await run(['repair', '--write', 'articles/a.md'], {...io, fs: {...fs, openSync, closeSync}})
    expect(io.err()).toContain('articles/a.md: changed on disk while it was being repaired; repairing it again\n')
    expect(code).toBe(0)
    const text = fs.readFileSync(file, 'utf8')
    expect(text).toContain('A line the author added.')
    expect(text).toContain('我们运行两个集群。')
    // The backup is the article as bitext first found it on disk... which was the edited one.
    expect(fs.readFileSync(file + '.orig')).toEqual(edited)
  })
})

describe('writeFileAtomic with the bytes the change came from', () => {
  it('writes when the file still holds them, refuses and writes nothing when it changed, and leaves no lock behind', () => {
    const {file} = project('one\n')
    writeFileAtomic(fs, file, 'two\n', {backup: true, expected: Buffer.from('one\n')})
    expect(fs.readFileSync(file, 'utf8')).toBe('two\n')
    expect(() => writeFileAtomic(fs, file, 'three\n', {backup: true, expected: Buffer.from('one\n')})).toThrow(ChangedOnDiskError)
    expect(fs.readFileSync(file, 'utf8')).toBe('two\n')
    expect(fs.readFileSync(file + '.orig', 'utf8')).toBe('one\n')
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(['a.md', 'a.md.orig'])
  })
})
