/**
 * A document cache model for the lexicon lattice: a translator reuses their
 * words, so a word that the same document uses elsewhere (intact, or rebuilt
 * with high confidence) is more likely here than its dictionary frequency
 * says. Classic cache language model: the unigram probability is
 * interpolated with the word's share of the document's words,
 * `P(w) = (1 − λ)·P_lexicon(w) + λ·count(w) / N`.
 */
import {isHan, type SlotChoice, type Unit} from '../reconstruct/choose.js'
import type {Lexicon} from './lexicon.js'

/** The cache of one document, as the lattice asks it. */
export interface WordCache {
  /**
   * Score to add to a lattice edge: the log-ratio of the interpolated
   * probability to the lexicon's, 0 for words the document does not use
   * elsewhere.
   *
   * @param from Index of the edge's first unit.
   * @param word The word the edge spells.
   * @param logProbability The word's lexicon log-probability.
   * @returns The bonus (≥ 0).
   */
  bonus(from: number, word: string, logProbability: number): number
  /**
   * Whether any word the cache counts begins with a character (optional):
   * false promises that {@link WordCache.bonus} is 0 for every word that
   * begins with it, so the lattice need not ask.
   *
   * @param char One character.
   */
  starts?(char: string): boolean
}

/** Options of {@link documentCache}. */
export interface DocumentCacheOptions {
  /** Weight λ of the document's counts (default 0.05). */
  weight?: number
  /** Least confidence of every rebuilt character in a word for the word to count (default 0.9). */
  confident?: number
  /** Shortest word, in characters, that the cache counts (default 2: single characters are everywhere and say little). */
  minLength?: number
  /**
   * How much the cache may say for `word` where it would fill the damaged
   * parts numbered `slots` (in text order, as `rebuild` receives them): a
   * factor 0–1 on its bonus (default 1 everywhere). The re-rank halves it
   * where the English of the place is known and renders none of the word's
   * senses.
   */
  scale?: (word: string, slots: readonly number[]) => number
}

/** A word of a segmentation: units `[from, to)`. */
interface Segment {
  from: number
  to: number
  word: string
}

/**
 * Count the words of a document: its linkable runs (Han characters and
 * slots) are filled with the chosen candidates and segmented with the
 * lexicon; words with no rebuilt character count, and words whose rebuilt
 * characters were all chosen with confidence at least `confident`. A word
 * never counts for its own place, so a choice cannot vouch for itself.
 *
 * @param units The lattice units of the whole document.
 * @param choices One choice per slot, in order (from a first pass).
 * @param lexicon The lexicon.
 * @param options Weight and confidence threshold.
 * @returns The cache.
 */
export function documentCache(units: readonly Unit[], choices: readonly SlotChoice[], lexicon: Lexicon, options: DocumentCacheOptions = {}): WordCache {
  const weight = options.weight ?? 0.05
  const confident = options.confident ?? 0.9
  const minLength = options.minLength ?? 2
  const scale = options.scale
  const chars: string[] = []
  const confidence: number[] = []
  // Unit index → number of the slot there, -1 for fixed text.
  const slotAt: number[] = []
  let slot = 0
  for (const unit of units) {
    if (typeof unit === 'string') {
      chars.push(unit)
      confidence.push(1)
      slotAt.push(-1)
    } else {
      slotAt.push(slot)
      const choice = choices[slot++]!
      chars.push(unit.candidates[choice.best]!)
      confidence.push(choice.confidence)
    }
  }
  const counts = new Map<string, number>()
  const own = new Set<string>()
  let total = 0
  for (const {from, to, word} of segmentAll(chars, lexicon)) {
    let least = 1
    for (let index = from; index < to; index++) least = Math.min(least, confidence[index]!)
    if (least < confident || [...word].length < minLength) continue
    counts.set(word, (counts.get(word) ?? 0) + 1)
    own.add(`${from}:${word}`)
    total++
  }
  if (total === 0) return {bonus: () => 0, starts: () => false}
  const firsts = firstCharacters(counts.keys())
  return {
    starts: (char) => firsts.has(char),
    bonus(from, word, logProbability) {
      const count = (counts.get(word) ?? 0) - (own.has(`${from}:${word}`) ? 1 : 0)
      if (count <= 0) return 0
      let factor = 1
      if (scale !== undefined) {
        const slots: number[] = []
        for (let index = from; index < from + [...word].length; index++) if (slotAt[index]! >= 0) slots.push(slotAt[index]!)
        factor = scale(word, slots)
      }
      const probability = Math.exp(logProbability)
      return factor * (Math.log((1 - weight) * probability + (weight * count) / total) - logProbability)
    }
  }
}

/**
 * The first characters of words.
 *
 * @param words Words.
 * @returns Their first characters (code points).
 */
export function firstCharacters(words: Iterable<string>): Set<string> {
  const firsts = new Set<string>()
  for (const word of words) if (word !== '') firsts.add(String.fromCodePoint(word.codePointAt(0)!))
  return firsts
}

/** Segment every run of Han characters with the lexicon (best unigram path, as jieba does). */
function segmentAll(chars: readonly string[], lexicon: Lexicon): Segment[] {
  const segments: Segment[] = []
  let index = 0
  while (index < chars.length) {
    if (!isHan(chars[index]!)) {
      index++
      continue
    }
    let end = index
    while (end < chars.length && isHan(chars[end]!)) end++
    segments.push(...segmentRun(chars, index, end, lexicon))
    index = end
  }
  return segments
}

function segmentRun(chars: readonly string[], start: number, end: number, lexicon: Lexicon): Segment[] {
  const count = end - start
  const best = new Array<number>(count + 1).fill(Number.NEGATIVE_INFINITY)
  const back = new Array<number>(count + 1).fill(0)
  best[0] = 0
  for (let from = 0; from < count; from++) {
    if (best[from] === Number.NEGATIVE_INFINITY) continue
    const family = lexicon.family(chars[start + from]!)
    let word = ''
    for (let to = from + 1; to <= count && to - from <= lexicon.maxLength; to++) {
      word += chars[start + to - 1]!
      const value = family?.get(word)
      if (to === from + 1) {
        const single = value !== undefined && value < 0 ? value : lexicon.floor
        relax(best, back, from, to, best[from]! + single)
      } else if (value !== undefined && value < 0) {
        relax(best, back, from, to, best[from]! + value)
      }
      if (value === undefined) break
    }
  }
  const segments: Segment[] = []
  for (let to = count; to > 0; to = back[to]!) {
    const from = back[to]!
    segments.push({from: start + from, to: start + to, word: chars.slice(start + from, start + to).join('')})
  }
  return segments.reverse()
}

function relax(best: number[], back: number[], from: number, to: number, score: number): void {
  if (score > best[to]!) {
    best[to] = score
    back[to] = from
  }
}
