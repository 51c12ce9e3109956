/**
 * Choose among the candidates of damaged characters with a word-level
 * language model: the text around them is segmented into lexicon words
 * (unigram model, as jieba segments), jointly over all choices, and each
 * candidate is scored by the best segmentation that uses it (max-marginal,
 * by a forward and a backward Viterbi pass).
 */
import type {WordCache} from '../model/document-cache.js'
import type {Lexicon, LexiconTrie} from '../model/lexicon.js'

/** A damaged position with its candidates. */
export interface Slot {
  /** Candidate characters. */
  candidates: string[]
  /** Additive natural-log prior per candidate (kind of character, bytes assumed, pairing). */
  priors: number[]
  /**
   * Candidates left out before the lattice, as their estimated probability
   * mass relative to the best candidate's (0 or absent for none): they lower
   * the confidence as they would have in the lattice.
   */
  rest?: number
  /**
   * The two-character word beginnings of this slot's candidates with the
   * candidates of the slot right after it, when known beforehand (the
   * narrowing's pair tables): they spare the walk a trie look-up for every
   * pair. Absent, the walk looks every pair up.
   */
  follow?: Follow | undefined
  /** What the lexicon says of each candidate as a word's first character, when known beforehand (else looked up). */
  lexical?: Lexical | undefined
  /** The entry of each candidate in `lexical` (absent: the candidate's own index). */
  entries?: Int32Array | undefined
}

/**
 * The lexicon's view of candidates as first characters, in tables that every
 * slot of the same shape shares (`Slot.entries` says where each candidate
 * is). Computed with the lexicon the lattice is chosen with.
 */
export interface Lexical {
  /** The character's value as a word by itself (NaN when it is none). */
  words: Float64Array
  /** 0 when no word begins with the character, 1 when only the character itself is one, 2 when longer words begin with it. */
  onward: Uint8Array
}

/**
 * Which candidates of the next slot continue a word from each candidate of a
 * slot, in a table that the slots of a document share: for candidate `a`,
 * the entries from `table[at + a]` up to `table[at + a + 1]` are pairs of the
 * next slot's candidate `b` (in increasing order) and the node the two reach
 * in the trie of `a`'s character (`lexicon.trie(a).child(0, b)`), or -1 when
 * no longer word goes through them; `values` has, at the index of `b`, the
 * two's value as a word (NaN for none). These are every pair the walk would
 * find by looking them up.
 */
export interface Follow {
  /** The slot these pairs lead into (they hold only while it is the next unit). */
  next: Slot
  /** The document's table. */
  pool: FollowPool
  /** Where this slot's offsets are in the table. */
  at: number
}

/** The pairs of the slots of a document (see {@link Follow}); grown as they are added. */
export interface FollowPool {
  table: Int32Array
  values: Float64Array
  /** Entries in use. */
  size: number
}

/** A unit of the lattice: a fixed character or a slot. */
export type Unit = string | Slot

/** The unit that stands for a run of text the lattice does not need (ASCII, other scripts). */
export const gapUnit = ' '

/** The outcome for one slot. */
export interface SlotChoice {
  /** Index of the chosen candidate. */
  best: number
  /** Indices of the best candidates (up to {@link orderKept}), best first; ties by index. */
  order: number[]
  /** Max-marginal log score per candidate. */
  scores: number[]
  /** Posterior-like probability of the chosen candidate (softmax of the scores). */
  confidence: number
}

const maxBranches = 256

/**
 * Whether a character is a Han ideograph (any block).
 *
 * @param char One character.
 * @returns True for Han.
 */
export function isHan(char: string): boolean {
  const code = char.charCodeAt(0)
  if (code >= 0x4e00 && code <= 0x9fff) return true
  if (code < 0x2e80) return false
  return hanPattern.test(char)
}

const hanPattern = /^\p{Script=Han}$/u

/**
 * The words of a segment's lattice, in parallel typed arrays (one entry per
 * word, no object each): where it starts and ends, its score, and the slots
 * it covers as pairs of unit offset (from its start) and candidate index,
 * kept one after the other in `pool` from `picks[word]` to `picks[word + 1]`.
 * One instance is reused by every segment (the lattice is chosen one segment
 * at a time): `size` and `poolSize` say how much of it is in use.
 */
