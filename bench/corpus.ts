/**
 * A deterministic benchmark corpus: bilingual articles in the blog's format
 * (English quoted, Chinese after it), built from the real parallel pages of
 * the CNCF glossary in `../shared/corpus/cncf-glossary`, mixed with damaged
 * ones (the seed's damage: UTF-8 read as windows-1252, bytes 0x81 0x8D 0x8F
 * 0x90 0x9D lost), GB18030-encoded ones and verbatim copies of the seed.
 * The same options always give the same bytes.
 */
import fs from 'node:fs'
import path from 'node:path'
import iconv from 'iconv-lite'

/** What an article of the corpus is. */
export type ArticleKind = 'clean' | 'damaged' | 'gb18030' | 'seed'

/** One generated article. */
export interface CorpusArticle {
  /** File name, `NNNN-<kind>.md`. */
  name: string
  kind: ArticleKind
  bytes: Uint8Array
}

/** Options of `generateCorpus`. */
export interface CorpusOptions {
  /** Number of articles. */
  count: number
  /** PRNG seed (default: 7). */
  seed?: number
  /** The CNCF glossary folder (with `en/` and `zh-cn/`). */
  glossaryDir: string
  /** The seed article's path. */
  seedArticle: string
  /** Share of damaged articles (default: 0.15). */
  damaged?: number
  /** Share of GB18030 articles (default: 0.05). */
  gb18030?: number
  /** Share of verbatim seed copies (default: 0.04). */
  seedCopies?: number
}

/** A parallel page: title and blocks of each side. */
export interface PagePair {
  name: string
  en: {title: string; blocks: string[]}
  zh: {title: string; blocks: string[]}
}

/** The bytes windows-1252 leaves undefined: the seed lost them. */
const lostBytes = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d])

/**
 * A small, fast, seeded PRNG (mulberry32).
 *
 * @param seed The seed.
 * @returns A function giving numbers in [0, 1).
 */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/**
 * Read the parallel pages of the CNCF glossary.
 *
 * @param glossaryDir The folder with `en/` and `zh-cn/`.
 * @returns The pairs, sorted by name.
 */
export function readPagePairs(glossaryDir: string): PagePair[] {
  const names = fs.readdirSync(path.join(glossaryDir, 'en')).filter((name) => name.endsWith('.md') && !name.startsWith('_')).sort()
  const pairs: PagePair[] = []
  for (const name of names) {
    const zhPath = path.join(glossaryDir, 'zh-cn', name)
    if (!fs.existsSync(zhPath)) continue
    const en = readPage(fs.readFileSync(path.join(glossaryDir, 'en', name), 'utf8'))
    const zh = readPage(fs.readFileSync(zhPath, 'utf8'))
    if (en.blocks.length > 0 && zh.blocks.length > 0) pairs.push({name, en, zh})
  }
  return pairs
}

/**
 * Damage text the way the seed was damaged: its UTF-8 bytes read as
 * windows-1252, the five undefined bytes lost, and the result saved as UTF-8.
 *
 * @param text Clean text.
 * @returns The damaged text.
 */
export function damage(text: string): string {
  const kept = [...Buffer.from(text, 'utf8')].filter((byte) => !lostBytes.has(byte))
  // iconv-lite, not TextDecoder: Node's TextDecoder reads windows-1252 as latin1.
  return iconv.decode(Buffer.from(kept), 'windows-1252')
}

/**
 * Generate the corpus.
 *
 * @param options Size, seed and sources.
 * @returns The articles, in name order.
 */
