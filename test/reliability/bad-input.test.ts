/**
 * The bad-input matrix: one fixture per case, each built next to a good
 * article. Every case must give one clear message (file, line where known,
 * what to do), the documented exit code, no stack trace, the good article
 * still built, `articles/` untouched, and nothing written outside `--out`.
 */
import {execFileSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import * as fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {run} from '../../src/cli/run.js'
import {captureIo, projectRoot, tempDir} from '../helpers.js'

const fixtures = path.join(projectRoot, 'test', 'fixtures', 'reliability')
const goodName = 'rolling-updates-without-downtime.md'
const goodSlug = 'rolling-updates-without-downtime'
const good = fs.readFileSync(path.join(projectRoot, 'articles', goodName))
const sample = '---\ntitle: Sample\n---\n\n> Kubernetes is a container orchestrator.\n\nKubernetes 是一个容器编排器。\n'
const noStack = /\n\s+at .+:\d+:\d+\)?\n/

/** Every file under a folder, relative, sorted. */
function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return (fs.readdirSync(dir, {recursive: true}) as string[]).filter((name) => fs.statSync(path.join(dir, name)).isFile()).sort()
}

function hashTree(dir: string): string {
  const hash = createHash('sha256')
  for (const name of listFiles(dir)) hash.update(name).update('\0').update(fs.readFileSync(path.join(dir, name)))
  return hash.digest('hex')
}

/** vfile-reporter pads columns; compare with runs of spaces collapsed. */
function squash(text: string): string {
  return text.replace(/[ \t]+/g, ' ').replace(/ +\n/g, '\n')
}

interface Built {
  code: number
  err: string
  cwd: string
  /** Files written anywhere but `articles/`, relative to the project. */
  written: string[]
  articlesChanged: boolean
}

/**
 * Build a project made of the good article and `files` (name → bytes).
 *
 * @param files Extra articles (or other project files, by relative path).
 * @param args Extra arguments of `bitext build`.
 * @param adjust Change the project before the build (permissions, folders).
 */
async function build(files: Record<string, string | Uint8Array>, args: string[] = [], adjust?: (cwd: string) => void, fsOverride?: Partial<typeof fs>): Promise<Built> {
  const cwd = fs.realpathSync(tempDir('bitext-bad-input-'))
  fs.mkdirSync(path.join(cwd, 'articles'))
  fs.writeFileSync(path.join(cwd, 'articles', goodName), good)
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(cwd, name)), {recursive: true})
    fs.writeFileSync(path.join(cwd, name), content)
  }
  adjust?.(cwd)
  const before = hashTree(path.join(cwd, 'articles'))
  // A wide terminal: each message on one line, as the expected reports are written.
  const io = captureIo(cwd, {COLUMNS: '1000'})
  if (fsOverride) io.fs = {...fs, ...fsOverride} as typeof fs
  // No deadline unless a case asks for one: these cases check the limits'
  // own messages, which a loaded machine must not turn into timeouts.
  const code = await run(['build', '--quiet', '--no-cache', '--article-timeout', '0', ...args], io)
  // The build's manifest (`dist/.bitext-build.json`) is checked in staged-output.test.ts.
  const manifest = path.join('dist', '.bitext-build.json')
  const written = listFiles(cwd).filter((name) => !name.startsWith('articles' + path.sep) && !Object.keys(files).includes(name) && name !== manifest)
  return {code, err: io.err(), cwd, written, articlesChanged: hashTree(path.join(cwd, 'articles')) !== before}
}

/** The checks every bad-article case shares. */
function expectOneFailure(built: Built, report: string): void {
  expect(squash(built.err)).toContain(squash(report))
  expect(built.err).toMatch(/^bitext build: 1 article built, 1 failed, \d+ repairs?, \d+ warnings?, 1 error in \d+\.\d s → dist$/m)
  expect(built.code).toBe(1)
  expect(built.err).not.toMatch(noStack)
  expect(built.articlesChanged).toBe(false)
  expect(built.written.every((name) => name.startsWith('dist' + path.sep))).toBe(true)
  // The good article is built, the bad one is not.
  expect(built.written.filter((name) => !name.startsWith(path.join('dist', goodSlug) + path.sep))).toEqual([path.join('dist', 'index.html')])
  expect(built.written).toContain(path.join('dist', goodSlug, 'index.zh.md'))
}

