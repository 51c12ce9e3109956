/**
 * Punctuation as a grammar over a paragraph: the damaged characters whose
 * candidates include Chinese punctuation are decided together, with the
 * intact marks around them, by a small Viterbi pass whose state is the stack
 * of open brackets and quotes and the mark just before. Two damaged brackets
 * can pair up (`（如 CPU、网络）`), two marks with nothing between them
 * (`，，`, `（，`, `、。`) are near-impossible, a sentence of a word or two is
 * rarely closed by `。` after another `。` or `、`, and runs of one lone E2
 * lead byte are the box drawing of a plain-text diagram, not quotes.
 */
import {widen} from './choose.js'

/** A damaged character the grammar weighs: its candidates and the lattice's max-marginal log scores. */
export interface PunctuationSlot {
  /** Candidate characters. */
  candidates: readonly string[]
  /** Max-marginal log score per candidate (the lattice's). */
  scores: readonly number[]
  /** Mass of the candidates left out before the lattice, relative to the best one's (0 for none). */
  rest: number
}

/** A piece of a paragraph-split text: fixed text, or a damaged character the grammar weighs. */
export type PunctuationPiece = string | PunctuationSlot

/** The grammar's outcome for one slot. */
export interface PunctuationChoice {
  /** Index of the chosen candidate. */
  best: number
  /** Indices of the candidates, best first (ties by index). */
  order: number[]
  /** Max-marginal log score per candidate, with the grammar's costs. */
  scores: number[]
  /** Softmax of the scores, the rest included. */
  confidence: number
}

const pauses = '，、；：'
const stops = '。？！'
const openers = '（“‘《【「『〈'
const closers = '）”’》】」』〉'
const quotes = '“”‘’'
/** Box drawing and arrows of plain-text diagrams. */
const box = '─│┌┐└┘├┤┬┴┼═║'
const marks = new Set([...pauses, ...stops, ...openers, ...closers, '—', '…', ...box])
/** 1 for the code unit of each mark (every mark is one), 0 for the rest. */
const markCodes = new Uint8Array(0x10000)
for (const mark of marks) markCodes[mark.charCodeAt(0)] = 1

/**
 * Whether the grammar has something to say about a character.
 *
 * @param char One character.
 * @returns True for the punctuation the grammar weighs.
 */
export function isGrammarMark(char: string): boolean {
  return char.length === 1 && markCodes[char.charCodeAt(0)] === 1
}

/** Cost of a closer nothing opened, or of an opener the paragraph never closes. */
const unbalancedCost = 4
/** Bonus for a bracket or quote closing a phrase its partner opened, with no clause ended in between. */
const pairBonus = 1
/** Bonus for a pair around letters and digits only (`（CRI）`, `（Pod）`). */
const latinPairBonus = 3
/** Cost of a closer of another kind than the innermost open mark. */
const mismatchCost = 3
/** Cost of two marks with nothing between them that never meet so (`，，`, `（，`, `，）`, `““`). */
const adjacencyCost = 6
/** Cost of `。` closing a sentence of a word or two after `。` or `、` (`保质。保量。`). */
const shortSentenceCost = 3
/** How short (in words, see {@link gapLength}) a sentence is for {@link shortSentenceCost}. */
const shortSentence = 3
/** Cost of a quote with white space (or the line's edge) on both sides: box drawing stands so. */
const flankedQuoteCost = 4
/** Bonus for `│` standing alone on a line of a diagram, and for `─` in a run of box drawing. */
const diagramBonus = 6
/** How many damaged characters side by side make a run of box drawing. */
const diagramRun = 3
/** How deep brackets and quotes nest in the state (deeper ones cost {@link unbalancedCost}). */
const maxDepth = 2

/** A mark's kind for the rules of adjacency. */
const enum Kind {
  Other,
  Pause,
  Stop,
  Open,
  Close,
  Box,
  Dash
}

function kindOf(char: string): Kind {
  if (pauses.includes(char)) return Kind.Pause
  if (stops.includes(char)) return Kind.Stop
  if (openers.includes(char)) return Kind.Open
  if (closers.includes(char)) return Kind.Close
  if (box.includes(char)) return Kind.Box
  if (char === '—' || char === '…') return Kind.Dash
  return Kind.Other
}

/**
 * Cost of two marks next to each other with nothing between them.
 *
 * @param first The first mark.
 * @param second The mark right after it.
 * @returns 0, or {@link adjacencyCost}.
 */