class Edges {
  from = new Int32Array(1024)
  to = new Int32Array(1024)
  cost = new Float64Array(1024)
  /** Where each word's pairs begin in `pool`, and (after the last word) where the pool ends. */
  picks = new Int32Array(1024)
  pool = new Int32Array(4096)
  size = 0
  poolSize = 0

  /** Forget every word. */
  clear(): void {
    this.size = 0
    this.poolSize = 0
  }

  /** Add a word; its pairs follow with {@link Edges.pick}. */
  add(from: number, to: number, cost: number): void {
    if (this.size + 1 >= this.from.length) this.grow()
    this.from[this.size] = from
    this.to[this.size] = to
    this.cost[this.size] = cost
    this.picks[this.size] = this.poolSize
    this.size++
  }

  /** Add a pair of unit offset and candidate to the last word. */
  pick(offset: number, option: number): void {
    if (this.poolSize + 2 > this.pool.length) this.pool = widen(this.pool, this.pool.length * 2)
    this.pool[this.poolSize++] = offset
    this.pool[this.poolSize++] = option
  }

  /** Close the list: the pool's end after the last word. */
  close(): void {
    if (this.size + 1 >= this.from.length) this.grow()
    this.picks[this.size] = this.poolSize
  }

  private grow(): void {
    const length = this.from.length * 2
    this.from = widen(this.from, length)
    this.to = widen(this.to, length)
    this.cost = widen(this.cost, length)
    this.picks = widen(this.picks, length)
  }
}

/**
 * A copy of a typed array, longer.
 *
 * @param array The array.
 * @param length The new length (at least the array's).
 * @returns The copy, zero after the array's entries.
 */
export function widen<T extends Int32Array | Float64Array>(array: T, length: number): T {
  const wider = new (array.constructor as new (length: number) => T)(length)
  wider.set(array)
  return wider
}

/** The costs of the walks (see `Walk.costs`), shared by every segment. */
const walkCosts = new Float64Array(64)

/** The edges of the segment being chosen (see {@link Edges}). */
const segmentEdges = new Edges()

/** Scratch of a segment, by position: reused, longer when needed. */
let forwardScratch = new Float64Array(1024)
let backwardScratch = new Float64Array(1024)
let singlesScratch = new Float64Array(1024)
/** Where each position's candidates begin in {@link slotSinglesScratch}, and (last) where they end. */
let slotStartScratch = new Int32Array(1024)
let slotSinglesScratch = new Float64Array(4096)
/** The max-marginals of a segment's candidates, laid out as {@link slotSinglesScratch}. */
let marginalScratch = new Float64Array(4096)

/**
 * Score every slot of a lattice.
 *
 * @param units Fixed characters and slots, in text order.
 * @param lexicon The lexicon.
 * @param cache The document's own words, as a bonus per edge (default: none).
 * @returns One choice per slot, in the order the slots appear.
 */
export function chooseInLattice(units: readonly Unit[], lexicon: Lexicon, cache?: WordCache): SlotChoice[] {
  const choices: SlotChoice[] = []
  let index = 0
  while (index < units.length) {
    if (!linkable(units[index]!)) {
      index++
      continue
    }
    let end = index
    while (end < units.length && linkable(units[end]!)) end++
    let damaged = false
    for (let position = index; position < end && !damaged; position++) damaged = typeof units[position] !== 'string'
    if (damaged) {
      for (const choice of chooseSegment(units.slice(index, end), lexicon, {before: units[index - 1], after: units[end], offset: index, cache})) choices.push(choice)
    }
    index = end
  }
  return choices
}

function linkable(unit: Unit): boolean {
  return typeof unit !== 'string' || isHan(unit)
}

/** The units just outside a segment, where it starts, and the document cache. */
interface Context {
  before: Unit | undefined
  after: Unit | undefined
  offset: number
  cache: WordCache | undefined
}