export function generateCorpus(options: CorpusOptions): CorpusArticle[] {
  const random = createRandom(options.seed ?? 7)
  const pairs = readPagePairs(options.glossaryDir)
  if (pairs.length === 0) throw new Error(`No parallel pages in ${options.glossaryDir}`)
  const seedBytes = fs.readFileSync(options.seedArticle)
  // Exact shares, shuffled: every corpus size gets the same mix.
  const kinds: ArticleKind[] = []
  const quota = (share: number) => Math.round(share * options.count)
  for (const [kind, share] of [['seed', options.seedCopies ?? 0.04], ['damaged', options.damaged ?? 0.15], ['gb18030', options.gb18030 ?? 0.05]] as const) {
    for (let index = 0; index < quota(share) && kinds.length < options.count; index++) kinds.push(kind)
  }
  while (kinds.length < options.count) kinds.push('clean')
  for (let index = kinds.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1))
    const swap = kinds[index] as ArticleKind
    kinds[index] = kinds[other] as ArticleKind
    kinds[other] = swap
  }
  const articles: CorpusArticle[] = []
  for (let index = 0; index < options.count; index++) {
    const kind = kinds[index] ?? 'clean'
    const name = `${String(index).padStart(4, '0')}-${kind}.md`
    if (kind === 'seed') {
      articles.push({name, kind, bytes: new Uint8Array(seedBytes)})
      continue
    }
    const text = composeArticle(index, pairs, random)
    const bytes = kind === 'damaged' ? Buffer.from(damage(text), 'utf8') : kind === 'gb18030' ? iconv.encode(text, 'gb18030') : Buffer.from(text, 'utf8')
    articles.push({name, kind, bytes: new Uint8Array(bytes)})
  }
  return articles
}

/**
 * Write a corpus into a folder (emptied first).
 *
 * @param dir The folder.
 * @param articles The articles.
 */
export function writeCorpus(dir: string, articles: readonly CorpusArticle[]): void {
  fs.rmSync(dir, {recursive: true, force: true})
  fs.mkdirSync(dir, {recursive: true})
  for (const article of articles) fs.writeFileSync(path.join(dir, article.name), article.bytes)
}

/** One bilingual article from 2 to 5 random pages, blocks paired by position. */
function composeArticle(index: number, pairs: readonly PagePair[], random: () => number): string {
  const pick = () => pairs[Math.floor(random() * pairs.length)] ?? pairs[0]!
  const pages = Array.from({length: 2 + Math.floor(random() * 4)}, pick)
  const month = 1 + Math.floor(random() * 12)
  const day = 1 + Math.floor(random() * 28)
  const lines = [
    '---',
    `title: 【翻译】${pages[0]!.zh.title}与${pages[1]!.zh.title}`,
    `date: 2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    `slug: bench-${String(index).padStart(4, '0')}`,
    'categories: 技术',
    'tags:',
    '  - kubernetes',
    '  - 翻译',
    '---',
    ''
  ]
  for (const page of pages) {
    lines.push(`## ${page.en.title}`, '', `## ${page.zh.title}`, '')
    const count = Math.max(page.en.blocks.length, page.zh.blocks.length)
    for (let block = 0; block < count; block++) {
      const en = page.en.blocks[block]
      const zh = page.zh.blocks[block]
      if (en !== undefined) lines.push(isHeading(en) && zh !== undefined && isHeading(zh) ? en : quote(en), '')
      if (zh !== undefined) lines.push(zh, '')
    }
  }
  return lines.join('\n')
}

function readPage(text: string): {title: string; blocks: string[]} {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text)
  const title = match ? (/^title:\s*(.+)$/m.exec(match[1] ?? '')?.[1] ?? '').replace(/^["']|["']$/g, '').trim() : ''
  const body = match ? text.slice(match[0].length) : text
  const blocks = body
    .split(/\r?\n\s*\r?\n/)
    .map((block) => block.replace(/[ \t]+$/gm, '').trim())
    .filter((block) => block !== '' && !block.startsWith('{{') && !block.startsWith('<!--'))
    .map((block) => (isHeading(block) ? block.replace(/^#+/, '###') : block))
  return {title: title || 'Untitled', blocks}
}

function isHeading(block: string): boolean {
  return /^#{1,6} /.test(block) && !block.includes('\n')
}

function quote(block: string): string {
  return block
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n')
}
