/**
 * Rebuild damaged characters of Chinese text: build the lattice of fixed
 * characters and candidate slots over the repaired text and score it with the
 * lexicon.
 */
import {classPrior, partnerOf, type Candidate} from './candidates.js'
import {functionConfusion, temperedConfidence} from './confusion.js'
import {chooseInLattice, gapUnit, isHan, type Follow, type FollowPool, type Lexical, type Slot, type SlotChoice, type Unit} from './choose.js'
import {isGrammarMark, punctuate, type PunctuationPiece} from './punctuation.js'
import {documentCache, type DocumentCacheOptions, type WordCache} from '../model/document-cache.js'
import {frameReach, unknown, windowSize, type ContextModel} from '../model/context-model.js'
import type {Lexicon, LexiconTrie} from '../model/lexicon.js'

/** A damaged character to rebuild, with its candidates. */
export interface Damaged {
  candidates: readonly Candidate[]
}

/** A part of the repaired text: fixed text or a damaged character. */
export type Part = string | Damaged

/** The outcome for one damaged character. */
export interface Rebuilt {
  /** Chosen character. */
  char: string
  /**
   * Confidence 0–1: the lattice's, tempered where the choice and its
   * runner-up are common function characters (`confusion.ts`).
   */
  confidence: number
  /** The lattice's own confidence, before any tempering. */
  latticeConfidence: number
  /** The function character the choice is confused with, when the confidence was tempered. */
  confusion?: string
  /** Runner-up characters, best first. */
  alternatives: string[]
  /** The choice of the lexicon alone, before the document cache (the same as `char` without a cache). */
  plain: string
}

/** Options of {@link rebuild}. */
export interface RebuildOptions {
  /**
   * Decode twice, the second time with a cache of the document's own words
   * from the first (see `documentCache`); `false` for one pass (default).
   */
  cache?: DocumentCacheOptions | false
  /** A context model of characters (default: none). */
  context?: ContextModel
  /** Weight of the context model's score (default 0.7). */
  contextWeight?: number
  /** The article's own words, as a bonus for words through rebuilt characters (default none). */
  words?: WordCache
}

const pairingBonus = 4

/**
 * Weight of the context model against the lexicon. Measured on the CNCF pages
 * damaged the seed's way: 1 restores the most there (97.5 %), 0.7 nearly as
 * many (97.35 %) and overrides the lexicon's own words less often (`翻译不当`).
 */
const defaultContextWeight = 0.7

/**
 * Choose a character for every damaged part.
 *
 * @param parts The repaired text as fixed strings and damaged characters, in order.
 * @param lexicon The lexicon.
 * @param options Whether to use a document cache.
 * @returns One result per damaged part, in order.
 */
export function rebuild(parts: readonly Part[], lexicon: Lexicon, options: RebuildOptions = {}): Rebuilt[] {
  const units: Unit[] = []
  const shapes = new PartShapes(parts, lexicon)
  const slots: Array<{slot: Slot; shape: Shape; index: number; at: number; afterNumber: boolean; beforeQuestion: boolean; contraction: boolean; lineEnd: boolean; paragraphEnd: boolean; lineStart: boolean}> = []
  parts.forEach((part, index) => {
    if (typeof part === 'string') {
      pushFixed(units, part)
    } else {
      const all = shapes.lists[index]!
      const {chars, positions, rest} = narrow(shapes, parts, index, lexicon)
      // Every field from the start: the lattice reads slots of one shape.
      const slot: Slot = {candidates: chars, priors: [], rest, follow: undefined, lexical: undefined, entries: undefined}
      // Next to a damaged character (`X`), none of the line and grammar
      // positions below can hold: skip building the text around it.
      const before = typeof parts[index - 1] === 'object' ? 'X' : textAround(parts, index, -1)
      const after = typeof parts[index + 1] === 'object' ? 'X' : textAround(parts, index, 1)
      slots.push({
        slot,
        shape: {all, positions},
        index,
        at: units.length,
        afterNumber: typeof before === 'string' && afterNumberPattern.test(before),
        beforeQuestion: typeof after === 'string' && beforeQuestionPattern.test(after),
        contraction: typeof before === 'string' && letterEndPattern.test(before) && typeof after === 'string' && contractionPattern.test(after),
        lineEnd: after === undefined || (typeof after === 'string' && lineEndPattern.test(after)),
        paragraphEnd: after === undefined || (typeof after === 'string' && paragraphEnd.test(after)),
        lineStart: before === undefined || (typeof before === 'string' && lineStartPattern.test(before))
      })
      units.push(slot)
    }
  })
  // One pool serves every document (it is only read while this one is chosen; grown, never shrunk).
  const pool = followPool
  pool.size = 0
  slots.forEach(({slot, shape, index, at}, rank) => {
    slot.lexical = shapes.info(index).lexical
    slot.entries = shape.positions
    const next = slots[rank + 1]
    slot.follow = next !== undefined && next.at === at + 1 && next.index === index + 1 ? follow(shape, shapes, index, next, pool) : undefined
  })
  // The slots with a bracket or quote among their candidates, where a partner may be.
  const paired = new Set<Slot>()
  for (const {slot, shape, index} of slots) {
    const marks = shapes.info(index).paired
    const count = shape.positions === undefined ? shape.all.length : shape.positions.length
    for (let option = 0; option < count; option++) {
      if (marks[shape.positions === undefined ? option : shape.positions[option]!] === 1) {
        paired.add(slot)
        break
      }
    }
  }
  for (const {slot, shape, index, at, afterNumber, beforeQuestion, contraction, lineEnd, paragraphEnd, lineStart} of slots) {
    slot.priors = basePriors(units, shape, shapes.info(index), at, paired)
    if (lineEnd || lineStart) addLinePosition(slot, lineEnd, paragraphEnd, lineStart)
    addGrammar(units, slot, at, lexicon, afterNumber, beforeQuestion)
    if (contraction) addApostrophe(slot)
    if (options.context !== undefined) addContext(units, slot, shape, at, options.context, options.contextWeight ?? defaultContextWeight)
  }
  const plain = chooseInLattice(units, lexicon, options.words)
  const choices = options.cache === undefined || options.cache === false ? plain : chooseInLattice(units, lexicon, documentCache(units, plain, lexicon, options.cache))
  const grammar = punctuation(parts, slots, choices, shapes)
  return choices.map((lattice, index) => {
    const {candidates} = slots[index]!.slot
    const choice = grammar[index] ?? lattice
    const char = candidates[choice.best]!
    const alternatives: string[] = []
    for (let rank = 1; rank < 4 && rank < choice.order.length; rank++) alternatives.push(candidates[choice.order[rank]!]!)
    const confusion = functionConfusion(char, alternatives[0], lexicon)
    const rebuilt: Rebuilt = {
      char,
      plain: candidates[plain[index]!.best]!,
      confidence: confusion === undefined ? choice.confidence : temperedConfidence(choice.confidence),
      latticeConfidence: lattice.confidence,
      alternatives
    }
    // (Set afterwards, not spread in: the same object, without a copy.)
    if (confusion !== undefined) rebuilt.confusion = confusion
    return rebuilt
  })
}