function chooseSegment(units: readonly Unit[], lexicon: Lexicon, context: Context): SlotChoice[] {
  const count = units.length
  const edges = segmentEdges
  edges.clear()
  if (forwardScratch.length < count + 1) {
    forwardScratch = new Float64Array(2 * (count + 1))
    backwardScratch = new Float64Array(2 * (count + 1))
    singlesScratch = new Float64Array(2 * (count + 1))
    slotStartScratch = new Int32Array(2 * (count + 1))
  }
  const slotStart = slotStartScratch
  let width = 0
  for (let position = 0; position < count; position++) {
    slotStart[position] = width
    const unit = units[position]!
    if (typeof unit !== 'string') width += unit.candidates.length
  }
  slotStart[count] = width
  if (slotSinglesScratch.length < width) slotSinglesScratch = new Float64Array(2 * width)
  const singles = singlesScratch.fill(Number.NEGATIVE_INFINITY, 0, count)
  const slotSingles = slotSinglesScratch.fill(Number.NEGATIVE_INFINITY, 0, width)
  // One walk state for every start (its stacks are empty again after each).
  const state: Walk = {units, from: 0, lexicon, tries: trieTable(lexicon), edges, singles, slotSingles, slotStart, context, picks: [], costs: walkCosts, slots: 0, branches: 0, chars: [], cached: false, affinities: affinityTable(lexicon), trie: undefined}
  for (let from = 0; from < count; from++) {
    state.from = from
    state.branches = 0
    state.costs[0] = 0
    walk(state, from, -1)
  }
  const size = edges.size
  edges.close()
  const forward = forwardScratch.fill(Number.NEGATIVE_INFINITY, 0, count + 1)
  const backward = backwardScratch.fill(Number.NEGATIVE_INFINITY, 0, count + 1)
  forward[0] = 0
  backward[count] = 0
  // Edges come out ordered by `from`, which is a topological order both ways.
  // The one-character words of a position are its best one (adding the same
  // number to each keeps their order exactly).
  for (let position = 0, edge = 0; position < count; position++) {
    const single = forward[position]! + singles[position]!
    if (single > forward[position + 1]!) forward[position + 1] = single
    for (; edge < size && edges.from[edge] === position; edge++) {
      const score = forward[position]! + edges.cost[edge]!
      if (score > forward[edges.to[edge]!]!) forward[edges.to[edge]!] = score
    }
  }
  for (let position = count - 1, edge = size - 1; position >= 0; position--) {
    for (; edge >= 0 && edges.from[edge] === position; edge--) {
      const score = backward[edges.to[edge]!]! + edges.cost[edge]!
      if (score > backward[position]!) backward[position] = score
    }
    const single = backward[position + 1]! + singles[position]!
    if (single > backward[position]!) backward[position] = single
  }
  // Each candidate's max-marginal, by position and candidate as in `slotSingles`.
  if (marginalScratch.length < width) marginalScratch = new Float64Array(2 * width)
  const marginals = marginalScratch.fill(Number.NEGATIVE_INFINITY, 0, width)
  // A candidate as a word by itself.
  for (let position = 0; position < count; position++) {
    const first = slotStart[position]!
    const last = slotStart[position + 1]!
    for (let at = first; at < last; at++) {
      const total = forward[position]! + slotSingles[at]! + backward[position + 1]!
      if (total > marginals[at]!) marginals[at] = total
    }
  }
  const {picks, pool} = edges
  for (let edge = 0; edge < size; edge++) {
    const first = picks[edge]!
    const last = picks[edge + 1]!
    if (first === last) continue
    const from = edges.from[edge]!
    const total = forward[from]! + edges.cost[edge]! + backward[edges.to[edge]!]!
    for (let index = first; index < last; index += 2) {
      const at = slotStart[from + pool[index]!]! + pool[index + 1]!
      if (total > marginals[at]!) marginals[at] = total
    }
  }
  const choices: SlotChoice[] = []
  for (let position = 0; position < count; position++) {
    if (typeof units[position] === 'string') continue
    const first = slotStart[position]!
    const scores = new Array<number>(slotStart[position + 1]! - first)
    for (let option = 0; option < scores.length; option++) scores[option] = marginals[first + option]!
    const order = bestFirst(scores, orderKept)
    const top = scores[order[0]!]!
    let sum = 0
    for (const score of scores) sum += Math.exp(score - top)
    sum += (units[position] as Slot).rest ?? 0
    choices.push({best: order[0]!, order, scores, confidence: 1 / sum})
  }
  return choices
}

