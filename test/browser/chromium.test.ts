/**
 * The browser the browser tests run: found in the documented order, the npm
 * one used when the system has none, a CJK font from npm when fontconfig has
 * none, and a clear reason when nothing works.
 */
import {chromium} from 'playwright-core'
import {describe, expect, it} from 'vitest'
import {tempDir} from '../helpers.js'
import {cjkFamily, findChromium, launchOptions, platformFonts} from './chromium.js'

describe('finding Chromium', () => {
  it('skips with every reason when no source is allowed (BITEXT_CHROMIUM=none)', () => {
    expect(findChromium({BITEXT_CHROMIUM: 'none'})).toEqual({skipReason: 'no Chromium: BITEXT_CHROMIUM=none'})
  })

  it('says why a BITEXT_CHROMIUM path does not start, then takes the next source', () => {
    const lookup = findChromium({BITEXT_CHROMIUM: '/nonexistent/chromium'})
    // On this machine a system or npm Chromium follows; the path's failure is not silent either way.
    if (lookup.skipReason !== undefined) expect(lookup.skipReason).toMatch(/^no Chromium: BITEXT_CHROMIUM=\/nonexistent\/chromium does not start: /)
    else expect(lookup.chromium.source).not.toBe('BITEXT_CHROMIUM')
  })

  // A fresh machine: no system Chromium, no system CJK font. The npm packages are
  // devDependencies, so after `npm ci` this must work everywhere.
  const fresh = findChromium({BITEXT_CHROMIUM: 'npm', BITEXT_FONTS: 'npm'})

  it('unpacks the npm Chromium and gives it the npm CJK font', () => {
    expect(fresh.skipReason).toBeUndefined()
    expect(fresh.chromium?.source).toBe('npm')
    expect(fresh.chromium?.version).toMatch(/^(Headless)?Chrom(e|ium)[\w -]* \d+\.\d+\.\d+\.\d+/)
    expect(fresh.chromium?.fonts).toBe('npm')
    expect(fresh.chromium?.env['FONTCONFIG_FILE']).toMatch(/fonts-npm-only\.conf$/)
  })

  it('launches the npm Chromium headless, offline, and draws Chinese in the npm CJK font', async () => {
    const found = fresh.chromium
    expect(found).toBeDefined()
    const context = await chromium.launchPersistentContext(tempDir('bitext-chromium-'), {...launchOptions(found!), viewport: {width: 390, height: 200}})
    try {
      const page = await context.newPage()
      await page.setContent('<p lang="zh-CN" style="font-size:32px">中文字形</p>')
      const fonts = await platformFonts(page, 'p')
      expect(fonts.map((font) => font.familyName)).toEqual(['Noto Sans S Chinese Regular'])
      expect(fonts[0]?.glyphCount).toBe(4)
      expect(cjkFamily.test(fonts[0]?.familyName ?? '')).toBe(true)
    } finally {
      await context.close()
    }
  })
})