function fixture(name: string): Buffer {
  return fs.readFileSync(path.join(fixtures, name))
}

describe('bad articles: one clear message each, exit 1, the rest still built', () => {
  it('an empty file', async () => {
    expectOneFailure(
      await build({'articles/empty.md': fixture('empty.md')}),
      'articles/empty.md\n error Empty article: there is nothing to publish; write the article or remove the file input-limit bitext'
    )
  })

  it('a file of white space only', async () => {
    expectOneFailure(
      await build({'articles/blank.md': ' \n\n\t\r\n'}),
      'articles/blank.md\n error Empty article: there is nothing to publish; write the article or remove the file input-limit bitext'
    )
  })

  it('an image renamed .md', async () => {
    expectOneFailure(
      await build({'articles/photo.md': fixture('image-renamed.md')}),
      'articles/photo.md\n3:1 error Unexpected NUL byte at line 3: this is not a text file; pass a Markdown file, or `--encoding` if it is UTF-16 or UTF-32 without a byte order mark decode bitext'
    )
  })

  it('a NUL byte inside text', async () => {
    expectOneFailure(
      await build({'articles/nul-byte.md': fixture('nul-byte.md')}),
      'articles/nul-byte.md\n5:1 error Unexpected NUL byte at line 5: this is not a text file; pass a Markdown file, or `--encoding` if it is UTF-16 or UTF-32 without a byte order mark decode bitext'
    )
  })

  it('invalid UTF-8 that is not mojibake', async () => {
    expectOneFailure(
      await build({'articles/invalid-utf8.md': fixture('invalid-utf8.md')}),
      'articles/invalid-utf8.md\n7:1 error Invalid UTF-8 at line 7 (bytes e6 98 20 80): the file is UTF-8 with damaged bytes, not mojibake; retype the damaged characters in an editor, or pass `--encoding` if the file is in another encoding decode bitext'
    )
  })

  it('front matter that is not valid YAML', async () => {
    expectOneFailure(
      await build({'articles/front-matter-invalid-yaml.md': fixture('front-matter-invalid-yaml.md')}),
      'articles/front-matter-invalid-yaml.md\n4:1 error Invalid YAML in front matter: Flow sequence in block collection must be sufficiently indented and end with a ]; fix the YAML between the `---` lines front-matter bitext'
    )
  })

  it('front matter that is never closed', async () => {
    expectOneFailure(
      await build({'articles/front-matter-unterminated.md': fixture('front-matter-unterminated.md')}),
      'articles/front-matter-unterminated.md\n1:1 error Front matter opened with `---` on line 1 is never closed; add a `---` line after the last field front-matter bitext'
    )
  })

  it('front matter that is a list, not a map', async () => {
    expectOneFailure(
      await build({'articles/front-matter-not-a-map.md': fixture('front-matter-not-a-map.md')}),
      'articles/front-matter-not-a-map.md\n2:1 error Front matter is not a map of fields; write `key: value` lines between the `---` lines front-matter bitext'
    )
  })

  it('front matter that is a plain sentence', async () => {
    expectOneFailure(
      await build({'articles/front-matter-scalar.md': fixture('front-matter-scalar.md')}),
      'articles/front-matter-scalar.md\n2:1 error Front matter is not a map of fields; write `key: value` lines between the `---` lines front-matter bitext'
    )
  })

  it('a slug with ../ writes nothing outside --out', async () => {
    const built = await build({'articles/slug-traversal.md': fixture('slug-traversal.md')})
    expectOneFailure(
      built,
      'articles/slug-traversal.md\n3:1 error Unsafe slug `../../escaped`: a slug is one path segment of letters, digits, `.`, `_` and `-` (no `/`, no `..`); change `slug` in the front matter front-matter bitext'
    )
    expect(fs.existsSync(path.resolve(built.cwd, 'dist', '../../escaped'))).toBe(false)
  })

  it('an absolute slug writes nothing outside --out', async () => {
    const built = await build({'articles/slug-absolute.md': fixture('slug-absolute.md')})
    expectOneFailure(
      built,
      'articles/slug-absolute.md\n3:1 error Unsafe slug `/tmp/bitext-escaped`: a slug is one path segment of letters, digits, `.`, `_` and `-` (no `/`, no `..`); change `slug` in the front matter front-matter bitext'
    )
    expect(fs.existsSync('/tmp/bitext-escaped')).toBe(false)
  })

  it('a file name that is not a safe slug', async () => {
    expectOneFailure(
      await build({'articles/-dash.md': sample}),
      'articles/-dash.md\n error Unsafe slug `-dash`: a slug is one path segment of letters, digits, `.`, `_` and `-` (no `/`, no `..`); change `slug` in the front matter front-matter bitext'
    )
  })

  it('duplicate slugs: the first is built, the second refused', async () => {
    const built = await build({'articles/slug-duplicate-a.md': fixture('slug-duplicate-a.md'), 'articles/slug-duplicate-b.md': fixture('slug-duplicate-b.md')})
    expect(squash(built.err)).toContain(
      'articles/slug-duplicate-b.md\n error Duplicate slug `same-slug`, already used by `articles/slug-duplicate-a.md`; set a different `slug` in the front matter duplicate-slug bitext'
    )
    expect(built.code).toBe(1)
    expect(built.err).toMatch(/^bitext build: 2 articles built, 1 failed,/m)
    expect(fs.readFileSync(path.join(built.cwd, 'dist', 'same-slug', 'index.html'), 'utf8')).toContain('<title>First</title>')
    expect(built.written.filter((name) => name.startsWith(path.join('dist', 'same-slug')))).toHaveLength(4)
  })

  it('an unreadable file (permission denied)', async () => {
    const unreadable = (file: fs.PathLike, flags: fs.OpenMode, mode?: fs.Mode) => {
      if (String(file).endsWith('secret.md')) throw Object.assign(new Error("EACCES: permission denied, open 'secret.md'"), {code: 'EACCES'})
      return fs.openSync(file, flags, mode)
    }
    expectOneFailure(
      await build({'articles/secret.md': sample}, [], undefined, {openSync: unreadable as typeof fs.openSync}),
      'articles/secret.md\n error Cannot read this file (EACCES); check that it exists and that you may read it read bitext'
    )
  })

  it('a folder named like an article', async () => {
    expectOneFailure(
      await build({}, [], (cwd) => fs.mkdirSync(path.join(cwd, 'articles', 'folder.md'))),
      'articles/folder.md\n error Cannot read this file (EISDIR): it is a folder, not an article (the articles inside it are built); rename it so that its name does not end in `.md` read bitext'
    )
  })

  it('a 50 MB article', async () => {
    const paragraph = Buffer.from('> Kubernetes is a container orchestrator.\n\nKubernetes 是一个容器编排器。\n\n')
    const big = Buffer.alloc(50 * 1024 * 1024)
    for (let offset = 0; offset < big.length; offset += paragraph.length) paragraph.copy(big, offset)
    expectOneFailure(
      await build({'articles/huge.md': big}),
      'articles/huge.md\n error Article too large: 50.0 MB, the limit is 4.0 MB; split it into several articles input-limit bitext'
    )
  })

  it('10,000 nested blockquotes', async () => {
    expectOneFailure(
      await build({'articles/nested.md': sample + '\n' + '> '.repeat(10_000) + 'deep\n'}),
      'articles/nested.md\n9:1 error Block quotes or lists nested 10000 levels deep, the limit is 100; flatten the nesting on this line input-limit bitext'
    )
  })

  it('10,000 nested list items', async () => {
    expectOneFailure(
      await build({'articles/nested-list.md': sample + '\n' + '- '.repeat(10_000) + 'deep\n'}),
      'articles/nested-list.md\n9:1 error Block quotes or lists nested 10000 levels deep, the limit is 100; flatten the nesting on this line input-limit bitext'
    )
  })

  it('a staircase of indented lists', async () => {
    const staircase = Array.from({length: 200}, (_, index) => '  '.repeat(index) + '- step').join('\n')
    expectOneFailure(
      await build({'articles/staircase.md': sample + '\n' + staircase + '\n'}),
      'articles/staircase.md\n109:1 error Block quotes or lists nested 101 levels deep, the limit is 100; flatten the nesting on this line input-limit bitext'
    )
  })

  it('10,000 nested HTML elements', async () => {
    expectOneFailure(
      await build({'articles/nested-html.md': sample + '\n' + '<span>'.repeat(10_000) + 'deep' + '</span>'.repeat(10_000) + '\n'}),
      'articles/nested-html.md\n error Article too deeply nested to process (quotes, lists, emphasis or HTML inside each other thousands of times); flatten the nesting input-limit bitext'
    )
  })
})

