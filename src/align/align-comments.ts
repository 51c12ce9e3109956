/**
 * Alignment of a file that keeps its English in HTML comments, the
 * convention of the Kubernetes website's zh-cn pages: `<!--` English `-->`,
 * then the Chinese rendering.
 *
 * The document is read as a sequence of leaf blocks (paragraphs, headings,
 * code, tables, …, looking inside lists and blockquotes), so a comment nested
 * in a list item, or one whose Chinese lies inside the list that follows it,
 * aligns like any other. Each English comment opens a region that runs to the
 * next English comment; inside a region a small dynamic program pairs the
 * comment's blocks (a heading and paragraphs, a whole list) with the Chinese
 * blocks, in order. Comments holding Chinese, section markers
 * (`<!-- overview -->`) and commented-out markup are not English source.
 */
import type {Html, Nodes, Root, RootContent} from 'mdast'
import {location} from 'vfile-location'
import type {Alignment, AlignUnit, StoredComment} from '../types.js'
import {anchorCost, mergeAnchors, type Anchors} from './anchors.js'
import {kindCost, lengthCost, sourceOnlyCost, targetOnlyCost} from './block-cost.js'
import {buildUnit, estimateRatio, priorRatio, type UnitDraft} from './build-units.js'
import {classifyBlock, type Block} from './classify.js'
import {readComment, type CommentContent} from './read-comment.js'
import {detectLanguage, hasHan, isEnglishClause, maskedText} from './script.js'
import {blockText, Mask} from './block-text.js'
import {lineFinder} from '../parse/line-finder.js'

/** Options of `alignComments`. */
export interface AlignCommentsOptions {
  /** ZH:EN length ratio (default: estimated from the document). */
  ratio?: number
  /** Fewest Latin words of an English clause inside Chinese for `untranslated` (default: 6). */
  minClauseWords?: number
}

/** Containers whose children are read as blocks of their own. */
const containers = new Set(['list', 'listItem', 'blockquote'])

/** A comment's English blocks. */
interface CommentBlocks {
  content: CommentContent
  blocks: Block[]
}

/** One region: the English of consecutive comments, and what follows up to the next. */
interface Region {
  comments: CommentBlocks[]
  after: Block[]
}

/** The comments of a document, read once. */
export interface DocumentComments {
  /** Every comment block, in document order. */
  all: CommentContent[]
  /**
   * Whether the document follows the convention: comments holding English
   * right before Chinese outnumber the English blocks outside comments (a
   * `>` article with a note such as `<!-- translated from v1.28 -->` does not).
   */
  english: boolean
}

/**
 * Read every HTML comment block of a document, at any depth.
 *
 * @param tree The document.
 * @param source The file's text.
 * @returns The comments.
 */
export function readComments(tree: Root, source: string): DocumentComments {
  const place = location(source)
  const all: CommentContent[] = []
  let before = 0
  let outside = 0
  const walk = (node: Nodes, next: Nodes | undefined): void => {
    if (node.type === 'html') {
      const content = readComment(node, source, place)
      if (!content) return
      // `<!-- # the English of a code comment -->` before a code block: the
      // code block holds the translation, shared by both pages.
      if (content.kind === 'english' && next?.type === 'code' && isCodeComment(content.text)) {
        all.push({...content, kind: 'other', nodes: []})
      } else {
        all.push(content)
        if (content.kind === 'english' && next && next.type !== 'html' && languageOf(next, source) === 'zh') before++
      }
      return
    }
    if (node.type !== 'root' && !containers.has(node.type) && languageOf(node, source) === 'en') outside++
    if (node.type === 'root' || containers.has(node.type)) {
      const children = (node as {children: Nodes[]}).children
      children.forEach((child, index) => walk(child, children[index + 1]))
    }
  }
  walk(tree, undefined)
  return {all, english: before > 0 && before >= outside}
}

/**
 * Align a document that keeps its English in HTML comments.
 *
 * @param tree The document (remark-parse, remark-frontmatter, remark-gfm).
 * @param source The file's text.
 * @param comments The document's comments (`readComments`).
 * @param options Ratio and thresholds.
 * @returns The alignment; `comments` lists the comments that hold English.
 */
