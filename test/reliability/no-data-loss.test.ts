/**
 * No data loss: `build`, `lint` and `review` never write into `articles/`,
 * write only where they say, `lint --fix` replaces a file atomically and keeps
 * the original, repair is idempotent, and builds are byte-identical whatever
 * the number of threads or the state of the cache.
 */
import {createHash} from 'node:crypto'
import * as fs from 'node:fs'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {run} from '../../src/cli/run.js'
import {processArticle} from '../../src/pipeline.js'
import {repairMojibake} from '../../src/repair/index.js'
import {decode} from '../../src/decode/index.js'
import {VFile} from 'vfile'
import {captureIo, copy, projectRoot, seedPath, tempDir} from '../helpers.js'

const fixtures = path.join(projectRoot, 'test', 'fixtures', 'reliability')

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return (fs.readdirSync(dir, {recursive: true}) as string[]).filter((name) => fs.statSync(path.join(dir, name)).isFile()).sort()
}

function hashTree(dir: string): string {
  const hash = createHash('sha256')
  for (const name of listFiles(dir)) {
    const stats = fs.statSync(path.join(dir, name))
    hash.update(name).update('\0').update(String(stats.mode)).update('\0').update(fs.readFileSync(path.join(dir, name)))
  }
  return hash.digest('hex')
}

/** A project: the real articles, a few bad ones and a folder named like an article. */
function project(): string {
  const cwd = fs.realpathSync(tempDir('bitext-no-loss-'))
  copy(path.join(projectRoot, 'articles'), path.join(cwd, 'articles'))
  for (const name of ['image-renamed.md', 'front-matter-invalid-yaml.md', 'slug-traversal.md', 'utf16le-bom.md', 'empty.md']) {
    fs.copyFileSync(path.join(fixtures, name), path.join(cwd, 'articles', name))
  }
  return cwd
}

/** Numeric open flags that can change a file (read-only opens, such as `O_RDONLY | O_NONBLOCK`, cannot). */
const writeFlags = fs.constants.O_WRONLY | fs.constants.O_RDWR | fs.constants.O_CREAT | fs.constants.O_TRUNC | fs.constants.O_APPEND

/**
 * A `node:fs` that records every change it is asked to make under `guarded`
 * (and still makes it, so the command runs as usual).
 */
function spyFs(guarded: string): {fs: typeof fs; changes: string[]} {
  const changes: string[] = []
  const inside = (target: unknown) => typeof target === 'string' && path.resolve(target).startsWith(guarded + path.sep)
  const note = (operation: string, ...targets: unknown[]) => {
    for (const target of targets) if (inside(target)) changes.push(`${operation} ${String(target)}`)
  }
  const wrap = <Name extends keyof typeof fs>(name: Name, targets: (args: unknown[]) => unknown[]) =>
    ((...args: unknown[]) => {
      note(name, ...targets(args))
      return (fs[name] as (...inner: unknown[]) => unknown)(...args)
    }) as (typeof fs)[Name]
  const spied: typeof fs = {
    ...fs,
    writeFileSync: wrap('writeFileSync', ([target]) => [target]),
    appendFileSync: wrap('appendFileSync', ([target]) => [target]),
    renameSync: wrap('renameSync', ([from, to]) => [from, to]),
    unlinkSync: wrap('unlinkSync', ([target]) => [target]),
    rmSync: wrap('rmSync', ([target]) => [target]),
    mkdirSync: wrap('mkdirSync', ([target]) => [target]),
    copyFileSync: wrap('copyFileSync', ([, to]) => [to]),
    truncateSync: wrap('truncateSync', ([target]) => [target]),
    chmodSync: wrap('chmodSync', ([target]) => [target]),
    symlinkSync: wrap('symlinkSync', ([, to]) => [to]),
    openSync: wrap('openSync', ([target, flags]) => (typeof flags === 'string' && /[wa+]/.test(flags)) || (typeof flags === 'number' && (flags & writeFlags) !== 0) ? [target] : [])
  }
  return {fs: spied, changes}
}

describe('articles/ is read-only to build, lint and review', () => {
  for (const command of [['build'], ['lint'], ['review'], ['build', '--jobs', '2'], ['lint', '--jobs', '2']]) {
    it(`bitext ${command.join(' ')}`, async () => {
      const cwd = project()
      const articles = path.join(cwd, 'articles')
      const before = hashTree(articles)
      const spy = spyFs(articles)
      const io = {...captureIo(cwd), fs: spy.fs}
      const code = await run([...command, '--quiet'].filter((arg) => !(command[0] === 'review' && arg === '--quiet')), io)
      expect([0, 1]).toContain(code)
      expect(io.err()).not.toMatch(/internal error/)
      expect(spy.changes).toEqual([])
      expect(hashTree(articles)).toBe(before)
    })
  }
})

describe('the read-only spy itself', () => {
  it('sees the writes of lint --fix (control)', async () => {
    const cwd = fs.realpathSync(tempDir('bitext-spy-'))
    fs.mkdirSync(path.join(cwd, 'articles'))
    fs.writeFileSync(path.join(cwd, 'articles', 'fix.md'), '> Kubernetes is a container orchestrator.\n\nKubernetes 是一个容器编排器,用于管理容器。\n')
    const spy = spyFs(path.join(cwd, 'articles'))
    await run(['lint', '--fix', '--no-cache', '--quiet', 'articles'], {...captureIo(cwd), fs: spy.fs})
    // The writer lock (written aside, linked into place, the aside name removed),
    // the backup and the article (each a temporary file renamed into place), the lock removed.
    expect(spy.changes.map((change) => change.split(' ')[0])).toEqual(['writeFileSync', 'unlinkSync', 'openSync', 'renameSync', 'renameSync', 'openSync', 'renameSync', 'renameSync', 'unlinkSync'])
  })
})

