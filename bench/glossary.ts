/**
 * Benchmark glossaries: the real CNCF term titles (English → Chinese), padded
 * with synthetic terms up to the size wanted, as `glossary.yaml` text.
 * Synthetic Chinese forms are drawn from the characters of the corpus, so
 * they are as likely to start partial matches as real terms are.
 */
import {createRandom, type PagePair} from './corpus.js'

const syllables = ['ka', 'lo', 'mi', 'ven', 'tra', 'sol', 'dex', 'pu', 'ri', 'zan', 'quo', 'bel', 'nor', 'fi', 'gal', 'hex', 'ju', 'wex']

/**
 * Make a glossary.
 *
 * @param size Number of terms.
 * @param pairs Parallel pages (their titles are the real terms).
 * @param seed PRNG seed (default: 11).
 * @returns The YAML text.
 */
export function generateGlossary(size: number, pairs: readonly PagePair[], seed = 11): string {
  const random = createRandom(seed)
  const lines = ['version: 1', 'terms:']
  const seen = new Set<string>()
  const count = () => (lines.length - 2) / 2
  const add = (en: string, zh: string) => {
    const key = en.toLowerCase()
    if (seen.has(key) || count() >= size) return
    seen.add(key)
    lines.push(`  - en: ${JSON.stringify(en)}`, `    zh: ${JSON.stringify(zh)}`)
  }
  for (const pair of pairs) {
    const en = pair.en.title.replace(/\s*\(.*\)\s*/g, '').trim()
    const zh = pair.zh.title.replace(/\s*[（(].*[)）]\s*/g, '').trim()
    if (/^[A-Za-z][A-Za-z -]*$/.test(en) && /[\u4e00-\u9fff]/.test(zh) && !/[A-Za-z]/.test(zh)) add(en, zh)
  }
  const han = [...new Set(pairs.flatMap((pair) => pair.zh.blocks.join('').match(/[\u4e00-\u9fff]/g) ?? []))].sort()
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  while (count() < size) {
    const words = Array.from({length: 1 + Math.floor(random() * 3)}, () => Array.from({length: 2 + Math.floor(random() * 2)}, () => pick(syllables)).join(''))
    const zh = Array.from({length: 2 + Math.floor(random() * 3)}, () => pick(han)).join('')
    add(words.join(' '), zh)
  }
  return lines.join('\n') + '\n'
}