export function alignComments(tree: Root, source: string, comments: DocumentComments, options: AlignCommentsOptions = {}): Alignment {
  const byNode = new Map<Html, CommentContent>()
  for (const comment of comments.all) byNode.set(comment.node, comment)
  const counter = {next: 0}
  const regions: Region[] = [{comments: [], after: []}]
  const shared: Block[] = []
  let frontMatter: CommentContent | undefined

  const visitLeaf = (node: RootContent): void => {
    const comment = node.type === 'html' ? byNode.get(node) : undefined
    if (comment?.kind === 'english') {
      const blocks = leavesOf(comment.nodes).map((leaf) => imageAsText(classifyBlock(leaf, counter.next++, source, 'en'), 'en'))
      const current = regions[regions.length - 1]
      const entry = {content: comment, blocks: blocks.filter((block) => !block.shared)}
      // Comments one after another, with no Chinese between, share a region.
      if (current.comments.length > 0 && !current.after.some((block) => !block.shared)) current.comments.push(entry)
      else regions.push({comments: [entry], after: []})
      return
    }
    // English that `bitext sync --write` inserted untranslated has no Chinese after it:
    // its marker ends the region, so the next comment does not share the Chinese.
    if (node.type === 'html' && /^<!--\s*bitext:\s*untranslated\b/.test(node.value)) {
      regions.push({comments: [], after: []})
      return
    }
    if (comment?.kind === 'front-matter' && !frontMatter) {
      frontMatter = comment
      return
    }
    // Outside the comments is the Chinese page: lengths and anchors are read as Chinese.
    const block = imageAsText(classifyBlock(node, counter.next++, source, 'zh'), 'zh')
    if (block.shared) shared.push(block)
    else regions[regions.length - 1].after.push(block)
  }
  for (const leaf of leavesOf(tree.children)) {
    if (leaf.type !== 'yaml') visitLeaf(leaf)
  }

  let ratio = options.ratio ?? priorRatio
  const tables = regions.map(regionTable)
  let drafts = tables.flatMap((table) => alignRegion(table, ratio))
  if (options.ratio === undefined) {
    ratio = estimateRatio(drafts.filter((draft) => draft.kind === 'pair' && draft.en.length === 1 && draft.zh.length === 1), ratio).ratio
    drafts = tables.flatMap((table) => alignRegion(table, ratio))
  }
  for (const block of shared) drafts.push({kind: 'shared', en: [block], zh: [block], flags: []})
  drafts.sort((a, b) => firstOffset(a) - firstOffset(b))

  const {variance} = estimateRatio(drafts.filter((draft) => draft.kind === 'pair'), ratio)
  const settings = {ratio, variance, minClauseWords: options.minClauseWords ?? 6}
  const units: AlignUnit[] = drafts.map((draft) => buildUnit(draft, settings))
  const lineAt = lineFinder(source)
  const stored: StoredComment[] = comments.all
    .filter((comment) => comment.kind === 'english')
    .map((comment) => ({node: comment.node, nodes: comment.nodes, ...placeOf(comment, source, lineAt)}))
  return {
    units,
    ratio,
    quoted: 'none',
    convention: 'comment',
    comments: stored,
    frontMatter: frontMatter ? {...placeOf(frontMatter, source, lineAt), node: frontMatter.node} : null
  }
}

/** The leaf blocks of some nodes, in order, looking inside lists and blockquotes. */
function leavesOf(nodes: readonly RootContent[]): RootContent[] {
  const leaves: RootContent[] = []
  const walk = (node: RootContent): void => {
    if (containers.has(node.type) && 'children' in node) {
      for (const child of node.children) walk(child)
    } else {
      leaves.push(node)
    }
  }
  for (const node of nodes) walk(node)
  return leaves
}

/** Where a comment's content is: first and last line holding text, and the text. */
function placeOf(comment: CommentContent, source: string, lineAt: (offset: number) => number): {line: number; endLine: number; text: string} {
  let start = comment.start
  let end = comment.end
  while (start < end && /\s/.test(source[start])) start++
  while (end > start && /\s/.test(source[end - 1])) end--
  return {line: lineAt(start), endLine: lineAt(Math.max(start, end - 1)), text: comment.text.trim()}
}

/** Most blocks of one side in one pair. */
const maxEn = 3
const maxZh = 4
/** Cost of each block beyond the first on a side: splitting a paragraph is common in this convention. */
const extraBlockCost = 0.4
/** Extra cost of taking an English block outside the comments as the rendering. */
const englishRenderingCost = 2
/** Cost of English left without a comment. */
const uncommentedCost = 0.5
/** The most the length term can add: the region already says the blocks belong together. */
const maxLengthCost = 4

/**
 * What both passes over a region (before and after the ratio is estimated)
 * share: its blocks, what skipping each Chinese block costs, and the anchor
 * term and merged anchors of each run of blocks, filled as the passes ask.
 */