describe('commands write only where they say', () => {
  const outside = (cwd: string) => listFiles(cwd).filter((name) => !name.startsWith('articles' + path.sep))
  const cache = path.join('node_modules', '.cache', 'bitext') + path.sep

  it('build --no-cache writes inside --out only', async () => {
    const cwd = project()
    expect(await run(['build', '--quiet', '--no-cache', '--out', 'public'], captureIo(cwd))).toBe(1)
    const written = outside(cwd)
    expect(written.length).toBeGreaterThan(8)
    expect(written.filter((name) => !name.startsWith('public' + path.sep))).toEqual([])
  })

  it('build writes inside --out and its documented cache folder only', async () => {
    const cwd = project()
    expect(await run(['build', '--quiet'], captureIo(cwd))).toBe(1)
    expect(outside(cwd).filter((name) => !name.startsWith('dist' + path.sep) && !name.startsWith(cache))).toEqual([])
  })

  it('review writes inside its --out only', async () => {
    const cwd = project()
    await run(['review', '--no-cache'], captureIo(cwd))
    const written = outside(cwd)
    expect(written).toContain(path.join('dist', 'review', 'index.html'))
    expect(written.filter((name) => !name.startsWith(path.join('dist', 'review') + path.sep))).toEqual([])
  })

  it('lint --no-cache writes nothing', async () => {
    const cwd = project()
    await run(['lint', '--quiet', '--no-cache'], captureIo(cwd))
    expect(outside(cwd)).toEqual([])
  })
})

describe('lint --fix', () => {
  const original = '---\ntitle: Fix\n---\n\n> Kubernetes is a container orchestrator.\n\nKubernetes 是一个容器编排器,用于管理容器。\n'
  let cwd: string
  let target: string

  beforeAll(async () => {
    cwd = fs.realpathSync(tempDir('bitext-fix-'))
    fs.mkdirSync(path.join(cwd, 'articles'))
    target = path.join(cwd, 'articles', 'fix.md')
    fs.writeFileSync(target, original)
    fs.chmodSync(target, 0o640)
    await run(['lint', '--fix', '--no-cache', '--quiet', 'articles'], captureIo(cwd))
  })

  it('replaces the article, keeps its permissions and leaves no temporary file', () => {
    expect(fs.readFileSync(target, 'utf8')).toBe(original.replace('编排器,用于', '编排器，用于'))
    expect(fs.statSync(target).mode & 0o777).toBe(0o640)
    expect(fs.readdirSync(path.join(cwd, 'articles')).sort()).toEqual(['fix.md', 'fix.md.orig'])
  })

  it('keeps the original byte for byte in .orig, and a second --fix does not replace it', async () => {
    expect(fs.readFileSync(target + '.orig', 'utf8')).toBe(original)
    fs.appendFileSync(target, '\n新的一段,还有逗号。\n')
    await run(['lint', '--fix', '--no-cache', '--quiet', 'articles'], captureIo(cwd))
    expect(fs.readFileSync(target, 'utf8')).toContain('新的一段，还有逗号。')
    expect(fs.readFileSync(target + '.orig', 'utf8')).toBe(original)
  })
})

describe('repair is idempotent', () => {
  it('on the seed article: repairing its own output changes nothing', () => {
    const file = new VFile({path: seedPath, value: fs.readFileSync(seedPath)})
    decode(file)
    const once = repairMojibake(String(file.value))
    expect(once.repairs.length).toBeGreaterThan(100)
    const twice = repairMojibake(once.text)
    expect(twice.repairs).toEqual([])
    expect(twice.text).toBe(once.text)
  })

  it('through the pipeline: the repaired seed, saved as UTF-8, needs no repair', async () => {
    const file = new VFile({path: seedPath, value: fs.readFileSync(seedPath)})
    decode(file)
    const repaired = repairMojibake(String(file.value)).text
    const again = await processArticle(Buffer.from(repaired, 'utf8'), 'articles/seed.md', {emit: false})
    expect(again.data.repairs).toEqual([])
    expect(again.data.damage).toBeNull()
  })
})

describe('the build is deterministic', () => {
  it('byte-identical with one thread, two threads, a cold cache and a warm cache', async () => {
    const cwd = project()
    const hashes: string[] = []
    for (const args of [['--no-cache', '--jobs', '1'], ['--no-cache', '--jobs', '2'], ['--jobs', '2'], ['--jobs', '1']]) {
      fs.rmSync(path.join(cwd, 'dist'), {recursive: true, force: true})
      expect(await run(['build', '--quiet', ...args], captureIo(cwd))).toBe(1)
      hashes.push(hashTree(path.join(cwd, 'dist')))
    }
    expect(new Set(hashes).size).toBe(1)
    expect(listFiles(path.join(cwd, 'dist')).length).toBeGreaterThan(8)
  })
})
