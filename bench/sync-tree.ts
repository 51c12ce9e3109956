/**
 * `npm run bench:sync`: time `bitext sync` on a tree of translations whose
 * English did not change, against the time it takes just to read the files.
 * Never run as a test.
 *
 * The tree repeats the Kubernetes website's zh-cn pages of
 * `../shared/corpus/k8s-website/` (or `$BITEXT_SHARED`) up to `--pages`
 * pages. Each page's English source is the English the translation stores,
 * line for line: the contents of its English comments and its blocks
 * without Chinese, in order (what the English page was when the
 * translation was last synced).
 *
 *   npm run bench:sync                 # 500 pages
 *   npm run bench:sync -- --pages 100
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {run} from '../src/cli/run.js'
import type {CliIo} from '../src/cli/io.js'
import {storedChunks, syncTranslation} from '../src/sync/index.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/**
 * The English a translation stores, as a page with nothing changed: the
 * chunks the fast path reads (English comments, blocks without Chinese), or,
 * when it cannot read the file (a code block with translated comments), the
 * stored paragraphs the full comparison reads.
 *
 * @param zh The translation.
 * @returns The English page.
 */
export function storedEnglishPage(zh: string): string {
  const chunks = storedChunks(zh)
  if (chunks) return `---\ntitle: Page\n---\n\n${chunks.join('\n\n')}\n`
  const paragraphs = syncTranslation(zh, '').units.flatMap((unit) => (unit.stored ? [unit.stored.raw] : []))
  const definitions = zh.split('\n').filter((line) => /^ {0,3}\[[^\]]+\]:\s/.test(line))
  return `---\ntitle: Page\n---\n\n${[...paragraphs, ...(definitions.length > 0 ? [definitions.join('\n')] : [])].join('\n\n')}\n`
}

function quietIo(cwd: string): CliIo & {out: () => string} {
  let out = ''
  return {stdout: {write: (chunk: string) => (out += chunk)}, stderr: {write: () => true}, fs, cwd, env: {}, out: () => out}
}

function readAll(folder: string): number {
  let bytes = 0
  for (const entry of fs.readdirSync(folder, {withFileTypes: true})) {
    const full = path.join(folder, entry.name)
    if (entry.isDirectory()) bytes += readAll(full)
    else bytes += new TextDecoder('utf-8').decode(fs.readFileSync(full)).length
  }
  return bytes
}

async function time(what: () => unknown | Promise<unknown>, repeat: number): Promise<number> {
  let best = Number.POSITIVE_INFINITY
  for (let i = 0; i < repeat; i++) {
    const start = performance.now()
    await what()
    best = Math.min(best, performance.now() - start)
  }
  return best
}

async function main(): Promise<void> {
  const {values} = parseArgs({options: {pages: {type: 'string', default: '500'}}})
  const count = Number(values.pages)
  const shared = path.resolve(root, process.env['BITEXT_SHARED'] ?? '../shared', 'corpus/k8s-website')
  const pages = fs.readdirSync(shared).filter((name) => fs.statSync(path.join(shared, name)).isDirectory()).sort()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bitext-bench-sync-'))
  for (let i = 0; i < count; i++) {
    const page = pages[i % pages.length]
    const zh = fs.readFileSync(path.join(shared, page, 'zh-cn.md'), 'utf8')
    const folder = `s${Math.floor(i / 50)}`
    fs.mkdirSync(path.join(dir, 'en', folder), {recursive: true})
    fs.mkdirSync(path.join(dir, 'zh-cn', folder), {recursive: true})
    // Every copy differs (in its front matter, which sync does not compare), as pages of a site do.
    fs.writeFileSync(path.join(dir, 'zh-cn', folder, `${page}-${i}.md`), zh.replace(/^---\n/, `---\ncopy: ${i}\n`))
    fs.writeFileSync(path.join(dir, 'en', folder, `${page}-${i}.md`), storedEnglishPage(zh).replace(/^---\n/, `---\ncopy: ${i}\n`))
  }
  const read = await time(() => readAll(dir), 3)
  const cacheDir = path.join(dir, 'cache')
  const args = ['sync', '--source-dir', 'en', '--target-dir', 'zh-cn', '--cache-dir', cacheDir]
  let summary = ''
  const tree = async (extra: string[]): Promise<void> => {
    const io = quietIo(dir)
    const code = await run([...args, ...extra], io)
    summary = io.out().trim().split('\n').at(-1) ?? ''
    if (code !== 0) throw new Error(`sync found changes in a tree without any: ${io.out().slice(0, 2000)}`)
  }
  const cold = await time(() => tree([]), 1)
  const coldSummary = summary
  const warm = await time(() => tree([]), 3)
  const full = await time(() => run([...args, '--json'], quietIo(dir)), 1)
  console.log(`${count} pages (${pages.length} Kubernetes zh-cn pages repeated), English unchanged`)
  console.log(`read every file:                                  ${read.toFixed(0)} ms`)
  console.log(`bitext sync, first run (fast path, no cache yet):  ${cold.toFixed(0)} ms`)
  console.log(`bitext sync, again (fast path and cache):          ${warm.toFixed(0)} ms`)
  console.log(`bitext sync --json (every paragraph compared):     ${full.toFixed(0)} ms`)
  console.log(`first run: ${coldSummary}`)
  console.log(`again:     ${summary}`)
  fs.rmSync(dir, {recursive: true, force: true})
}

await main()