export function adjacency(first: string, second: string): number {
  const a = kindOf(first)
  const b = kindOf(second)
  if (a === Kind.Other || b === Kind.Other) return 0
  const endA = a === Kind.Pause || a === Kind.Stop
  const endB = b === Kind.Pause || b === Kind.Stop
  // `？！` and `！！` are emphasis; any other two ends of a clause are one too many.
  if (endA && endB) return a === Kind.Stop && b === Kind.Stop && first !== '。' && second !== '。' ? 0 : adjacencyCost
  if (a === Kind.Open && (endB || b === Kind.Close)) return adjacencyCost
  // `，）` never, `。）` and `？”` do.
  if (a === Kind.Pause && b === Kind.Close) return adjacencyCost
  // Quotes side by side: only a quote opened inside one (`“‘`) or closed with it (`’”`).
  if (quotes.includes(first) && quotes.includes(second)) return (first === '“' && second === '‘') || (first === '’' && second === '”') ? 0 : adjacencyCost
  return 0
}

/**
 * The length of a text between two marks, in words: a Han character or a
 * run of letters and digits counts one, space and markup nothing.
 */
export function gapLength(text: string): number {
  let length = 0
  let inWord = false
  for (let at = 0; at < text.length; ) {
    const kind = charKind(text, at)
    at += kind & wide ? 2 : 1
    if (kind & letter) {
      if (!inWord) length++
      inWord = true
      continue
    }
    inWord = false
    if (kind & hanChar) length++
  }
  return length
}

/** What {@link charKind} tells of a character: Han; a letter or digit not Han; two code units. */
const hanChar = 1
const letter = 2
const wide = 4
const hanPattern = /\p{Script=Han}/u
const letterPattern = /[\p{L}\p{N}]/u
/** {@link charKind} of each code unit of the BMP, plus 8 once worked out (0: not yet). */
const kinds = new Uint8Array(0x10000)

/**
 * Whether the character (code point) at a place of a text is Han, or a
 * letter or digit that is not Han, as bits, and whether it takes two code
 * units. ASCII is worked out by hand, the rest of the BMP once per code unit.
 */
function charKind(text: string, at: number): number {
  const code = text.charCodeAt(at)
  if (code < 0x80) return ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) || (code >= 0x30 && code <= 0x39) ? letter : 0
  if (code >= 0xd800 && code <= 0xdbff && at + 1 < text.length) {
    const low = text.charCodeAt(at + 1)
    if (low >= 0xdc00 && low <= 0xdfff) return classify(text.slice(at, at + 2)) | wide
  }
  let kind = kinds[code]!
  if (kind === 0) {
    kind = classify(String.fromCharCode(code)) | 8
    kinds[code] = kind
  }
  return kind & 3
}

function classify(char: string): number {
  if (hanPattern.test(char)) return hanChar
  return letterPattern.test(char) ? letter : 0
}

/** A token of the grammar: an intact mark or a damaged character, with the text before it. */
interface Token {
  /** Values: distinct marks, and `''` for every other candidate (they are alike to the grammar). */
  values: string[]
  /** Emission log score per value. */
  emissions: Float64Array
  /** The values by number (see {@link valueIds}). */
  ids: Int32Array
  /** Where each of the slot's candidates is among the values, -1 for none (empty for an intact mark). */
  valueAt: Int32Array
  /** The slot, or undefined for an intact mark. */
  slot: PunctuationSlot | undefined
  /** Where the slot's result goes. */
  index: number
  /** The text since the previous token of the paragraph (its last {@link gapKept} characters). */
  gap: string
  /** The first {@link gapKept} characters of the gap: the text after the previous token. */
  head: string
  /** What the gap holds, as content bits (see {@link Step}). */
  bits: number
  /** Whether the gap is a sentence of a word or two on one line (see {@link shortSentence}). */
  short: boolean
}

const noValues = new Int32Array(0)

/** How much of a gap a token keeps: the rules read only its end (a gap may be a whole code block). */
const gapKept = 160

/** A token, with the fields that depend on its gap worked out once (one shape for every token). */
function makeToken(values: string[], emissions: Float64Array, ids: Int32Array, valueAt: Int32Array, slot: PunctuationSlot | undefined, index: number, gap: string): Token {
  const long = gap.length > gapKept
  const kept = long ? gap.slice(-gapKept) : gap
  const short = !long && !gap.includes('\n') && gapLength(gap) <= shortSentence
  return {values, emissions, ids, valueAt, slot, index, gap: kept, head: long ? gap.slice(0, gapKept) : gap, bits: contentBits(gap), short}
}

