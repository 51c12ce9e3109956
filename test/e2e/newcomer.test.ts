/**
 * A newcomer's path, end to end: a fresh `git clone` of this repository (at
 * HEAD; the project's node_modules linked in to save the `npm ci`), three
 * articles a real blog has (one damaged — UTF-8 read as windows-1252 —, one
 * saved in GBK, one with a local image and Helm template braces), then the
 * README's `npm run build`. Every page is opened in Chromium and checked as a
 * reader sees it, and every `index.zh.md` is published through a real Hexo
 * (hexo + hexo-renderer-marked, a minimal site).
 *
 * Skipped, with the reason in the test name, when the project is not a git
 * checkout or no Chromium can be found.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import * as fs from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {deflateSync} from 'node:zlib'
import iconv from 'iconv-lite'
import {chromium, type Browser, type Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {projectRoot, tempDir} from '../helpers.js'
import {cjkFamily, launchOptions, platformFonts, requireChromium, skipNote} from '../browser/chromium.js'

const found = requireChromium('the newcomer end-to-end test')
const isCheckout = fs.existsSync(path.join(projectRoot, '.git'))
const skipTitle = !isCheckout ? ' (skipped: the project is not a git checkout, so it cannot be cloned)' : skipNote(found)

/** A 24×16 PNG, drawn here so that the test needs no binary fixture. */
function png(): Buffer {
  const width = 24
  const height = 16
  const rows = Buffer.alloc((width * 3 + 1) * height)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) rows.set([x * 10, y * 15, 200], y * (width * 3 + 1) + 1 + x * 3)
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0))
  ])
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff
  for (const byte of data) {
    crc ^= byte
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1
  }
  return (crc ^ 0xffffffff) >>> 0
}

const damagedZh = ['容器把应用程序和运行它所需的一切打包在一起。', '编排器决定每个容器在哪台机器上运行，并在容器失败时重新启动它。', 'Kubernetes 是当今使用最广泛的编排器。']

const damagedSource = `---
title: 【翻译】容器编排入门
date: 2024-02-20
tags: [kubernetes, 翻译]
---

# Container orchestration, a primer

# 容器编排入门

> A container packages an application with everything it needs to run.

${damagedZh[0]}

> An orchestrator decides on which machine each container runs, and restarts it when it fails.

${damagedZh[1]}

> Kubernetes is the most widely used orchestrator today.

${damagedZh[2]}
`

const gbkZh = 'Kubernetes 在由多台机器组成的集群上运行容器，并在容器失败时重新启动它们。'

const gbkSource = `---
title: 【翻译】集群里的机器
date: 2023-11-05
---

> Kubernetes runs containers on a cluster of machines, and it restarts them when they fail.

${gbkZh}

> Each machine is a node, and the control plane decides where every container runs.

每台机器都是一个节点，控制平面决定每个容器在哪里运行。
`

const helmZh = '在 values.yaml 中用 {{ .Values.image }} 指定镜像，用 {% if .Values.debug %} 打开调试。'

const helmSource = `---
title: 【翻译】Helm 图表里的镜像
date: 2024-04-02
tags: [helm, 翻译]
---

# Images in a Helm chart

# Helm 图表里的镜像

> Set the image with {{ .Values.image }} in values.yaml, and turn on debugging with {% if .Values.debug %}.

${helmZh}

![Helm 图表的结构](images/chart.png)

> The chart renders one Deployment per release, and the Deployment keeps the pods of that release running.

图表为每个发布渲染一个 Deployment，这个 Deployment 让该发布的 Pod 保持运行。
`

/**
 * Reuse the project's installed packages: a node_modules folder of links to
 * each of them. Its own `.cache` stays apart, so that the clone compiles for
 * itself (tsc's incremental build info lives there) and caches nothing of ours.
 */
function linkModules(folder: string): void {
  const own = path.join(folder, 'node_modules')
  fs.mkdirSync(own)
  for (const entry of fs.readdirSync(path.join(projectRoot, 'node_modules'))) {
    if (entry !== '.cache') fs.symlinkSync(path.join(projectRoot, 'node_modules', entry), path.join(own, entry), 'dir')
  }
}

