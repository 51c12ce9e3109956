/**
 * A corpus of clean, unseen-style blog posts for the benchmark (issue 16):
 * real Chinese pages made into posts in a temporary folder, never copied
 * into the repository. Three kinds, taken in turn:
 *
 * - `k8s`: a zh-cn page of kubernetes/website (`../shared/corpus/k8s-website`),
 *   its English kept in `<!-- -->` comments, as written;
 * - `zh`: a zh-cn page of the CNCF glossary, Chinese only, as written;
 * - `pair`: a bilingual post in the blog's own format (English quoted, Chinese
 *   after it) made of two CNCF glossary pages (`composeArticle` of the damaged
 *   corpus, left undamaged).
 *
 * Posts beyond the number of pages repeat them under another file name.
 */
import fs from 'node:fs'
import path from 'node:path'
import {readPagePairs, type PagePair} from './corpus.js'

/** What a clean post is made of. */
export type CleanKind = 'k8s' | 'zh' | 'pair'

/** One clean post. */
export interface CleanPost {
  /** File name, `NNNN-<kind>-<page>.md`. */
  name: string
  kind: CleanKind
  bytes: Uint8Array
}

/**
 * Whether the shared corpus needed by {@link generateCleanCorpus} is there.
 *
 * @param corpusDir The `shared/corpus` folder.
 * @returns Why it cannot be used, or undefined when it can.
 */
export function cleanCorpusMissing(corpusDir: string): string | undefined {
  for (const part of ['cncf-glossary/zh-cn', 'cncf-glossary/en', 'k8s-website']) {
    if (!fs.existsSync(path.join(corpusDir, part))) return `${path.join(corpusDir, part)} is missing`
  }
  return undefined
}

/**
 * Make `count` clean posts, the same bytes for the same count.
 *
 * @param corpusDir The `shared/corpus` folder (with `cncf-glossary/` and `k8s-website/`).
 * @param count Number of posts.
 * @returns The posts, in name order.
 */
export function generateCleanCorpus(corpusDir: string, count: number): CleanPost[] {
  const glossaryDir = path.join(corpusDir, 'cncf-glossary')
  const k8sDir = path.join(corpusDir, 'k8s-website')
  const k8s = fs
    .readdirSync(k8sDir)
    .filter((name) => fs.existsSync(path.join(k8sDir, name, 'zh-cn.md')))
    .sort()
    .map((name) => ({name, text: fs.readFileSync(path.join(k8sDir, name, 'zh-cn.md'), 'utf8')}))
  const zh = fs
    .readdirSync(path.join(glossaryDir, 'zh-cn'))
    .filter((name) => name.endsWith('.md') && !name.startsWith('_'))
    .sort()
    .map((name) => ({name: name.replace(/\.md$/, ''), text: fs.readFileSync(path.join(glossaryDir, 'zh-cn', name), 'utf8')}))
  const pairs = readPagePairs(glossaryDir)
  const kinds: CleanKind[] = ['k8s', 'zh', 'pair']
  const posts: CleanPost[] = []
  for (let index = 0; index < count; index++) {
    const kind = kinds[index % kinds.length] ?? 'zh'
    const turn = Math.floor(index / kinds.length)
    let page: {name: string; text: string}
    if (kind === 'k8s') page = k8s[turn % k8s.length] ?? {name: 'none', text: ''}
    else if (kind === 'zh') page = zh[turn % zh.length] ?? {name: 'none', text: ''}
    else page = pairPost(index, pairs, turn)
    posts.push({name: `${String(index).padStart(4, '0')}-${kind}-${page.name}.md`, kind, bytes: new Uint8Array(Buffer.from(page.text, 'utf8'))})
  }
  return posts
}

/**
 * Two glossary pages as one bilingual post, English quoted before each
 * Chinese block: pages `2 × turn` and `2 × turn + 1` of `pairs` (wrapping).
 *
 * @param index The post's number (its date).
 * @param pairs The page pairs to take from.
 * @param turn Which two pages.
 * @returns The post's name (the first page's) and text.
 */
export function pairPost(index: number, pairs: readonly PagePair[], turn: number): {name: string; text: string} {
  const first = pairs[(2 * turn) % pairs.length]
  const second = pairs[(2 * turn + 1) % pairs.length]
  if (!first || !second) return {name: 'none', text: ''}
  const lines = ['---', `title: ${first.zh.title}与${second.zh.title}`, `date: 2024-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}`, 'tags:', '  - 云原生', '---', '']
  for (const page of [first, second]) {
    lines.push(`## ${page.en.title}`, '', `## ${page.zh.title}`, '')
    const blocks = Math.max(page.en.blocks.length, page.zh.blocks.length)
    for (let block = 0; block < blocks; block++) {
      const en = page.en.blocks[block]
      const zh = page.zh.blocks[block]
      if (en !== undefined) lines.push(/^#{1,6} /.test(en) && zh !== undefined && /^#{1,6} /.test(zh) ? en : quote(en), '')
      if (zh !== undefined) lines.push(zh, '')
    }
  }
  return {name: first.name.replace(/\.md$/, ''), text: lines.join('\n')}
}

function quote(block: string): string {
  return block
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n')
}