/** How many candidates a slot's `order` lists: the choice and its runner-ups. */
export const orderKept = 8

/**
 * The indices of the `count` highest scores, highest first, ties by index:
 * what a full sort would put first, without sorting hundreds of candidates
 * (a lone lead byte's) to name three runner-ups.
 */
function bestFirst(scores: readonly number[], count: number): number[] {
  // Every candidate goes in until it is full: its length is known from the start.
  const best = new Array<number>(Math.min(count, scores.length))
  let size = 0
  for (let candidate = 0; candidate < scores.length; candidate++) {
    const score = scores[candidate]!
    if (size === count && score <= scores[best[count - 1]!]!) continue
    // Insert in place (no splice): shift the lower ones down, dropping the last when full.
    let at = size < count ? size : count - 1
    if (size < count) best[size++] = candidate
    while (at > 0 && scores[best[at - 1]!]! < score) {
      best[at] = best[at - 1]!
      at--
    }
    best[at] = candidate
  }
  return best
}

const affinityWeight = 0.75

/**
 * A rebuilt character standing alone before punctuation, a line end, other
 * text or a particle (的, 了) ends a phrase; after punctuation or a line
 * start it begins one. Favour characters that end (or begin) words often, by
 * the share of word-final (or word-initial) uses in the lexicon: this is what
 * tells `环境中的` from `环境不的`. Latin text before a character does not
 * count as a start (`vSphere 中` is a noun and its suffix); Latin text after
 * it favours characters that stand alone as words (`与 vSphere`).
 */
function boundaryAffinity(place: number, char: string, affinities: AffinityTable): number {
  const atEnd = (place & atEndPlace) !== 0
  const atStart = (place & atStartPlace) !== 0
  const beforeLatin = (place & beforeLatinPlace) !== 0
  if (!atEnd && !atStart && !beforeLatin) return 0
  const affinity = affinities.of(char)
  let score = 0
  if (beforeLatin) score += affinity.alone
  if (atEnd && affinity.end !== undefined) score += affinity.end
  if (atStart && !beforeLatin) score += affinity.start
  return affinityWeight * score
}

/**
 * Where a position stands for {@link boundaryAffinity}, the same for every
 * candidate there (worked out once per position): a sum of
 * {@link atEndPlace}, {@link atStartPlace} and {@link beforeLatinPlace}.
 */
function boundaryPlace(units: readonly Unit[], position: number, affinities: AffinityTable, context: Context): number {
  const next = position + 1 < units.length ? units[position + 1] : context.after
  const previous = position > 0 ? units[position - 1] : context.before
  const atEnd = next === undefined || (typeof next === 'string' && next !== gapUnit && (!isHan(next) || affinities.of(next).particle))
  const atStart = previous === undefined || (typeof previous === 'string' && !isHan(previous) && previous !== gapUnit)
  // Before Latin text (a name or term: `与 vSphere`), a lone character is
  // mostly a function word that stands alone.
  const beforeLatin = next === gapUnit
  return (atEnd ? atEndPlace : 0) + (atStart ? atStartPlace : 0) + (beforeLatin ? beforeLatinPlace : 0)
}

/** The place of a position that ends a phrase (see {@link boundaryPlace}). */
const atEndPlace = 1
/** … that begins one. */
const atStartPlace = 2
/** … before Latin text. */
const beforeLatinPlace = 4

