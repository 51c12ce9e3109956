/**
 * All-or-nothing publishing and one build per output folder: a build killed
 * at any moment leaves the previous blog whole, two builds at once leave one
 * complete blog, a lock left by a dead build does not block the next one.
 */
import {spawnSync} from 'node:child_process'
import * as fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {run} from '../../src/cli/run.js'
import {acquireLock, currentHolder} from '../../src/cli/file-lock.js'
import {manifestName, recoverOutput, stageOutput} from '../../src/cli/staged-output.js'
import {captureIo, projectRoot, tempDir} from '../helpers.js'
import {leftovers, startBitext, treeHash} from './build-child.js'

const good = fs.readFileSync(path.join(projectRoot, 'articles', 'rolling-updates-without-downtime.md'), 'utf8')

/** A blog of `count` articles; `version` changes every article's text. */
function writeArticles(cwd: string, count: number, version: string): void {
  fs.rmSync(path.join(cwd, 'articles'), {recursive: true, force: true})
  fs.mkdirSync(path.join(cwd, 'articles'))
  for (let index = 0; index < count; index++) {
    const slug = `post-${String(index).padStart(3, '0')}`
    const text = good.replace('slug: rolling-updates-without-downtime', `slug: ${slug}`).replace('零停机滚动更新', `零停机滚动更新 ${version} ${index}`)
    fs.writeFileSync(path.join(cwd, 'articles', `${slug}.md`), text)
  }
}

function project(): string {
  return fs.realpathSync(tempDir('bitext-swap-'))
}

describe('stageOutput', () => {
  it('writes nothing into the output folder until commit, then swaps in the new one', () => {
    const cwd = project()
    const out = path.join(cwd, 'dist')
    fs.mkdirSync(path.join(out, 'old-post'), {recursive: true})
    fs.writeFileSync(path.join(out, 'old-post', 'index.html'), 'old')
    fs.writeFileSync(path.join(out, manifestName), JSON.stringify({written: ['old-post']}))
    fs.writeFileSync(path.join(out, 'CNAME'), 'blog.example\n')
    const staged = stageOutput(fs, out)
    staged.write('new-post/index.html', 'new')
    expect(treeHash(out)).toContain('old-post/index.html')
    expect(() => staged.write('../escape.html', 'x')).toThrow('Refusing to write outside the output folder: ../escape.html')
    const stats = staged.commit()
    // The previous build's article is gone, the file no build wrote is kept.
    expect(stats.carried).toEqual(['CNAME'])
    expect((fs.readdirSync(out, {recursive: true}) as string[]).sort()).toEqual([manifestName, 'CNAME', 'new-post', path.join('new-post', 'index.html')])
    expect(JSON.parse(fs.readFileSync(path.join(out, manifestName), 'utf8'))).toEqual({written: ['new-post']})
    expect(leftovers(out)).toEqual([])
  })

  it('abort leaves the previous output as it was', () => {
    const cwd = project()
    const out = path.join(cwd, 'dist')
    fs.mkdirSync(out)
    fs.writeFileSync(path.join(out, 'index.html'), 'old')
    const staged = stageOutput(fs, out)
    staged.write('index.html', 'new')
    staged.abort()
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('old')
    expect(leftovers(out)).toEqual([])
  })

  it('recovery puts the previous output back when a kill fell between the two renames', () => {
    const cwd = project()
    const out = path.join(cwd, 'dist')
    fs.mkdirSync(path.join(cwd, '.dist.old-123-abcdef'))
    fs.writeFileSync(path.join(cwd, '.dist.old-123-abcdef', 'index.html'), 'old')
    fs.mkdirSync(path.join(cwd, '.dist.staging-123-012345'))
    fs.mkdirSync(path.join(cwd, '.dist.trash-99-0a0b'))
    expect(recoverOutput(fs, out)).toEqual(['.dist.old-123-abcdef', '.dist.staging-123-012345', '.dist.trash-99-0a0b'])
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('old')
    expect(leftovers(out)).toEqual([])
  })
})

