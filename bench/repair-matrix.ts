/**
 * The damage matrix: every clean zh-cn page of the shared corpora (CNCF
 * glossary, Kubernetes website), damaged through every channel of
 * `src/repair/channels/catalog.ts`, repaired, and scored by characters right.
 *
 * Pages are split by a hash of their path into a tuning set (two thirds) and
 * a held-out set (one third); weights are tuned on the first only.
 *
 *   npx tsx bench/repair-matrix.ts                   # both sets, every channel
 *   npx tsx bench/repair-matrix.ts --set held-out    # one set
 *   npx tsx bench/repair-matrix.ts --channel gbk     # channels whose id contains "gbk"
 *   npx tsx bench/repair-matrix.ts --show 5          # print the first 5 wrong spots per channel
 *
 * The corpus test `test/repair/damage-matrix.corpus.test.ts` imports this
 * module and asserts floors on the held-out set.
 */
import {createHash} from 'node:crypto'
import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import diff from 'fast-diff'
import type {Channel} from '../src/repair/channels/channel.js'
import {channels} from '../src/repair/channels/catalog.js'
import {repairMojibake, type RepairOptions, type RepairResult} from '../src/repair/reconstruct/repair-mojibake.js'

/** One clean page. */
export interface Page {
  /** Path below `corpus/` (`cncf-glossary/zh-cn/pod.md`). */
  name: string
  text: string
}

/**
 * The clean Chinese pages of the shared corpora, sorted by name.
 *
 * @param shared The shared data folder (holds `corpus/`).
 * @returns The pages.
 */
export function readPages(shared: string): Page[] {
  const corpus = path.join(shared, 'corpus')
  const names: string[] = []
  const cncf = path.join('cncf-glossary', 'zh-cn')
  for (const name of readdirSync(path.join(corpus, cncf), {recursive: true}).map(String)) {
    if (name.endsWith('.md')) names.push(path.join(cncf, name))
  }
  for (const page of readdirSync(path.join(corpus, 'k8s-website'), {withFileTypes: true})) {
    if (page.isDirectory()) names.push(path.join('k8s-website', page.name, 'zh-cn.md'))
  }
  return names.sort().map((name) => ({name, text: readFileSync(path.join(corpus, name), 'utf8')}))
}

/**
 * Split pages into tuning and held-out sets: pages sorted by the SHA-256 of
 * their path, the first third held out.
 *
 * @param pages The pages.
 * @returns The two sets.
 */
export function splitPages(pages: readonly Page[]): {tuning: Page[]; heldOut: Page[]} {
  const hash = (page: Page) => createHash('sha256').update(page.name).digest('hex')
  const sorted = [...pages].sort((a, b) => (hash(a) < hash(b) ? -1 : 1))
  const held = Math.round(sorted.length / 3)
  const byName = (a: Page, b: Page) => (a.name < b.name ? -1 : 1)
  return {heldOut: sorted.slice(0, held).sort(byName), tuning: sorted.slice(held).sort(byName)}
}

/** Characters right in a repaired text. */
export interface Score {
  /** Characters of the original aligned to the same character in the repair. */
  right: number
  /** The larger of the original's and the repair's length (UTF-16 units). */
  total: number
}

/**
 * Align a repair with the original (fast-diff) and count the characters that
 * came back: equal runs count, anything deleted or inserted counts as wrong.
 *
 * @param original The clean text.
 * @param repaired The repaired text.
 * @returns The score.
 */
export function score(original: string, repaired: string): Score {
  if (original === repaired) return {right: original.length, total: original.length}
  let right = 0
  for (const [operation, text] of diff(original, repaired)) if (operation === diff.EQUAL) right += text.length
  return {right, total: Math.max(original.length, repaired.length)}
}

/** A wrong place: original and repaired text around it. */
export interface WrongSpot {
  page: string
  original: string
  repaired: string
}

/** The outcome of one channel over one set of pages. */
export interface ChannelResult {
  channel: Channel
  pages: number
  /** Characters right after repair. */
  repaired: Score
  /** Characters right in the damaged text, before repair. */
  damaged: Score
  /** Pages whose repair is byte for byte the original. */
  perfect: number
  /** Bytes of damaged input (UTF-8) and milliseconds spent repairing them. */
  bytes: number
  ms: number
  /**
   * Wrong characters in the repair (a substitution counts its longer side
   * once), and how many of them are at a repair record below `flagBelow`
   * confidence or with U+FFFD: what `mojibake-uncertain` reports.
   */
  wrong: number
  wrongFlagged: number
  /** Repairs below `flagBelow` confidence. */
  flags: number
  /** Some wrong places, for looking at. */
  spots: WrongSpot[]
}

/** Options of {@link runChannel}. */
export interface MatrixOptions {
  repair?: RepairOptions
  /** How many wrong spots to keep per channel (default 0). */
  show?: number
  /** Confidence below which a repair counts as flagged (default 0.8). */
  flagBelow?: number
}

/**
 * Damage every page through a channel, repair it, and score it.
 *
 * @param channel The channel.
 * @param pages The pages.
 * @param options Repair options and how many wrong spots to keep.
 * @returns The result.
 */
