/**
 * Pair the stored paragraphs with the source paragraphs, in order.
 *
 * 1. Anchors: the longest common subsequence of cosmetic keys (Myers' diff
 *    over the two key lists), so that every paragraph whose English is the
 *    same up to cosmetic edits pairs with its counterpart, repeated short
 *    paragraphs ("For example:") included.
 * 2. Between two anchors, the remaining paragraphs pair by word similarity
 *    (Dice coefficient of their bags of words, at least `threshold`, same
 *    kind of block), in order, maximizing the total similarity: these are the
 *    `changed` pairs. A code block kept in the translation with Chinese in it
 *    (translated comments, placeholders) pairs as `current` when the source
 *    block matches it with each line's Chinese standing for any text.
 * 3. What is left is `removed` (stored only) or `new` (source only).
 */
import {diffArrays} from 'diff'
import {hasHan} from '../align/script.js'
import {localizedMatch} from './localized.js'
import {wordDiff} from './diff.js'
import {similarity, wordsOf} from './normalize.js'
import type {Paragraph, StoredParagraph, SyncUnit} from './types.js'

/** Options of `matchParagraphs`. */
export interface MatchOptions {
  /** Least word similarity of a `changed` pair (default: 0.5). */
  threshold?: number
}

/**
 * Pair stored and source paragraphs and give each a status.
 *
 * @param stored The English stored in the translation, in order.
 * @param source Today's English, in order.
 * @param options Threshold.
 * @returns One unit per pair or lone paragraph, in document order (a removed
 *   paragraph before the new ones at the same place).
 */
export function matchParagraphs(stored: readonly StoredParagraph[], source: readonly Paragraph[], options: MatchOptions = {}): SyncUnit[] {
  const threshold = options.threshold ?? 0.5
  const units: SyncUnit[] = []
  const changes = diffArrays(
    stored.map((paragraph) => paragraph.key),
    source.map((paragraph) => paragraph.key)
  )
  let i = 0
  let j = 0
  let gapStored: StoredParagraph[] = []
  let gapSource: Paragraph[] = []
  const flush = (): void => {
    if (gapStored.length > 0 || gapSource.length > 0) units.push(...pairGap(gapStored, gapSource, threshold))
    gapStored = []
    gapSource = []
  }
  for (const change of changes) {
    const count = change.value.length
    if (change.removed) {
      gapStored.push(...stored.slice(i, i + count))
      i += count
    } else if (change.added) {
      gapSource.push(...source.slice(j, j + count))
      j += count
    } else {
      flush()
      for (let k = 0; k < count; k++) {
        const a = stored[i + k]
        const b = source[j + k]
        units.push({status: a.raw === b.raw ? 'current' : 'cosmetic', stored: a, source: b, diff: null})
      }
      i += count
      j += count
    }
  }
  flush()
  return pairMoves(units)
}

/**
 * A paragraph the source moved elsewhere, word for word (up to cosmetic
 * edits), is the same English: its removed and new halves become one pair,
 * `current` or `cosmetic`, flagged `moved`, at the source's place.
 */
function pairMoves(units: readonly SyncUnit[]): SyncUnit[] {
  const removed = new Map<string, number[]>()
  units.forEach((unit, index) => {
    if (unit.status !== 'removed' || !unit.stored) return
    const list = removed.get(unit.stored.key) ?? []
    list.push(index)
    removed.set(unit.stored.key, list)
  })
  if (removed.size === 0) return [...units]
  const paired = new Set<number>()
  const out = units.map((unit): SyncUnit => {
    if (unit.status !== 'new' || !unit.source) return unit
    const index = removed.get(unit.source.key)?.shift()
    if (index === undefined) return unit
    paired.add(index)
    const stored = units[index].stored!
    return {status: stored.raw === unit.source.raw ? 'current' : 'cosmetic', stored, source: unit.source, diff: null, moved: true}
  })
  return out.filter((_unit, index) => !paired.has(index))
}

/** Most paragraphs one paragraph may be split into, or merged from, with the same words. */
const maxRun = 3

/**
 * Pair the paragraphs of one gap between anchors: a dynamic program over
 * moves 1-0 (removed), 0-1 (new), 1-1 (similar enough: changed; a localized
 * code block: current) and k-1 / 1-k (a paragraph split or merged with the
 * same English: cosmetic), maximizing the total similarity.
 */
function pairGap(stored: readonly StoredParagraph[], source: readonly Paragraph[], threshold: number): SyncUnit[] {
  const n = stored.length
  const m = source.length
  // Chinese in a code block kept in the translation (translated comments) is not compared.
  const storedWords = stored.map((paragraph) => wordsOf(paragraph.key).filter((word) => !hasHan(word)))
  const sourceWords = source.map((paragraph) => wordsOf(paragraph.key))
  const fit = (i: number, j: number): number => {
    const a = stored[i]
    const b = source[j]
    if (a.kind !== b.kind) return 0
    if (localizedMatch(a, b)) return 2
    const value = similarity(storedWords[i], sourceWords[j])
    return value >= threshold ? value : 0
  }
  const joined = (items: ReadonlyArray<{key: string}>): string => items.map((item) => item.key).join(' ')
  const score: Float64Array[] = []
  const back: Array<Array<[number, number] | undefined>> = []
  for (let i = 0; i <= n; i++) {
    score.push(new Float64Array(m + 1))
    back.push(new Array(m + 1))
  }
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) continue
      let best = -1
      let step: [number, number] | undefined
      const consider = (di: number, dj: number, gain: number): void => {
        if (score[i - di][j - dj] + gain > best) {
          best = score[i - di][j - dj] + gain
          step = [di, dj]
        }
      }
      // At a tie a new paragraph is taken last, so a removed one is listed before it.
      if (j > 0) consider(0, 1, 0)
      if (i > 0) consider(1, 0, 0)
      if (i > 0 && j > 0) {
        const value = fit(i - 1, j - 1)
        if (value > 0) consider(1, 1, value)
        for (let k = 2; k <= maxRun; k++) {
          if (i >= k && stored.slice(i - k, i).every((paragraph) => paragraph.kind === 'text') && joined(stored.slice(i - k, i)) === source[j - 1].key) consider(k, 1, 2 * k)
          if (j >= k && source.slice(j - k, j).every((paragraph) => paragraph.kind === 'text') && joined(source.slice(j - k, j)) === stored[i - 1].key) consider(1, k, 2 * k)
        }
      }
      score[i][j] = best
      back[i][j] = step
    }
  }
  const reversed: SyncUnit[] = []
  let i = n
  let j = m
  while (i > 0 || j > 0) {
    const [di, dj] = back[i][j]!
    if (di === 0) reversed.push({status: 'new', stored: null, source: source[j - 1], diff: null})
    else if (dj === 0) reversed.push({status: 'removed', stored: stored[i - 1], source: null, diff: null})
    else if (di === 1 && dj === 1) {
      const a = stored[i - 1]
      const b = source[j - 1]
      const same = localizedMatch(a, b)
      reversed.push({status: same ? 'current' : 'changed', stored: a, source: b, diff: same ? null : wordDiff(a.raw, b.raw)})
    } else {
      // A split or a merge: every paragraph of the run is cosmetic, paired with the one on the other side.
      for (let k = Math.max(di, dj) - 1; k >= 0; k--) {
        reversed.push({status: 'cosmetic', stored: stored[i - (di === 1 ? 1 : di - k)], source: source[j - (dj === 1 ? 1 : dj - k)], diff: null})
      }
    }
    i -= di
    j -= dj
  }
  return reversed.reverse()
}