interface RegionTable {
  en: Block[]
  zh: Block[]
  /** Extra cost of taking each Chinese block as (part of) a rendering. */
  penalty: number[]
  /** Each Chinese block left unpaired, and what that costs. */
  skips: Array<{draft: () => UnitDraft; cost: number}>
  /** Merged anchors of the run of `di` English blocks from `s`, at `s * maxEn + di - 1`. */
  enAnchors: Array<Anchors | undefined>
  /** Merged anchors of the run of `dj` Chinese blocks from `t`, at `t * maxZh + dj - 1`. */
  zhAnchors: Array<Anchors | undefined>
  /** Anchor term of a pair of runs, keyed by `enRun * zhRuns + zhRun`. */
  anchorCosts: Map<number, number>
}

/**
 * Read a region's blocks once for {@link alignRegion}. Uncommented English
 * in the region is English left without a comment (`source-only`), unless
 * it repeats the comment word for word (a block left untranslated).
 */
function regionTable(region: Region): RegionTable {
  const en = region.comments.flatMap((comment) => comment.blocks)
  const zh = region.after
  const enTexts = new Set(en.map((block) => normalize(block.text.text)))
  // English outside the comments: left without a comment, or (rarely) the
  // rendering itself when the heading is the same in both languages.
  const penalty = zh.map((block) => {
    if (block.lang !== 'en' || hasHan(block.text.text)) return 0
    return enTexts.has(normalize(block.text.text)) ? 0 : englishRenderingCost
  })
  const skips = zh.map((block, index): {draft: () => UnitDraft; cost: number} => {
    // An image not paired stays in both pages, as images do.
    if (block.kind === 'image') return {draft: () => ({kind: 'shared', en: [block], zh: [block], flags: []}), cost: targetOnlyCost}
    if (penalty[index] === 0) return {draft: () => ({kind: 'target-only', en: [], zh: [block], flags: []}), cost: targetOnlyCost}
    if (isProse(block)) return {draft: () => ({kind: 'source-only', en: [block], zh: [], flags: []}), cost: uncommentedCost}
    // Names, link lists and headings such as `### Privileged` left in English belong to both pages.
    return {draft: () => ({kind: 'shared', en: [block], zh: [block], flags: ['uncommented']}), cost: uncommentedCost}
  })
  return {en, zh, penalty, skips, enAnchors: [], zhAnchors: [], anchorCosts: new Map()}
}

/**
 * Pair the English of a region with the Chinese after it: a dynamic program
 * over the region's English and Chinese blocks, in order.
 */
function alignRegion(table: RegionTable, ratio: number): UnitDraft[] {
  const {en, zh, penalty, skips} = table
  const n = en.length
  const m = zh.length
  const width = m + 1
  const cost = new Float64Array((n + 1) * width).fill(Number.POSITIVE_INFINITY)
  // The step that reached each cell: how many English and Chinese blocks it took.
  const stepEn = new Uint8Array((n + 1) * width)
  const stepZh = new Uint8Array((n + 1) * width)
  cost[0] = 0
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) continue
      // Ties keep the first step considered: an English block left alone, a
      // Chinese block left alone, then pairs by growing size.
      let best = Number.POSITIVE_INFINITY
      let bestEn = 0
      let bestZh = 0
      if (i > 0) {
        const total = cost[(i - 1) * width + j] + sourceOnlyCost
        if (total < best) {
          best = total
          bestEn = 1
          bestZh = 0
        }
      }
      if (j > 0) {
        const total = cost[i * width + j - 1] + skips[j - 1].cost
        if (total < best) {
          best = total
          bestEn = 0
          bestZh = 1
        }
      }
      for (let di = 1; di <= maxEn && di <= i; di++) {
        for (let dj = 1; dj <= maxZh && dj <= j; dj++) {
          const before = cost[(i - di) * width + j - dj]
          if (before === Number.POSITIVE_INFINITY) continue
          let value = pairCost(table, i - di, di, j - dj, dj, ratio)
          for (let k = j - dj; k < j; k++) value += penalty[k]
          if (value === Number.POSITIVE_INFINITY) continue
          const total = before + value
          if (total < best) {
            best = total
            bestEn = di
            bestZh = dj
          }
        }
      }
      cost[i * width + j] = best
      stepEn[i * width + j] = bestEn
      stepZh[i * width + j] = bestZh
    }
  }
  const drafts: UnitDraft[] = []
  let i = n
  let j = m
  while (i > 0 || j > 0) {
    const di = stepEn[i * width + j]
    const dj = stepZh[i * width + j]
    if (dj === 0) drafts.push({kind: 'source-only', en: [en[i - 1]], zh: [], flags: []})
    else if (di === 0) drafts.push(skips[j - 1].draft())
    else drafts.push({kind: 'pair', en: en.slice(i - di, i), zh: zh.slice(j - dj, j), flags: []})
    i -= di
    j -= dj
  }
  return drafts
}

