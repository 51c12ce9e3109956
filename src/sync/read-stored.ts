/**
 * The English stored in a translated file, paragraph by paragraph, with the
 * Chinese each renders: read from the aligner's units (`>` quotes or
 * `<!--` English `-->` comments), so sync pairs English and Chinese exactly as
 * `bitext align`, `lint` and `review` do.
 */
import type {Code, Html, Root, RootContent} from 'mdast'
import type {Point} from 'unist'
import {createParser} from '../parse/index.js'
import type {Alignment, AlignUnit} from '../types.js'
import {localizedMatch} from './localized.js'
import {cosmeticKey, leavesOf, paragraphKind, prefixAt, rawOf, similarity, textPlace, wordsOf} from './normalize.js'
import type {Marker, StoredParagraph, ZhPlace} from './types.js'

/**
 * Read the stored English of an aligned translation.
 *
 * @param alignment The translation's alignment (`alignBlocks`).
 * @param source The translation's text.
 * @param markers The markers found in it (`findMarkers`).
 * @returns The stored paragraphs in document order.
 */
export function readStored(alignment: Alignment, source: string, markers: readonly Marker[]): StoredParagraph[] {
  const comments = (alignment.comments ?? []).map((comment) => ({
    start: comment.node.position?.start.offset ?? 0,
    end: comment.node.position?.end.offset ?? 0
  }))
  const claimed = new Set<Marker>()
  const stored: StoredParagraph[] = []
  alignment.units.forEach((unit, index) => {
    if (unit.kind === 'target-only') return
    const shared = unit.kind === 'shared'
    const zh: ZhPlace[] = (unit.zhBlocks ?? []).map((block) => ({line: block.line, start: block.start, end: block.end, text: block.text}))
    const paragraphs: StoredParagraph[] = []
    const english = shared && unit.enNodes.length === 1 && unit.enNodes[0].type === 'code' ? englishOfCode(unit.enNodes[0], source) : undefined
    if (english) {
      const paragraph = storedParagraph(english.leaf, english.top, index, false, zh, source, comments)
      if (paragraph) paragraphs.push(paragraph)
    }
    for (const top of english ? [] : unit.enNodes) {
      for (const leaf of leavesOf([top])) {
        const paragraph = storedParagraph(leaf, top, index, shared, zh, source, comments)
        if (paragraph) paragraphs.push(paragraph)
      }
    }
    if (paragraphs.length === 0) return
    const before = markersBefore(unit, source, markers, claimed)
    for (const paragraph of paragraphs) paragraph.markers = [...before, ...markersAfter(paragraph.container.end, source, markers, claimed)]
    stored.push(...paragraphs)
  })
  addCommentLeaves(alignment, source, comments, stored, markers, claimed)
  return stored.sort((a, b) => a.start - b.start)
}

/**
 * Blocks of an English comment that the aligner leaves out of its units
 * (the ones it reads as shared: a line of inline code, a name, a code block)
 * are stored English too. When the Chinese page repeats such a block after
 * the comment (the shared copy, maybe with its comments translated), that
 * copy is its rendering rather than English of its own.
 */
/** How alike a shared block after a comment must be to a block of the comment to be its rendering. */
const renderingSimilarity = 0.8

function addCommentLeaves(
  alignment: Alignment,
  source: string,
  comments: ReadonlyArray<{start: number; end: number}>,
  stored: StoredParagraph[],
  markers: readonly Marker[],
  claimed: Set<Marker>
): void {
  const known = new Set(stored.map((paragraph) => paragraph.start))
  let synthetic = alignment.units.length
  ;(alignment.comments ?? []).forEach((comment, index) => {
    const range = comments[index]
    const next = comments[index + 1]?.start ?? Number.POSITIVE_INFINITY
    for (const leaf of leavesOf(comment.nodes)) {
      const paragraph = storedParagraph(leaf, comment.node, -1, false, [], source, comments)
      if (!paragraph || known.has(paragraph.start)) continue
      known.add(paragraph.start)
      const words = wordsOf(paragraph.key)
      const rendering = stored.findIndex(
        (other) =>
          other.shared &&
          other.kind === paragraph.kind &&
          other.start > range.end &&
          other.start < next &&
          (other.key === paragraph.key || localizedMatch(other, paragraph) || similarity(wordsOf(other.key), words) >= renderingSimilarity)
      )
      if (rendering === -1) {
        paragraph.unit = synthetic++
        paragraph.markers = markersAfter(paragraph.container.end, source, markers, claimed)
      } else {
        const copy = stored[rendering]
        paragraph.unit = copy.unit
        paragraph.zh = copy.zh
        paragraph.markers = copy.markers
        stored.splice(rendering, 1)
      }
      stored.push(paragraph)
    }
  })
  // `<!--`, one word, `-->` on lines of their own (`or` between two commands) is a word of
  // English, which the aligner takes for a section marker such as `<!-- overview -->`.
  for (const match of source.matchAll(/^([ \t]*)<!--[ \t]*\n[ \t]*([A-Za-z][\w-]*)[ \t]*\n[ \t]*-->/gm)) {
    const start = match.index + match[0].indexOf(match[2], match[1].length + 4)
    if (known.has(start)) continue
    const paragraph = wordParagraph(match[2], start, {start: match.index + match[1].length, end: match.index + match[0].length}, source)
    paragraph.unit = synthetic++
    paragraph.markers = markersAfter(paragraph.container.end, source, markers, claimed)
    stored.push(paragraph)
  }
}

