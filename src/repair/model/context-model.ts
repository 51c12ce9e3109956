/**
 * A context model of Chinese characters, learnt from a corpus of real
 * sentences: which characters stand next to a character, and which occur
 * near it in the same clause. It tells apart the candidates that a word
 * lexicon cannot, the function characters that make no word by themselves:
 * `在现实世界中是` (not `不`), `就像 VM 一样与其他 Pod 通信` (not `吃`, `不`).
 *
 * Scoring is naive Bayes over the features around a position, each a
 * smoothed log-likelihood ratio log P(feature | char) / P(feature), clipped,
 * so a character the corpus barely knows scores about 0 rather than wildly.
 */

/** The unit standing for a run of other text (Latin, digits, placeholders). */
const gap = 0x20
/** The unit standing for the start or end of a clause. */
const edge = 0x24

const enum Kind {
  Left = 0,
  Right = 1,
  LeftFar = 3,
  RightFar = 4,
  /** The preposition that opens the phrase the position is in (`在 … 中`, `从 … 中`, `与 … 一起`), or none. */
  Frame = 5,
  /** For a preposition: the Han characters of the phrase it opens, beyond the window (`与 … 不同`). */
  RightLong = 6
}

/**
 * The characters that open and close a phrase: one-character prepositions
 * (`在`, `从`, `与`) and locatives (`中`, `上`, `里`), by the lexicon's tags.
 */
export interface Frames {
  opens: ReadonlySet<number>
  closes: ReadonlySet<number>
}

/** How far to the left, in units, a phrase's preposition is looked for. */
export const frameReach = 15

/** A unit whose character is not known (another damaged position): it adds no evidence. */
export const unknown = '?'

/** How far, in units, a clause window reaches on each side. */
export const windowSize = 6

function featureKey(kind: Kind, unit: number): number {
  return unit * 8 + kind
}

/** Options of {@link ContextModel.score}. */
export interface ContextWeights {
  /** Weight of the neighbour on each side. */
  adjacent: number
  /** Weight of each character further out in the clause. */
  window: number
  /** Pseudo-count pulling rare characters to the corpus average. */
  smoothing: number
  /** Largest absolute contribution of one feature. */
  clip: number
  /** Weight of the preposition of the phrase. */
  frame: number
  /** Weight of a known frame that the clause completes (see {@link phraseFrame}). */
  phrase: number
}

/** Default weights. */
export const defaultContextWeights: ContextWeights = {adjacent: 0.7, window: 0.35, smoothing: 1, clip: 2, frame: 1, phrase: 3}

/**
 * Frames of Chinese grammar that a corpus of short strings seldom shows
 * whole: a preposition and the word that closes its phrase later in the
 * clause (`与…不同`, `像…一样`, `在…之前`). Only words of two characters
 * close: a single `中` or `时` later in the clause, or a loose `进行`, spoke
 * for `在` and `和` wherever a damaged character could be them (C1 stripped:
 * 15 more wrong choices left unflagged on the tuning pages).
 */
const phraseClosers: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    与: '一样 一起 相同 不同 类似 相似 相比 有关 无关 相关 之间 交互 通信 交谈 连接 比较 对比 合作 集成 兼容 结合 区别',
    像: '一样 那样 这样 似的',
    在: '之间 之前 之后 以外',
    从: '开始 以来'
  }).map(([opener, closers]) => [opener, closers.split(' ')])
)

/** Words that hold a preposition of {@link locativeOpeners} but open no phrase. */
const compounds: ReadonlySet<string> = new Set('在线 在于 在乎 存在 现在 所在 实在 自在 内在 外在 潜在 从而 从来 自从'.split(' '))

/** Locatives that close a phrase, and the prepositions that open theirs. */
const locativeOpeners: ReadonlyMap<string, string> = new Map([['中', '在从'], ['上', '在从'], ['里', '在从'], ['内', '在']])

