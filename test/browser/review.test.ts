/**
 * The review report of the seed in a real browser (Chromium from the system
 * or from npm, see ./chromium.ts, through playwright-core): rows and messages are there, a filter hides what it
 * should, keyboard navigation reaches the next problem, and screenshots are
 * saved under test/artifacts/ to be looked at.
 *
 * No Chromium: the test fails under CI (CI=true) and skips locally, with the
 * reason in its title.
 */
import fs from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {chromium, type BrowserContext, type Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {processArticle} from '../../src/pipeline.js'
import {allRules} from '../../src/check/rules.js'
import {renderReviewHtml, renderReviewIndex, renderRulePage, reviewModel, type ReviewDocument} from '../../src/review/index.js'
import {projectRoot, seedPath, tempDir} from '../helpers.js'
import {cjkFamily, launchOptions, platformFonts, requireChromium, skipNote} from './chromium.js'

const browser = requireChromium('the review report test')

const artifacts = path.join(projectRoot, 'test', 'artifacts')

describe.skipIf(!browser.chromium)(`review report in Chromium${skipNote(browser)}`, () => {
  let context: BrowserContext
  let page: Page
  let review: ReviewDocument
  let out: string

  beforeAll(async () => {
    const file = await processArticle(fs.readFileSync(seedPath), seedPath, {emit: false})
    review = reviewModel(file)
    out = tempDir('bitext-review-')
    fs.writeFileSync(path.join(out, `${review.slug}.html`), renderReviewHtml(file))
    fs.writeFileSync(path.join(out, 'index.html'), renderReviewIndex([file]))
    fs.mkdirSync(path.join(out, 'rules'))
    for (const rule of allRules) {
      fs.writeFileSync(path.join(out, 'rules', `${rule.id}.html`), renderRulePage(rule.id, fs.readFileSync(path.join(projectRoot, 'docs', 'rules', `${rule.id}.md`), 'utf8')))
    }
    fs.mkdirSync(artifacts, {recursive: true})
    context = await chromium.launchPersistentContext(tempDir('bitext-chromium-'), {
      ...launchOptions(browser.chromium!),
      viewport: {width: 1280, height: 900}
    })
    page = await context.newPage()
  })

  afterAll(async () => {
    await context?.close()
  })

  it('shows every unit and message, loads nothing and runs without errors', async () => {
    const errors: string[] = []
    const requests: string[] = []
    page.on('pageerror', (error) => errors.push(String(error)))
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) requests.push(request.url())
    })
    await page.goto(pathToFileURL(path.join(out, `${review.slug}.html`)).href)
    expect(await page.locator('section.row[id^="u"]').count()).toBe(review.rows.length)
    expect(await page.locator('li.msg').count()).toBe(review.messages.length)
    await expect.poll(() => page.locator('#status').textContent()).toBe(`${review.messages.length} of ${review.messages.length} messages shown`)
    const untranslated = page.locator('li.msg[data-rule="untranslated"]').first()
    await expect.poll(() => untranslated.isVisible()).toBe(true)
    await page.screenshot({path: path.join(artifacts, 'review-seed-top.png')})
    expect(errors).toEqual([])
    expect(requests).toEqual([])
    // Chinese glyphs are drawn with a CJK font (not tofu in a Latin one). Last:
    // the DevTools session it opens makes Chromium log a file: origin warning.
    const fonts = await platformFonts(page, 'div.zh:not(.empty)')
    const chinese = fonts.filter((font) => cjkFamily.test(font.familyName))
    expect(chinese.map((font) => font.familyName), JSON.stringify(fonts)).not.toEqual([])
  })

  it('leads from a twin\'s mark to the card of its decision, which names the twins and the command', async () => {
    await page.goto(pathToFileURL(path.join(out, `${review.slug}.html`)).href)
    // The seed's three 号影: one message, two twins whose marks are no open items of their own.
    const card = review.messages.find((message) => (message.choice?.twins.length ?? 0) > 0)!
    const twins = page.locator(`mark.twin[data-m="${card.id}"]`)
    expect(await twins.count()).toBe(card.choice!.twins.length)
    await twins.last().click()
    await expect.poll(() => page.evaluate('document.activeElement && document.activeElement.id')).toBe(card.id)
    const places = card.choice!.twins.map((twin) => `${twin.line}:${twin.column}`)
    expect(await page.locator(`#${card.id} p.twins`).textContent()).toContain(`also at ${places.join(' and ')}. One command settles all ${places.length + 1}`)
    expect(await page.locator(`#${card.id} p.settle code`).allTextContents()).toContain(`bitext repair --accept ${review.path}:${card.line}:${card.column}`)
    await page.locator(`#${card.id}`).scrollIntoViewIfNeeded()
    await page.screenshot({path: path.join(artifacts, 'review-seed-twins.png')})
  })

  it('hides the messages of a rule when its filter is unchecked', async () => {
    const typography = review.messages.filter((message) => message.ruleId === 'zh-typography').length
    expect(typography).toBeGreaterThan(0)
    await page.locator('input[data-filter="rule"][value="zh-typography"]').uncheck()
    expect(await page.locator('li.msg[data-rule="zh-typography"]:visible').count()).toBe(0)
    expect(await page.locator('li.msg[data-rule="untranslated"]:visible').count()).toBeGreaterThan(0)
    await expect.poll(() => page.locator('#status').textContent()).toBe(`${review.messages.length - typography} of ${review.messages.length} messages shown`)

    // Only the untranslated rule, and only units with problems.
    for (const box of await page.locator('input[data-filter="rule"]').all()) {
      if ((await box.getAttribute('value')) !== 'untranslated') await box.uncheck()
    }
    await page.locator('#only-problems').check()
    const visibleRows = await page.locator('section.row:visible').count()
    const expectedRows = new Set(review.messages.filter((message) => message.ruleId === 'untranslated').map((message) => message.row ?? 'document')).size
    expect(visibleRows).toBe(expectedRows)
    await page.keyboard.press('j')
    const focused = await page.locator(':focus').getAttribute('data-rule')
    expect(focused).toBe('untranslated')
    await page.screenshot({path: path.join(artifacts, 'review-seed-untranslated.png')})
  })

  it('is readable on a phone and prints without the toolbar', async () => {
    await page.setViewportSize({width: 390, height: 844})
    await page.goto(pathToFileURL(path.join(out, `${review.slug}.html`)).href)
    const row = review.messages.find((message) => message.ruleId === 'link-mismatch')?.row
    await page.locator(`#u${row}`).scrollIntoViewIfNeeded()
    const width = Number(await page.evaluate('document.documentElement.scrollWidth'))
    expect(width).toBeLessThanOrEqual(390)
    // No message is cut off inside its box (a long URL wraps).
    const clipped = await page.evaluate(`[...document.querySelectorAll('li.msg')].filter((item) => item.scrollWidth > item.clientWidth).length`)
    expect(clipped).toBe(0)
    await page.screenshot({path: path.join(artifacts, 'review-seed-phone.png')})
    await page.emulateMedia({media: 'print'})
    expect(await page.locator('nav.toolbar').isVisible()).toBe(false)
    await page.emulateMedia({media: 'screen'})
  })

  it('fits the index on a 390 px screen: no horizontal scroll, every cell in view', async () => {
    await page.setViewportSize({width: 390, height: 844})
    await page.goto(pathToFileURL(path.join(out, 'index.html')).href)
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(390)
    const cells = page.locator('table.articles td:not(:empty)')
    expect(await cells.count()).toBeGreaterThan(5)
    for (const cell of await cells.all()) {
      const box = await cell.boundingBox()
      expect(box, await cell.textContent() ?? '').not.toBeNull()
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390)
      expect(await cell.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true)
    }
    await page.screenshot({path: path.join(artifacts, 'review-index-phone.png'), fullPage: true})
  })

  it('opens a rule page from a message, and it fits a phone', async () => {
    await page.setViewportSize({width: 390, height: 844})
    await page.goto(pathToFileURL(path.join(out, `${review.slug}.html`)).href)
    const link = page.locator('li.msg[data-rule="untranslated"] a.rule').first()
    expect(await link.getAttribute('href')).toBe('rules/untranslated.html')
    await link.click()
    await expect.poll(() => page.title()).toBe('bitext rule: untranslated')
    expect(await page.locator('h2', {hasText: 'Message'}).count()).toBe(1)
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(390)
  })

  it('links the index to the article', async () => {
    await page.setViewportSize({width: 1280, height: 600})
    await page.goto(pathToFileURL(path.join(out, 'index.html')).href)
    await page.locator(`a[href="${review.slug}.html"]`).click()
    await expect.poll(() => page.title()).toBe(`Review: ${review.title}`)
  })
})
