/**
 * The check of pages read back from the cache: every page bitext writes
 * passes it, and a page with anything the sanitizer removes, or a frame
 * that is not bitext's, does not.
 */
import * as fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {verifyPage} from '../../src/emit/verify-page.js'
import {processArticle} from '../../src/pipeline.js'
import {projectRoot} from '../helpers.js'

const sources = [
  path.join(projectRoot, 'articles', 'kubernetes-intro-for-vmware-users.md'),
  path.join(projectRoot, 'articles', 'rolling-updates-without-downtime.md'),
  path.join(projectRoot, 'test', 'fixtures', 'xss', 'xss-vectors.md')
]

async function page(source: string): Promise<string> {
  const file = await processArticle(fs.readFileSync(source), path.basename(source))
  const html = file.data.outputs?.['index.html']
  if (html === undefined) throw new Error(`no page for ${source}`)
  return html
}

describe('verifyPage', () => {
  for (const source of sources) {
    it(`accepts the page bitext writes for ${path.basename(source)}, and refuses it tampered`, async () => {
      const html = await page(source)
      expect(verifyPage(html)).toBe(true)
      // Headings' ids are on their units' sections (the seed and the example article have headings).
      if (!source.includes('xss')) expect(html).toMatch(/<section id="[^"]+" class="unit pair heading">/)
      const tampered = {
        script: html.replace('</article>', '<script>alert(1)</script></article>'),
        handler: html.replace('</article>', '<img src="x.png" onerror="alert(1)"></article>'),
        'javascript link': html.replace('</article>', '<a href="javascript:alert(1)">x</a></article>'),
        iframe: html.replace('</article>', '<iframe src="https://example.org"></iframe></article>'),
        'style in the article': html.replace('</article>', '<style>body{display:none}</style></article>'),
        'a looser CSP': html.replace('img-src', 'script-src *; img-src'),
        'an unprefixed id': html.replace('</article>', '<p id="view-zh">x</p></article>'),
        "a section with the frame's id": html.replace('</article>', '<section id="view-en" class="unit shared heading"><h2>x</h2></section></article>')
      }
      for (const [name, variant] of Object.entries(tampered)) {
        expect(variant, name).not.toBe(html)
        expect(verifyPage(variant), name).toBe(false)
      }
    }, 60_000)
  }
})