/** What {@link boundaryAffinity} needs of a character, from the lexicon's counts of its positions in words. */
interface Affinity {
  /** The term for a character before Latin text. */
  alone: number
  /**
   * The term for a character that ends a phrase; undefined for a sentence
   * particle (吗, 呢, 吧: tagged `y`), which ends a sentence by itself: no
   * penalty for standing alone there.
   */
  end: number | undefined
  /** The term for a character that begins a phrase. */
  start: number
  /** Whether it is used mostly as a word by itself (的, 了, 和): it follows phrases. */
  particle: boolean
}

/** The affinities of characters with one lexicon, worked out once each. */
class AffinityTable {
  private readonly known = new Map<string, Affinity>()

  constructor(private readonly lexicon: Lexicon) {}

  of(char: string): Affinity {
    let affinity = this.known.get(char)
    if (affinity === undefined) {
      const {initial, final, single} = this.lexicon.positions(char)
      affinity = {
        alone: 2 * Math.log((single + 1) / (initial + final + single + 3)),
        end: this.lexicon.charTag(char) === 'y' ? undefined : Math.log((final + 1) / (initial + final + 2)) + Math.log((final + 1) / (final + single + 2)),
        start: Math.log((initial + 1) / (initial + final + 2)) + Math.log((initial + 1) / (initial + single + 2)),
        particle: single > 0.7 * (initial + final + single)
      }
      this.known.set(char, affinity)
    }
    return affinity
  }
}

const affinityTables = new WeakMap<Lexicon, AffinityTable>()

/** The affinity table of a lexicon. */
function affinityTable(lexicon: Lexicon): AffinityTable {
  let table = affinityTables.get(lexicon)
  if (table === undefined) {
    table = new AffinityTable(lexicon)
    affinityTables.set(lexicon, table)
  }
  return table
}

/** The state of one walk through the lattice from a start position. */
interface Walk {
  units: readonly Unit[]
  from: number
  lexicon: Lexicon
  /** The best one-character word's score at each position. */
  singles: Float64Array
  /** The one-character word's score of each candidate of a slot (empty for fixed units). */
  slotSingles: Float64Array
  /** Where each position's candidates begin in `slotSingles`. */
  slotStart: Int32Array
  /** The lexicon's tries by code unit (see {@link trieTable}). */
  tries: Array<LexiconTrie | null | undefined>
  edges: Edges
  context: Context
  /** The candidate taken at each unit of the walk from its start (-1 for fixed text); only the first `position - from` entries are the walk's. */
  picks: number[]
  /** The score of the walk up to each unit from its start (the cost of `walk` at that depth; a number passed as an argument to a call that is not inlined is boxed). */
  costs: Float64Array
  /** How many of `picks` are slots (not -1). */
  slots: number
  branches: number
  /** The characters on the walk, for the document cache's words (as many as `picks`). */
  chars: string[]
  /** The lexicon's affinities of characters to phrase boundaries. */
  affinities: AffinityTable
  /** Whether the document cache may have words through the walk's first character (set there). */
  cached: boolean
  /** The trie of the words through the walk's first character (set there). */
  trie: LexiconTrie | undefined
}

/** The document cache's bonus for a word starting at the walk's start. */
function cacheBonus(state: Walk, word: string, logProbability: number): number {
  const {cache, offset} = state.context
  return cache === undefined ? 0 : cache.bonus(offset + state.from, word, logProbability)
}

/**
 * A lexicon's tries by UTF-16 code unit of their first character (null: no
 * word starts with it), filled as the lattice meets them: the lattice asks
 * for the trie of every character it starts a word at, and the lexicon's
 * own look-up by code point is several times slower than an array.
 */
function trieTable(lexicon: Lexicon): Array<LexiconTrie | null | undefined> {
  let table = trieTables.get(lexicon)
  if (table === undefined) {
    table = new Array<LexiconTrie | null | undefined>(0x10000).fill(undefined)
    trieTables.set(lexicon, table)
  }
  return table
}

const trieTables = new WeakMap<Lexicon, Array<LexiconTrie | null | undefined>>()