/**
 * Whether a character completes a known frame in its clause: a preposition
 * whose closing word follows within the clause (`与` in `与我的版本不同`,
 * `像` in `像其他 Linux 机器一样`), or a locative whose preposition comes
 * before it, with something and no other locative between (`中` in
 * `在你的集群中`, not in `在中使用`).
 *
 * @param char The candidate.
 * @param left Units to the left, nearest first (as {@link ContextModel.score} takes them).
 * @param right Units to the right, nearest first.
 * @returns Whether a frame is completed.
 */
export function phraseFrame(char: string, left: readonly string[], right: readonly string[]): boolean {
  return completedFrame(char, left, right) !== undefined
}

/**
 * The frame a character completes in its clause (see {@link phraseFrame}):
 * its preposition and its closing word.
 *
 * @param char The candidate.
 * @param left Units to the left, nearest first.
 * @param right Units to the right, nearest first.
 * @returns The opener and closer (`{opener: '与', closer: '一样'}`, `{opener: '在', closer: '中'}`), or undefined.
 */
export function completedFrame(char: string, left: readonly string[], right: readonly string[]): {opener: string; closer: string} | undefined {
  if (!phraseClosers.has(char) && !locativeOpeners.has(char)) return undefined
  return frameAfter(char, left, right.slice(0, frameReach).join(''))
}

/** {@link completedFrame} with the clause on the right already joined (its first {@link frameReach} units). */
function frameAfter(char: string, left: readonly string[], after: string): {opener: string; closer: string} | undefined {
  const closers = phraseClosers.get(char)
  if (closers !== undefined) {
    const closer = closers.find((word) => after.includes(word))
    if (closer !== undefined) return {opener: char, closer}
  }
  const openers = locativeOpeners.get(char)
  if (openers === undefined) return undefined
  // The phrase has something in it (`在中使用` is no `在…中`), the
  // preposition is no part of a word (`在线`, `存在`), and the character just
  // before is not damaged (`API 中?`: it may be the locative that closes it).
  const units = left.slice(0, frameReach)
  for (const [distance, unit] of units.entries()) {
    // `在我们继续设计?实现指南之前`: the phrase closes later, with a word of two characters.
    if (openers.includes(unit)) {
      const opens = distance > 0 && !compounds.has(unit + (units[distance - 1] ?? '')) && !compounds.has((units[distance + 1] ?? '') + unit) && !(phraseClosers.get(unit) ?? []).some((closer) => closer.length > 1 && after.includes(closer))
      return opens ? {opener: unit, closer: char} : undefined
    }
    if (locativeOpeners.has(unit) || (unit === unknown && distance === 0)) return undefined
  }
  return undefined
}

/** A trained context model. */
export interface ContextModel {
  /**
   * Score a character in its context: the sum over features of the log-ratio
   * of their probability given the character to their corpus probability.
   *
   * @param char The candidate.
   * @param left Units to the left, nearest first (a Han character, `' '` for other text, or undefined at a clause edge).
   * @param right Units to the right, nearest first.
   */
  score(char: string, left: readonly string[], right: readonly string[]): number
  /**
   * The clause around one position, read once for scoring every candidate
   * there with {@link ContextModel.scoreIn}. The model reuses one window:
   * it holds until the next call.
   *
   * @param left Units to the left, nearest first (as {@link ContextModel.score} takes them).
   * @param right Units to the right, nearest first.
   */
  window(left: readonly string[], right: readonly string[]): ContextWindow
  /**
   * The same as {@link ContextModel.score} with the window's units, to the last bit.
   *
   * @param char The candidate.
   * @param window The window from {@link ContextModel.window} (the last one).
   */
  scoreIn(char: string, window: ContextWindow): number
  /** How many times the corpus has the character. */
  count(char: string): number
  /** Number of characters learnt from. */
  size: number
}

/**
 * The clause around a position as the context model's features read it
 * (see {@link ContextModel.window}): what every candidate there shares.
 */
export interface ContextWindow {
  /** The units (as given). */
  readonly left: readonly string[]
  readonly right: readonly string[]
}

