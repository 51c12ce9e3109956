import {createHash} from 'node:crypto'
import * as fs from 'node:fs'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {run} from '../../src/cli/run.js'
import {toMarkdown} from '../../src/emit/markdown.js'
import {createParser} from '../../src/parse/index.js'
import {captureIo, copy, projectRoot, tempDir} from '../helpers.js'

const seedSlug = 'kubernetes-intro-for-vmware-users'
const cleanSlug = 'rolling-updates-without-downtime'

function hashTree(dir: string): string {
  const hash = createHash('sha256')
  for (const name of (fs.readdirSync(dir, {recursive: true}) as string[]).sort()) {
    const full = path.join(dir, name)
    if (fs.statSync(full).isFile()) hash.update(name).update(fs.readFileSync(full))
  }
  return hash.digest('hex')
}

describe('bitext build on the real articles', () => {
  let cwd: string
  let code: number
  let stderr: string
  let before: string
  const read = (...parts: string[]) => fs.readFileSync(path.join(cwd, 'dist', ...parts), 'utf8')

  beforeAll(async () => {
    cwd = tempDir()
    copy(path.join(projectRoot, 'articles'), path.join(cwd, 'articles'))
    copy(path.join(projectRoot, 'glossary.yaml'), path.join(cwd, 'glossary.yaml'))
    before = hashTree(path.join(cwd, 'articles'))
    const io = captureIo(cwd)
    code = await run(['build', '--quiet'], io)
    stderr = io.err()
  })

  it('builds both articles and says so in one summary line', () => {
    expect(code).toBe(0)
    expect(stderr).toMatch(/^bitext build: 2 articles built, \d+ repairs, \d+ warnings?, \d+ errors? in \d+\.\d s → dist$/m)
    for (const slug of [seedSlug, cleanSlug]) {
      for (const name of ['index.zh.md', 'index.en.md', 'bilingual.md', 'index.html']) {
        expect(fs.existsSync(path.join(cwd, 'dist', slug, name)), `${slug}/${name}`).toBe(true)
      }
    }
    expect(read('index.html')).toContain(`href="${seedSlug}/index.html"`)
  })

  it('lists each article with its English title, which its results carry without the alignment', () => {
    expect(read('index.html')).toContain(
      `<a href="${seedSlug}/index.html">【翻译】给 VMware vSphere 用户的 Kubernetes 简介</a><span class="en" lang="en">Kubernetes Introduction for VMware Users – Part 1: The Theory</span>`
    )
  })

  it('never modifies articles/', () => {
    expect(hashTree(path.join(cwd, 'articles'))).toBe(before)
  })

  it('keeps the front matter, repaired, with every field', () => {
    const zh = read(seedSlug, 'index.zh.md')
    const frontMatter = zh.split('\n---\n')[0] ?? ''
    expect(frontMatter).toContain('title: 【翻译】给 VMware vSphere 用户的 Kubernetes 简介')
    for (const field of ['date: 2019-12-10', 'updated:', 'categories: 技术', 'slug:', 'tag:', '  - kubernetes', '  - 翻译', 'copyright: true', 'comment: true']) {
      expect(frontMatter).toContain(field)
    }
    expect(zh).not.toMatch(/[ÃÂâ][\u0080-\u00ff]/)
    expect(zh).not.toContain('\uFFFD')
  })

  it('removes the English from index.zh.md and keeps every image and the translator notes', () => {
    const zh = read(seedSlug, 'index.zh.md')
    const source = fs.readFileSync(path.join(cwd, 'articles', `${seedSlug}.md`), 'utf8')
    expect(zh).not.toContain('This is the second part of my')
    expect(zh).not.toContain('Simply put: it is to containers what vSphere was for VMs')
    expect(zh).not.toContain('## A little bit of history')
    expect(zh).toContain('## 更新日志')
    expect(zh).toContain('## 系统概览')
    const images = (text: string) => [...text.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g)].map((match) => match[1])
    expect(images(zh)).toEqual(images(source))
    expect(images(zh).length).toBeGreaterThan(10)
  })

  it('writes the English source with the English title and without the Chinese-only tag and category', () => {
    const en = read(seedSlug, 'index.en.md')
    expect(en).toContain('This is the second part of my')
    expect(en).toContain('## A little bit of history')
    expect(en).not.toContain('## 系统概览')
    expect(en.split('\n---\n')[0]).toBe(
      [
        '---',
        'title: "Kubernetes Introduction for VMware Users – Part 1: The Theory"',
        'date: 2019-12-10',
        'updated:',
        'slug:',
        'tag:',
        '  - kubernetes',
        'copyright: true',
        'comment: true'
      ].join('\n')
    )
  })

  it('normalizes the parallel Markdown: EN quoted, then ZH plain', () => {
    const bilingual = read(seedSlug, 'bilingual.md')
    // The etcd pair is swapped in the input (EN plain, ZH quoted); the output follows one convention.
    const etcd = bilingual.indexOf('key-value store called')
    expect(etcd).toBeGreaterThan(0)
    expect(bilingual.lastIndexOf('\n> ', etcd)).toBeGreaterThan(bilingual.lastIndexOf('\n\n', etcd - 200))
    expect(bilingual).toContain('> In vSphere, we have physical ESXi hosts grouped logically to form clusters.')
  })

  it('writes a sanitized bilingual page with lang attributes and a toggle, no script, no external assets', () => {
    const html = read(seedSlug, 'index.html')
    expect(html).toMatch(/^<!doctype html><html lang="zh-Hans">/)
    expect(html).toContain('lang="en"')
    expect(html).toContain('lang="zh-Hans"')
    expect(html).toContain('id="view-zh"')
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/<link[^>]+stylesheet/i)
    expect(html).toContain('http-equiv="Content-Security-Policy" content="default-src &#x27;none&#x27;;')
  })

  it('writes Markdown that round-trips through remark unchanged', () => {
    const parser = createParser()
    for (const slug of [seedSlug, cleanSlug]) {
      for (const name of ['index.zh.md', 'index.en.md', 'bilingual.md']) {
        const text = read(slug, name)
        expect(toMarkdown(parser.parse(text)), `${slug}/${name}`).toBe(text)
      }
    }
  })

  it('is deterministic: a second build is byte-identical', async () => {
    const first = hashTree(path.join(cwd, 'dist'))
    // Second build: answered from the cache.
    fs.rmSync(path.join(cwd, 'dist'), {recursive: true})
    const cached = captureIo(cwd)
    expect(await run(['build', '--quiet'], cached)).toBe(0)
    expect(cached.err()).toMatch(/ \(2 from cache\) → dist\n$/)
    expect(hashTree(path.join(cwd, 'dist'))).toBe(first)
    // Third build: everything processed again, on two worker threads.
    fs.rmSync(path.join(cwd, 'dist'), {recursive: true})
    const fresh = captureIo(cwd)
    expect(await run(['build', '--quiet', '--no-cache', '--jobs', '2'], fresh)).toBe(0)
    expect(fresh.err()).not.toContain('from cache')
    expect(hashTree(path.join(cwd, 'dist'))).toBe(first)
  })

  it('keeps the clean article intact: code, table, image, note', () => {
    const zh = read(cleanSlug, 'index.zh.md')
    expect(zh).toContain('```yaml\napiVersion: apps/v1')
    expect(zh).toContain('| 设置 | 发布期间的 Pod 数 | 风险 |')
    expect(zh).not.toContain('| Setting | Pods during rollout | Risk |')
    expect(zh).toContain('![Rolling update of a Deployment](https://example.org/images/rolling-update.png)')
    expect(zh).toContain('译者注：文中的命令在 Kubernetes 1.29 上验证过。')
    expect(zh).not.toContain('A Deployment in Kubernetes describes')
  })
})

