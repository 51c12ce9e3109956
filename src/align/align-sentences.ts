/**
 * Sentence alignment inside a pair: a Gale–Church dynamic program over
 * sentence lengths (moves 1-1, 1-0, 0-1, 2-1, 1-2, and 3-1, 1-3), with the ZH:EN length
 * ratio estimated from the document and anchors (numbers, Latin names) as
 * extra evidence. The search is banded around the diagonal so that huge
 * paragraphs stay near-linear.
 */
import type {SentencePair} from '../types.js'
import {anchorCost, anchorsOf, maxAnchorEvidence, mergeAnchors, type Anchors} from './anchors.js'
import {textLength, zhTextLength} from './script.js'
import type {Sentence} from './split-sentences.js'

/** Options of `alignSentences`. */
export interface SentenceOptions {
  /**
   * Variance of ZH length per EN character (Gale–Church's s²); default:
   * Gale–Church's 6.8 scaled by `ratio²`.
   */
  variance?: number
  /** Half-width of the band around the diagonal (default: √n, at least 8). */
  band?: number
}

/** Weight of anchors in a sentence move, and the most they can take off a cost. */
const anchorWeight = 0.6
const maxAnchorBonus = anchorWeight * maxAnchorEvidence

/** −ln of the prior probability of each move (Gale–Church's figures). */
// 3-1 and 1-3 are not in Gale–Church's table: Chinese often renders three
// short English sentences as one long one, which would otherwise read as omissions.
const priors = {
  '1-1': -Math.log(0.89),
  '1-0': -Math.log(0.0099),
  '0-1': -Math.log(0.0099),
  '2-1': -Math.log(0.089),
  '1-2': -Math.log(0.089),
  '3-1': -Math.log(0.01),
  '1-3': -Math.log(0.01)
}
const moves: Array<[number, number, keyof typeof priors]> = [
  [1, 1, '1-1'],
  [1, 0, '1-0'],
  [0, 1, '0-1'],
  [2, 1, '2-1'],
  [1, 2, '1-2'],
  [3, 1, '3-1'],
  [1, 3, '1-3']
]

/**
 * Align the sentences of an EN text and its ZH rendering.
 *
 * @param en English sentences, in order.
 * @param zh Chinese sentences, in order (English clauses marked `english`).
 * @param ratio Expected ZH:EN length ratio (ZH characters per EN character).
 * @param options Variance and band.
 * @returns Sentence pairs in order, `''` on the missing side, with offsets
 *   and `flags` (`omission` for an EN sentence without ZH, `untranslated`
 *   for an English clause on the ZH side).
 */