/** The model's own window: the units' codes per feature, and what is found lazily. */
interface OwnWindow extends ContextWindow {
  left: readonly string[]
  right: readonly string[]
  /** The neighbour's unit on each side (-1 when it is a damaged character: no feature). */
  leftNear: number
  rightNear: number
  /** The units 1 to {@link windowSize} - 1 further out on each side (-1: no feature). */
  leftFar: Int32Array
  rightFar: Int32Array
  /** The units from {@link windowSize} on to the right (-1: no feature), and how many. */
  rightLong: Int32Array
  rightLongCount: number
  /** The open preposition to the left (-1 until asked). */
  open: number
  /** The right side joined (undefined until asked). */
  after: string | undefined
}

/**
 * Split text into clauses of units: Han characters, and one gap unit per run
 * of other letters or digits; punctuation and line breaks end clauses, and
 * clauses without Han are dropped.
 */
export function clauses(text: string): number[][] {
  const result: number[][] = []
  let current: number[] = []
  for (const char of text) {
    const code = char.codePointAt(0)!
    if (isHanCode(code)) {
      current.push(code)
    } else if (/[\p{L}\p{N}{}_$%#@]/u.test(char)) {
      if (current.at(-1) !== gap) current.push(gap)
    } else if (char === ' ' || char === '\t') {
      // Spaces join a gap to its neighbours.
    } else {
      if (current.some((unit) => unit !== gap)) result.push(current)
      current = []
    }
  }
  if (current.some((unit) => unit !== gap)) result.push(current)
  return result
}

/**
 * Whether a code point is a Han ideograph: the basic block, extension A, the
 * supplementary ideographic plane and the compatibility ideographs.
 *
 * @param code A code point.
 * @returns True for Han.
 */
export function isHanCode(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x20000 && code <= 0x2ffff) || (code >= 0xf900 && code <= 0xfaff)
}

/**
 * Learn a context model from sentences.
 *
 * Loading only lays the corpus out as one array of units and indexes where
 * each character occurs; the counts of a character, or of a feature, are
 * taken on first use, so a document pays for the candidates it has.
 *
 * @param sentences Clean Chinese text, any number of pieces.
 * @param weights Weights (default {@link defaultContextWeights}).
 * @param frames Prepositions and locatives (default: none, no phrase feature).
 * @returns The model.
 */