export function runChannel(channel: Channel, pages: readonly Page[], options: MatrixOptions = {}): ChannelResult {
  const result: ChannelResult = {
    channel,
    pages: pages.length,
    repaired: {right: 0, total: 0},
    damaged: {right: 0, total: 0},
    perfect: 0,
    bytes: 0,
    ms: 0,
    wrong: 0,
    wrongFlagged: 0,
    flags: 0,
    spots: []
  }
  const flagBelow = options.flagBelow ?? 0.8
  for (const page of pages) {
    const damaged = channel.damage(page.text)
    const start = performance.now()
    const repair = repairMojibake(damaged, options.repair)
    result.ms += performance.now() - start
    result.bytes += Buffer.byteLength(damaged)
    add(result.repaired, score(page.text, repair.text))
    add(result.damaged, score(page.text, damaged))
    if (repair.text === page.text) result.perfect++
    const flagged = flaggedRanges(repair, flagBelow)
    result.flags += flagged.length
    countWrong(page, repair.text, flagged, result, options.show ?? 0)
  }
  return result
}

function add(total: Score, part: Score): void {
  total.right += part.right
  total.total += part.total
}

/** Output ranges of the repairs a person is asked to check. */
function flaggedRanges(repair: RepairResult, below: number): Array<[number, number]> {
  return repair.repairs
    .filter((record) => record.confidence < below || record.after.includes('\uFFFD'))
    .map((record) => [record.outputOffset, record.outputOffset + Math.max(1, record.after.length)])
}

/** Count wrong characters of the repair (deleted or inserted runs of the diff) and whether a flag covers each. */
function countWrong(page: Page, repaired: string, flagged: ReadonlyArray<[number, number]>, result: ChannelResult, show: number): void {
  if (repaired === page.text) return
  let inOriginal = 0
  let inRepair = 0
  const isFlagged = (at: number) => flagged.some(([start, end]) => at >= start - 1 && at <= end)
  const operations = diff(page.text, repaired)
  for (let index = 0; index < operations.length; index++) {
    const [operation, text] = operations[index]!
    if (operation === diff.EQUAL) {
      inOriginal += text.length
      inRepair += text.length
      continue
    }
    // A deletion and an insertion next to each other are one substitution: count its longer side once.
    let deleted = operation === diff.DELETE ? text.length : 0
    let inserted = operation === diff.INSERT ? text.length : 0
    const following = operations[index + 1]
    if (following !== undefined && following[0] !== diff.EQUAL && following[0] !== operation) {
      if (following[0] === diff.DELETE) deleted = following[1].length
      else inserted = following[1].length
      index++
    }
    const at = inRepair
    const wrong = Math.max(deleted, inserted)
    result.wrong += wrong
    if (isFlagged(at)) result.wrongFlagged += wrong
    if (result.spots.length < show) {
      result.spots.push({
        page: page.name,
        original: page.text.slice(Math.max(0, inOriginal - 12), inOriginal + deleted + 12),
        repaired: repaired.slice(Math.max(0, inRepair - 12), inRepair + inserted + 12)
      })
    }
    inOriginal += deleted
    inRepair += inserted
  }
}

/**
 * Percent with two decimals.
 *
 * @param part A score.
 * @returns `99.12 %`.
 */
export function percent(part: Score): string {
  return `${((100 * part.right) / Math.max(1, part.total)).toFixed(2)} %`
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)

if (isMain) {
  const {values} = parseArgs({
    options: {
      set: {type: 'string', default: 'both'},
      channel: {type: 'string', default: ''},
      show: {type: 'string', default: '0'},
      'context-weight': {type: 'string'},
      'no-article-words': {type: 'boolean', default: false}
    }
  })
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
  const shared = path.resolve(root, process.env['BITEXT_SHARED'] ?? path.join('..', 'shared'))
  const {tuning, heldOut} = splitPages(readPages(shared))
  const sets = values.set === 'both' ? [['tuning', tuning], ['held-out', heldOut]] as const : values.set === 'tuning' ? [['tuning', tuning]] as const : [['held-out', heldOut]] as const
  const chosen = channels.filter((channel) => channel.id.includes(values.channel))
  const show = Number(values.show)
  const clean = sets.flatMap(([, pages]) => pages).filter((page) => repairMojibake(page.text).text !== page.text)
  console.log(`clean pages changed by repair: ${clean.length}${clean.length > 0 ? ` (${clean.map((page) => page.name).join(', ')})` : ''}`)
  console.log(`| channel | ${sets.map(([name, pages]) => `${name} (${pages.length} pages): damaged → repaired, perfect pages, wrong (unflagged), flags`).join(' | ')} | MB/s |`)
  for (const channel of chosen) {
    const repair = {
      ...(values['context-weight'] === undefined ? {} : {contextWeight: Number(values['context-weight'])}),
      ...(values['no-article-words'] ? {articleWords: false} : {})
    }
    const results = sets.map(([, pages]) => runChannel(channel, pages, {show, repair}))
    const cells = results.map((result) =>
      `${percent(result.damaged)} → **${percent(result.repaired)}**, ${result.perfect}/${result.pages}, ${result.wrong} (${result.wrong - result.wrongFlagged}), ${result.flags}`)
    const bytes = results.reduce((sum, result) => sum + result.bytes, 0)
    const ms = results.reduce((sum, result) => sum + result.ms, 0)
    console.log(`| ${channel.id} | ${cells.join(' | ')} | ${(bytes / 1e6 / (ms / 1000)).toFixed(2)} |`)
    for (const result of results) {
      for (const spot of result.spots) console.log(`    ${spot.page}: ${JSON.stringify(spot.original)} → ${JSON.stringify(spot.repaired)}`)
    }
  }
}