/** The trie of the words through a character, from the table (characters outside the BMP from the lexicon). */
function trieOf(state: Walk, char: string): LexiconTrie | undefined {
  if (char.length !== 1) return state.lexicon.trie(char)
  const code = char.charCodeAt(0)
  let trie = state.tries[code]
  if (trie === undefined) {
    trie = state.lexicon.trie(char) ?? null
    state.tries[code] = trie
  }
  return trie ?? undefined
}

/**
 * Extend the words that start at `walk.from` through `position`, adding an
 * edge for each word: `node` is the trie node of the characters before
 * `position` (-1 at the start), and `state.costs[position - walk.from]` the
 * score of the walk so far.
 */
function walk(state: Walk, position: number, node: number): void {
  const {units, from, lexicon, edges, picks, chars} = state
  // The stacks hold the units from the start up to here (never popped: an
  // array emptied by pop is given a new backing store by the next push).
  const depth = position - from
  const cost = state.costs[depth]!
  const unit = units[position]!
  const fixed = typeof unit === 'string'
  const count = fixed ? 1 : unit.candidates.length
  // From a slot into the next one, the pairs may be known (`Slot.follow`).
  const previous = !fixed && node === 0 && position === from + 1 ? units[from]! : undefined
  const pairs = typeof previous === 'object' && previous.follow?.next === unit ? previous.follow : undefined
  const follow = pairs?.pool.table
  // Inside a word, a wide slot with more candidates than the word has ways
  // to go on is walked by the trie's children instead (C1 stripped: hundreds
  // before the narrowing; a narrowed slot is quicker to look up candidate by
  // candidate). Both find the same candidates in the same order (a slot's
  // candidates are distinct characters).
  const options = follow === undefined && !fixed && node >= 0 && count > matchingFrom && state.trie!.childCount(node) < count ? matchingBuffer(position - from, count) : undefined
  const matched = options === undefined || typeof unit === 'string' ? 0 : matching(state.trie!, node, unit, options)
  const first = follow === undefined ? 0 : follow[pairs!.at + picks[0]!]!
  const end = follow !== undefined ? (follow[pairs!.at + picks[0]! + 1]! - first) >> 1 : options === undefined ? count : matched
  // Where a start stands among its neighbours (for the affinities; found at its first Han candidate).
  let place = -1
  for (let step = 0; step < end; step++) {
    const option = follow !== undefined ? follow[first + 2 * step]! : options === undefined ? step : options[step]!
    const char = fixed ? unit : unit.candidates[option]!
    const total = fixed ? cost : cost + unit.priors[option]!
    let reached = -1
    if (node < 0) {
      // The first character: its trie holds every word through it.
      const slot = fixed ? undefined : unit
      const lexical = slot?.lexical
      // (NaN for none: a number that may be undefined is boxed on every assignment.)
      let value = Number.NaN
      if (slot === undefined || lexical === undefined) {
        state.trie = trieOf(state, char)
        if (state.trie !== undefined) {
          reached = state.trie.hasChildren(0) ? 0 : -1
          value = state.trie.values[0]!
        }
      } else {
        // Known beforehand: the trie is only needed to go on.
        const entry = slot.entries === undefined ? option : slot.entries[option]!
        value = lexical.words[entry]!
        // Into the next slot, only the known pairs go on (none: nothing to walk).
        const onward = slot.follow !== undefined && slot.follow.next === units[position + 1] ? slot.follow : undefined
        if (lexical.onward[entry] === 2 && (onward === undefined || onward.pool.table[onward.at + option + 1]! > onward.pool.table[onward.at + option]!)) {
          reached = 0
          state.trie = trieOf(state, char)
        }
      }
      let single = isHan(char) ? (Number.isNaN(value) ? lexicon.floor : value) : 0
      // The cache has nothing for the words from here when none it counts begins with the character.
      const {cache} = state.context
      state.cached = cache !== undefined && (cache.starts?.(char) ?? true)
      if (!fixed && isHan(char)) {
        if (place < 0) place = boundaryPlace(units, position, state.affinities, state.context)
        single += boundaryAffinity(place, char, state.affinities) + (state.cached ? cacheBonus(state, char, single) : 0)
      }
      // A one-character word: kept by position and candidate, not as an edge.
      const word = total + single
      if (!fixed) state.slotSingles[state.slotStart[position]! + option] = word
      if (word > state.singles[position]!) state.singles[position] = word
    } else {
      let value: number
      if (follow !== undefined) {
        // Known: the node (-1 when the word ends here) and the value (NaN for none).
        reached = follow[first + 2 * step + 1]!
        value = pairs!.pool.values[first + 2 * step]!
      } else {
        reached = state.trie!.child(node, char.codePointAt(0)!)
        if (reached < 0) continue
        value = state.trie!.values[reached]!
      }
      if (!Number.isNaN(value)) {
        // The cache speaks for rebuilt characters only: boosting intact words
        // would only move the segmentation around them.
        const bonus = state.cached && state.slots + (fixed ? 0 : 1) > 0 ? cacheBonus(state, chars.slice(0, depth).join('') + char, value) : 0
        picks[depth] = fixed ? -1 : option
        if (!fixed) state.slots++
        edges.add(from, position + 1, total + value + bonus)
        if (state.slots > 0) pushPicks(state, depth + 1)
        if (!fixed) state.slots--
      }
    }
    // (At the first character, `reached` is 0 only when longer words begin there.)
    if (reached < 0 || (follow === undefined && node >= 0 && !state.trie!.hasChildren(reached)) || position + 1 >= units.length) continue
    if (node >= 0) {
      if (state.branches >= maxBranches) continue
      state.branches++
    }
    picks[depth] = fixed ? -1 : option
    chars[depth] = char
    if (!fixed) state.slots++
    if (depth + 1 >= state.costs.length) state.costs = widen(state.costs, 2 * state.costs.length)
    state.costs[depth + 1] = total
    walk(state, position + 1, reached)
    if (!fixed) state.slots--
  }
}