/**
 * Cost of a pair inside a region (the English blocks `s` to `s + di`, the
 * Chinese blocks `t` to `t + dj`): kinds must agree, lengths only roughly.
 * The anchor term does not depend on the ratio: `table` keeps it for the
 * second pass, and the merged anchors of each run for the other pairs.
 */
function pairCost(table: RegionTable, s: number, di: number, t: number, dj: number, ratio: number): number {
  const {en, zh} = table
  if (di > 1) for (let k = s; k < s + di; k++) if (en[k].kind === 'heading') return Number.POSITIVE_INFINITY
  if (dj > 1) for (let k = t; k < t + dj; k++) if (zh[k].kind === 'heading') return Number.POSITIVE_INFINITY
  let kinds = 0
  for (let a = s; a < s + di; a++) for (let b = t; b < t + dj; b++) kinds = Math.max(kinds, kindCost(en[a], zh[b]))
  if (kinds === Number.POSITIVE_INFINITY) return kinds
  let enLength = 0
  for (let k = s; k < s + di; k++) enLength += en[k].length
  let zhLength = 0
  for (let k = t; k < t + dj; k++) zhLength += zh[k].length
  const enRun = s * maxEn + di - 1
  const zhRun = t * maxZh + dj - 1
  const key = enRun * zh.length * maxZh + zhRun
  let anchors = table.anchorCosts.get(key)
  if (anchors === undefined) {
    anchors = anchorCost(runAnchors(table.enAnchors, enRun, en, s, di), runAnchors(table.zhAnchors, zhRun, zh, t, dj))
    table.anchorCosts.set(key, anchors)
  }
  return extraBlockCost * (di + dj - 2) + kinds + Math.min(lengthCost(enLength, zhLength, ratio), maxLengthCost) + 0.5 * anchors
}

/** The merged anchors of `size` blocks from `start`, kept at `run` in `cache`. */
function runAnchors(cache: Array<Anchors | undefined>, run: number, blocks: readonly Block[], start: number, size: number): Anchors {
  let anchors = cache[run]
  if (anchors === undefined) {
    anchors = mergeAnchors(blocks.slice(start, start + size).map((block) => block.anchors))
    cache[run] = anchors
  }
  return anchors
}

function languageOf(node: Nodes, source: string): string {
  if (node.type === 'root' || node.type === 'yaml' || node.type === 'code' || node.type === 'html') return 'none'
  return detectLanguage(blockText([node as RootContent], source))
}

/**
 * An image whose alternative text is written in the language of its side
 * (`![Pod 准入流程](…)` after `<!-- ![Pod admission](…) -->`) is translated
 * text, aligned like a paragraph; other images are shared.
 */
function imageAsText(block: Block, side: 'en' | 'zh'): Block {
  if (block.kind !== 'image') return block
  const alt: string[] = []
  visitImages(block.node, alt)
  const text = alt.join(' ')
  const written = side === 'zh' ? hasHan(text) : /\p{Script=Latin}{2,}/u.test(text) && !hasHan(text)
  return written ? {...block, shared: false, lang: side} : block
}

function visitImages(node: Nodes, alt: string[]): void {
  if (node.type === 'image' && node.alt) alt.push(node.alt)
  if ('children' in node) for (const child of node.children) visitImages(child, alt)
}

/** Whether an uncommented English block is prose that wants a translation. */
function isProse(block: Block): boolean {
  return isEnglishClause(maskedText(block.text, [Mask.Text, Mask.Gap]))
}

/** Whether comment content is only code comments (`# …`, `// …`). */
function isCodeComment(text: string): boolean {
  const lines = text.split('\n').filter((line) => line.trim() !== '')
  return lines.length > 0 && lines.every((line) => /^\s*(?:#|\/\/)/.test(line))
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function firstOffset(draft: UnitDraft): number {
  let offset = Number.POSITIVE_INFINITY
  for (const block of [...draft.en, ...draft.zh]) offset = Math.min(offset, block.node.position?.start.offset ?? offset)
  return offset
}