/** Where a paragraph ends: a blank line, or a line that begins another block. */
const paragraphBreak = /\n[ \t]*(?:\n|[-*+>#|]\s|\d+\.\s|```)/y

/**
 * Decide the punctuation of a text jointly, paragraph by paragraph.
 *
 * @param pieces The text as fixed strings and the damaged characters the grammar weighs, in order.
 * @returns One choice per slot, in order.
 */
export function punctuate(pieces: readonly PunctuationPiece[]): PunctuationChoice[] {
  const results: Array<PunctuationChoice | undefined> = []
  let paragraph: Token[] = []
  let gap = ''
  // Whether the paragraph has a damaged character (one of intact marks only has nothing to decide).
  let damaged = false
  const close = (): void => {
    if (damaged) decide(paragraph, gap, results)
    paragraph = []
    gap = ''
    damaged = false
  }
  for (const piece of pieces) {
    if (typeof piece !== 'string') {
      paragraph.push(slotToken(piece, results.length, gap))
      results.push(undefined)
      gap = ''
      damaged = true
      continue
    }
    let from = 0
    for (let at = 0; at < piece.length; at++) {
      const code = piece.charCodeAt(at)
      if (code === 0x0a) {
        paragraphBreak.lastIndex = at
        if (paragraphBreak.test(piece)) {
          gap += piece.slice(from, at)
          close()
          from = at
        }
        continue
      }
      if (markCodes[code] === 0) continue
      const char = piece[at]!
      gap += piece.slice(from, at)
      paragraph.push(makeToken([char], new Float64Array(1), Int32Array.of(valueIds.get(char)!), noValues, undefined, -1, gap))
      gap = ''
      from = at + 1
    }
    gap += piece.slice(from)
  }
  close()
  // (Every slot is in a paragraph, and every paragraph is decided.)
  return results.map((result) => result!)
}

/**
 * A slot as a token: its marks as values, every other candidate as one value
 * `''` at its best score. The candidates left out before the lattice are no
 * value (none of them can be written): they count only in the confidence.
 */
function slotToken(slot: PunctuationSlot, index: number, gap: string): Token {
  const values: string[] = []
  const emissions: number[] = []
  let other = Number.NEGATIVE_INFINITY
  let top = Number.NEGATIVE_INFINITY
  const {candidates, scores} = slot
  for (let option = 0; option < scores.length; option++) if (scores[option]! > top) top = scores[option]!
  for (let option = 0; option < candidates.length; option++) {
    const char = candidates[option]!
    const score = scores[option]!
    const mark = isGrammarMark(char)
    // A mark far below the best cannot win: it is left out (it moves with the rest, see `choiceOf`).
    if (mark && score >= top - valueMargin) {
      values.push(char)
      emissions.push(score)
    } else if (!mark && score > other) other = score
  }
  if (other > Number.NEGATIVE_INFINITY) {
    values.push('')
    emissions.push(other)
  }
  // Where each candidate is among the values (-1: it moves with the rest, see `choiceOf`).
  const valueAt = new Int32Array(candidates.length)
  // (Only marks and `''` are values.)
  for (let option = 0; option < candidates.length; option++) {
    const char = candidates[option]!
    valueAt[option] = char === '' || isGrammarMark(char) ? values.indexOf(char) : -1
  }
  const ids = new Int32Array(values.length)
  for (let value = 0; value < values.length; value++) ids[value] = valueIds.get(values[value]!)!
  const relative = new Float64Array(emissions.length)
  for (let value = 0; value < emissions.length; value++) relative[value] = emissions[value]! - top
  return makeToken(values, relative, ids, valueAt, slot, index, gap)
}

/** How far below the best state of a token a state may be and still be followed. */
const beam = 16
/** How far below a slot's best candidate a mark may be and still be weighed. */
const valueMargin = 6

/** A stack of open marks as a number: up to {@link maxDepth} opener indices, base `openers.length + 1`. */
const base = openers.length + 1

function push(stack: number, opener: number): {stack: number; cost: number} {
  const depth = stack === 0 ? 0 : stack < base ? 1 : 2
  if (depth < maxDepth) return {stack: stack * base + opener + 1, cost: 0}
  // Too deep: the outermost is forgotten.
  return {stack: (stack % base) * base + opener + 1, cost: unbalancedCost}
}

function pop(stack: number, opener: number): {stack: number; cost: number} {
  if (stack === 0) return {stack, cost: unbalancedCost}
  const top = (stack % base) - 1
  if (top === opener) return {stack: Math.floor(stack / base), cost: 0}
  const below = Math.floor(stack / base)
  if (below !== 0 && (below % base) - 1 === opener) return {stack: Math.floor(below / base), cost: mismatchCost}
  return {stack, cost: unbalancedCost}
}

function depthOf(stack: number): number {
  let depth = 0
  for (let rest = stack; rest > 0; rest = Math.floor(rest / base)) depth++
  return depth
}

/**
 * A state of the grammar: the stack of open marks, and what the innermost
 * one holds so far, as bits: {@link ended} a clause (a line break counts),
 * {@link han} text, {@link latin} letters or digits.
 */
interface Step {
  /** The stack times {@link stackUnit}, plus the bits of the content. */
  state: number
  /** Log score of the move (the pairing bonus, or the cost of an unbalanced mark). */
  score: number
}

const ended = 1
const han = 2
const latin = 4
const stackUnit = 8

/** The content bits of a gap of text (see {@link Step}). */
function contentBits(gap: string): number {
  let bits = 0
  if (gap.includes('\n')) bits |= ended
  if (/\p{Script=Han}/u.test(gap)) bits |= han
  if (/[A-Za-z0-9]/.test(gap)) bits |= latin
  return bits
}

/** Move a state (see {@link Step}) by a value: the new state, its score left in {@link moveScore} (no object per move). */
function move(state: number, value: string): number {
  // With nothing open, nothing of the content is remembered.
  if (state < stackUnit) state = 0
  // Every candidate that is not a mark stands for a Han character here.
  moveScore = 0
  if (value === '') return state === 0 ? 0 : state | han
  const stack = Math.floor(state / stackUnit)
  const open = openers.indexOf(value)
  if (open >= 0) {
    const pushed = push(stack, open)
    moveScore = -pushed.cost
    return pushed.stack * stackUnit
  }
  const shut = closers.indexOf(value)
  if (shut >= 0) {
    const popped = pop(stack, shut)
    // A pair around a phrase (no clause ended inside) is what brackets are
    // for, and around a name or a term in letters (`（CRI）`) most of all.
    const content = state % stackUnit
    const paired = popped.cost !== 0 || (content & ended) !== 0 ? 0 : content === latin ? latinPairBonus : pairBonus
    // What the outer mark holds is not kept: taken as a clause ended (no bonus for it).
    moveScore = paired - popped.cost
    return popped.stack * stackUnit + (popped.stack === 0 ? 0 : ended)
  }
  if (clauseEnds.includes(value)) return state === 0 ? 0 : state | ended
  return state
}

/** The score of the last {@link move}. */
let moveScore = 0

/**
 * Every value a token may have, by number: `''` is 0, each mark after it.
 * Moves and adjacencies are worked out once per pair of numbers and kept in
 * tables ({@link moves}, filled by {@link fillMove}): a paragraph has
 * thousands of moves and only a few dozen distinct ones.
 */
const valueIds = new Map<string, number>([['', 0], ...[...marks].map((mark, index): [string, number] => [mark, index + 1])])
const valueCount = valueIds.size
/** States a move can start from: the stack (up to {@link maxDepth} openers) times {@link stackUnit}, plus the content bits. */
const stateCount = base ** maxDepth * stackUnit
/**
 * Each (state, value)'s move, -1 until worked out: the state it moves to
 * times 16, plus its score (a whole number from -8 to 7) plus 8. One small
 * table, read once per move (a zero score comes back as +0 where `move`
 * gave -0: no sum it is added to is a zero of the other sign).
 */
const moves = new Int32Array(stateCount * valueCount).fill(-1)

/** The values by number (see {@link valueIds}). */
const valueNames = [...valueIds.keys()]

/** {@link move} by a value's number, worked out into {@link moves}: the entry. */
function fillMove(state: number, id: number): number {
  const moved = move(state, valueNames[id]!)
  if (!Number.isInteger(moveScore) || moveScore < -8 || moveScore > 7) throw new Error(`punctuation grammar: move score ${moveScore} does not fit the table`)
  const entry = moved * 16 + moveScore + 8
  moves[state * valueCount + id] = entry
  return entry
}

/** {@link adjacency} of two values by number, kept in a table (NaN until worked out). */
const adjacencies = new Float64Array(valueCount * valueCount).fill(Number.NaN)

function adjacencyOf(first: number, second: number): number {
  const key = first * valueCount + second
  let cost = adjacencies[key]!
  if (Number.isNaN(cost)) {
    cost = adjacency(valueNames[first]!, valueNames[second]!)
    adjacencies[key] = cost
  }
  return cost
}

/** Marks that end a clause: inside brackets they make the pair less likely. */
const clauseEnds = '，。；：？！'

/**
 * The text after a token read as the rest of a list: on through the
 * following tokens that may be `、` themselves (damaged, or an intact `、`),
 * as far as {@link listGoesOn} looks.
 */
function listAfter(tokens: readonly Token[], index: number, tail: string): string {
  let text = ''
  for (let at = index + 1; ; at++) {
    if (at >= tokens.length) return text + tail.slice(0, gapKept)
    const next = tokens[at]!
    text += next.head
    if (!next.values.includes('、') || text.length > gapKept) return text
    text += '、'
  }
}

/** The grammar's own score of a value at a token, apart from its neighbours: where it stands. */
function placeCost(token: Token, value: string, after: string): number {
  if (value === '') return 0
  let score = 0
  if (quotes.includes(value) && token.gap !== '' && after !== '' && isBlank(token.gap.charCodeAt(token.gap.length - 1)) && isBlank(after.charCodeAt(0))) score -= flankedQuoteCost
  if (value === '、' && listGoesOn(after)) score += listBonus
  if (value === '：' && termBefore.test(token.gap)) score += termBonus
  if (value === '？' && questionBefore.test(token.gap)) score += questionBonus
  return score
}

/** A clause that ends with a question particle (`是怎样的呢`, `理解吗`): its mark asks. */
const questionBefore = /[吗呢][ \t]*$/
/** Bonus for `？` after a question particle. */
const questionBonus = 3

/** Whether a code unit is a space, a tab or a line feed. */
function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a
}

/** Whether a text is empty or ends with {@link isBlank} white space. */
function endsBlank(text: string): boolean {
  return text === '' || isBlank(text.charCodeAt(text.length - 1))
}

/** Whether a text is empty or begins with {@link isBlank} white space. */
function beginsBlank(text: string): boolean {
  return text === '' || isBlank(text.charCodeAt(0))
}

/**
 * A line (or list item) that so far holds only a term in bold or code: the
 * mark after it introduces its description (`- **大使**：帮助…`, `* \`Forbid\`：…`).
 */
const termBefore = /(?:^|\n)[ \t]*(?:(?:[-*+]|\d+\.)[ \t]+)?(?:\*\*[^*\n]+\*\*|`[^`\n]+`)[ \t]*$/
/** Bonus for `：` after a term that begins its line. */
const termBonus = 3

/**
 * Whether the text after a mark reads as the rest of a list: a conjunction
 * that joins its last item (`和 或 及 与 等`) within a few words, before any
 * other mark (`需求工程、计划、实现、评审、测试和交付`, `修改、添加和改进建议`).
 */
export function listGoesOn(after: string): boolean {
  let words = 0
  let inWord = false
  for (let at = 0; at < after.length; ) {
    const code = after.charCodeAt(at)
    if (code === 0x0a || words > listReach) return false
    if (listJoiners.includes(after[at]!)) return words > 0
    const kind = charKind(after, at)
    at += kind & wide ? 2 : 1
    if (code < 0x80 && kind & letter) {
      if (!inWord) words++
      inWord = true
      continue
    }
    inWord = false
    if (kind & hanChar) words++
  }
  return false
}

/** Conjunctions that join the last item of a list. */
const listJoiners = '和或及与等'
/** How many words after a mark a list's conjunction may come. */
const listReach = 6
/** Bonus for `、` before the rest of a list. */
const listBonus = 2

/** The numbers of `。` and `、` among the values (see {@link valueIds}). */
const fullStopId = valueIds.get('。')!
const enumerationId = valueIds.get('、')!

/**
 * Cost of a value after the previous token's value, with the gap between
 * them, both by number (see {@link valueIds}; 0 is `''`): `adjacent` when
 * nothing is between them, `short` for the token's {@link Token.short}.
 */
function transition(previous: number, value: number, adjacent: boolean, short: boolean): number {
  if (value === 0 || previous === 0) return 0
  if (adjacent) return -adjacencyOf(previous, value)
  // A sentence of a word or two, then `。` or `、`: a list was cut (`保质。保量。`, `工程。计划、`).
  if ((value === fullStopId || value === enumerationId) && previous === fullStopId && short) return -shortSentenceCost
  return 0
}

/**
 * A state of a token in {@link decide}: the state of the grammar (see
 * {@link Step}) times {@link width}, plus the index of the token's value.
 */
const width = 64
/** How many states of a token there can be. */
const keyCount = stateCount * width

/**
 * Scratch of {@link decide}, kept between calls (grown, never shrunk): the
 * states of every token of a paragraph, token after token, with their
 * forward and backward scores side by side; where a state is in the current
 * token's list (valid where its mark is the current stamp); the same by
 * stack part for merged states. A paragraph has tens of thousands of moves:
 * no map or object is made per token.
 */
let stateKeys = new Int32Array(1024)
let forwardScores = new Float64Array(1024)
let backwardScores = new Float64Array(1024)
/** Where each token's states begin in {@link stateKeys} (one more entry for the end). */
let tokenStarts = new Int32Array(64)
/** The source states of a token whose previous states are merged by stack (see {@link independent}). */
let mergedKeys = new Int32Array(256)
let mergedScores = new Float64Array(256)
/** Per key, its stamp and (valid where the stamp is current) its position, side by side: one cache line for both. */
const positionMarks = new Int32Array(2 * keyCount)
/** Per merged state (the value's index or 0, times {@link stateCount}, plus the moved state with the gap's bits), its stamp and position, side by side. */
const sourceMarks = new Int32Array(2 * keyCount)
/** Per merged state, its best onward score (valid where its stamp is current). */
const sourceScores = new Float64Array(keyCount)
let stamp = 0

/** A fresh stamp for {@link positionMarks} and {@link sourceMarks}. */
function nextStamp(): number {
  if (stamp === 0x7fffffff) {
    positionMarks.fill(0)
    sourceMarks.fill(0)
    stamp = 0
  }
  return ++stamp
}

/** Room for `size` states in the paragraph's state lists, their contents kept. */
function reserveStates(size: number): void {
  if (size <= stateKeys.length) return
  const grown = Math.max(size, stateKeys.length * 2)
  stateKeys = widen(stateKeys, grown)
  forwardScores = widen(forwardScores, grown)
  backwardScores = new Float64Array(grown)
}

/**
 * Decide one paragraph: Viterbi forward and backward over (stack, value of
 * the previous token), the max-marginal of each value of each slot.
 */
function decide(tokens: readonly Token[], tail: string, results: Array<PunctuationChoice | undefined>): void {
  const count = tokens.length
  const place = placeCosts(tokens, tail)
  if (tokenStarts.length < count + 1) tokenStarts = new Int32Array(Math.max(count + 1, tokenStarts.length * 2))
  // Forward: per token, the best score of reaching each state (key: moved state times width, plus the value's index).
  let length = 0
  let previousIds: Int32Array = emptyIds
  for (let index = 0; index < count; index++) {
    const token = tokens[index]!
    // A pair seldom spans lines: a line break counts as a clause ended.
    const {bits, emissions, ids} = token
    const optionCount = ids.length
    const placed = place[index]!
    // The states to expand (before the first token, the empty stack), merged
    // by what their moves depend on: the state with the gap's bits, and the
    // previous token's value unless it cannot matter (text between, more than
    // a word or two). Merged states move alike: the best of them is enough
    // (adding the same numbers keeps the floating-point order).
    const merge = independent(token)
    const sourceCount = index === 0 ? 1 : length - tokenStarts[index - 1]!
    if (mergedKeys.length < sourceCount) {
      mergedKeys = new Int32Array(2 * sourceCount)
      mergedScores = new Float64Array(2 * sourceCount)
    }
    let sourceEnd = 0
    if (index === 0) {
      mergedKeys[0] = bits * width
      mergedScores[0] = 0
      sourceEnd = 1
    } else {
      const mark = nextStamp()
      for (let at = tokenStarts[index - 1]!; at < length; at++) {
        const state = stateKeys[at]!
        const from = (state >> 6) | bits
        const value = merge ? 0 : state & 63
        // (By value, then state: merged by state alone, the table's first few kilobytes.)
        const source = value * stateCount + from
        const score = forwardScores[at]!
        if (sourceMarks[2 * source] !== mark) {
          sourceMarks[2 * source] = mark
          sourceMarks[2 * source + 1] = sourceEnd
          mergedKeys[sourceEnd] = from * width + value
          mergedScores[sourceEnd] = score
          sourceEnd++
        } else if (score > mergedScores[sourceMarks[2 * source + 1]!]!) mergedScores[sourceMarks[2 * source + 1]!] = score
      }
    }
    const start = length
    tokenStarts[index] = start
    reserveStates(start + sourceEnd * optionCount)
    const keys = stateKeys
    const scores = forwardScores
    const adjacent = token.gap === ''
    const {short} = token
    const mark = nextStamp()
    for (let at = 0; at < sourceEnd; at++) {
      const source = mergedKeys[at]!
      const score = mergedScores[at]!
      const before = previousIds[source & 63]!
      const from = source >> 6
      const row = from * valueCount
      for (let option = 0; option < optionCount; option++) {
        const id = ids[option]!
        let entry = moves[row + id]!
        if (entry < 0) entry = fillMove(from, id)
        const total = score + emissions[option]! + placed[option]! + ((entry & 15) - 8) + (merge ? 0 : transition(before, id, adjacent, short))
        const key = (entry >> 4) * width + option
        if (positionMarks[2 * key] !== mark) {
          positionMarks[2 * key] = mark
          positionMarks[2 * key + 1] = length
          keys[length] = key
          scores[length] = total
          length++
        } else if (total > scores[positionMarks[2 * key + 1]!]!) scores[positionMarks[2 * key + 1]!] = total
      }
    }
    // A beam: states far below the best cannot change any choice (kept in order).
    let top = Number.NEGATIVE_INFINITY
    for (let at = start; at < length; at++) if (scores[at]! > top) top = scores[at]!
    let kept = start
    for (let at = start; at < length; at++) {
      const score = scores[at]!
      if (score < top - beam) continue
      keys[kept] = keys[at]!
      scores[kept] = score
      kept++
    }
    length = kept
    previousIds = ids
  }
  tokenStarts[count] = length
  // Backward: the best score from a state to the end, the open marks charged there.
  for (let at = tokenStarts[count - 1]!; at < length; at++) backwardScores[at] = -unbalancedCost * depthOf(Math.floor(stateKeys[at]! / width / stackUnit))
  for (let index = count - 2; index >= 0; index--) {
    const token = tokens[index + 1]!
    const {bits, emissions} = token
    const nextIds = token.ids
    const optionCount = nextIds.length
    const placed = place[index + 1]!
    const ids = tokens[index]!.ids
    // Where each state of the next token is.
    const later = nextStamp()
    for (let at = tokenStarts[index + 1]!; at < tokenStarts[index + 2]!; at++) {
      const key = stateKeys[at]!
      positionMarks[2 * key] = later
      positionMarks[2 * key + 1] = at
    }
    const merge = independent(token)
    const merged = nextStamp()
    const adjacent = token.gap === ''
    const {short} = token
    const keys = stateKeys
    const onwards = backwardScores
    for (let at = tokenStarts[index]!; at < tokenStarts[index + 1]!; at++) {
      const state = keys[at]!
      // States that move alike (as in the forward pass) have one best onward score.
      const from = (state >> 6) | bits
      const source = (merge ? 0 : state & 63) * stateCount + from
      if (sourceMarks[2 * source] === merged) {
        onwards[at] = sourceScores[source]!
        continue
      }
      const before = ids[state & 63]!
      const row = from * valueCount
      let best = Number.NEGATIVE_INFINITY
      for (let option = 0; option < optionCount; option++) {
        const id = nextIds[option]!
        let entry = moves[row + id]!
        if (entry < 0) entry = fillMove(from, id)
        const key = (entry >> 4) * width + option
        if (positionMarks[2 * key] !== later) continue
        const total = emissions[option]! + placed[option]! + ((entry & 15) - 8) + (merge ? 0 : transition(before, id, adjacent, short)) + onwards[positionMarks[2 * key + 1]!]!
        if (total > best) best = total
      }
      onwards[at] = best
      sourceMarks[2 * source] = merged
      sourceScores[source] = best
    }
  }
  for (let index = 0; index < count; index++) {
    const token = tokens[index]!
    if (token.slot === undefined) continue
    const marginal = new Array<number>(token.values.length).fill(Number.NEGATIVE_INFINITY)
    for (let at = tokenStarts[index]!; at < tokenStarts[index + 1]!; at++) {
      const option = stateKeys[at]! & 63
      const total = forwardScores[at]! + backwardScores[at]!
      if (total > marginal[option]!) marginal[option] = total
    }
    results[token.index] = choiceOf(token, marginal)
  }
}

/** The value numbers before the first token: `''` alone. */
const emptyIds = new Int32Array(1)

/** Whether a token's moves do not depend on the previous token's value (see {@link transition}). */
function independent(token: Token): boolean {
  return token.gap !== '' && !token.short
}

/**
 * Box drawing by its place, per token and value: `─` in a run of three or
 * more damaged characters that may be box drawing, with nothing between them
 * (a Chinese dash `——` is two); `│` standing alone between spaces on a line
 * that has a run or another such one (a diagram). Zero for the rest.
 */
function diagramPlaces(tokens: readonly Token[]): {run: number[]; alone: boolean[]; diagram: boolean[]} {
  const drawable = tokens.map((token) => token.slot !== undefined && token.values.includes('─'))
  const run = new Array<number>(tokens.length).fill(0)
  for (let start = 0; start < tokens.length; ) {
    let end = start + 1
    if (drawable[start]) while (end < tokens.length && drawable[end] && tokens[end]!.gap === '') end++
    for (let at = start; at < end; at++) run[at] = drawable[start] ? end - start : 0
    start = end
  }
  const alone = tokens.map((token, index) => drawable[index]! && run[index] === 1 && endsBlank(token.gap) && beginsBlank(tokens[index + 1]?.head ?? ' ') && token.gap !== '')
  // The tokens of each line, to find the diagram lines.
  const diagram = new Array<boolean>(tokens.length).fill(false)
  for (let start = 0; start < tokens.length; ) {
    let end = start + 1
    while (end < tokens.length && !tokens[end]!.gap.includes('\n')) end++
    let pieces = 0
    for (let at = start; at < end; at++) if (run[at]! >= diagramRun || alone[at]) pieces++
    for (let at = start; at < end; at++) diagram[at] = pieces >= 2
    start = end
  }
  return {run, alone, diagram}
}

/**
 * The grammar's own score of each value of each token, apart from its
 * neighbours ({@link placeCost}, plus the box drawing's {@link diagramPlaces}).
 */
function placeCosts(tokens: readonly Token[], tail: string): Float64Array[] {
  const count = tokens.length
  const {run, alone, diagram} = diagramPlaces(tokens)
  const place: Float64Array[] = []
  for (let index = 0; index < count; index++) {
    const token = tokens[index]!
    const after = index + 1 < count ? tokens[index + 1]!.head : tail.slice(0, gapKept)
    const {values} = token
    // A list whose other pauses are damaged too (`Apache、PHP、MySQL 等`): its conjunction is after them.
    const list = values.includes('、') ? listAfter(tokens, index, tail) : after
    const costs = new Float64Array(values.length)
    for (let option = 0; option < values.length; option++) {
      const value = values[option]!
      const drawn = (value === '─' && run[index]! >= diagramRun) || (value === '│' && alone[index]! && diagram[index]!) ? diagramBonus : 0
      costs[option] = placeCost(token, value, value === '、' ? list : after) + drawn
    }
    place.push(costs)
  }
  return place
}

/** A slot's choice from the max-marginals of its values. */
function choiceOf(token: Token, marginal: readonly number[]): PunctuationChoice {
  const slot = token.slot!
  const otherAt = token.values.indexOf('')
  // Every candidate that is not a mark moves with the value `''`: its own score, shifted as that value's was.
  // Without such a candidate, the rest moves as the best path does.
  const shift = otherAt < 0 ? Math.max(...marginal) : marginal[otherAt]! - token.emissions[otherAt]!
  let top = Number.NEGATIVE_INFINITY
  for (const score of slot.scores) if (score > top) top = score
  const {valueAt} = token
  const count = slot.candidates.length
  const scores = new Array<number>(count)
  for (let option = 0; option < count; option++) {
    const at = valueAt[option]!
    scores[option] = at >= 0 ? marginal[at]! : slot.scores[option]! - top + shift
  }
  // Best first, ties by index: an insertion sort (a few candidates).
  const order = new Array<number>(count)
  for (let option = 0; option < count; option++) {
    let at = option
    while (at > 0 && (scores[option]! - scores[order[at - 1]!]! || order[at - 1]! - option) > 0) {
      order[at] = order[at - 1]!
      at--
    }
    order[at] = option
  }
  const best = order[0]!
  let sum = 0
  for (const score of scores) sum += Math.exp(score - scores[best]!)
  if (slot.rest > 0) sum += slot.rest * Math.exp(shift - scores[best]!)
  return {best, order, scores, confidence: 1 / sum}
}