/**
 * Whether a mark is among a slot's candidates near enough to its best to be
 * chosen ({@link grammarReach}): a slot whose marks are all far below the
 * character the lattice chose is that character to the grammar, like intact text.
 */
function markWithin(candidates: readonly string[], scores: readonly number[]): boolean {
  let top = Number.NEGATIVE_INFINITY
  for (const score of scores) if (score > top) top = score
  for (let option = 0; option < candidates.length; option++) if (scores[option]! >= top - grammarReach && isGrammarMark(candidates[option]!)) return true
  return false
}

/** How far below a slot's best a mark may be and still be weighed (as the grammar's own `valueMargin`). */
const grammarReach = 6

/**
 * The lattice's choices with the punctuation decided again by the grammar of
 * the paragraph (`punctuation.ts`): for each slot with a mark among its
 * candidates, the grammar's choice, scores and confidence; undefined for the
 * others, which keep the lattice's.
 */
function punctuation(parts: readonly Part[], slots: ReadonlyArray<{slot: Slot; index: number}>, choices: readonly SlotChoice[], shapes: PartShapes): Array<SlotChoice | undefined> {
  const pieces: PunctuationPiece[] = []
  const tokenOf: number[] = []
  let rank = 0
  // The text since the last slot the grammar weighs, joined once (no string grown part by part).
  const text: string[] = []
  const flush = (): void => {
    const joined = text.join('')
    if (joined !== '') pieces.push(joined)
    text.length = 0
  }
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!
    if (typeof part === 'string') {
      text.push(part)
      continue
    }
    const {slot} = slots[rank]!
    const choice = choices[rank]!
    // (A slot whose candidates before the narrowing have no mark, most of them, has none after it.)
    if (shapes.info(index).marks && markWithin(slot.candidates, choice.scores) && inChinese(parts, index)) {
      flush()
      tokenOf.push(rank)
      pieces.push({candidates: slot.candidates, scores: choice.scores, rest: slot.rest ?? 0})
    } else text.push(slot.candidates[choice.best]!)
    rank++
  }
  const grammar = new Array<SlotChoice | undefined>(choices.length)
  if (tokenOf.length === 0) return grammar
  flush()
  punctuate(pieces).forEach((decided, token) => {
    const rank = tokenOf[token]!
    const lattice = choices[rank]!
    const {candidates} = slots[rank]!.slot
    // The grammar only moves a mark to another mark: where the lattice chose
    // a character, or the grammar would put one for a mark, the lattice's
    // words know more than the grammar's rules.
    if (!isGrammarMark(candidates[lattice.best]!)) return
    if (decided.best !== lattice.best && isGrammarMark(candidates[decided.best]!)) {
      // Overruled: no surer than the lattice was that its own choice was wrong.
      grammar[rank] = {...decided, confidence: Math.min(decided.confidence, 1 - lattice.confidence)}
      return
    }
    // Kept: as sure as the less sure of the two.
    const share = 1 / decided.scores.reduce((sum, score) => sum + Math.exp(score - decided.scores[lattice.best]!), 0)
    const confidence = Math.min(lattice.confidence, decided.best === lattice.best ? decided.confidence : share)
    if (confidence < lattice.confidence) grammar[rank] = {...lattice, confidence}
  })
  return grammar
}

/**
 * Whether a damaged part stands in Chinese text: a Han character or Chinese
 * punctuation right before or after it, past white space. The outer layer of
 * text damaged twice is Latin mojibake (`ä¸­`), where a rebuilt `，` is a
 * pair of bytes, not a comma.
 */
function inChinese(parts: readonly Part[], index: number): boolean {
  for (const step of [-1, 1] as const) {
    const text = textAround(parts, index, step)
    if (text === undefined) continue
    const near = (step < 0 ? text.trimEnd().slice(-1) : text.trimStart()[0]) ?? ''
    if (near === 'X' || isHan(near) || isGrammarMark(near)) return true
  }
  return false
}

/**
 * The text before a slot ends with a number (`24 位`); the text after it
 * begins with a question mark; ends the line; the text before it begins
 * the line (after any list or quote marker). Kept as constants: a regular
 * expression literal is a new object every time it is evaluated.
 */
