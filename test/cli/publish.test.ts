/**
 * What `bitext build` publishes beyond one article's outputs, and the
 * messages it shares with `lint` and `review`: local files, articles without
 * Chinese, template braces, duplicates, legacy encodings, the article list.
 */
import * as fs from 'node:fs'
import path from 'node:path'
import iconv from 'iconv-lite'
import {beforeAll, describe, expect, it} from 'vitest'
import {run} from '../../src/cli/run.js'
import {captureIo, tempDir} from '../helpers.js'

/** A 1×1 PNG. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')

const helm = `---
title: 【翻译】Helm 模板
date: 2024-06-01
tags: [helm, 翻译]
---

# Helm templates

# Helm 模板

> Set {{ .Values.image }} in the ReplicaSet values.

在副本集的 values 中设置 {{ .Values.image }}。

![截图](images/shot.png)

![Missing](images/none.png)

[Secrets](../../secret.txt)

[Slides](files/slides.pdf)
`

const rolling = `---
title: 【翻译】滚动更新
date: 2024-03-18
---

> A ReplicaSet keeps the pods.

ReplicaSet 保持这些 Pod。

> Another ReplicaSet.

另一个 ReplicaSet。
`

const english = `---
title: English only
date: 2024-07-01
---

> Just English here, nothing translated yet.
`

const gbk = `---
title: 旧编码
date: 2023-01-02
---

> Kubernetes runs containers on a cluster of machines, and it restarts them when they fail.

Kubernetes 在由多台机器组成的集群上运行容器，并在容器失败时重新启动它们。

> Each machine is a node, and the control plane decides where every container runs.

每台机器都是一个节点，控制平面决定每个容器在哪里运行。
`

/** Message lines of a stylish report (`12:1-12:28 error …`), trimmed of padding. */
/** A wide terminal: each message on one line, as the expected reports are written. */
const wide = {COLUMNS: '1000'}

function messageLines(report: string): string[] {
  return report
    .split('\n')
    .filter((line) => /^\s*\d+:\d+/.test(line) || /^\S+\.md$/.test(line))
    .map((line) => line.replace(/\s+/g, ' ').trim())
}

function project(): string {
  const cwd = tempDir('bitext-publish-')
  const articles = path.join(cwd, 'articles')
  fs.mkdirSync(path.join(articles, 'images'), {recursive: true})
  fs.mkdirSync(path.join(articles, 'files'), {recursive: true})
  fs.writeFileSync(path.join(cwd, 'secret.txt'), 'not an article file')
  fs.writeFileSync(path.join(articles, 'images', 'shot.png'), png)
  fs.writeFileSync(path.join(articles, 'files', 'slides.pdf'), '%PDF-1.4\n')
  fs.writeFileSync(path.join(articles, 'helm.md'), helm)
  fs.writeFileSync(path.join(articles, 'rolling.md'), rolling)
  fs.writeFileSync(path.join(articles, 'rolling-copy.md'), rolling)
  fs.writeFileSync(path.join(articles, 'english.md'), english)
  fs.writeFileSync(path.join(articles, 'legacy.md'), iconv.encode(gbk, 'gbk'))
  fs.writeFileSync(path.join(cwd, 'glossary.yaml'), 'version: 1\nterms:\n  - en: ReplicaSet\n    zh: [副本集, ReplicaSet]\n')
  return cwd
}

