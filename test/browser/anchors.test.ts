/**
 * In-page links of the bilingual page in a real browser: a link to a
 * heading's id (a Hugo `{#id}` or the English slug) and a footnote call
 * scroll their target into view below the sticky language toggle.
 *
 * No Chromium: the test fails under CI (CI=true) and skips locally, with the
 * reason in its title.
 */
import fs from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {chromium, type BrowserContext} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {processArticle} from '../../src/pipeline.js'
import {tempDir} from '../helpers.js'
import {launchOptions, requireChromium, skipNote} from './chromium.js'

const browser = requireChromium('the in-page links test')

/** A long article: the targets are far below the first screen. */
const filler = Array.from({length: 40}, (_, index) => `> Paragraph ${index} of filler text.\n\n填充段落 ${index}。\n`).join('\n')
const article = `---
title: 锚点
---

<!--
See [the namespaces](#initial-namespaces), [the notes](#notes) and a note.[^1]
-->
参见[初始名字空间](#initial-namespaces)、[说明](#notes)和脚注。[^1]

${filler}

<!--
## Initial namespaces
-->
## 初始名字空间 {#initial-namespaces}

${filler}

## Notes

## 说明

${filler}

[^1]: 一条脚注。
`

describe.skipIf(!browser.chromium)(`in-page links in Chromium${skipNote(browser)}`, () => {
  let context: BrowserContext
  let url: string

  beforeAll(async () => {
    const file = await processArticle(Buffer.from(article, 'utf8'), 'articles/anchors.md')
    const out = tempDir('bitext-anchors-')
    fs.writeFileSync(path.join(out, 'index.html'), String(file.data.outputs?.['index.html']))
    url = pathToFileURL(path.join(out, 'index.html')).href
    context = await chromium.launchPersistentContext(tempDir('bitext-chromium-'), {...launchOptions(browser.chromium!), viewport: {width: 1280, height: 700}})
  })

  afterAll(async () => {
    await context?.close()
  })

  for (const [link, target] of [
    ['初始名字空间', '#initial-namespaces'],
    ['说明', '#notes'],
    ['1', '#user-content-fn-1']
  ] as const) {
    it(`the link \`${link}\` brings ${target} into view, below the toggle`, async () => {
      const page = await context.newPage()
      await page.goto(url)
      await page.locator('.zh').getByRole('link', {name: link, exact: true}).first().click()
      await page.waitForURL((address) => address.hash === target)
      const box = await page.locator(target).boundingBox()
      const toggle = await page.locator('.toggle').boundingBox()
      expect(box).not.toBeNull()
      expect(box!.y).toBeGreaterThanOrEqual(toggle!.y + toggle!.height - 1)
      // In view (a note at the very end of the page cannot scroll up to the top).
      expect(box!.y + box!.height).toBeLessThanOrEqual(700)
      if (target !== '#user-content-fn-1') expect(box!.y).toBeLessThan(700 / 2)
      await page.close()
    }, 60_000)
  }
})