describe('bitext build killed at random moments', () => {
  const count = 12
  let cwd: string
  let oldBlog: string
  let newBlog: string
  let fullMs: number

  beforeAll(async () => {
    // The two blogs, built in this process: what dist/ may be after a kill.
    const reference = project()
    writeArticles(reference, count, 'new')
    expect(await run(['build', '--quiet', '--no-cache', '--jobs', '1'], captureIo(reference))).toBe(0)
    newBlog = treeHash(path.join(reference, 'dist'))
    cwd = project()
    writeArticles(cwd, count, 'old')
    expect(await run(['build', '--quiet', '--no-cache', '--jobs', '1'], captureIo(cwd))).toBe(0)
    oldBlog = treeHash(path.join(cwd, 'dist'))
    expect(oldBlog).not.toBe(newBlog)
    // How long a whole build takes in a child, to spread the kills over it.
    const snapshot = fs.mkdtempSync(path.join(os.tmpdir(), 'bitext-swap-old-'))
    fs.cpSync(path.join(cwd, 'dist'), snapshot, {recursive: true})
    writeArticles(cwd, count, 'new')
    const started = performance.now()
    const whole = await startBitext(['build', '--quiet', '--no-cache', '--jobs', '1'], cwd).done
    fullMs = performance.now() - started
    expect(whole.code).toBe(0)
    expect(treeHash(path.join(cwd, 'dist'))).toBe(newBlog)
    fs.rmSync(path.join(cwd, 'dist'), {recursive: true})
    fs.cpSync(snapshot, path.join(cwd, 'dist'), {recursive: true})
  }, 240_000)

  it('leaves dist/ all old or all new, and the next build cleans up', async () => {
    const outcomes: string[] = []
    for (const fraction of [0.2, 0.5, 0.75, 0.9, 0.95, 1.0, 1.05]) {
      const started = startBitext(['build', '--quiet', '--no-cache', '--jobs', '1'], cwd)
      const timer = setTimeout(() => started.child.kill('SIGKILL'), Math.round(fullMs * fraction))
      const ended = await started.done
      clearTimeout(timer)
      const now = treeHash(path.join(cwd, 'dist'))
      const state = now === oldBlog ? 'old' : now === newBlog ? 'new' : 'mixed'
      outcomes.push(`${fraction}:${ended.signal ?? ended.code}:${state}`)
      expect(state, `killed at ${fraction} of a build`).not.toBe('mixed')
      if (state === 'new') {
        // Go back to the old blog for the next kill.
        fs.rmSync(path.join(cwd, 'dist'), {recursive: true})
        writeArticles(cwd, count, 'old')
        expect(await run(['build', '--quiet', '--no-cache', '--jobs', '1'], captureIo(cwd))).toBe(0)
        writeArticles(cwd, count, 'new')
      }
    }
    // At least one kill landed before the swap.
    expect(outcomes.some((outcome) => outcome.endsWith(':SIGKILL:old'))).toBe(true)
    const io = captureIo(cwd)
    expect(await run(['build', '--no-cache', '--jobs', '1'], io)).toBe(0)
    expect(treeHash(path.join(cwd, 'dist'))).toBe(newBlog)
    expect(leftovers(path.join(cwd, 'dist'))).toEqual([])
  }, 600_000)
})