/** Fewest candidates of a slot that {@link matching} finds through the trie's children. */
const matchingFrom = 32

/** Candidate indices of a slot by code point (kept per slot). */
const slotIndexes = new WeakMap<Slot, Map<number, number>>()

/** Buffers of {@link matching} by depth in the word (the walk goes on inside a word while it reads one). */
const matchingBuffers: Int32Array[] = []

/** The buffer of a depth, for up to `size` options. */
function matchingBuffer(depth: number, size: number): Int32Array {
  let buffer = matchingBuffers[depth]
  if (buffer === undefined || buffer.length < size) {
    buffer = new Int32Array(Math.max(64, 2 * size))
    matchingBuffers[depth] = buffer
  }
  return buffer
}

/** What {@link collect} fills: the slot's index, the buffer and how many are in it. */
const collecting: {index: Map<number, number>; found: Int32Array; count: number} = {index: new Map(), found: new Int32Array(0), count: 0}

/** Add a child's candidate, if the slot has one, in order of candidate (insertion: there are few). */
function collect(code: number): void {
  const option = collecting.index.get(code)
  if (option === undefined) return
  const {found} = collecting
  let at = collecting.count++
  while (at > 0 && found[at - 1]! > option) {
    found[at] = found[at - 1]!
    at--
  }
  found[at] = option
}

/**
 * The options of a slot that continue a word from a trie node, in increasing
 * order, written into `found` (which holds at least the node's children).
 *
 * @returns How many there are.
 */
function matching(trie: LexiconTrie, node: number, slot: Slot, found: Int32Array): number {
  let index = slotIndexes.get(slot)
  if (index === undefined) {
    index = new Map(slot.candidates.map((char, option) => [char.codePointAt(0)!, option]))
    slotIndexes.set(slot, index)
  }
  collecting.index = index
  collecting.found = found
  collecting.count = 0
  trie.forEachChild(node, collect)
  return collecting.count
}

/** Add the slots on the walk's stack (its first `depth` entries) to the last word, as offset/candidate pairs. */
function pushPicks(state: Walk, depth: number): void {
  const {picks, edges} = state
  for (let offset = 0; offset < depth; offset++) {
    const pick = picks[offset]!
    if (pick >= 0) edges.pick(offset, pick)
  }
}