describe.skipIf(!isCheckout || !found.chromium)(`a newcomer clones, builds and publishes${skipTitle}`, () => {
  let clone: string
  let dist: string
  let browser: Browser
  let build: {status: number | null; stderr: string}

  beforeAll(async () => {
    const root = tempDir('bitext-newcomer-')
    clone = path.join(root, 'bitext')
    execFileSync('git', ['clone', '--quiet', projectRoot, clone], {stdio: 'pipe'})
    linkModules(clone)
    const articles = path.join(clone, 'articles')
    fs.writeFileSync(path.join(articles, 'container-orchestration.md'), iconv.decode(Buffer.from(damagedSource, 'utf8'), 'windows-1252'))
    fs.writeFileSync(path.join(articles, 'cluster-machines.md'), iconv.encode(gbkSource, 'gbk'))
    fs.writeFileSync(path.join(articles, 'helm-images.md'), helmSource)
    fs.mkdirSync(path.join(articles, 'images'))
    fs.writeFileSync(path.join(articles, 'images', 'chart.png'), png())
    // The README's first command, after `npm ci` (replaced by the link above).
    build = spawnSync('npm', ['run', 'build', '--', '--no-cache'], {cwd: clone, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
    dist = path.join(clone, 'dist')
    browser = await chromium.launch(launchOptions(found.chromium!))
  }, 600_000)

  afterAll(async () => {
    await browser?.close()
  })

  const slugs = ['container-orchestration', 'cluster-machines', 'helm-images', 'kubernetes-intro-for-vmware-users', 'rolling-updates-without-downtime']

  it('builds every article of the clone, and says which one was GBK', () => {
    expect(build.stderr).toMatch(/^bitext build: 5 articles built, \d+ repairs, \d+ warnings, \d+ errors in /m)
    expect(build.status).toBe(0)
    expect(build.stderr).toContain('Unexpected legacy encoding GB18030')
    for (const slug of slugs) expect(fs.existsSync(path.join(dist, slug, 'index.html')), slug).toBe(true)
    expect(fs.readFileSync(path.join(dist, 'helm-images', 'images', 'chart.png'))).toEqual(png())
  })

  async function open(file: string, width: number): Promise<Page> {
    const page = await browser.newPage({viewport: {width, height: 800}})
    await page.goto(pathToFileURL(file).href)
    return page
  }

  it('shows every page without horizontal scrolling at 390 px, and every local image loads', async () => {
    for (const file of [path.join(dist, 'index.html'), ...slugs.map((slug) => path.join(dist, slug, 'index.html'))]) {
      const page = await open(file, 390)
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth')
      expect(overflow, `${path.relative(dist, file)} scrolls sideways`).toBeLessThanOrEqual(0)
      // Images on the web cannot load in a test without network; local ones must.
      const local = await page.$$eval('img', (images) =>
        images.filter((image) => image.src.startsWith('file:')).map((image) => ({src: image.getAttribute('src'), width: image.complete ? image.naturalWidth : -1}))
      )
      for (const image of local) expect(image.width, `${image.src} in ${path.relative(dist, file)}`).toBeGreaterThan(0)
      if (file.includes('helm-images')) expect(local.map((image) => image.src)).toEqual(['images/chart.png'])
      await page.close()
    }
  })

  it('shows the repaired and the GBK Chinese as written, and the braces as text', async () => {
    const page = await open(path.join(dist, 'container-orchestration', 'index.html'), 1280)
    expect(await page.locator('.unit.pair .zh p').allTextContents()).toEqual(damagedZh)
    expect(await page.locator('header h1 .zh').textContent()).toBe('【翻译】容器编排入门')
    await page.goto(pathToFileURL(path.join(dist, 'cluster-machines', 'index.html')).href)
    expect(await page.locator('.unit.pair .zh p').first().textContent()).toBe(gbkZh)
    await page.goto(pathToFileURL(path.join(dist, 'helm-images', 'index.html')).href)
    expect(await page.locator('.unit.pair .zh p').first().textContent()).toBe(helmZh)
    await page.close()
  })

  it('keeps the paragraph being read in view when the reader switches between 中文, English and both', async () => {
    for (const width of [390, 1280]) {
      const page = await open(path.join(dist, 'kubernetes-intro-for-vmware-users', 'index.html'), width)
      const pairs = page.locator('main .unit.pair')
      const index = Math.floor((await pairs.count()) / 2)
      const reading = pairs.nth(index)
      await reading.evaluate((element) => element.scrollIntoView())
      await page.evaluate('window.scrollBy(0, -120)')
      const before = await page.evaluate<number>('window.scrollY')
      expect(before).toBeGreaterThan(2000)
      for (const view of ['zh', 'en', 'both', 'zh', 'both']) {
        await page.locator(`label[for="view-${view}"]`).click()
        const box = await reading.boundingBox()
        expect(box, `${view} at ${width} px`).not.toBeNull()
        // The unit stays on screen: near where it was, not at the top of the page.
        expect(box!.y, `${view} at ${width} px`).toBeGreaterThanOrEqual(-box!.height + 1)
        expect(box!.y, `${view} at ${width} px`).toBeLessThan(800)
        const side = view === 'en' ? '.en' : '.zh'
        expect(await reading.locator(side).isVisible(), `${side} in view ${view}`).toBe(true)
      }
      await page.close()
    }
  })

  it('renders the Chinese in a CJK font', async () => {
    const page = await open(path.join(dist, 'cluster-machines', 'index.html'), 1280)
    const fonts = await platformFonts(page, '.unit.pair .zh p')
    const han = [...gbkZh].filter((character) => /\p{Script=Han}/u.test(character)).length
    const cjkGlyphs = fonts.filter((font) => cjkFamily.test(font.familyName)).reduce((sum, font) => sum + font.glyphCount, 0)
    expect(cjkGlyphs, JSON.stringify(fonts)).toBeGreaterThanOrEqual(han)
    await page.close()
  })

  it('publishes every index.zh.md through Hexo with the Chinese and the braces as written', () => {
    const site = path.join(path.dirname(clone), 'hexo-site')
    const posts = path.join(site, 'source', '_posts')
    fs.mkdirSync(posts, {recursive: true})
    fs.mkdirSync(path.join(site, 'themes', 'plain', 'layout'), {recursive: true})
    fs.writeFileSync(path.join(site, '_config.yml'), 'title: blog\nurl: http://example.org\npermalink: :title/\ntheme: plain\npost_asset_folder: true\n')
    fs.writeFileSync(path.join(site, 'package.json'), JSON.stringify({name: 'blog', private: true, hexo: {}, dependencies: {hexo: '*', 'hexo-renderer-marked': '*'}}))
    fs.writeFileSync(path.join(site, 'themes', 'plain', 'layout', 'post.njk'), '<!doctype html><title>{{ page.title }}</title><article>{{ page.content | safe }}</article>\n')
    fs.writeFileSync(path.join(site, 'themes', 'plain', 'layout', 'index.njk'), '<!doctype html><title>{{ config.title }}</title>\n')
    linkModules(site)
    for (const slug of slugs) fs.copyFileSync(path.join(dist, slug, 'index.zh.md'), path.join(posts, `${slug}.md`))
    const script = "import Hexo from 'hexo'; const hexo = new Hexo(process.cwd(), {silent: true}); await hexo.init(); await hexo.call('generate', {}); await hexo.exit()"
    execFileSync(process.execPath, ['--input-type=module', '-e', script], {cwd: site, stdio: 'pipe'})
    const page = (slug: string) => fs.readFileSync(path.join(site, 'public', slug, 'index.html'), 'utf8')
    for (const slug of slugs) expect(page(slug), slug).toContain('<article>')
    expect(page('helm-images')).toContain(`<p>${helmZh}</p>`)
    expect(page('cluster-machines')).toContain(`<p>${gbkZh}</p>`)
    expect(page('container-orchestration')).toContain(`<p>${damagedZh[1]}</p>`)
    expect(page('kubernetes-intro-for-vmware-users')).toContain('给 VMware 用户的 Kubernetes 简介')
  })
})