describe('bitext build publishes what a blog needs, and says what it refused', () => {
  let cwd: string
  let code: number
  let buildReport: string
  let lintReport: string
  let reviewSummary: string
  const dist = (...parts: string[]) => path.join(cwd, 'dist', ...parts)

  beforeAll(async () => {
    cwd = project()
    const build = captureIo(cwd, wide)
    code = await run(['build', '--no-cache'], build)
    buildReport = build.err()
    const lint = captureIo(cwd, wide)
    await run(['lint', '--no-cache'], lint)
    lintReport = lint.out()
    const review = captureIo(cwd, wide)
    await run(['review', '--no-cache', '--out', 'review'], review)
    reviewSummary = review.err()
  })

  it('reports the same messages in build, lint and review', () => {
    const expected = [
      'articles/english.md',
      '6:1-6:45 error Unexpected article without Chinese: its index.zh.md would hold nothing but front matter; add the translation, or build with `--allow-untranslated` to publish it anyway no-translation bitext',
      '6:1-6:45 warning Missing translation of paragraph `Just English here, nothing translated y…`, translate it missing-translation bitext',
      'articles/helm.md',
      '17:1-17:28 error Missing local file `images/none.png` (looked for `articles/images/none.png`): the page would show it broken; add the file or fix the path local-file bitext',
      '19:1-19:28 error Unexpected local file `../../secret.txt` outside the articles folder `articles`: it is not copied, so the page would show it broken; move the file into `articles` and refer to it from there local-file bitext',
      'articles/legacy.md',
      '1:1 warning Unexpected legacy encoding GB18030 (detected, confidence 1.00): convert the article to UTF-8 with `bitext repair --write articles/legacy.md` (keeps the original as .orig) or `iconv -f GB18030 -t UTF-8` legacy-encoding bitext',
      'articles/rolling.md',
      '1:1 warning Duplicate article: `articles/rolling.md` and `articles/rolling-copy.md` are the same article (the same text); only `articles/rolling-copy.md` is listed in the article list, remove one of the two files duplicate-article bitext'
    ]
    const built = messageLines(buildReport)
    expect(built.filter((line) => !line.includes('glossary-inconsistent'))).toEqual(expected)
    // The cross-file check runs in build too: 副本集 in helm.md against ReplicaSet twice in rolling-copy.md.
    expect(built.filter((line) => line.includes('glossary-inconsistent'))).toHaveLength(1)
    expect(messageLines(lintReport)).toEqual(built)
    const total = built.filter((line) => /^\d/.test(line)).length
    expect(reviewSummary).toContain(`bitext review: 5 articles, ${total} messages`)
  })

  it('refuses the article without Chinese, builds the others, and exits 1', () => {
    expect(code).toBe(1)
    expect(buildReport).toMatch(/^bitext build: 4 articles built, 1 failed, /m)
    expect(fs.existsSync(dist('rolling', 'index.zh.md'))).toBe(true)
    expect(fs.existsSync(dist('english'))).toBe(false)
    for (const slug of ['helm', 'rolling-copy', 'legacy']) expect(fs.existsSync(dist(slug, 'index.zh.md')), slug).toBe(true)
  })

  it('copies local images and files beside the outputs, and nothing from outside the articles folder', () => {
    expect(fs.readFileSync(dist('helm', 'images', 'shot.png'))).toEqual(png)
    expect(fs.readFileSync(dist('helm', 'files', 'slides.pdf'), 'utf8')).toBe('%PDF-1.4\n')
    const written = (fs.readdirSync(dist(), {recursive: true}) as string[]).sort()
    expect(written.filter((name) => name.includes('secret') || name.includes('none.png'))).toEqual([])
    expect(fs.readFileSync(dist('helm', 'index.html'), 'utf8')).toContain('<img src="images/shot.png" alt="截图">')
  })

  it('wraps template braces in {% raw %} in the Markdown outputs', () => {
    expect(fs.readFileSync(dist('helm', 'index.zh.md'), 'utf8')).toContain('\n在副本集的 values 中设置 {% raw %}{{ .Values.image }}{% endraw %}。\n')
    expect(fs.readFileSync(dist('helm', 'index.en.md'), 'utf8')).toContain('\nSet {% raw %}{{ .Values.image }}{% endraw %} in the ReplicaSet values.\n')
    expect(fs.readFileSync(dist('helm', 'index.html'), 'utf8')).toContain('设置 {{ .Values.image }}。')
  })

  it('lists each article once, newest first, under a Chinese heading', () => {
    const list = fs.readFileSync(dist('index.html'), 'utf8')
    expect(list).toContain('<h1>文章</h1>')
    const links = [...list.matchAll(/<a href="([^"]+)\/index.html">([^<]+)<\/a>/g)].map((match) => `${match[1]} ${match[2]}`)
    expect(links).toEqual(['helm 【翻译】Helm 模板', 'rolling-copy 【翻译】滚动更新', 'legacy 旧编码'])
    expect(list).toContain('<span class="en" lang="en">Helm templates</span>')
  })
})

describe('publishing switches', () => {
  it('--allow-untranslated publishes an article without Chinese, with a warning', async () => {
    const cwd = tempDir('bitext-publish-')
    fs.mkdirSync(path.join(cwd, 'articles'))
    fs.writeFileSync(path.join(cwd, 'articles', 'english.md'), english)
    const io = captureIo(cwd, wide)
    expect(await run(['build', '--no-cache', '--allow-untranslated'], io)).toBe(0)
    expect(messageLines(io.err())).toEqual([
      'articles/english.md',
      '6:1-6:45 warning Missing translation of paragraph `Just English here, nothing translated y…`, translate it missing-translation bitext',
      '6:1-6:45 warning Unexpected article without Chinese: its index.zh.md would hold nothing but front matter; add the translation, or build with `--allow-untranslated` to publish it anyway no-translation bitext'
    ])
    expect(fs.readFileSync(path.join(cwd, 'dist', 'english', 'index.zh.md'), 'utf8')).toBe('---\ntitle: English only\ndate: 2024-07-01\n---\n')
  })

  it('"disableNunjucks": true keeps template braces as written and accepts them in URLs', async () => {
    const cwd = tempDir('bitext-publish-')
    fs.mkdirSync(path.join(cwd, 'articles'))
    fs.writeFileSync(path.join(cwd, '.bitextrc.json'), '{"disableNunjucks": true}')
    fs.writeFileSync(path.join(cwd, 'articles', 'chart.md'), '> See the [chart](https://example.org/{{.Chart.Name}}) and {{ x }}.\n\n见[图表](https://example.org/{{.Chart.Name}})和 {{ x }}。\n')
    const io = captureIo(cwd, wide)
    expect(await run(['build', '--no-cache', '--quiet'], io)).toBe(0)
    expect(fs.readFileSync(path.join(cwd, 'dist', 'chart', 'index.zh.md'), 'utf8')).toBe('见[图表](https://example.org/{{.Chart.Name}})和 {{ x }}。\n')
  })

  it('refuses an article with braces in a URL when Nunjucks is on', async () => {
    const cwd = tempDir('bitext-publish-')
    fs.mkdirSync(path.join(cwd, 'articles'))
    fs.writeFileSync(path.join(cwd, 'articles', 'chart.md'), '> See the [chart](https://example.org/{{.Chart.Name}}).\n\n见[图表](https://example.org/{{.Chart.Name}})。\n')
    const io = captureIo(cwd, wide)
    expect(await run(['build', '--no-cache'], io)).toBe(1)
    expect(io.err()).toContain('template-braces')
    expect(fs.existsSync(path.join(cwd, 'dist', 'chart'))).toBe(false)
  })
})