const afterNumberPattern = /\d[ \t]*$/
const beforeQuestionPattern = /^[？?]/
/** Before the slot, a Latin letter; after it, the end of an English contraction or possessive (`I’d`, `don’t`, `vSphere’s`, `we’ve`). */
const letterEndPattern = /[A-Za-z]$/
const contractionPattern = /^(?:s|t|d|m|ve|re|ll)(?![A-Za-z])/
const lineEndPattern = /^[ \t]*(?:\r?\n|$)/
const lineStartPattern = /(?:^|\n)[ \t]*(?:[-*+>#]+[ \t]+|\d+\.[ \t]+)?$/

/** A slot's candidates before the narrowing, and the positions there of those it kept (undefined: all). */
interface Shape {
  all: readonly Candidate[]
  positions: Int32Array | undefined
}

/**
 * The pairs of a slot's candidates with the next slot's that begin words,
 * from the pair table of their shapes, added to the document's pool (see
 * {@link Follow}).
 */
function follow(shape: Shape, shapes: PartShapes, index: number, next: {slot: Slot; shape: Shape}, pool: FollowPool): Follow | undefined {
  // The table finds one candidate per code point: a list that repeats one is walked pair by pair.
  if (!shapes.info(index + 1).distinct) return undefined
  const {hits} = shapes.pairAfter(index)
  // The next slot's candidate by position before its narrowing (stamped scratch).
  const nextPositions = next.shape.positions
  const width = next.shape.all.length
  if (optionStamp.length < width) {
    optionStamp = new Int32Array(width * 2)
    optionOf = new Int32Array(width * 2)
  }
  const stamp = ++optionGeneration
  const nextCount = nextPositions === undefined ? width : nextPositions.length
  for (let option = 0; option < nextCount; option++) {
    const position = nextPositions === undefined ? option : nextPositions[option]!
    optionStamp[position] = stamp
    optionOf[position] = option
  }
  const count = shape.positions === undefined ? shape.all.length : shape.positions.length
  const start = pool.size
  let at = start + count + 1
  reserve(pool, at)
  for (let option = 0; option < count; option++) {
    pool.table[start + option] = at
    const position = shape.positions === undefined ? option : shape.positions[option]!
    const last = hits.start[position + 1]!
    for (let hit = hits.start[position]!; hit < last; hit++) {
      const second = hits.second[hit]!
      if (optionStamp[second] !== stamp) continue
      reserve(pool, at + 2)
      pool.values[at] = hits.values[hit]!
      pool.table[at++] = optionOf[second]!
      pool.table[at++] = hits.nodes[hit]!
    }
  }
  pool.table[start + count] = at
  pool.size = at
  return {next: next.slot, pool, at: start}
}

/** The pairs of the slots of the document being rebuilt (see {@link follow}). */
const followPool: FollowPool = {table: new Int32Array(1024), values: new Float64Array(1024), size: 0}

/** Make room for `size` entries in a pool. */
function reserve(pool: FollowPool, size: number): void {
  if (size <= pool.table.length) return
  const table = new Int32Array(size * 2)
  table.set(pool.table)
  pool.table = table
  const values = new Float64Array(size * 2)
  values.set(pool.values)
  pool.values = values
}

/**
 * The pruned candidate lists of a document's damaged parts (by part), their
 * tables, and the pair tables of adjacent ones: each looked up in the
 * per-lexicon caches once per document, not by every step that needs it.
 */
class PartShapes {
  /** The pruned list of each damaged part (undefined for text). */
  readonly lists: ReadonlyArray<readonly Candidate[] | undefined>
  private readonly infos: Array<CandidateInfo | undefined>
  private readonly pairs: Array<PairTable | undefined>

  constructor(
    parts: readonly Part[],
    private readonly lexicon: Lexicon
  ) {
    this.lists = parts.map((part) => (typeof part === 'string' ? undefined : prune(part.candidates, lexicon)))
    this.infos = new Array<CandidateInfo | undefined>(parts.length)
    this.pairs = new Array<PairTable | undefined>(parts.length)
  }

  /** The table of a damaged part's list. */
  info(index: number): CandidateInfo {
    let info = this.infos[index]
    if (info === undefined) {
      info = candidateInfo(this.lists[index]!, this.lexicon)
      this.infos[index] = info
    }
    return info
  }

  /** The pair table of a damaged part and the damaged part after it. */
  pairAfter(index: number): PairTable {
    let table = this.pairs[index]
    if (table === undefined) {
      table = pairTable(this.lists[index]!, this.lists[index + 1]!, this.lexicon)
      this.pairs[index] = table
    }
    return table
  }
}

/** Scratch of {@link follow}: the next slot's candidate by position (by generation). */
let optionStamp = new Int32Array(1024)
let optionOf = new Int32Array(1024)
let optionGeneration = 0

/**
 * Up to a few characters of text on one side of a part, across fixed parts;
 * a damaged character stands as `X` (it is some character). Undefined at the
 * start or end of the text.
 */
function textAround(parts: readonly Part[], index: number, step: 1 | -1): string | undefined {
  let text = ''
  for (let at = index + step; at >= 0 && at < parts.length && text.length < 8; at += step) {
    const part = parts[at]!
    // Only the part's end nearest the position (a long part is not copied whole).
    const room = 8 - text.length
    const piece = typeof part !== 'string' ? 'X' : part.length <= room ? part : step > 0 ? part.slice(0, room) : part.slice(part.length - room)
    text = step > 0 ? text + piece : piece + text
  }
  if (text === '' && (index + step < 0 || index + step >= parts.length)) return undefined
  return text
}

/**
 * Add the characters of fixed text that matter to the lattice: Han
 * characters, line breaks, Chinese and paired punctuation; any other run
 * becomes one gap unit, which keeps the lattice small.
 */
function pushFixed(units: Unit[], text: string): void {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 0x0a) {
      units.push('\n')
      continue
    }
    // ASCII is never Han, Chinese punctuation or a paired mark.
    if (code >= 0x80) {
      const next = text.charCodeAt(index + 1)
      const wide = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff
      const char = wide ? text.slice(index, index + 2) : text[index]!
      if (wide) index++
      if (isHan(char) || partnerOf(char) !== undefined || (code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef)) {
        units.push(char)
        continue
      }
    }
    if (units[units.length - 1] !== gapUnit) units.push(gapUnit)
  }
}

/**
 * The inner cache kept under `key` in a cache of caches (per lexicon, per
 * candidate list, …), made empty the first time it is asked for.
 *
 * @param caches The outer cache.
 * @param key Its key.
 * @param Empty The inner cache's constructor.
 * @returns The inner cache.
 */
function level<K extends WeakKey, V extends object>(caches: WeakMap<K, V>, key: K, Empty: new () => NoInfer<V>): V {
  let inner = caches.get(key)
  if (inner === undefined) {
    inner = new Empty()
    caches.set(key, inner)
  }
  return inner
}

/**
 * Drop candidates that cannot win: characters the kind prior rules out
 * (format controls, private use, rare Han extensions) and Han characters the
 * lexicon does not know at all, as long as something better remains.
 */
function prune(candidates: readonly Candidate[], lexicon: Lexicon): readonly Candidate[] {
  const cache = level(pruned, lexicon, WeakMap)
  let kept = cache.get(candidates)
  if (kept === undefined) {
    const filtered = candidates.filter((candidate) =>
      isHan(candidate.char) ? lexicon.lookup(candidate.char) !== undefined : classPrior(candidate.char) > -18
    )
    kept = filtered.length > 0 ? filtered : candidates
    cache.set(candidates, kept)
  }
  return kept
}

/** How many candidates of a slot go into the lattice at most (tuned on the matrix's tuning pages, docs/repair.md). */
const keptPerSlot = 12
/** How far below the best local score a candidate may be and still go into the lattice. */
const keptMargin = 6

/** How many of a slot's best candidates alone are kept whatever their neighbours. */
const keptAlone = 3

