import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {run} from '../../src/cli/run.js'
import type {SyncUnitJson} from '../../src/sync/index.js'
import {captureIo, projectRoot, tempDir} from '../helpers.js'

const fixtures = path.join(projectRoot, 'test/fixtures/sync')

/** A temporary folder holding a copy of a fixture's zh.md and en.md. */
function copyFixture(name: string): string {
  const dir = tempDir('bitext-sync-')
  for (const file of ['zh.md', 'en.md']) fs.copyFileSync(path.join(fixtures, name, file), path.join(dir, file))
  return dir
}

const brief = (units: SyncUnitJson[]): string[] => units.map((unit) => `${unit.status} ${unit.stored?.line ?? '-'} ${unit.source?.line ?? '-'} ${unit.zh?.line ?? '-'}`)

describe('bitext sync', () => {
  it('prints the changed, new and removed paragraphs with the diff next to the Chinese, exit 1', async () => {
    const io = captureIo(fixtures)
    expect(await run(['sync', 'comment/zh.md', '--source', 'comment/en.md'], io)).toBe(1)
    expect(io.out()).toBe(
      [
        'comment/zh.md:27  changed  (stored 25, comment/en.md:12)',
        '  EN  It is not necessary to use multiple namespaces to separate [-slightly different resources-]{+resources that differ only slightly+}.',
        '  ZH  不必使用多个名字空间来分隔仅仅轻微不同的资源。',
        'comment/zh.md:32  removed  (stored 30)',
        '  EN  Namespaces cannot be nested inside one another.',
        '  ZH  名字空间不能相互嵌套。',
        'comment/zh.md  new  (comment/en.md:14)',
        '  EN  Each Kubernetes resource can only be in one namespace.',
        'comment/zh.md: 2 current, 2 cosmetic, 1 changed, 1 new, 1 removed',
        ''
      ].join('\n')
    )
    expect(io.err()).toBe('')
  })

  it('exits 0 when every paragraph is current or cosmetic', async () => {
    const dir = copyFixture('comment')
    fs.writeFileSync(path.join(dir, 'en.md'), fs.readFileSync(path.join(dir, 'en.md'), 'utf8').replace(/^It is not.*\n\n^Each.*\n\n/m, ''))
    const zh = fs.readFileSync(path.join(dir, 'zh.md'), 'utf8')
    fs.writeFileSync(path.join(dir, 'zh.md'), zh.replace(/<!--\nIt is not[^]*?相互嵌套。\n\n/, ''))
    const io = captureIo(dir)
    expect(await run(['sync', 'zh.md', '--source', 'en.md'], io)).toBe(0)
    expect(io.out()).toBe('zh.md: 2 current, 2 cosmetic, 0 changed, 0 new, 0 removed\n')
  })

  it('gives the JSON contract', async () => {
    const io = captureIo(fixtures)
    expect(await run(['sync', 'quote/zh.md', '--source', 'quote/en.md', '--json'], io)).toBe(1)
    const json = JSON.parse(io.out()) as {units: SyncUnitJson[]}
    expect(Object.keys(json)).toEqual(['units'])
    expect(json.units[2]).toEqual({
      status: 'changed',
      stored: {line: 14, text: 'Set `maxUnavailable` to control how many Pods may be down at once.'},
      source: {line: 9, text: 'Set `maxSurge` to control how many extra Pods may be created at once.'},
      zh: {line: 16, text: '设置 maxUnavailable 来控制同时可以停止多少个 Pod。'},
      diff: 'Set `[-maxUnavailable-]{+maxSurge+}` to control how many {+extra +}Pods may be [-down-]{+created+} at once.'
    })
    expect(brief(json.units)).toEqual(['current 5 5 7', 'cosmetic 9 7 12', 'changed 14 9 16', 'removed 18 - 20', 'new - 11 -'])
  })

  it.each([
    [['sync', 'comment/zh.md'], 'Missing --source for `comment/zh.md`; run `bitext sync comment/zh.md --source EN_FILE` with today\'s English page'],
    [['sync', '--source', 'comment/en.md'], 'Expected one translated file, got 0; run `bitext sync ZH_FILE --source EN_FILE`'],
    [['sync', 'nope.md', '--source', 'comment/en.md'], 'Cannot read `nope.md` (ENOENT); check the path'],
    [['sync', '--source-dir', 'comment'], 'Tree mode needs both --source-dir (the English pages) and --target-dir (the translations)'],
    [['sync', 'comment/zh.md', '--source', 'comment/en.md', '--source-dir', 'a', '--target-dir', 'b'], 'Give either ZH_FILE --source EN_FILE, or --source-dir and --target-dir, not both']
  ])('usage error %j exits 2 with a message', async (args, message) => {
    const io = captureIo(fixtures)
    expect(await run(args, io)).toBe(2)
    expect(io.err()).toBe(`bitext sync: ${message}\nRun \`bitext sync --help\` for usage.\n`)
    expect(io.out()).toBe('')
  })
})

