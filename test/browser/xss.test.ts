/**
 * The pages bitext writes must not run anything from an article. Build an
 * article full of classic XSS vectors, open the pages in real headless
 * Chromium, and check that no script ran (no dialog, no global set), that no
 * request left the page, and that the DOM holds nothing executable. Each page
 * is checked twice: as published (with its Content-Security-Policy) and with
 * CSP bypassed, so that the sanitizer alone is shown to hold.
 */
import {createHash} from 'node:crypto'
import * as fs from 'node:fs'
import http from 'node:http'
import type {AddressInfo} from 'node:net'
import path from 'node:path'
import {chromium, type BrowserContext} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {run} from '../../src/cli/run.js'
import {captureIo, projectRoot, tempDir} from '../helpers.js'
import {launchOptions, requireChromium, skipNote} from './chromium.js'

const fixture = path.join(projectRoot, 'test', 'fixtures', 'xss', 'xss-vectors.md')

const browser = requireChromium('the XSS test')

/** Serve a folder on 127.0.0.1 only. */
async function serve(root: string): Promise<{origin: string; close: () => Promise<void>}> {
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname)
    const file = path.resolve(root, '.' + pathname)
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404).end()
      return
    }
    const type = file.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/octet-stream'
    response.writeHead(200, {'content-type': type}).end(fs.readFileSync(file))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve()))
  }
}

/** Runs in the page: hover, focus and click every element but links away. */
const interactScript = `(() => {
  for (const element of document.querySelectorAll('body *')) {
    element.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}))
    element.dispatchEvent(new FocusEvent('focus'))
    if (element instanceof HTMLAnchorElement && /^https?:$/.test(element.protocol)) continue
    element.dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true}))
  }
})()`

/** Runs in the page: list everything executable or leaky left in the DOM. */
const inspectScript = `(() => {
  const found = []
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.getAttributeNames()) {
      const name = attribute.toLowerCase()
      if (name.startsWith('on')) found.push(element.localName + '[' + name + ']')
      if (['srcdoc', 'formaction', 'action', 'style', 'srcset', 'ping', 'data', 'background'].includes(name)) found.push(element.localName + '[' + name + ']')
    }
    for (const property of ['href', 'src']) {
      const value = element[property]
      if (typeof value === 'string' && value !== '') {
        const protocol = new URL(value, document.baseURI).protocol
        if (!['http:', 'https:', 'mailto:'].includes(protocol)) found.push(element.localName + '[' + property + '=' + protocol + ']')
      }
    }
  }
  for (const element of document.querySelectorAll('script')) found.push('script:' + element.textContent)
  const forbidden = 'iframe, frame, frameset, object, embed, applet, base, form, link, svg, math, template, noscript'
  for (const element of document.querySelectorAll(forbidden)) found.push(element.localName)
  const metas = [...document.querySelectorAll('meta[http-equiv]')]
  for (const [index, element] of metas.entries()) {
    const isOwnCsp = index === 0 && element.parentElement === document.head && element.getAttribute('http-equiv').toLowerCase() === 'content-security-policy'
    if (!isOwnCsp) found.push('meta[http-equiv=' + element.getAttribute('http-equiv') + ']')
  }
  const styles = document.querySelectorAll('style')
  if (styles.length === 0 || [...styles].some((style) => style.parentElement !== document.head)) found.push('style x' + styles.length)
  // Ids from the article must not clobber the page's own toggle.
  if (document.querySelectorAll('#view-zh').length > 1) found.push('clobbered #view-zh')
  return found
})()`

/** A `script:<text>` entry whose hash the page's own CSP allows (the review report's own script). */
function isOwnScript(entry: string, csp: string): boolean {
  if (!entry.startsWith('script:')) return false
  const hash = createHash('sha256').update(entry.slice('script:'.length)).digest('base64')
  return csp.includes(`'sha256-${hash}'`)
}

/** What a page did while it was open. */
interface Visit {
  dialogs: string[]
  /** Requests to anything but the local server (blocked, recorded). */
  outside: string[]
  /** `window.__xss` and friends after load and interaction. */
  globals: unknown[]
  /** Executable things found in the DOM. */
  dom: string[]
  consoleErrors: string[]
}

/** Open a page, interact with everything, report what ran. */
async function visit(context: BrowserContext, origin: string, url: string): Promise<Visit> {
  const result: Visit = {dialogs: [], outside: [], globals: [], dom: [], consoleErrors: []}
  const page = await context.newPage()
  page.on('dialog', (dialog) => {
    result.dialogs.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss()
  })
  page.on('console', (message) => {
    if (message.type() === 'error') result.consoleErrors.push(message.text())
  })
  await page.route('**', async (route) => {
    const requested = route.request().url()
    if (requested.startsWith(origin + '/')) return route.continue()
    result.outside.push(requested)
    return route.abort()
  })
  // Frames, workers and pages opened by the page go through the context.
  context.on('page', (opened) => {
    if (opened !== page) result.outside.push(`new page: ${opened.url()}`)
  })
  await page.goto(origin + url, {waitUntil: 'load'})
  await page.waitForLoadState('networkidle')
  // Give handlers that need a user a chance: hover, focus and click everything
  // that is not a navigation away (that would be counted as leaving the page).
  await page.evaluate(interactScript)
  await page.waitForLoadState('networkidle')
  for (const frame of page.frames()) {
    result.globals.push(await frame.evaluate('window.__xss').catch(() => undefined))
  }
  result.globals = result.globals.filter((value) => value !== undefined)
  const ownCsp = (await page.evaluate(`document.head.querySelector('meta[http-equiv]')?.getAttribute('content') ?? ''`)) as string
  result.dom = ((await page.evaluate(inspectScript)) as string[]).filter((entry) => !isOwnScript(entry, ownCsp))
  await page.close()
  return result
}