/** A stored paragraph of one word, kept alone in a comment. */
function wordParagraph(word: string, start: number, container: {start: number; end: number}, source: string): StoredParagraph {
  let line = 1
  for (let i = 0; i < start; i++) if (source.charCodeAt(i) === 10) line++
  return {kind: 'text', raw: word, key: word, line, start, end: start + word.length, unit: -1, shared: false, zh: [], markers: [], container, prefix: prefixAt(source, start)}
}

/**
 * The English of a shared code block kept in the comment right before it
 * (`<!--` English code `-->`, then the code with its comments translated):
 * the comment's last block when it is code, positions in the file.
 */
function englishOfCode(node: RootContent, source: string): {leaf: RootContent; top: RootContent} | undefined {
  let at = node.position?.start.offset ?? 0
  while (at > 0 && /\s/.test(source[at - 1])) at--
  if (!source.startsWith('-->', at - 3)) return undefined
  const open = source.lastIndexOf('<!--', at - 3)
  if (open === -1) return undefined
  const innerStart = open + 4
  const inner = source.slice(innerStart, at - 3)
  if (!/```|~~~/.test(inner)) return undefined
  const leaf = leavesOf((parser.parse(inner) as Root).children).at(-1)
  if (leaf?.type !== 'code' || !leaf.position) return undefined
  let line = 1
  for (let i = 0; i < innerStart; i++) if (source.charCodeAt(i) === 10) line++
  const shift = (point: Point): Point => ({line: point.line + line - 1, column: point.column, offset: (point.offset ?? 0) + innerStart})
  const moved: Code = {...leaf, position: {start: shift(leaf.position.start), end: shift(leaf.position.end)}}
  const top: Html = {type: 'html', value: source.slice(open, at), position: {start: shift({line: 1, column: 1, offset: -4}), end: shift({line: 1, column: 1, offset: at - innerStart})}}
  return {leaf: moved, top}
}

function storedParagraph(
  leaf: RootContent,
  top: RootContent,
  unit: number,
  shared: boolean,
  zh: ZhPlace[],
  source: string,
  comments: ReadonlyArray<{start: number; end: number}>
): StoredParagraph | undefined {
  const kind = paragraphKind(leaf)
  const place = kind && textPlace(leaf, kind, source)
  if (!kind || !place) return undefined
  const {start, end} = place
  const prefix = prefixAt(source, start)
  const comment = comments.find((range) => range.start <= start && end <= range.end)
  const container = comment ?? {start: top.position?.start.offset ?? start, end: top.position?.end.offset ?? end}
  return {
    kind,
    raw: rawOf(source, start, end, prefix),
    key: cosmeticKey(leaf),
    line: place.line,
    start,
    end,
    unit,
    shared,
    zh,
    markers: [],
    container,
    prefix
  }
}

const parser = createParser()

/** Only blanks, `>` and a list item's marker may stand between a marker and what it marks. */
const betweenRe = /^[\s>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?[\s>]*$/

/**
 * The markers right before a unit's Chinese blocks (for a shared block,
 * before the block): `outdated` and `removed`. Every Chinese block of the
 * unit counts, since a second alignment may group blocks the first kept apart.
 */
function markersBefore(unit: AlignUnit, source: string, markers: readonly Marker[], claimed: Set<Marker>): Marker[] {
  if (markers.length === 0) return []
  const attached: Marker[] = []
  for (const block of unit.zhBlocks ?? []) {
    let at = block.start
    const before: Marker[] = []
    for (let i = markers.length - 1; i >= 0; i--) {
      const marker = markers[i]
      if (marker.end > at) continue
      if (claimed.has(marker) || marker.kind === 'untranslated' || !betweenRe.test(source.slice(marker.end, at))) break
      before.unshift(marker)
      claimed.add(marker)
      at = marker.start
    }
    attached.push(...before)
  }
  return attached
}

/**
 * The markers right after the English that holds a paragraph (its comment,
 * its quote): `untranslated`, and `removed` for English without Chinese.
 */
function markersAfter(englishEnd: number, source: string, markers: readonly Marker[], claimed: Set<Marker>): Marker[] {
  const attached: Marker[] = []
  let at = englishEnd
  for (const marker of markers) {
    if (marker.start < at) continue
    if (claimed.has(marker) || marker.kind === 'outdated' || !betweenRe.test(source.slice(at, marker.start))) break
    attached.push(marker)
    claimed.add(marker)
    at = marker.end
  }
  return attached
}