describe('bitext sync --write', () => {
  it.each(['comment', 'quote'])('updates the %s convention, marks the Chinese, and a second run changes nothing', async (name) => {
    const dir = copyFixture(name)
    const before = fs.readFileSync(path.join(dir, 'zh.md'), 'utf8')
    const first = captureIo(dir)
    expect(await run(['sync', 'zh.md', '--source', 'en.md', '--write', '--json'], first)).toBe(1)
    const after = fs.readFileSync(path.join(dir, 'zh.md'), 'utf8')
    expect(fs.readFileSync(path.join(dir, 'zh.md.orig'), 'utf8')).toBe(before)
    expect(after).toBe(fs.readFileSync(path.join(fixtures, name, 'expected.md'), 'utf8'))
    expect(first.err()).toMatch(/zh\.md: \d+ changes written\n$/)

    const second = captureIo(dir)
    expect(await run(['sync', 'zh.md', '--source', 'en.md', '--write', '--json'], second)).toBe(1)
    expect(fs.readFileSync(path.join(dir, 'zh.md'), 'utf8')).toBe(after)
    expect(second.err()).toBe('')
    const statuses = (JSON.parse(second.out()) as {units: SyncUnitJson[]}).units.map((unit) => unit.status)
    // Cosmetic pairs were refreshed; the markers keep changed, new and removed.
    const firstStatuses = (JSON.parse(first.out()) as {units: SyncUnitJson[]}).units.map((unit) => (unit.status === 'cosmetic' ? 'current' : unit.status))
    expect(statuses).toEqual(firstStatuses)
  })

  it('shows the old English of an outdated pair after the write', async () => {
    const dir = copyFixture('comment')
    await run(['sync', 'zh.md', '--source', 'en.md', '--write'], captureIo(dir))
    const io = captureIo(dir)
    await run(['sync', 'zh.md', '--source', 'en.md', '--json'], io)
    const changed = (JSON.parse(io.out()) as {units: SyncUnitJson[]}).units.find((unit) => unit.status === 'changed')
    expect(changed?.diff).toBe('It is not necessary to use multiple namespaces to separate [-slightly different resources-]{+resources that differ only slightly+}.')
    expect(changed?.stored?.text).toBe(changed?.source?.text)
  })

  it('a translator who updates the Chinese and deletes the marker makes the pair current', async () => {
    const dir = copyFixture('comment')
    await run(['sync', 'zh.md', '--source', 'en.md', '--write'], captureIo(dir))
    const file = path.join(dir, 'zh.md')
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/<!-- bitext: outdated[^\n]*\n不必[^\n]*/, '不必使用多个名字空间来分隔只有细微差别的资源。'))
    const io = captureIo(dir)
    await run(['sync', 'zh.md', '--source', 'en.md', '--json'], io)
    expect((JSON.parse(io.out()) as {units: SyncUnitJson[]}).units.map((unit) => unit.status)).toEqual(['current', 'current', 'current', 'current', 'removed', 'new', 'current'])
  })
})