describe.skipIf(!browser.chromium)(`XSS vectors in an article never run in the pages bitext writes${skipNote(browser)}`, () => {
  let cwd: string
  let server: {origin: string; close: () => Promise<void>}
  let buildCode: number
  let buildErr: string
  let reviewCode: number

  beforeAll(async () => {
    cwd = fs.realpathSync(tempDir('bitext-xss-'))
    fs.mkdirSync(path.join(cwd, 'articles'))
    fs.copyFileSync(fixture, path.join(cwd, 'articles', 'xss-vectors.md'))
    const io = captureIo(cwd)
    buildCode = await run(['build', '--quiet', '--no-cache'], io)
    reviewCode = await run(['review', '--no-cache'], io)
    buildErr = io.err()
    server = await serve(path.join(cwd, 'dist'))
  })

  afterAll(async () => {
    await server?.close()
  })

  it('builds the article and its review report', () => {
    expect(buildErr).not.toMatch(/internal error/)
    expect(buildCode).toBe(0)
    expect(reviewCode).toBe(0)
    expect(fs.existsSync(path.join(cwd, 'dist', 'xss-vectors', 'index.html'))).toBe(true)
    expect(fs.existsSync(path.join(cwd, 'dist', 'review', 'xss-vectors.html'))).toBe(true)
  })

  it('keeps the article readable: code shows the script as text, headings survive', () => {
    const html = fs.readFileSync(path.join(cwd, 'dist', 'xss-vectors', 'index.html'), 'utf8')
    expect(html).toContain('&#x3C;script>window.__xss = \'fenced\'&#x3C;/script>')
    expect(html).toContain('事件处理器')
    expect(html).toContain('<title>XSS &#x3C;/title>&#x3C;script>')
    // A stripped <style> must not leave its rules on the page as prose.
    expect(html).not.toContain('@import')
    const review = fs.readFileSync(path.join(cwd, 'dist', 'review', 'xss-vectors.html'), 'utf8')
    expect(review).toContain('&#x3C;iframe srcdoc="&#x3C;script>parent.__xss=\'srcdoc\'&#x3C;/script>">&#x3C;/iframe>')
  })

  for (const bypassCSP of [false, true]) {
    const label = bypassCSP ? 'with CSP bypassed (the sanitizer alone)' : 'as published (with CSP)'
    for (const url of ['/xss-vectors/index.html', '/index.html', '/review/xss-vectors.html', '/review/index.html']) {
      it(`${url} ${label}: no dialog, no global, no request out, nothing executable`, async () => {
        const userDataDir = tempDir('bitext-chromium-')
        const context = await chromium.launchPersistentContext(userDataDir, {
          ...launchOptions(browser.chromium!),
          bypassCSP,
          javaScriptEnabled: true,
          serviceWorkers: 'block'
        })
        try {
          const result = await visit(context, server.origin, url)
          expect(result.dialogs).toEqual([])
          expect(result.globals).toEqual([])
          expect(result.outside).toEqual([])
          expect(result.dom).toEqual([])
        } finally {
          await context.close()
          fs.rmSync(userDataDir, {recursive: true, force: true})
        }
      })
    }
  }
})

describe('the XSS harness itself', () => {
  it.skipIf(!browser.chromium)(`detects a script that runs, a dialog and a request out (control)${skipNote(browser)}`, async () => {
    const dir = fs.realpathSync(tempDir('bitext-xss-control-'))
    fs.writeFileSync(
      path.join(dir, 'bad.html'),
      '<!doctype html><p onclick="alert(1)">x</p><img src="http://xss.invalid/pixel.png"><script>window.__xss = "control"</script>'
    )
    const control = await serve(dir)
    const userDataDir = tempDir('bitext-chromium-')
    const context = await chromium.launchPersistentContext(userDataDir, launchOptions(browser.chromium!))
    try {
      const result = await visit(context, control.origin, '/bad.html')
      expect(result.dialogs).toEqual(['alert: 1'])
      expect(result.globals).toEqual(['control'])
      expect(result.outside).toEqual(['http://xss.invalid/pixel.png'])
      expect(result.dom).toEqual(['p[onclick]', 'script:window.__xss = "control"', 'style x0'])
    } finally {
      await context.close()
      await control.close()
      fs.rmSync(userDataDir, {recursive: true, force: true})
    }
  })
})
