/**
 * The glossary checks on the CNCF glossary's parallel pages, against a
 * glossary built from their own titles; and the project's seed is the shared
 * seed (reads ../shared: `npm run test:corpus`).
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {glossaryRules} from '../../src/check/glossary-rules.js'
import {createGlossary, parseGlossary} from '../../src/glossary/parse-glossary.js'
import type {Glossary, Term} from '../../src/glossary/types.js'
import {seedPath, sharedPath} from '../helpers.js'
import {check, onePair} from './helpers.js'

describe('the shared seed', () => {
  it('is the project copy, byte for byte', () => {
    const shared = readFileSync(sharedPath('seeds', 'kubernetes-intro-for-vmware-users.zh.mojibake.md'))
    expect(Buffer.compare(readFileSync(seedPath), shared)).toBe(0)
  })
})

describe('the CNCF glossary (75 EN/ZH page pairs)', () => {
  const dir = sharedPath('corpus', 'cncf-glossary')
  const names = readdirSync(path.join(dir, 'en')).filter((name) => name.endsWith('.md') && name !== '_index.md' && name !== 'search.md')

  function title(text: string): string {
    return /^title:\s*"?(.*?)"?\s*$/m.exec(text)?.[1] ?? ''
  }
  function body(text: string): string {
    return text.replace(/^---\n[\s\S]*?\n---\n/, '')
  }

  /** A glossary from the page titles: `Load Balancer` → `负载均衡器`, acronyms in parentheses dropped. */
  function titleGlossary(): {glossary: Glossary; pages: Array<{name: string; en: string; zh: string}>} {
    const terms: Term[] = []
    const pages: Array<{name: string; en: string; zh: string}> = []
    const seen = new Set<string>()
    for (const name of names) {
      const en = readFileSync(path.join(dir, 'en', name), 'utf8')
      const zh = readFileSync(path.join(dir, 'zh-cn', name), 'utf8')
      pages.push({name, en: body(en), zh: body(zh)})
      const enTerm = title(en).replace(/\s*\(.*\)\s*$/, '').trim()
      const zhTerm = title(zh).replace(/\s*[(（].*[)）]\s*$/, '').trim()
      if (!enTerm || !zhTerm || /^[A-Za-z ]+$/.test(zhTerm) || seen.has(enTerm.toLowerCase())) continue
      seen.add(enTerm.toLowerCase())
      terms.push({en: [enTerm], zh: [zhTerm], keep: false, forbid: [], case: false, examples: [], line: terms.length + 1})
    }
    return {glossary: createGlossary(terms, 'cncf-titles.yaml'), pages}
  }

  it('finds the title terms in the pages and checks their renderings', async () => {
    const {glossary, pages} = titleGlossary()
    expect(glossary.terms.length).toBeGreaterThan(60)
    let uses = 0
    const missing = new Map<string, number>()
    for (const page of pages) {
      // Each page pair is one unit: the pages translate each other, block counts drift.
      const markdown = `${page.en}\n\n${page.zh}`
      const file = await check(markdown, glossary, glossaryRules, {}, page.name, onePair(page.en.length + 2))
      uses += file.data.termUses?.length ?? 0
      for (const message of file.messages) {
        if (message.ruleId === 'glossary-missing') missing.set(message.actual ?? '', (missing.get(message.actual ?? '') ?? 0) + 1)
      }
    }
    if (process.env["BITEXT_DIAG"]) console.log("CNCF", uses, [...missing])
    // The community's approved renderings are used throughout the Chinese pages.
    expect(uses).toBeGreaterThan(100)
    // Known real drift: the horizontal-scaling page is titled 水平伸缩 but its body says 水平扩缩.
    expect([...missing.keys()].some((actual) => /horizontal scaling/i.test(actual))).toBe(true)
  }, 60_000)

  it('horizontal scaling: 水平扩缩 (the style guide) against 水平伸缩 (the title)', async () => {
    const glossary = parseGlossary('version: 1\nterms:\n  - en: horizontal scaling\n    zh: 水平扩缩\n    forbid: [水平伸缩]\n', 'g.yaml')
    const zh = body(readFileSync(path.join(dir, 'zh-cn', 'horizontal-scaling.md'), 'utf8'))
    const file = await check(zh, glossary, glossaryRules, {}, 'horizontal-scaling.md')
    expect(file.messages.map((message) => message.reason)).toContain('Unexpected `水平伸缩` for `horizontal scaling`, expected `水平扩缩`')
  })
})