describe('odd but valid articles are built', () => {
  for (const name of ['utf16le-bom.md', 'utf16be-bom.md', 'utf16le-no-bom.md', 'utf16be-no-bom.md']) {
    it(`UTF-16: ${name}`, async () => {
      const built = await build({[`articles/${name}`]: fixture(name)})
      expect(built.err).not.toMatch(/\berror\b/)
      expect(built.code).toBe(0)
      const slug = name.replace(/\.md$/, '')
      expect(fs.readFileSync(path.join(built.cwd, 'dist', slug, 'index.zh.md'), 'utf8')).toBe('---\ntitle: Sample\n---\n\nKubernetes 是一个容器编排器。\n')
      expect(fs.readFileSync(path.join(built.cwd, 'dist', slug, 'index.en.md'), 'utf8')).toBe('---\ntitle: Sample\n---\n\nKubernetes is a container orchestrator.\n')
    })
  }

  it('a 1 MB single line', async () => {
    const words = 'Kubernetes schedules pods onto nodes and restarts them when they fail, '
    const line = words.repeat(Math.ceil((1024 * 1024) / words.length)).trimEnd()
    const built = await build({'articles/long-line.md': `---\ntitle: Long\n---\n\n${line}\n`}, ['--allow-untranslated'])
    expect(built.err).not.toMatch(/ error /)
    expect(built.code).toBe(0)
    expect(fs.readFileSync(path.join(built.cwd, 'dist', 'long-line', 'index.en.md'), 'utf8')).toBe(`---\ntitle: Long\n---\n\n${line}\n`)
  })

  it('nesting at the limit is still built', async () => {
    const built = await build({'articles/deep-enough.md': sample + '\n' + '> '.repeat(100) + 'deep\n'})
    expect(built.code).toBe(0)
    expect(fs.existsSync(path.join(built.cwd, 'dist', 'deep-enough', 'index.html'))).toBe(true)
  })
})