/**
 * Narrow a slot to its few candidates with the best local score: the best
 * segmentation of a window of one unit on each side that uses the candidate
 * (a word with the character before or after it, or with any candidate of a
 * damaged neighbour, or the candidate as a word by itself), less what the
 * neighbours score alone. The lexicon's words are what picks the right
 * character, and they are in this score; the lattice's cost grows with the
 * number of candidates of adjacent slots (C1 stripped: dozens for most
 * characters, hundreds for a lone lead byte). The candidates kept are those
 * within {@link keptMargin} of the best, {@link keptPerSlot} at most.
 *
 * A candidate's score is its score alone unless a word raises it, and few
 * do: the raised ones and the best few alone are all that is ranked.
 */
function narrow(shapes: PartShapes, parts: readonly Part[], index: number, lexicon: Lexicon): {chars: string[]; positions: Int32Array | undefined; rest: number} {
  const candidates = shapes.lists[index]!
  const info = shapes.info(index)
  if (candidates.length <= keptPerSlot) return {chars: [...info.chars], positions: undefined, rest: 0}
  const raise = raised.start(info)
  const before = parts[index - 1]
  const after = parts[index + 1]
  if (typeof before === 'string') addFixedBefore(raise, info, before, lexicon)
  else if (before !== undefined) addPairs(raise, shapes.pairAfter(index - 1).second)
  if (typeof after === 'string') addFixedAfter(raise, candidates, info, after, lexicon)
  else if (after !== undefined) {
    const pairs = shapes.pairAfter(index)
    addPairs(raise, pairs.first)
    const next = parts[index + 2]
    if (typeof next === 'string') addPairsOnward(raise, candidates, info, pairs, next, lexicon)
  }
  // The best scores: among every raised candidate and the best ones alone,
  // the few best (ties by position), without sorting them all.
  const {stamps, scores, stamp} = raise
  const top = topScratch
  top.count = 0
  for (let rank = 0; rank < raise.count; rank++) top.consider(raise.positions[rank]!, scores[raise.positions[rank]!]!)
  for (let rank = 0, taken = 0; rank < info.bySelf.length && taken < keptPerSlot; rank++) {
    const position = info.bySelf[rank]!
    if (stamps[position] === stamp) continue
    top.consider(position, info.self[position]!)
    taken++
  }
  const best = top.scores[0]!
  const lowest = Math.max(top.scores[top.count - 1]!, best - keptMargin)
  const kept = keptScratch
  let keptCount = 0
  for (let rank = 0; rank < top.count && top.scores[rank]! >= lowest; rank++) kept[keptCount++] = top.positions[rank]!
  for (let rank = 0; rank < keptAlone && rank < info.bySelf.length; rank++) keptCount = keepOnce(kept, keptCount, info.bySelf[rank]!)
  // Box drawing, which only the punctuation grammar tells from quotes (by its runs and lines), never scores well alone.
  for (const code of diagramCodes) {
    const position = info.byCode.get(code)
    if (position >= 0) keptCount = keepOnce(kept, keptCount, position)
  }
  // The mass of the rest relative to the best: every candidate at its score
  // alone, less the kept ones, with the raised ones left out at their raised score.
  let rest = info.selfMass * Math.exp(info.bestSelf - best)
  for (let at = 0; at < keptCount; at++) {
    const position = kept[at]!
    rest -= Math.exp(info.self[position]! - best)
    // A candidate kept only as one of the best alone, below the margin, also
    // counts in the rest (as it always has: the flags are tuned with it).
    const score = stamps[position] === stamp ? scores[position]! : info.self[position]!
    if (score < lowest) rest += Math.exp(score - best)
  }
  for (let at = 0; at < keptCount; at++) keptStamp[kept[at]!] = stamp
  for (let rank = 0; rank < raise.count; rank++) {
    const position = raise.positions[rank]!
    if (keptStamp[position] !== stamp) rest += Math.exp(scores[position]! - best) - Math.exp(info.self[position]! - best)
  }
  // In their order in the list (by insertion: there are a dozen at most).
  const positions = kept.slice(0, keptCount)
  for (let at = 1; at < positions.length; at++) {
    const position = positions[at]!
    let to = at
    for (; to > 0 && positions[to - 1]! > position; to--) positions[to] = positions[to - 1]!
    positions[to] = position
  }
  const chars = new Array<string>(positions.length)
  for (let at = 0; at < positions.length; at++) chars[at] = info.chars[positions[at]!]!
  return {chars, positions, rest: Math.max(0, rest)}
}

/**
 * Add a position to the first `count` kept ones unless it is among them.
 *
 * @returns The new count.
 */
function keepOnce(kept: Int32Array, count: number, position: number): number {
  for (let at = 0; at < count; at++) if (kept[at] === position) return count
  kept[count] = position
  return count + 1
}

/**
 * The candidates of the slot being narrowed that a word raised above their
 * score alone, and their best raised score: a table by position stamped
 * with the slot's generation (never cleared), and the raised positions in
 * the order they were first raised. One instance serves every narrowing.
 */
class Raised {
  stamps = new Int32Array(1024)
  scores = new Float64Array(1024)
  positions = new Int32Array(1024)
  count = 0
  stamp = 0
  private self: Float64Array = new Float64Array(0)

  /** Begin a slot: nothing raised. */
  start(info: CandidateInfo): this {
    const length = info.self.length
    if (this.stamps.length < length) {
      this.stamps = new Int32Array(length * 2)
      this.scores = new Float64Array(length * 2)
      this.positions = new Int32Array(length * 2)
      keptStamp = new Int32Array(length * 2)
    }
    this.stamp++
    this.count = 0
    this.self = info.self
    return this
  }

  /** Raise a candidate to a word's score (kept when higher than its score alone and any raise before). */
  raise(position: number, score: number): void {
    if (this.stamps[position] !== this.stamp) {
      if (score <= this.self[position]!) return
      this.stamps[position] = this.stamp
      this.scores[position] = score
      this.positions[this.count++] = position
    } else if (score > this.scores[position]!) {
      this.scores[position] = score
    }
  }
}

/**
 * The few best of the scores a narrowing considers, best first (ties by
 * position), inserted in place: one instance serves every narrowing.
 */
class Top {
  positions = new Int32Array(keptPerSlot)
  scores = new Float64Array(keptPerSlot)
  count = 0