describe('one build per output folder', () => {
  it('two builds at once leave one complete blog', async () => {
    const reference = project()
    writeArticles(reference, 6, 'race')
    expect(await run(['build', '--quiet', '--no-cache', '--jobs', '1'], captureIo(reference))).toBe(0)
    const expected = treeHash(path.join(reference, 'dist'))
    const cwd = project()
    writeArticles(cwd, 6, 'race')
    const first = startBitext(['build', '--quiet', '--no-cache', '--jobs', '1', '--wait'], cwd)
    const second = startBitext(['build', '--quiet', '--no-cache', '--jobs', '1', '--wait'], cwd)
    const [a, b] = await Promise.all([first.done, second.done])
    expect([a.code, b.code]).toEqual([0, 0])
    expect(treeHash(path.join(cwd, 'dist'))).toBe(expected)
    expect(leftovers(path.join(cwd, 'dist'))).toEqual([])
  }, 240_000)

  it('a second build stops with exit 2 and says who holds the folder', async () => {
    const cwd = project()
    writeArticles(cwd, 1, 'busy')
    const lock = acquireLock(fs, path.join(cwd, '.dist.lock'))
    const io = captureIo(cwd)
    expect(await run(['build', '--quiet', '--no-cache'], io)).toBe(2)
    expect(io.err()).toBe(
      `bitext build: Another build is writing dist (pid ${process.pid} on ${os.hostname()}, since ${lock.holder.since}); wait for it to finish, pass --wait to queue behind it, or remove .dist.lock if that process is gone\nRun \`bitext build --help\` for usage.\n`
    )
    expect(fs.existsSync(path.join(cwd, 'dist'))).toBe(false)
    lock.release()
    expect(await run(['build', '--quiet', '--no-cache'], captureIo(cwd))).toBe(0)
  }, 60_000)

  it('a lock left by a build that died is broken', async () => {
    const cwd = project()
    writeArticles(cwd, 1, 'stale')
    // A pid that surely ran and has ended: a child that has exited.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {encoding: 'utf8'})
    const holder = {...currentHolder(), pid: Number(dead.stdout)}
    fs.writeFileSync(path.join(cwd, '.dist.lock'), JSON.stringify(holder))
    expect(await run(['build', '--quiet', '--no-cache'], captureIo(cwd))).toBe(0)
    expect(fs.existsSync(path.join(cwd, 'dist', 'post-000', 'index.html'))).toBe(true)
    expect(leftovers(path.join(cwd, 'dist'))).toEqual([])
  }, 60_000)

  it('a live pid that started at another time (a reused pid) does not hold the lock', async () => {
    const cwd = project()
    writeArticles(cwd, 1, 'reused')
    fs.writeFileSync(path.join(cwd, '.dist.lock'), JSON.stringify({...currentHolder(), start: '1'}))
    const code = await run(['build', '--quiet', '--no-cache'], captureIo(cwd))
    // Where /proc tells start times the lock is broken; elsewhere the holder counts as alive.
    expect(code).toBe(fs.existsSync('/proc/self/stat') ? 0 : 2)
  }, 60_000)
})

describe('a rebuild that changes nothing', () => {
  async function built(cwd: string, args: string[] = []): Promise<string> {
    const io = captureIo(cwd)
    expect(await run(['build', '--jobs', '1', '--debug', ...args], io)).toBe(0)
    return io.err()
  }

  it('stages nothing and swaps nothing; any difference in dist/ (a page changed, removed or added by hand) is swapped out as before', async () => {
    const cwd = project()
    writeArticles(cwd, 3, 'v1')
    const out = path.join(cwd, 'dist')
    expect(await built(cwd)).toMatch(/swapped in dist in/)
    const first = treeHash(out)
    const inode = fs.statSync(out).ino

    expect(await built(cwd)).toContain('bitext build: dist already holds this build, file for file: nothing swapped\n')
    expect(fs.statSync(out).ino).toBe(inode)
    expect(treeHash(out)).toBe(first)
    expect(leftovers(out)).toEqual([])

    const page = path.join(out, 'post-001', 'index.zh.md')
    for (const damage of [
      () => fs.writeFileSync(page, 'edited by hand'),
      () => fs.rmSync(page),
      () => fs.writeFileSync(path.join(out, 'post-001', 'stray.txt'), 'left over')
    ]) {
      damage()
      expect(await built(cwd)).toMatch(/swapped in dist in/)
      expect(treeHash(out)).toBe(first)
    }

    writeArticles(cwd, 3, 'v2')
    expect(await built(cwd)).toMatch(/swapped in dist in/)
    expect(treeHash(out)).not.toBe(first)
    expect(leftovers(out)).toEqual([])
  })
})