describe('bitext sync: tree mode', () => {
  it('compares every pair and lists the files missing on either side', async () => {
    const dir = tempDir('bitext-sync-tree-')
    const en = path.join(dir, 'content/en/docs')
    const zh = path.join(dir, 'content/zh-cn/docs')
    for (const folder of [en, zh, path.join(en, 'concepts'), path.join(zh, 'concepts')]) fs.mkdirSync(folder, {recursive: true})
    fs.copyFileSync(path.join(fixtures, 'comment/en.md'), path.join(en, 'concepts/namespaces.md'))
    fs.copyFileSync(path.join(fixtures, 'comment/zh.md'), path.join(zh, 'concepts/namespaces.md'))
    fs.writeFileSync(path.join(en, 'same.md'), 'One paragraph of English text.\n')
    fs.writeFileSync(path.join(zh, 'same.md'), '<!--\nOne paragraph of English text.\n-->\n一段中文。\n')
    fs.writeFileSync(path.join(en, 'only-english.md'), 'Not translated yet.\n')
    fs.writeFileSync(path.join(zh, 'only-chinese.md'), '<!--\nGone.\n-->\n没了。\n')

    const io = captureIo(dir)
    expect(await run(['sync', '--source-dir', 'content/en', '--target-dir', 'content/zh-cn'], io)).toBe(1)
    const out = io.out()
    expect(out).toContain('content/zh-cn/docs/concepts/namespaces.md:27  changed  (stored 25, content/en/docs/concepts/namespaces.md:12)\n')
    expect(out).toContain('content/zh-cn/docs/only-chinese.md: missing source (no content/en/docs/only-chinese.md)\n')
    expect(out).toContain('content/zh-cn/docs/only-english.md: missing translation of content/en/docs/only-english.md\n')
    expect(out).not.toContain('same.md')
    expect(out.split('\n').at(-2)).toBe(
      '4 files: 1 current, 1 stale, 1 missing translation, 1 missing source; paragraphs in compared files: 2 current, 2 cosmetic, 1 changed, 1 new, 1 removed (files whose stored English is the source line for line are not counted by paragraph)'
    )

    const json = captureIo(dir)
    expect(await run(['sync', '--source-dir', 'content/en', '--target-dir', 'content/zh-cn', '--json'], json)).toBe(1)
    const parsed = JSON.parse(json.out()) as {files: Array<{target: string; status: string; units?: SyncUnitJson[]}>; summary: {files: Record<string, number>}}
    expect(parsed.files.map((file) => `${file.status} ${file.target}`)).toEqual([
      'stale content/zh-cn/docs/concepts/namespaces.md',
      'missing-source content/zh-cn/docs/only-chinese.md',
      'missing-translation content/zh-cn/docs/only-english.md',
      'current content/zh-cn/docs/same.md'
    ])
    expect(parsed.files[3].units?.map((unit) => unit.status)).toEqual(['current'])
    expect(parsed.summary.files).toEqual({current: 1, stale: 1, 'missing-translation': 1, 'missing-source': 1, 'no-english': 0})
  })
})

describe('bitext sync: the cache of tree mode', () => {
  it('keeps the verdict of a page with nothing to translate, and only that', async () => {
    const dir = tempDir('bitext-sync-cache-')
    for (const side of ['en', 'zh']) fs.mkdirSync(path.join(dir, side))
    // Rewrapped English: cosmetic, so compared in full (not line for line) and clean.
    fs.writeFileSync(path.join(dir, 'en/wrapped.md'), 'One paragraph\nof English text.\n')
    fs.writeFileSync(path.join(dir, 'zh/wrapped.md'), '<!--\nOne paragraph of English text.\n-->\n一段中文。\n')
    fs.copyFileSync(path.join(fixtures, 'comment/en.md'), path.join(dir, 'en/stale.md'))
    fs.copyFileSync(path.join(fixtures, 'comment/zh.md'), path.join(dir, 'zh/stale.md'))
    const args = ['sync', '--source-dir', 'en', '--target-dir', 'zh', '--cache-dir', 'cache']
    const first = captureIo(dir)
    expect(await run(args, first)).toBe(1)
    const entries = fs.readdirSync(path.join(dir, 'cache/sync'), {recursive: true}).filter((entry) => String(entry).length > 3)
    expect(entries).toHaveLength(1)
    const second = captureIo(dir)
    expect(await run(args, second)).toBe(1)
    expect(second.out()).toBe(first.out())
    expect(second.out()).toContain('paragraphs in compared files: 2 current, 3 cosmetic, 1 changed, 1 new, 1 removed')

    const none = tempDir('bitext-sync-nocache-')
    fs.cpSync(path.join(dir, 'en'), path.join(none, 'en'), {recursive: true})
    fs.cpSync(path.join(dir, 'zh'), path.join(none, 'zh'), {recursive: true})
    expect(await run([...args, '--no-cache'], captureIo(none))).toBe(1)
    expect(fs.existsSync(path.join(none, 'cache'))).toBe(false)
  })
})