  consider(position: number, score: number): void {
    const {count, positions, scores} = this
    if (count === keptPerSlot) {
      const last = scores[count - 1]!
      if (score < last || (score === last && position > positions[count - 1]!)) return
    }
    // Insert in place, dropping the last when full.
    let at = count < keptPerSlot ? count : count - 1
    if (count < keptPerSlot) this.count++
    while (at > 0 && (scores[at - 1]! < score || (scores[at - 1] === score && positions[at - 1]! > position))) {
      positions[at] = positions[at - 1]!
      scores[at] = scores[at - 1]!
      at--
    }
    positions[at] = position
    scores[at] = score
  }
}

const raised = new Raised()
const topScratch = new Top()
/** The box drawing a slot always keeps when it has it: `─` and `│` (see `punctuation.ts`). */
const diagramCodes = [0x2500, 0x2502]
/** Scratch of {@link narrow}: the kept positions. */
const keptScratch = new Int32Array(keptPerSlot + keptAlone + diagramCodes.length)
/** Scratch of {@link narrow}: which positions are kept (stamped with the generation of {@link raised}). */
let keptStamp = new Int32Array(1024)

/** What the narrowing needs of a (shared) candidate list, kept per lexicon. */
interface CandidateInfo {
  /** The characters. */
  chars: readonly string[]
  /** Code points. */
  codes: Int32Array
  /** Prior (kind of character, outside evidence). */
  prior: Float64Array
  /** Score as a word by itself: prior plus the lexicon's value (floor for unknown Han). */
  self: Float64Array
  /** Positions by `self`, best first (ties by position). */
  bySelf: Int32Array
  /** The best `self`. */
  bestSelf: number
  /** The sum of `exp(self - bestSelf)` over all candidates. */
  selfMass: number
  /** Candidate position by code point. */
  byCode: CodeIndex
  /** Whether no two candidates have the same code point. */
  distinct: boolean
  /** The lexicon's view of each candidate as a first character (see {@link Lexical}). */
  lexical: Lexical
  /** 1 for a bracket or quote (a character with a partner), else 0. */
  paired: Uint8Array
  /** Whether any candidate is punctuation the grammar weighs (`punctuation.ts`). */
  marks: boolean
  /** The candidates that begin words through a code point after them (see {@link startingWith}), by code point. */
  heads: Map<number, Heads>
}

/**
 * A list's first position of each code point: an open-addressing table in
 * one typed array, code and position side by side (a `Map` of numbers was
 * the narrowing's largest cost where a word's trie node is walked child by
 * child against a lone lead byte's hundreds of candidates).
 */
class CodeIndex {
  /** Pairs of code point (-1: empty) and position. */
  private readonly entries: Int32Array
  /** How many distinct code points. */
  readonly size: number

  constructor(codes: Int32Array) {
    let capacity = 8
    while (capacity < 2 * codes.length) capacity *= 2
    this.entries = new Int32Array(2 * capacity).fill(-1)
    const mask = capacity - 1
    let size = 0
    codes.forEach((code, position) => {
      let slot = hashCode(code) & mask
      while (this.entries[2 * slot] !== -1 && this.entries[2 * slot] !== code) slot = (slot + 1) & mask
      if (this.entries[2 * slot] === code) return
      this.entries[2 * slot] = code
      this.entries[2 * slot + 1] = position
      size++
    })
    this.size = size
  }

  /** The first position of a code point, or -1. */
  get(code: number): number {
    const {entries} = this
    const mask = (entries.length >> 1) - 1
    for (let slot = hashCode(code) & mask; ; slot = (slot + 1) & mask) {
      const found = entries[2 * slot]!
      if (found === code) return entries[2 * slot + 1]!
      if (found === -1) return -1
    }
  }
}

/** Spread a code point over a table (multiplicative hashing). */
function hashCode(code: number): number {
  const hash = Math.imul(code, 0x9e3779b1)
  return hash ^ (hash >>> 16)
}

const infoCache = new WeakMap<Lexicon, WeakMap<readonly Candidate[], CandidateInfo>>()

function candidateInfo(candidates: readonly Candidate[], lexicon: Lexicon): CandidateInfo {
  const byList = level(infoCache, lexicon, WeakMap)
  let info = byList.get(candidates)
  if (info === undefined) {
    const codes = Int32Array.from(candidates, (candidate) => candidate.char.codePointAt(0)!)
    const prior = Float64Array.from(candidates, (candidate) => classPrior(candidate.char) + (candidate.bonus ?? 0))
    const self = Float64Array.from(candidates, (candidate, position) =>
      prior[position]! + (isHan(candidate.char) ? (lexicon.trie(candidate.char)?.value(0) ?? lexicon.floor) : 0))
    const bySelf = Int32Array.from(candidates.keys()).sort((a, b) => self[b]! - self[a]! || a - b)
    const byCode = new CodeIndex(codes)
    const bestSelf = self[bySelf[0]!]!
    let selfMass = 0
    for (const score of self) selfMass += Math.exp(score - bestSelf)
    const tries = candidates.map((candidate) => lexicon.trie(candidate.char))
    const lexical: Lexical = {
      words: Float64Array.from(tries, (trie) => trie?.value(0) ?? Number.NaN),
      onward: Uint8Array.from(tries, (trie) => (trie === undefined ? 0 : trie.hasChildren(0) ? 2 : 1))
    }
    const paired = Uint8Array.from(candidates, (candidate) => (partnerOf(candidate.char) === undefined ? 0 : 1))
    const marks = candidates.some((candidate) => isGrammarMark(candidate.char))
    info = {chars: candidates.map((candidate) => candidate.char), codes, prior, self, bySelf, bestSelf, selfMass, byCode, distinct: byCode.size === codes.length, lexical, paired, marks, heads: new Map()}
    byList.set(candidates, info)
  }
  return info
}

/**
 * Candidates raised by words with one neighbour: positions and their raised
 * score (the best word's, with both characters' priors, less the
 * neighbour's best score alone), only those above the candidate's score
 * alone (a raise to less changes nothing), in the order of the words found.
 */
interface Raises {
  positions: Int32Array
  scores: Float64Array
  /** The neighbour's best score alone. */
  otherSelf: number
}

/**
 * For two adjacent damaged characters, the best two-character word of each
 * candidate with any candidate of the other: `first` for the candidates of
 * the first list, `second` for the second's. Kept per lexicon and pair of
 * (shared) lists: a document repeats its damaged shapes.
 */