describe('bitext build applies suppression markers to cross-file messages', () => {
  it('reports an inconsistent rendering, except in the article that switches the rule off', async () => {
    const cwd = tempDir('bitext-markers-')
    const articles = path.join(cwd, 'articles')
    fs.mkdirSync(articles)
    const post = (title: string, body: string) => `---\ntitle: ${title}\ndate: 2024-03-18\n---\n\n${body}`
    const usual = '> A ReplicaSet keeps the pods.\n\nReplicaSet 保持这些 Pod。\n'
    fs.writeFileSync(path.join(articles, 'a.md'), post('甲', usual.repeat(3)))
    fs.writeFileSync(path.join(articles, 'b.md'), post('乙', '> Set the ReplicaSet values.\n\n设置副本集的值。\n'))
    fs.writeFileSync(path.join(articles, 'c.md'), post('丙', '<!-- bitext-disable glossary-inconsistent -->\n\n> Set the ReplicaSet values.\n\n设置副本集的值。\n'))
    fs.writeFileSync(path.join(cwd, 'glossary.yaml'), 'version: 1\nterms:\n  - en: ReplicaSet\n    zh: [副本集, ReplicaSet]\n')
    const io = captureIo(cwd, wide)
    expect(await run(['build', '--no-cache'], io)).toBe(0)
    const inconsistent = messageLines(io.err()).filter((line) => line.endsWith('.md') || line.includes('glossary-inconsistent'))
    expect(inconsistent).toEqual([
      'articles/b.md',
      '8:3-8:6 warning Inconsistent `副本集` for `ReplicaSet`, expected `ReplicaSet` as in articles/a.md:8:1, articles/a.md:11:1, articles/a.md:14:1 glossary-inconsistent bitext'
    ])
  })
})

describe('bitext build on UTF-8 read as Big5', () => {
  it('refuses that article with one error that says what to do, changes nothing in it, and builds the other', async () => {
    const cwd = tempDir('bitext-big5-')
    const articles = path.join(cwd, 'articles')
    fs.mkdirSync(articles)
    fs.writeFileSync(path.join(articles, 'rolling.md'), rolling)
    // The GBK article's UTF-8 bytes shown by a Big5 reader and saved again as UTF-8.
    const damaged = iconv.decode(Buffer.from(gbk, 'utf8'), 'big5')
    fs.writeFileSync(path.join(articles, 'big5.md'), damaged)
    const build = captureIo(cwd, wide)
    const code = await run(['build', '--no-cache'], build)
    expect(code).toBe(1)
    expect(build.err()).toMatch(/^bitext build: 1 article built, 1 failed, /m)
    const errors = messageLines(build.err()).filter((line) => line.includes(' error '))
    expect(errors).toEqual([
      expect.stringMatching(/^8:12 error Unrepairable mojibake: this is UTF-8 read as Big5 \(\d+ `\uFFFD` or `\?` where bytes were lost, \d+ runs that read back as Chinese\); bitext cannot rebuild the lost bytes and left the text as it is: restore the article from its original UTF-8 file mojibake-unrepaired bitext$/)
    ])
    expect(build.err()).not.toContain('mojibake-repaired')
    expect(fs.existsSync(path.join(cwd, 'dist', 'rolling', 'index.zh.md'))).toBe(true)
    expect(fs.existsSync(path.join(cwd, 'dist', 'big5'))).toBe(false)
    expect(fs.readFileSync(path.join(articles, 'big5.md'), 'utf8')).toBe(damaged)
    const lint = captureIo(cwd, wide)
    expect(await run(['lint', '--no-cache'], lint)).toBe(1)
    expect(messageLines(lint.out())).toEqual(messageLines(build.err()))
  })
})