describe('bitext sync: git mode', () => {
  const git = (cwd: string, ...args: string[]): string =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], {cwd, encoding: 'utf8'}).trim()

  it('reads the English of the base commit for a translation that keeps none', async () => {
    const dir = tempDir('bitext-sync-git-')
    git(dir, 'init', '-q')
    const english = [
      '# Pods',
      'Pods are the smallest deployable units of computing that you can create and manage in Kubernetes.',
      'A Pod is a group of one or more containers, with shared storage and network resources.',
      'Pods in a cluster are used in two main ways.'
    ]
    fs.writeFileSync(path.join(dir, 'pods.md'), `${english.join('\n\n')}\n`)
    git(dir, 'add', 'pods.md')
    git(dir, 'commit', '-q', '-m', 'English')
    const base = git(dir, 'rev-parse', 'HEAD')
    const chinese = [
      '# Pod',
      'Pod 是可以在 Kubernetes 中创建和管理的、最小的可部署的计算单元。',
      'Pod 是由一个或多个容器组成的组，这些容器共享存储和网络资源。',
      '集群中的 Pod 主要有两种用法。'
    ]
    fs.writeFileSync(path.join(dir, 'pods.zh.md'), `---\nsource_commit: ${base}\n---\n\n${chinese.join('\n\n')}\n`)
    english[2] = 'A Pod is a group of one or more containers, with shared storage and network resources, and a specification for how to run the containers.'
    english.push('Pods are designed as relatively ephemeral, disposable entities.')
    fs.writeFileSync(path.join(dir, 'pods.md'), `${english.join('\n\n')}\n`)

    const io = captureIo(dir)
    expect(await run(['sync', 'pods.zh.md', '--source', 'pods.md', '--json'], io)).toBe(1)
    const units = (JSON.parse(io.out()) as {units: SyncUnitJson[]}).units
    expect(brief(units)).toEqual(['current 1 1 5', 'current 3 3 7', 'changed 5 5 9', 'current 7 7 11', 'new - 9 -'])
    expect(units[2].diff).toBe('A Pod is a group of one or more containers, with shared storage and network resources{+, and a specification for how to run the containers+}.')

    const named = captureIo(dir)
    fs.writeFileSync(path.join(dir, 'plain.zh.md'), `${chinese.join('\n\n')}\n`)
    expect(await run(['sync', 'plain.zh.md', '--source', 'pods.md', '--base', base, '--json'], named)).toBe(1)
    expect(brief((JSON.parse(named.out()) as {units: SyncUnitJson[]}).units)).toEqual(['current 1 1 1', 'current 3 3 3', 'changed 5 5 5', 'current 7 7 7', 'new - 9 -'])

    const missing = captureIo(dir)
    expect(await run(['sync', 'plain.zh.md', '--source', 'pods.md'], missing)).toBe(2)
    expect(missing.err()).toContain('`plain.zh.md` keeps no English to compare; add `source_commit: REV`')

    const bad = captureIo(dir)
    expect(await run(['sync', 'plain.zh.md', '--source', 'pods.md', '--base', 'no-such-rev'], bad)).toBe(2)
    expect(bad.err()).toMatch(/^bitext sync: Cannot read `pods.md` at `no-such-rev` from git \(fatal: .*\); check the revision/)
  })
})