interface PairTable {
  first: Raises
  second: Raises
  /** The pairs that begin longer words: candidate of the first list, of the second, and the trie node of the two. */
  onward: {first: Int32Array; second: Int32Array; nodes: Int32Array}
  /** The second list's priors. */
  secondPrior: Float64Array
  /** The raises of {@link addPairsOnward}, by the intact characters after the pair. */
  onwardRaises: Map<string, {positions: Int32Array; scores: Float64Array}>
  /**
   * Every pair that begins a word or is one: for candidate `i` of the first
   * list, the entries `start[i]` to `start[i + 1]` of `second` (in
   * increasing order), `nodes` (the node of the two in the trie of `i`, -1
   * when no longer word goes through it) and `values` (the word's, NaN when
   * the two are no word).
   */
  hits: {start: Int32Array; second: Int32Array; nodes: Int32Array; values: Float64Array}
}

const pairCache = new WeakMap<Lexicon, WeakMap<readonly Candidate[], WeakMap<readonly Candidate[], PairTable>>>()

function pairTable(first: readonly Candidate[], second: readonly Candidate[], lexicon: Lexicon): PairTable {
  const bySecond = level(level(pairCache, lexicon, WeakMap), first, WeakMap)
  let table = bySecond.get(second)
  if (table === undefined) {
    const one = candidateInfo(first, lexicon)
    const two = candidateInfo(second, lexicon)
    const bestFirst = new Map<number, number>()
    const bestSecond = new Map<number, number>()
    const onward: {first: number[]; second: number[]; nodes: number[]} = {first: [], second: [], nodes: []}
    const hitStart = new Int32Array(first.length + 1)
    const hitSecond: number[] = []
    const hitNodes: number[] = []
    const hitValues: number[] = []
    const pair = (i: number, j: number, node: number, trie: LexiconTrie): void => {
      const onwards = trie.hasChildren(node) ? node : -1
      const word = trie.value(node) ?? Number.NaN
      // In increasing order of `j` (the trie's children come by code point).
      let at = hitSecond.length
      hitSecond.push(j)
      hitNodes.push(onwards)
      hitValues.push(word)
      while (at > hitStart[i]! && hitSecond[at - 1]! > j) {
        hitSecond[at] = hitSecond[at - 1]!
        hitNodes[at] = hitNodes[at - 1]!
        hitValues[at] = hitValues[at - 1]!
        at--
      }
      hitSecond[at] = j
      hitNodes[at] = onwards
      hitValues[at] = word

      if (trie.hasChildren(node)) {
        onward.first.push(i)
        onward.second.push(j)
        onward.nodes.push(node)
      }
      const value = trie.value(node)
      if (value === undefined) return
      if (value + two.prior[j]! > (bestFirst.get(i) ?? Number.NEGATIVE_INFINITY)) bestFirst.set(i, value + two.prior[j]!)
      if (value + one.prior[i]! > (bestSecond.get(j) ?? Number.NEGATIVE_INFINITY)) bestSecond.set(j, value + one.prior[i]!)
    }
    first.forEach((candidate, i) => {
      hitStart[i] = hitSecond.length
      const trie = lexicon.trie(candidate.char)
      if (trie === undefined) return
      if (trie.childCount(0) < second.length) {
        trie.forEachChild(0, (code, node) => {
          const j = two.byCode.get(code)
          if (j >= 0) pair(i, j, node, trie)
        })
      } else {
        two.codes.forEach((code, j) => {
          const node = trie.child(0, code)
          if (node >= 0) pair(i, j, node, trie)
        })
      }
    })
    hitStart[first.length] = hitSecond.length
    // The raise is worked out here, once per pair of shapes (the same sum as before, in the same order).
    const raises = (found: Map<number, number>, own: CandidateInfo, otherSelf: number): Raises => {
      const positions: number[] = []
      const scores: number[] = []
      for (const [position, best] of found) {
        const score = best + own.prior[position]! - otherSelf
        if (score <= own.self[position]!) continue
        positions.push(position)
        scores.push(score)
      }
      return {positions: Int32Array.from(positions), scores: Float64Array.from(scores), otherSelf}
    }
    table = {
      first: raises(bestFirst, one, two.bestSelf),
      second: raises(bestSecond, two, one.bestSelf),
      onward: {first: Int32Array.from(onward.first), second: Int32Array.from(onward.second), nodes: Int32Array.from(onward.nodes)},
      secondPrior: two.prior,
      onwardRaises: new Map(),
      hits: {start: hitStart, second: Int32Array.from(hitSecond), nodes: Int32Array.from(hitNodes), values: Float64Array.from(hitValues)}
    }
    bySecond.set(second, table)
  }
  return table
}

/** Raise candidates to their best word with a damaged neighbour, less the neighbour's best score alone (see {@link Raises}). */
function addPairs(raise: Raised, side: Raises): void {
  const {positions, scores} = side
  for (let index = 0; index < positions.length; index++) raise.raise(positions[index]!, scores[index]!)
}

/**
 * Raise candidates to their best word that begins with them, goes through a
 * candidate of the damaged neighbour after them and on into the intact text
 * after that (`应用程序` across `应`, `用` and the intact `程序`), less the
 * neighbour's best score alone and the intact characters' scores alone.
 */
function addPairsOnward(raise: Raised, candidates: readonly Candidate[], info: CandidateInfo, pairs: PairTable, next: string, lexicon: Lexicon): void {
  const {first, second, nodes} = pairs.onward
  if (first.length === 0) return
  const codes: number[] = []
  const chars: string[] = []
  for (const char of next) {
    if (codes.length === 2 || !isHan(char)) break
    codes.push(char.codePointAt(0)!)
    chars.push(char)
  }
  if (codes.length === 0) return
  // The same pair of shapes before the same intact characters recurs: its raises are kept.
  const key = chars.join('')
  let found = pairs.onwardRaises.get(key)
  if (found === undefined) {
    const alone = chars.map((char) => lexicon.trie(char)?.value(0) ?? lexicon.floor)
    const positions: number[] = []
    const scores: number[] = []
    for (let index = 0; index < first.length; index++) {
      const position = first[index]!
      const trie = lexicon.trie(candidates[position]!.char)!
      let node = nodes[index]!
      let spent = pairs.first.otherSelf
      for (let offset = 0; offset < codes.length; offset++) {
        node = trie.child(node, codes[offset]!)
        if (node < 0) break
        spent += alone[offset]!
        const value = trie.value(node)
        if (value !== undefined) {
          positions.push(position)
          scores.push(value + info.prior[position]! + pairs.secondPrior[second[index]!]! - spent)
        }
      }
    }
    found = {positions: Int32Array.from(positions), scores: Float64Array.from(scores)}
    if (pairs.onwardRaises.size >= 256) pairs.onwardRaises.clear()
    pairs.onwardRaises.set(key, found)
  }
  for (let index = 0; index < found.positions.length; index++) raise.raise(found.positions[index]!, found.scores[index]!)
}