export function alignSentences(
  en: readonly Sentence[],
  zh: readonly Sentence[],
  ratio: number,
  options: SentenceOptions = {}
): SentencePair[] {
  const n = en.length
  const m = zh.length
  const variance = options.variance ?? 6.8 * ratio * ratio
  const enLength = en.map((s) => textLength(s.text))
  const zhLength = zh.map((s) => zhTextLength(s.text))
  // Anchors of runs of 1–3 sentences, merged when first needed, then kept.
  const enAnchors = runsOf(en.map((s) => anchorsOf(s.text, 'en')))
  const zhAnchors = runsOf(zh.map((s) => anchorsOf(s.text, 'zh')))
  // The band must be wider than the slope, or rows would not connect.
  const slope = Math.ceil(Math.max(m / Math.max(n, 1), n / Math.max(m, 1))) + 2
  const band = Math.max(options.band ?? Math.max(8, Math.ceil(Math.sqrt(Math.max(n, m)))), slope)

  const lo = (i: number): number => Math.max(0, Math.floor((i * m) / Math.max(n, 1)) - band)
  const hi = (i: number): number => Math.min(m, Math.ceil((i * m) / Math.max(n, 1)) + band)
  const cost: Float64Array[] = []
  const back: Uint8Array[] = []
  for (let i = 0; i <= n; i++) {
    cost.push(new Float64Array(hi(i) - lo(i) + 1).fill(Infinity))
    back.push(new Uint8Array(hi(i) - lo(i) + 1))
  }
  const get = (i: number, j: number): number => (j < lo(i) || j > hi(i) ? Infinity : cost[i][j - lo(i)])
  cost[0][0] = 0

  for (let i = 0; i <= n; i++) {
    for (let j = lo(i); j <= hi(i); j++) {
      if (i === 0 && j === 0) continue
      let best = Infinity
      let bestMove = 0
      for (let k = 0; k < moves.length; k++) {
        const [di, dj, name] = moves[k]
        if (i < di || j < dj) continue
        const previous = get(i - di, j - dj)
        if (previous === Infinity) continue
        const value = previous + moveCost(i - di, i, j - dj, j, name, best - previous)
        if (value < best) {
          best = value
          bestMove = k
        }
      }
      cost[i][j - lo(i)] = best
      back[i][j - lo(i)] = bestMove
    }
  }

  const pairs: SentencePair[] = []
  let i = n
  let j = m
  // When the band misses the corner (extreme drift), fall back to 1-0/0-1 at the ends.
  while (get(i, j) === Infinity && (i > 0 || j > 0)) {
    if (i > 0 && (j === 0 || i * m > j * n)) {
      pairs.push(makePair(en.slice(i - 1, i), []))
      i--
    } else {
      pairs.push(makePair([], zh.slice(j - 1, j)))
      j--
    }
  }
  while (i > 0 || j > 0) {
    const [di, dj] = moves[back[i][j - lo(i)]]
    pairs.push(makePair(en.slice(i - di, i), zh.slice(j - dj, j)))
    i -= di
    j -= dj
  }
  return pairs.reverse()

  /**
   * Cost of a move; `budget` is what it may cost and still win, so the
   * anchors (the expensive part) are skipped when they could not make it win.
   */
  function moveCost(i0: number, i1: number, j0: number, j1: number, name: keyof typeof priors, budget: number): number {
    let le = 0
    let lz = 0
    for (let x = i0; x < i1; x++) le += enLength[x]
    for (let y = j0; y < j1; y++) lz += zhLength[y]
    // An English clause on the ZH side stays a sentence of its own, so that
    // its flag points at it alone.
    if (j1 - j0 > 1) for (let y = j0; y < j1; y++) if (zh[y].english) return Infinity
    // A sentence left out (or added) costs its prior and a little per
    // character, not Gale–Church's length penalty, which grows so fast that
    // long omitted sentences would always be merged into a neighbour.
    let value = priors[name]
    if (le === 0 || lz === 0) {
      value += 0.01 * (le + lz / ratio)
    } else {
      const delta = lengthDelta(le, lz, ratio, variance)
      // −ln P(|X| ≥ δ) ≥ δ²/2 − ln 2: skip the exact cost when even that loses.
      if (value + (delta * delta) / 2 - Math.LN2 - maxAnchorBonus >= budget) return Infinity
      value += deltaCost(delta)
    }
    if (i1 > i0 && j1 > j0 && value - maxAnchorBonus < budget) {
      value += anchorWeight * anchorCost(enAnchors(i0, i1), zhAnchors(j0, j1))
    }
    return value
  }
}

/** Anchors of the sentences `[from, to)` (at most 3), merged lazily and memoised. */
function runsOf(single: readonly Anchors[]): (from: number, to: number) => Anchors {
  const memo = new Map<number, Anchors>()
  return (from, to) => {
    if (to - from === 1) return single[from]
    const key = from * 4 + (to - from)
    let anchors = memo.get(key)
    if (!anchors) {
      anchors = mergeAnchors(single.slice(from, to))
      memo.set(key, anchors)
    }
    return anchors
  }
}

/** Gale–Church's δ: the length difference in standard deviations. */
function lengthDelta(le: number, lz: number, ratio: number, variance: number): number {
  const mean = (le + lz / ratio) / 2
  return Math.abs((lz - ratio * le) / Math.sqrt(Math.max(mean, 1) * variance))
}

/** Gale–Church match cost: −ln P(|X| ≥ δ) for a standard normal X. */
function deltaCost(delta: number): number {
  return -Math.log(2 * normalTail(delta))
}

/** P(X ≥ x) for a standard normal X, x ≥ 0, accurate in the far tail. */
function normalTail(x: number): number {
  if (x > 8) return Math.exp(-(x * x) / 2) / (x * Math.sqrt(2 * Math.PI))
  // Abramowitz–Stegun 7.1.26 on erfc.
  const z = x / Math.SQRT2
  const t = 1 / (1 + 0.3275911 * z)
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
  return Math.max(0.5 * poly * Math.exp(-z * z), 1e-300)
}

function makePair(en: readonly Sentence[], zh: readonly Sentence[]): SentencePair {
  const pair: SentencePair = {
    en: en.map((s) => s.text).join(' '),
    zh: zh.map((s) => s.text).join('')
  }
  const enStart = en[0]?.start
  const enEnd = en[en.length - 1]?.end
  if (enStart !== undefined && enEnd !== undefined) {
    pair.enStart = enStart
    pair.enEnd = enEnd
  }
  const zhStart = zh[0]?.start
  const zhEnd = zh[zh.length - 1]?.end
  if (zhStart !== undefined && zhEnd !== undefined) {
    pair.zhStart = zhStart
    pair.zhEnd = zhEnd
  }
  const flags: string[] = []
  if (en.length > 0 && zh.length === 0) flags.push('omission')
  if (zh.some((s) => s.english)) flags.push('untranslated')
  if (flags.length > 0) pair.flags = flags
  return pair
}