describe('bad glossaries: one message, exit 2, nothing built', () => {
  it('a glossary that is not YAML', async () => {
    const built = await build({'glossary.yaml': fixture('glossary-not-yaml.yaml')})
    expect(built.code).toBe(2)
    expect(built.err).toMatch(/^bitext build: glossary\.yaml:\d+:\d+: invalid YAML: .+$/m)
    expect(built.err).not.toMatch(noStack)
    expect(built.written).toEqual([])
  })

  it('a glossary with a field of the wrong type', async () => {
    const built = await build({'glossary.yaml': fixture('glossary-wrong-type.yaml')})
    expect(built.code).toBe(2)
    expect(built.err).toContain('bitext build: glossary.yaml:4:9: `zh` must be text or a list of texts\n')
    expect(built.err).not.toMatch(noStack)
    expect(built.written).toEqual([])
  })

  it('a glossary that names a missing file', async () => {
    const built = await build({}, ['--glossary', 'nowhere.yaml'])
    expect(built.code).toBe(2)
    expect(built.err).toMatch(/^bitext build: .*nowhere\.yaml.*$/m)
    expect(built.written).toEqual([])
  })

  it('a catastrophic-backtracking pattern is a literal string, not a regular expression', async () => {
    const evil = 'a'.repeat(40) + '!'
    const built = await build({
      'glossary.yaml': fixture('glossary-pattern.yaml'),
      'articles/evil.md': `---\ntitle: Evil\n---\n\n> The ${evil} cluster.\n\n${evil} 集群。\n`
    })
    expect(built.err).not.toMatch(noStack)
    expect(built.code).toBe(0)
  })
})