/**
 * Raise candidates to their best word that ends with them and begins in the
 * intact text before (up to three characters back), less the intact
 * characters' scores alone.
 */
function addFixedBefore(raise: Raised, info: CandidateInfo, before: string, lexicon: Lexicon): void {
  const chars = [...before.slice(-6)].slice(-3)
  for (let start = chars.length - 1; start >= 0; start--) {
    if (!isHan(chars[start]!)) break
    const trie = lexicon.trie(chars[start]!)
    if (trie === undefined) continue
    let node = 0
    let alone = 0
    for (const [offset, char] of chars.slice(start).entries()) {
      alone += lexicon.trie(char)?.value(0) ?? lexicon.floor
      if (offset > 0) node = trie.child(node, char.codePointAt(0)!)
      if (node < 0) break
    }
    if (node < 0) continue
    const word = (position: number, child: number): void => {
      const value = trie.value(child)
      if (value !== undefined) raise.raise(position, value + info.prior[position]! - alone)
    }
    if (trie.childCount(node) < info.codes.length) {
      trie.forEachChild(node, (code, child) => {
        const position = info.byCode.get(code)
        if (position >= 0) word(position, child)
      })
    } else {
      info.codes.forEach((code, position) => {
        const child = trie.child(node, code)
        if (child >= 0) word(position, child)
      })
    }
  }
}

/**
 * Raise candidates to their best word that begins with them and goes on into
 * the intact text after (up to three characters), less the intact
 * characters' scores alone.
 */
function addFixedAfter(raise: Raised, candidates: readonly Candidate[], info: CandidateInfo, after: string, lexicon: Lexicon): void {
  const chars: string[] = []
  for (const char of after) {
    if (chars.length === 3 || !isHan(char)) break
    chars.push(char)
  }
  if (chars.length === 0) return
  const codes = chars.map((char) => char.codePointAt(0)!)
  const alone = chars.map((char) => lexicon.trie(char)?.value(0) ?? lexicon.floor)
  const heads = startingWith(candidates, info, codes[0]!, lexicon)
  for (let index = 0; index < heads.positions.length; index++) {
    const position = heads.positions[index]!
    let node = heads.nodes[index]!
    const trie = heads.tries[index]!
    let spent = 0
    for (let offset = 0; offset < codes.length && node >= 0; offset++) {
      if (offset > 0) node = trie.child(node, codes[offset]!)
      if (node < 0) break
      spent += alone[offset]!
      const value = trie.value(node)
      if (value !== undefined) raise.raise(position, value + info.prior[position]! - spent)
    }
  }
}

/** The candidates of a list that begin a word with a code point after them: their positions, tries and the tries' nodes there. */
interface Heads {
  positions: Int32Array
  tries: LexiconTrie[]
  nodes: Int32Array
}

/**
 * The candidates that begin a word with a code point after them, kept per
 * list (in its table) and code point: the same lone lead byte before the
 * same character is worked out once.
 */
function startingWith(candidates: readonly Candidate[], info: CandidateInfo, code: number, lexicon: Lexicon): Heads {
  let heads = info.heads.get(code)
  if (heads === undefined) {
    const positions: number[] = []
    const tries: LexiconTrie[] = []
    const nodes: number[] = []
    candidates.forEach((candidate, position) => {
      const trie = lexicon.trie(candidate.char)
      const node = trie?.child(0, code) ?? -1
      if (node >= 0) {
        positions.push(position)
        tries.push(trie!)
        nodes.push(node)
      }
    })
    heads = {positions: Int32Array.from(positions), tries, nodes: Int32Array.from(nodes)}
    info.heads.set(code, heads)
  }
  return heads
}

/** Pruned candidate lists per lexicon, by the (shared) list of completions. */
const pruned = new WeakMap<Lexicon, WeakMap<readonly Candidate[], readonly Candidate[]>>()

/**
 * Class prior, outside evidence, and the pairing of brackets and quotes: a
 * bonus when the partner is intact on the same line (`【` before `】`), a
 * penalty when no partner, intact or among the candidates of another damaged
 * character, is in the paragraph at all (an opening `『` that nothing closes).
 */
function basePriors(units: readonly Unit[], shape: Shape, info: CandidateInfo, at: number, paired: ReadonlySet<Slot>): number[] {
  const count = shape.positions === undefined ? shape.all.length : shape.positions.length
  const priors = new Array<number>(count)
  for (let option = 0; option < count; option++) {
    const position = shape.positions === undefined ? option : shape.positions[option]!
    let prior = info.prior[position]!
    if (info.paired[position] === 1) {
      const pairing = partnerOf(shape.all[position]!.char)!
      const found = findPartner(units, at, pairing.partner, pairing.direction, paired)
      if (found === 'line') prior += pairingBonus
      else if (found === 'none') prior -= pairingBonus
    }
    priors[option] = prior
  }
  return priors
}

/**
 * The end of a paragraph, a list item or a heading: a blank line, the end of
 * the text, or a line that starts another block. Soft-wrapped lines go on
 * mid-sentence, so a single line break says nothing.
 */