export function trainContextModel(sentences: Iterable<string>, weights: Partial<ContextWeights> = {}, frames?: Frames): ContextModel {
  const layout: number[] = [edge]
  const occurrences = new Map<number, number[]>()
  let total = 0
  let startsAfterGap = 0
  let endsBeforeGap = 0
  let clauseStarts = 0
  let clauseEnds = 0
  for (const sentence of sentences) {
    for (const clause of clauses(sentence)) {
      clause.forEach((unit, index) => {
        if (unit === gap) return
        total++
        const previous = index > 0 ? clause[index - 1]! : edge
        const next = index + 1 < clause.length ? clause[index + 1]! : edge
        if (previous === gap) startsAfterGap++
        if (previous === edge) clauseStarts++
        if (next === gap) endsBeforeGap++
        if (next === edge) clauseEnds++
        const list = occurrences.get(unit)
        if (list === undefined) occurrences.set(unit, [layout.length + index])
        else list.push(layout.length + index)
      })
      layout.push(...clause, edge)
    }
  }
  const units = Uint32Array.from(layout)
  const isCentre = (at: number): boolean => at >= 0 && at < units.length && units[at] !== gap && units[at] !== edge

  /** The open preposition to the left of a position (`edge` for none), walking back through `unitAt(1)`, `unitAt(2)`, …. */
  const frameOf = (unitAt: (distance: number) => number | undefined): number => {
    if (frames === undefined) return edge
    for (let distance = 1; distance <= frameReach; distance++) {
      const unit = unitAt(distance)
      if (unit === undefined || unit === edge) break
      if (frames.closes.has(unit)) return edge
      if (frames.opens.has(unit)) return unit
    }
    return edge
  }
  const corpusFrame = (at: number): number => frameOf((distance) => units[at - distance])

  /** Joint counts of one character with each feature, keyed by {@link featureKey}. */
  const jointCache = new Map<number, Map<number, number>>()
  const jointOf = (char: number): Map<number, number> => {
    let joint = jointCache.get(char)
    if (joint !== undefined) return joint
    joint = new Map()
    // The features of one occurrence, each counted once (at most 2 + 2 × window).
    const seen: number[] = []
    const bump = (feature: number): void => {
      if (seen.includes(feature)) return
      seen.push(feature)
      joint!.set(feature, (joint!.get(feature) ?? 0) + 1)
    }
    for (const at of occurrences.get(char) ?? []) {
      seen.length = 0
      bump(featureKey(Kind.Left, units[at - 1]!))
      bump(featureKey(Kind.Right, units[at + 1]!))
      if (frames !== undefined) bump(featureKey(Kind.Frame, corpusFrame(at)))
      if (frames?.opens.has(char)) {
        for (let offset = 1; offset <= frameReach; offset++) {
          const after = units[at + offset]
          if (after === undefined || after === edge) break
          if (offset > windowSize && after !== gap) bump(featureKey(Kind.RightLong, after))
        }
      }
      for (let offset = 2; offset <= windowSize; offset++) {
        const before = units[at - offset]
        if (before === undefined || before === edge) break
        if (before !== gap) bump(featureKey(Kind.LeftFar, before))
      }
      for (let offset = 2; offset <= windowSize; offset++) {
        const after = units[at + offset]
        if (after === undefined || after === edge) break
        if (after !== gap) bump(featureKey(Kind.RightFar, after))
      }
    }
    jointCache.set(char, joint)
    return joint
  }

  /** How many centres are in each phrase (by its preposition), counted on first need. */
  let frameCounts: Map<number, number> | undefined

  /** How many centres have a feature: counted from the occurrences of its unit. */
  const marginalCache = new Map<number, number>()
  const marginalOf = (kind: Kind, unit: number): number => {
    const feature = featureKey(kind, unit)
    const known = marginalCache.get(feature)
    if (known !== undefined) return known
    let count = 0
    if (kind === Kind.Frame) {
      if (frameCounts === undefined) {
        frameCounts = new Map()
        for (let at = 0; at < units.length; at++) {
          if (!isCentre(at)) continue
          const open = corpusFrame(at)
          frameCounts.set(open, (frameCounts.get(open) ?? 0) + 1)
        }
      }
      count = frameCounts.get(unit) ?? 0
    } else if (unit === gap || unit === edge) {
      if (kind === Kind.Left) count = unit === gap ? startsAfterGap : clauseStarts
      else if (kind === Kind.Right) count = unit === gap ? endsBeforeGap : clauseEnds
    } else {
      const step = kind === Kind.Left || kind === Kind.LeftFar ? 1 : -1
      const near = kind === Kind.Left || kind === Kind.Right
      const [nearest, farthest] = kind === Kind.RightLong ? [windowSize + 1, frameReach] : [2, windowSize]
      // Occurrences come in text order, so the centres they reach do too:
      // a centre at or before `done` was counted already.
      let done = -1
      for (const at of occurrences.get(unit) ?? []) {
        if (near) {
          if (isCentre(at + step)) count++
          continue
        }
        // Centres 2..window away on the far side, each counted once.
        for (let offset = 1; offset <= farthest; offset++) {
          const centre = at + step * offset
          if (centre < 0 || centre >= units.length || units[centre] === edge) break
          if (offset >= nearest && centre > done && isCentre(centre)) {
            count++
            if (step > 0) done = centre
          }
        }
        if (step < 0) done = at - nearest
      }
    }
    marginalCache.set(feature, count)
    return count
  }

  const {adjacent, window, smoothing, clip, frame, phrase} = {...defaultContextWeights, ...weights}
  const window_ = window
  /**
   * Per character: its count, its clipped log-ratios by feature (computed
   * once each), and whether it opens or closes a phrase.
   */
  const characters = new Map<number, CharacterEntry>()
  const ratio = (char: number, charCount: number, known: RatioTable, kind: Kind, unit: number): number => {
    const feature = featureKey(kind, unit)
    let value = known.get(feature)
    if (Number.isNaN(value)) {
      const expected = (charCount * marginalOf(kind, unit)) / total
      value = Math.max(-clip, Math.min(clip, Math.log(((jointOf(char).get(feature) ?? 0) + smoothing) / (expected + smoothing))))
      known.set(feature, value)
    }
    return value
  }
  const unitOf = (text: string | undefined): number => (text === undefined ? edge : text === ' ' ? gap : text.codePointAt(0)!)
  /** What the model knows of a character, in one look-up. */
  const entryOf = (char: number): CharacterEntry => {
    let entry = characters.get(char)
    if (entry === undefined) {
      entry = {
        count: occurrences.get(char)?.length ?? 0,
        known: new RatioTable(),
        framed: frames !== undefined && (frames.opens.has(char) || frames.closes.has(char)),
        opens: frames?.opens.has(char) === true,
        phrase: phraseClosers.has(String.fromCodePoint(char)) || locativeOpeners.has(String.fromCodePoint(char))
      }
      characters.set(char, entry)
    }
    return entry
  }
  /** A unit further out as a feature's unit: -1 for none (the clause's end, a gap, a damaged character). */
  const farUnit = (text: string | undefined): number => (text === undefined || text === ' ' || text === unknown ? -1 : text.codePointAt(0)!)
  const own: OwnWindow = {left: [], right: [], leftNear: -1, rightNear: -1, leftFar: new Int32Array(windowSize), rightFar: new Int32Array(windowSize), rightLong: new Int32Array(frameReach), rightLongCount: 0, open: -1, after: undefined}
  return {
    window(left, right) {
      own.left = left
      own.right = right
      own.leftNear = left[0] === unknown ? -1 : unitOf(left[0])
      own.rightNear = right[0] === unknown ? -1 : unitOf(right[0])
      for (let offset = 1; offset < windowSize; offset++) {
        own.leftFar[offset] = farUnit(left[offset])
        own.rightFar[offset] = farUnit(right[offset])
      }
      own.rightLongCount = 0
      if (own.rightLong.length < right.length) own.rightLong = new Int32Array(right.length)
      for (let offset = windowSize; offset < right.length; offset++) {
        const after = right[offset]!
        if (after !== ' ' && after !== unknown) own.rightLong[own.rightLongCount++] = after.codePointAt(0)!
      }
      own.open = -1
      own.after = undefined
      return own
    },
    scoreIn(text, window) {
      const view = window as OwnWindow
      const char = text.codePointAt(0)!
      const entry = entryOf(char)
      const charCount = entry.count
      if (charCount === 0) return 0
      const {known} = entry
      // The same terms as `score`, added in the same order.
      let score = 0
      if (phrase !== 0 && entry.phrase) {
        view.after ??= view.right.slice(0, frameReach).join('')
        if (frameAfter(text, view.left, view.after) !== undefined) score = phrase
      }
      if (view.leftNear >= 0) score += adjacent * ratio(char, charCount, known, Kind.Left, view.leftNear)
      if (view.rightNear >= 0) score += adjacent * ratio(char, charCount, known, Kind.Right, view.rightNear)
      if (frame !== 0 && entry.framed) {
        if (view.open < 0) {
          const {left} = view
          view.open = frameOf((distance) => {
            const text = left[distance - 1]
            return text === undefined ? undefined : text === unknown || text === ' ' ? gap : text.codePointAt(0)!
          })
        }
        score += frame * ratio(char, charCount, known, Kind.Frame, view.open)
      }
      if (entry.opens && frame !== 0) {
        for (let at = 0; at < view.rightLongCount; at++) score += window_ * ratio(char, charCount, known, Kind.RightLong, view.rightLong[at]!)
      }
      for (let offset = 1; offset < windowSize; offset++) {
        const before = view.leftFar[offset]!
        const after = view.rightFar[offset]!
        if (before >= 0) score += window_ * ratio(char, charCount, known, Kind.LeftFar, before)
        if (after >= 0) score += window_ * ratio(char, charCount, known, Kind.RightFar, after)
      }
      return score
    },
    score(text, left, right) {
      const char = text.codePointAt(0)!
      const entry = entryOf(char)
      const charCount = entry.count
      if (charCount === 0) return 0
      const {known} = entry
      // (Only a character that opens or closes a known frame can complete one.)
      let score = phrase !== 0 && entry.phrase && phraseFrame(text, left, right) ? phrase : 0
      if (left[0] !== unknown) score += adjacent * ratio(char, charCount, known, Kind.Left, unitOf(left[0]))
      if (right[0] !== unknown) score += adjacent * ratio(char, charCount, known, Kind.Right, unitOf(right[0]))
      // Only the characters that make phrases are judged by the phrase they are in.
      if (frame !== 0 && entry.framed) {
        const open = frameOf((distance) => {
          const text = left[distance - 1]
          return text === undefined ? undefined : text === unknown || text === ' ' ? gap : text.codePointAt(0)!
        })
        score += frame * ratio(char, charCount, known, Kind.Frame, open)
      }
      if (entry.opens && frame !== 0) {
        for (let offset = windowSize; offset < right.length; offset++) {
          const after = right[offset]!
          if (after !== ' ' && after !== unknown) score += window * ratio(char, charCount, known, Kind.RightLong, after.codePointAt(0)!)
        }
      }
      for (let offset = 1; offset < windowSize; offset++) {
        const before = left[offset]
        const after = right[offset]
        if (before !== undefined && before !== ' ' && before !== unknown) score += window * ratio(char, charCount, known, Kind.LeftFar, before.codePointAt(0)!)
        if (after !== undefined && after !== ' ' && after !== unknown) score += window * ratio(char, charCount, known, Kind.RightFar, after.codePointAt(0)!)
      }
      return score
    },
    count: (text) => occurrences.get(text.codePointAt(0)!)?.length ?? 0,
    size: total
  }
}