describe('internal errors', () => {
  it('print no stack trace without --debug, and one with it; exit 2', async () => {
    const diskOnFire = () => {
      throw new Error('disk on fire')
    }
    const quiet = await build({}, [], undefined, {writeFileSync: diskOnFire as typeof fs.writeFileSync})
    expect(quiet.code).toBe(2)
    expect(quiet.err).toContain('bitext build: internal error: disk on fire\nRun again with --debug for the stack trace, and please report it.\n')
    expect(quiet.err).not.toMatch(noStack)
    const debug = await build({}, ['--debug'], undefined, {writeFileSync: diskOnFire as typeof fs.writeFileSync})
    expect(debug.code).toBe(2)
    expect(debug.err).toMatch(/bitext build: internal error: Error: disk on fire\n\s+at /)
  })
})

describe('the whole matrix in one build, in worker threads', () => {
  it('fails each bad article with its own message and builds every good one', async () => {
    const bad = ['empty.md', 'image-renamed.md', 'nul-byte.md', 'front-matter-invalid-yaml.md', 'front-matter-unterminated.md', 'front-matter-not-a-map.md', 'front-matter-scalar.md', 'slug-traversal.md', 'slug-absolute.md', 'slug-duplicate-b.md']
    const okay = ['slug-duplicate-a.md', 'utf16le-bom.md', 'utf16be-bom.md', 'utf16le-no-bom.md', 'utf16be-no-bom.md']
    const files: Record<string, string | Uint8Array> = {}
    for (const name of [...bad, ...okay]) files[`articles/${name}`] = fixture(name)
    files['articles/nested.md'] = sample + '\n' + '> '.repeat(10_000) + 'deep\n'
    files['articles/nested-html.md'] = sample + '\n' + '<span>'.repeat(10_000) + 'deep' + '</span>'.repeat(10_000) + '\n'
    const built = await build(files, ['--jobs', '2'])
    expect(built.code).toBe(1)
    expect(built.err).not.toMatch(noStack)
    expect(built.err).not.toMatch(/internal-error|internal error/)
    expect(built.err).toMatch(/^bitext build: 6 articles built, 12 failed, \d+ repairs?, \d+ warnings?, 12 errors in \d+\.\d s → dist$/m)
    for (const name of [...bad, 'nested.md', 'nested-html.md']) expect(built.err).toContain(`articles/${name}\n`)
    const slugs = new Set(built.written.filter((name) => name !== path.join('dist', 'index.html')).map((name) => name.split(path.sep)[1]))
    expect([...slugs].sort()).toEqual([goodSlug, 'same-slug', 'utf16be-bom', 'utf16be-no-bom', 'utf16le-bom', 'utf16le-no-bom'])
    expect(built.articlesChanged).toBe(false)
  }, 300_000)
})