describe('bitext build usage', () => {
  it('exits 2 with a clear message for an unknown option', async () => {
    const io = captureIo(tempDir())
    expect(await run(['build', '--frobnicate'], io)).toBe(2)
    expect(io.err()).toContain("bitext build: Unknown option '--frobnicate'")
    expect(io.err()).not.toMatch(/\n\s+at /)
  })

  it('exits 2 for an unknown format', async () => {
    const cwd = tempDir()
    fs.mkdirSync(path.join(cwd, 'articles'))
    const io = captureIo(cwd)
    expect(await run(['build', '--format', 'pdf'], io)).toBe(2)
    expect(io.err()).toContain('Unknown --format `pdf`; use md, html or md,html')
  })

  it('exits 2 when the articles folder does not exist', async () => {
    const io = captureIo(tempDir())
    expect(await run(['build', '--articles', 'nowhere'], io)).toBe(2)
    expect(io.err()).toContain('Cannot find `nowhere`')
  })
})

describe('bitext build options', () => {
  function project(count: number): string {
    const cwd = tempDir()
    fs.mkdirSync(path.join(cwd, 'articles'))
    for (let index = 1; index <= count; index++) {
      fs.writeFileSync(
        path.join(cwd, 'articles', `post-${index}.md`),
        `---\ntitle: 第 ${index} 篇\ndate: 2024-01-0${index}\n---\n\n> Pods are the smallest unit of Kubernetes number ${index}.\n\nPod 是 Kubernetes 中最小的单元，编号 ${index}。\n`
      )
    }
    return cwd
  }

  it('writes only the Markdown outputs with --format md', async () => {
    const cwd = project(1)
    expect(await run(['build', '--quiet', '--format', 'md', '--no-cache'], captureIo(cwd))).toBe(0)
    expect(fs.readdirSync(path.join(cwd, 'dist', 'post-1')).sort()).toEqual(['bilingual.md', 'index.en.md', 'index.zh.md'])
    expect(fs.existsSync(path.join(cwd, 'dist', 'index.html'))).toBe(false)
  })

  it('shows a progress bar on a terminal when there are more than five articles, and not otherwise', async () => {
    const many = project(6)
    const tty = captureIo(many)
    tty.stderr.isTTY = true
    expect(await run(['build', '--no-cache', '--jobs', '1'], tty)).toBe(0)
    expect(tty.err()).toContain('bitext build [')
    expect(tty.err()).toContain('/6 articles')
    expect(tty.err()).toMatch(/bitext build: 6 articles built, 0 repairs, 0 warnings, 0 errors in \d+\.\d s → dist\n$/)

    const piped = captureIo(many)
    expect(await run(['build', '--no-cache', '--jobs', '1'], piped)).toBe(0)
    expect(piped.err()).not.toContain('bitext build [')

    const few = project(5)
    const small = captureIo(few)
    small.stderr.isTTY = true
    expect(await run(['build', '--no-cache'], small)).toBe(0)
    expect(small.err()).not.toContain('bitext build [')
  })

  it('lists every article with its title and date in dist/index.html', async () => {
    const cwd = project(2)
    expect(await run(['build', '--quiet', '--no-cache'], captureIo(cwd))).toBe(0)
    const index = fs.readFileSync(path.join(cwd, 'dist', 'index.html'), 'utf8')
    expect(index).toContain('<a href="post-1/index.html">第 1 篇</a><p class="meta">2024-01-01</p>')
    expect(index).toContain('<a href="post-2/index.html">第 2 篇</a><p class="meta">2024-01-02</p>')
  })
})