/** What the model knows of one character (see `trainContextModel`). */
interface CharacterEntry {
  count: number
  known: RatioTable
  framed: boolean
  opens: boolean
  phrase: boolean
}

/**
 * The clipped log-ratios of one character by feature key (a non-negative
 * integer): an open-addressing hash table in one typed array, key and value
 * side by side, so a look-up touches one place in memory (a `Map` of
 * numbers touched several, and the context model looks up about a dozen
 * features for every candidate of every damaged character).
 */
class RatioTable {
  /** Pairs of key (-1: empty) and value. */
  private entries = new Float64Array(64).fill(-1)
  private size = 0

  /** The value of a key, or NaN (no value is NaN; a number that may be undefined is boxed). */
  get(key: number): number {
    const {entries} = this
    const mask = (entries.length >> 1) - 1
    for (let slot = hashKey(key) & mask; ; slot = (slot + 1) & mask) {
      const found = entries[2 * slot]!
      if (found === key) return entries[2 * slot + 1]!
      if (found === -1) return Number.NaN
    }
  }

  /** Set the value of a key that has none. */
  set(key: number, value: number): void {
    if (2 * (this.size + 1) > this.entries.length >> 1) this.grow()
    this.place(key, value)
    this.size++
  }

  private place(key: number, value: number): void {
    const {entries} = this
    const mask = (entries.length >> 1) - 1
    let slot = hashKey(key) & mask
    while (entries[2 * slot] !== -1) slot = (slot + 1) & mask
    entries[2 * slot] = key
    entries[2 * slot + 1] = value
  }

  private grow(): void {
    const old = this.entries
    this.entries = new Float64Array(old.length * 2).fill(-1)
    for (let slot = 0; slot < old.length; slot += 2) if (old[slot] !== -1) this.place(old[slot]!, old[slot + 1]!)
  }
}

/** Spread a feature key over the table (multiplicative hashing). */
function hashKey(key: number): number {
  const hash = Math.imul(key, 0x9e3779b1)
  return hash ^ (hash >>> 16)
}

/** A function returning the (shared) context model, training it on first call. */
export type ContextModelLoader = () => ContextModel