describe('inputs that once held the whole build hostage', () => {
  it('a FIFO named like an article is refused at once, without being opened for a writer', async () => {
    const started = performance.now()
    expectOneFailure(
      await build({}, [], (cwd) => execFileSync('mkfifo', [path.join(cwd, 'articles', 'x.md')])),
      'articles/x.md\n error Not a regular file but a FIFO (named pipe); bitext reads only regular files: remove it or replace it with the article read bitext'
    )
    console.log(`FIFO in articles/: build done in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  })

  it('2,000 levels of nested empty list items are refused by the nesting limit', async () => {
    const lists = Array.from({length: 2000}, (_, index) => '  '.repeat(index) + '-').join('\n') + '\n'
    expectOneFailure(
      await build({'articles/lists.md': lists}),
      'articles/lists.md\n101:1 error Block quotes or lists nested 101 levels deep, the limit is 100; flatten the nesting on this line input-limit bitext'
    )
  })

  it('a 3.9 MiB line of `&`, 10,000 nested emphasis and 10,000 nested links are refused at once by the inline limits', async () => {
    const inputs: Record<string, string> = {
      'articles/ampersands.md': '&'.repeat(Math.floor(3.9 * 1024 * 1024)) + '\n',
      'articles/emphasis.md': '*a '.repeat(10_000) + 'b' + ' a*'.repeat(10_000) + '\n',
      'articles/links.md': '['.repeat(10_000) + 'a' + '](b)'.repeat(10_000) + '\n',
      // Under the per-paragraph limits, but nested deeper than 100 levels.
      'articles/deep-emphasis.md': '*a '.repeat(990) + 'b' + ' a*'.repeat(990) + '\n'
    }
    const started = performance.now()
    const built = await build(inputs, ['--jobs', '2'])
    console.log(`4 pathological articles and a good one: build done in ${((performance.now() - started) / 1000).toFixed(1)} s`)
    expect(built.code).toBe(1)
    expect(built.err).not.toMatch(noStack)
    const reports = squash(built.err)
    expect(reports).toContain('articles/ampersands.md\n1:1 error Paragraph with 4089446 markup characters (such as `&`, `<`, `*`), the limit is 250000: parsing it would take minutes; split the paragraph, or escape the markers with `\\` input-limit bitext')
    expect(reports).toContain('articles/emphasis.md\n1:1 error Paragraph with 20000 runs of emphasis markers (`*` or `_`), the limit is 2000: parsing it would take minutes; split the paragraph, or escape the markers with `\\` input-limit bitext')
    expect(reports).toContain('articles/links.md\n1:1 error Paragraph with 10000 opening brackets (`[`), the limit is 2000: parsing it would take minutes; split the paragraph, or escape the markers with `\\` input-limit bitext')
    expect(reports).toContain('articles/deep-emphasis.md\n1:1 error Emphasis or links nested more than 100 levels inside each other, the limit is 100; flatten the nesting in this paragraph input-limit bitext')
    expect(built.err).toMatch(/^bitext build: 1 article built, 4 failed, \d+ repairs?, \d+ warnings?, 4 errors in \d+\.\d s → dist$/m)
    expect(built.written).toContain(path.join('dist', goodSlug, 'index.html'))
  }, 300_000)

  it('a slow article under every limit is abandoned at its deadline, naming its stage, and the rest is built', async () => {
    // 200 paragraphs of emphasis nested 100 levels deep: legal, but writing
    // each back takes a fifth of a second.
    const paragraph = '*a '.repeat(100) + 'b' + ' a*'.repeat(100)
    const slow: Record<string, string> = {'articles/slow.md': Array.from({length: 200}, () => paragraph).join('\n\n') + '\n'}
    const started = performance.now()
    const built = await build(slow, ['--jobs', '2', '--article-timeout', '2'])
    const seconds = (performance.now() - started) / 1000
    console.log(`a slow article and a good one, --article-timeout 2, --jobs 2: ${seconds.toFixed(1)} s`)
    expect(built.code).toBe(1)
    expect(built.err).not.toMatch(noStack)
    expect(squash(built.err)).toMatch(/articles\/slow\.md\n error Gave up on this article after 2 s in the (decode|repair|parse|align|check|emit) stage: it takes too long to process; simplify what it nests or repeats, or raise --article-timeout article-timeout bitext/)
    expect(built.err).toMatch(/^bitext build: 1 article built, 1 failed, \d+ repairs?, \d+ warnings?, 1 error in \d+\.\d s → dist$/m)
    expect(built.written).toContain(path.join('dist', goodSlug, 'index.html'))
    expect(built.articlesChanged).toBe(false)
  }, 300_000)
})

describe('a FIFO anywhere a command reads by name is refused at once', () => {
  const cases: Array<{name: string; fifo: string; args: string[]; message: string}> = [
    {name: 'the glossary', fifo: 'glossary.yaml', args: ['build', '--quiet'], message: 'bitext build: The glossary `glossary.yaml` is not a regular file but a FIFO (named pipe); point --glossary at a YAML file\n'},
    {name: 'the configuration', fifo: '.bitextrc.json', args: ['lint', '--quiet'], message: 'bitext lint: `.bitextrc.json` is not a regular file but a FIFO (named pipe); replace it with a JSON file or remove it\n'},
    {name: 'a sync source', fifo: 'en.md', args: ['sync', 'articles/sample.md', '--source', 'en.md'], message: 'bitext sync: `en.md` is not a regular file but a FIFO (named pipe); give the path of a Markdown file\n'}
  ]
  for (const {name, fifo, args, message} of cases) {
    it(name, async () => {
      const cwd = fs.realpathSync(tempDir('bitext-fifo-'))
      fs.mkdirSync(path.join(cwd, 'articles'))
      fs.writeFileSync(path.join(cwd, 'articles', 'sample.md'), sample)
      execFileSync('mkfifo', [path.join(cwd, fifo)])
      const io = captureIo(cwd)
      // A read that waited for a writer would never return: the test would time out.
      expect(await run(args, io)).toBe(2)
      expect(io.err()).toContain(message)
    })
  }
})