const paragraphEnd = /^[ \t]*(?:\r?\n[ \t]*(?:\r?\n|$|[-*+>#|]|\d+\.\s|```|<!--|\{\{)|$)/

/** Punctuation that never ends a line, even a soft-wrapped one (it opens something or lists). */
const neverLineFinal = new Set([...'、（《【「『“‘〈'])
/** Punctuation that goes on after it: no paragraph ends with it. */
const neverFinal = new Set([...neverLineFinal, ...'，；'])
/** Punctuation that never begins a line. */
const neverInitial = new Set([...'、，。：；！？）》】」』”’〉'])
/** Weight of the line-position prior of punctuation. */
const linePositionWeight = 3

/**
 * Punctuation by its place on the line: a line never ends with `、` or an
 * opener, and a paragraph (a list item, a heading) never with `，`; a line
 * ends with `。` more often than with any other mark of its block; a line
 * never begins with a closer or a pause. A single line break may be a soft
 * wrap in the middle of a sentence, so `，` is fine there.
 */
function addLinePosition(slot: Slot, lineEnd: boolean, paragraphEnd: boolean, lineStart: boolean): void {
  slot.candidates.forEach((char, index) => {
    if (lineEnd && (paragraphEnd ? neverFinal : neverLineFinal).has(char)) slot.priors[index]! -= linePositionWeight
    if (lineEnd && char === '。') slot.priors[index]! += 1
    if (lineStart && neverInitial.has(char)) slot.priors[index]! -= linePositionWeight
  })
}

/** Prior for the apostrophe in an English contraction. */
const apostropheBonus = 6

/**
 * A damaged mark between a word and the end of an English contraction or
 * possessive (`I’d`, `don’t`, `it’s`, `vSphere’s`) is the apostrophe `’`:
 * English quoted in a Chinese post keeps its typography, and UTF-8 read as
 * Latin-1 without its C1 controls leaves `’` (E2 80 99) only its lead byte,
 * one of a thousand characters among which the Chinese prior prefers `“`.
 */
function addApostrophe(slot: Slot): void {
  slot.candidates.forEach((char, index) => {
    if (char === '’') slot.priors[index]! += apostropheBonus
  })
}

/** Prior for a classifier after a number, and for a sentence particle before a question mark. */
const grammarBonus = 2

/**
 * Two places where the part of speech is all but certain, by the lexicon's
 * tags of one-character words: after a number (`24 位`, `一台`) comes a
 * classifier (`q`), and before a question mark a particle (`y`: `吗`, `呢`).
 */
function addGrammar(units: readonly Unit[], slot: Slot, at: number, lexicon: Lexicon, afterNumber: boolean, beforeQuestion: boolean): void {
  const previous = units[at - 1]
  const numeral = afterNumber || (typeof previous === 'string' && isHan(previous) && lexicon.charTag(previous) === 'm')
  if (!numeral && !beforeQuestion) return
  slot.candidates.forEach((char, index) => {
    const tag = lexicon.charTag(char)
    if ((numeral && tag === 'q') || (beforeQuestion && tag === 'y')) slot.priors[index]! += grammarBonus
  })
}

/**
 * Where the partner of a bracket is: intact on the same line, anywhere in the
 * paragraph (intact, or a candidate of another damaged character), or nowhere.
 * Only an intact partner earns the bonus: damaged ones would vouch for each other.
 */
function findPartner(units: readonly Unit[], at: number, partner: string, direction: 'after' | 'before', paired: ReadonlySet<Slot>): 'line' | 'paragraph' | 'none' {
  const step = direction === 'after' ? 1 : -1
  const self = partnerOf(partner)?.partner
  let sameLine = true
  // Pairs nested or closed in between are skipped: `（或代码）…组件）` has no partner.
  let depth = 0
  for (let position = at + step; position >= 0 && position < units.length; position += step) {
    const unit = units[position]!
    if (unit === '\n') {
      // A blank line ends the paragraph.
      if (!sameLine && lineIsBlank(units, position, step)) return 'none'
      sameLine = false
      continue
    }
    if (unit === self && self !== partner) {
      depth++
      continue
    }
    if (unit === partner && depth > 0) {
      depth--
      continue
    }
    if (unit === partner) return sameLine ? 'line' : 'paragraph'
    // (Only a slot with a bracket or quote among its candidates can have the partner.)
    if (typeof unit !== 'string' && paired.has(unit) && unit.candidates.includes(partner)) return 'paragraph'
  }
  return 'none'
}

/** Whether the units between this line break and the previous one (walking by `step`) are only gaps. */
function lineIsBlank(units: readonly Unit[], position: number, step: number): boolean {
  for (let index = position - step; index >= 0 && index < units.length; index -= step) {
    const unit = units[index]!
    if (unit === '\n') return true
    if (unit !== gapUnit) return false
  }
  return true
}

/**
 * Add the context model's score of each candidate of a slot, from the units
 * around it in its clause. A character the corpus hardly has gets no credit
 * for its ignorance: it scores as the worst of the well-known candidates.
 */
function addContext(units: readonly Unit[], slot: Slot, shape: Shape, at: number, model: ContextModel, weight: number): void {
  const count = slot.candidates.length
  if (count < 2) return
  // Which candidates the model knows, by position in the shape's list (see `trusted`).
  const known = trusted(shape, model)
  const {positions} = shape
  let any = false
  for (let option = 0; option < count && !any; option++) any = known[positions === undefined ? option : positions[option]!] === 1
  if (!any) return
  const window = model.window(clauseSide(units, at, -1, frameReach, leftScratch), clauseSide(units, at, 1, frameReach, rightScratch))
  if (contextScratch.length < count) contextScratch = new Float64Array(2 * count)
  const scores = contextScratch
  let worst = 0
  for (let option = 0; option < count; option++) {
    const trust = known[positions === undefined ? option : positions[option]!] === 1
    scores[option] = trust ? model.scoreIn(slot.candidates[option]!, window) : 0
    if (trust) worst = Math.min(worst, scores[option]!)
  }
  for (let option = 0; option < count; option++) {
    if (isHan(slot.candidates[option]!)) slot.priors[option]! += weight * (known[positions === undefined ? option : positions[option]!] === 1 ? scores[option]! : worst)
  }
}

/** Scratch of {@link addContext}: the scores of a slot's candidates, and the clause on each side. */
let contextScratch = new Float64Array(64)
const leftScratch: string[] = []
const rightScratch: string[] = []

/** Which candidates of a shape's list the context model knows well enough, 1 or 0 by position (kept per model and list). */
function trusted(shape: Shape, model: ContextModel): Uint8Array {
  const cache = level(trustedCache, model, WeakMap)
  let known = cache.get(shape.all)
  if (known === undefined) {
    known = Uint8Array.from(shape.all, ({char}) => (isHan(char) && model.count(char) >= minimumCount ? 1 : 0))
    cache.set(shape.all, known)
  }
  return known
}

const trustedCache = new WeakMap<ContextModel, WeakMap<readonly Candidate[], Uint8Array>>()

/** Occurrences in the corpus below which a character's context score is not trusted. */
const minimumCount = 50

/** The units of the clause on one side of a position, nearest first: Han, gap, or unknown for a slot (written into `side`). */
function clauseSide(units: readonly Unit[], at: number, step: number, reach: number, side: string[]): string[] {
  // (Emptied by popping, which keeps its backing store; see `readPieceInto`.)
  while (side.length > 0) side.pop()
  for (let position = at + step; position >= 0 && position < units.length && side.length < reach; position += step) {
    const unit = units[position]!
    if (typeof unit !== 'string') side.push(unknown)
    else if (unit === gapUnit || isHan(unit)) side.push(unit)
    else break
  }
  return side
}
