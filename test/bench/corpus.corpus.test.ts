/**
 * Smoke test of the benchmark corpus generator (never timings).
 */
import iconv from 'iconv-lite'
import {describe, expect, it} from 'vitest'
import {createRandom, damage, generateCorpus, readPagePairs} from '../../bench/corpus.js'
import {seedPath, sharedPath} from '../helpers.js'

const glossaryDir = sharedPath('corpus', 'cncf-glossary')

describe('bench corpus', () => {
  it('is deterministic for a seed and differs for another', () => {
    const first = generateCorpus({count: 40, seed: 3, glossaryDir, seedArticle: seedPath})
    const again = generateCorpus({count: 40, seed: 3, glossaryDir, seedArticle: seedPath})
    const other = generateCorpus({count: 40, seed: 4, glossaryDir, seedArticle: seedPath})
    expect(again.map((article) => [article.name, Buffer.from(article.bytes).toString('base64')])).toEqual(
      first.map((article) => [article.name, Buffer.from(article.bytes).toString('base64')])
    )
    expect(other.map((article) => article.name)).not.toEqual(first.map((article) => article.name))
  })

  it('mixes clean, damaged, GB18030 and seed articles', () => {
    const corpus = generateCorpus({count: 200, glossaryDir, seedArticle: seedPath})
    expect(corpus).toHaveLength(200)
    const counts: Record<string, number> = {}
    for (const article of corpus) counts[article.kind] = (counts[article.kind] ?? 0) + 1
    expect(counts).toEqual({clean: 152, damaged: 30, gb18030: 10, seed: 8})
    const strict = new TextDecoder('utf-8', {fatal: true})
    for (const article of corpus) {
      expect(article.name).toMatch(new RegExp(`^\\d{4}-${article.kind}\\.md$`))
      if (article.kind === 'clean') {
        const text = strict.decode(article.bytes)
        expect(text).toMatch(/^---\ntitle: 【翻译】/)
        expect(text).toMatch(/\n> \S/)
        expect(text).toMatch(/[\u4e00-\u9fff]/)
      }
      if (article.kind === 'damaged') expect(strict.decode(article.bytes)).toMatch(/^---\ntitle: ã€ç¿»è¯‘ã€‘/)
      if (article.kind === 'gb18030') expect(iconv.decode(Buffer.from(article.bytes), 'gb18030')).toMatch(/^---\ntitle: 【翻译】/)
    }
  })

  it('damages text like the seed: windows-1252 over UTF-8, undefined bytes lost', () => {
    expect(damage('plain ASCII\n')).toBe('plain ASCII\n')
    expect(damage('【翻译】')).toBe('ã€ç¿»è¯‘ã€‘')
    // 技术 is E6 8A 80 E6 9C AF: every byte is defined in windows-1252.
    expect(damage('技术')).toBe('æŠ€æœ¯')
    // 理 is E7 90 86: 0x90 is undefined, so it is lost.
    expect(damage('理')).toBe('ç†')
  })

  it('reads real parallel pages and a PRNG in [0, 1)', () => {
    const pairs = readPagePairs(glossaryDir)
    expect(pairs.length).toBeGreaterThan(50)
    expect(pairs.find((pair) => pair.name === 'cluster.md')?.zh.title).toBe('集群')
    const random = createRandom(1)
    const values = Array.from({length: 1000}, random)
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true)
    expect(new Set(values).size).toBe(1000)
  })
})

describe('bench glossary', () => {
  it('has the size asked for, real terms first, and loads as a valid glossary', async () => {
    const {generateGlossary} = await import('../../bench/glossary.js')
    const {parseGlossary} = await import('../../src/glossary/parse-glossary.js')
    const pairs = readPagePairs(glossaryDir)
    const small = parseGlossary(generateGlossary(10, pairs), 'small.yaml')
    expect(small.terms).toHaveLength(10)
    expect(small.terms.map((term) => term.en[0])).toContain('Abstraction')
    expect(small.terms.every((term) => /[\u4e00-\u9fff]/.test(term.zh[0] ?? ''))).toBe(true)
    const large = parseGlossary(generateGlossary(10_000, pairs), 'large.yaml')
    expect(large.terms).toHaveLength(10_000)
    expect(large.terms.slice(0, 10)).toEqual(small.terms)
    expect(generateGlossary(500, pairs)).toBe(generateGlossary(500, pairs))
  })
})
