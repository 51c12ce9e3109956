/**
 * Rebuild damaged characters of Chinese text: build the lattice of fixed
 * characters and candidate slots over the repaired text and score it with the
 * lexicon.
 */
import {classPrior, partnerOf, type Candidate} from './candidates.js'
import {chooseInLattice, gapUnit, isHan, type Slot, type Unit} from './choose.js'
import {documentCache, type DocumentCacheOptions, type WordCache} from '../model/document-cache.js'
import {frameReach, unknown, windowSize, type ContextModel} from '../model/context-model.js'
import type {Lexicon} from '../model/lexicon.js'

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
  /** Confidence 0–1. */
  confidence: number
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
  const slots: Array<{slot: Slot; candidates: readonly Candidate[]; at: number; afterNumber: boolean; beforeQuestion: boolean; lineEnd: boolean; paragraphEnd: boolean; lineStart: boolean}> = []
  parts.forEach((part, index) => {
    if (typeof part === 'string') {
      pushFixed(units, part)
    } else {
      const candidates = narrow(prune(part.candidates, lexicon), parts, index, lexicon)
      const slot: Slot = {candidates: candidates.map((candidate) => candidate.char), priors: []}
      const before = textAround(parts, index, -1)
      const after = textAround(parts, index, 1)
      slots.push({
        slot,
        candidates,
        at: units.length,
        afterNumber: typeof before === 'string' && /\d[ \t]*$/.test(before),
        beforeQuestion: typeof after === 'string' && /^[？?]/.test(after),
        lineEnd: after === undefined || (typeof after === 'string' && /^[ \t]*(?:\r?\n|$)/.test(after)),
        paragraphEnd: after === undefined || (typeof after === 'string' && paragraphEnd.test(after)),
        lineStart: before === undefined || (typeof before === 'string' && /(?:^|\n)[ \t]*(?:[-*+>#]+[ \t]+|\d+\.[ \t]+)?$/.test(before))
      })
      units.push(slot)
    }
  })
  for (const {slot, candidates, at, afterNumber, beforeQuestion, lineEnd, paragraphEnd, lineStart} of slots) {
    slot.priors = basePriors(units, candidates, at)
    if (lineEnd || lineStart) addLinePosition(slot, lineEnd, paragraphEnd, lineStart)
    addGrammar(units, slot, at, lexicon, afterNumber, beforeQuestion)
    if (options.context !== undefined) addContext(units, slot, at, options.context, options.contextWeight ?? defaultContextWeight)
  }
  const plain = chooseInLattice(units, lexicon, options.words)
  const choices = options.cache === undefined || options.cache === false ? plain : chooseInLattice(units, lexicon, documentCache(units, plain, lexicon, options.cache))
  return choices.map((choice, index) => {
    const {candidates} = slots[index]!.slot
    return {
      char: candidates[choice.best]!,
      plain: candidates[plain[index]!.best]!,
      confidence: choice.confidence,
      alternatives: choice.order.slice(1, 4).map((position) => candidates[position]!)
    }
  })
}

/**
 * Up to a few characters of text on one side of a part, across fixed parts;
 * a damaged character stands as `X` (it is some character). Undefined at the
 * start or end of the text.
 */
function textAround(parts: readonly Part[], index: number, step: 1 | -1): string | undefined {
  let text = ''
  for (let at = index + step; at >= 0 && at < parts.length && text.length < 8; at += step) {
    const part = parts[at]!
    const piece = typeof part === 'string' ? part : 'X'
    text = step > 0 ? text + piece : piece + text
  }
  if (text === '' && (index + step < 0 || index + step >= parts.length)) return undefined
  return step > 0 ? text.slice(0, 8) : text.slice(-8)
}

/**
 * Add the characters of fixed text that matter to the lattice: Han
 * characters, line breaks, Chinese and paired punctuation; any other run
 * becomes one gap unit, which keeps the lattice small.
 */
function pushFixed(units: Unit[], text: string): void {
  for (const char of text) {
    if (isHan(char) || char === '\n' || partnerOf(char) !== undefined || /^[\u3000-\u303F\uFF00-\uFFEF]$/.test(char)) units.push(char)
    else if (units.at(-1) !== gapUnit) units.push(gapUnit)
  }
}

/**
 * Drop candidates that cannot win: characters the kind prior rules out
 * (format controls, private use, rare Han extensions) and Han characters the
 * lexicon does not know at all, as long as something better remains.
 */
function prune(candidates: readonly Candidate[], lexicon: Lexicon): readonly Candidate[] {
  let cache = pruned.get(lexicon)
  if (cache === undefined) {
    cache = new WeakMap()
    pruned.set(lexicon, cache)
  }
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

/** Candidates above which a slot is narrowed before the lattice. */
const wideSlot = 96
/** How many of a wide slot's commonest candidates are kept whatever their neighbours. */
const keptCommon = 48

/**
 * Narrow a slot with hundreds of candidates (a lone lead byte whose two
 * continuation bytes were stripped) to those that can make a word with what
 * is around it: continue a word prefix that ends just before it (intact
 * characters, or any candidate of a damaged neighbour), or begin a word with
 * the character (or a candidate) after it; and the commonest others. The
 * lattice's cost grows with the product of adjacent slots' sizes, and the
 * rest never win.
 */
function narrow(candidates: readonly Candidate[], parts: readonly Part[], index: number, lexicon: Lexicon): readonly Candidate[] {
  if (candidates.length <= wideSlot) return candidates
  const follows = continuations(parts, index, lexicon)
  const kept = new Set(commonest(candidates, lexicon))
  if (follows.size < candidates.length) {
    const byCode = codeIndex(candidates)
    for (const code of follows) {
      const candidate = byCode.get(code)
      if (candidate !== undefined) kept.add(candidate)
    }
  } else {
    for (const candidate of candidates) if (follows.has(candidate.char.codePointAt(0)!)) kept.add(candidate)
  }
  for (const candidate of starters(candidates, parts[index + 1], lexicon)) kept.add(candidate)
  return candidates.filter((candidate) => kept.has(candidate))
}

/** A candidate list's candidates by code point (kept per shared list). */
function codeIndex(candidates: readonly Candidate[]): ReadonlyMap<number, Candidate> {
  let index = codeCache.get(candidates)
  if (index === undefined) {
    const built = new Map<number, Candidate>()
    for (const candidate of candidates) if (!built.has(candidate.char.codePointAt(0)!)) built.set(candidate.char.codePointAt(0)!, candidate)
    codeCache.set(candidates, built)
    index = built
  }
  return index
}

const codeCache = new WeakMap<readonly Candidate[], ReadonlyMap<number, Candidate>>()

/**
 * The candidates that begin a word with what comes next: the next character,
 * or any candidate of a damaged one. Kept per lexicon, per shared candidate
 * list and per next character (or next list): the same lone lead byte before
 * the same character is narrowed once.
 */
function starters(candidates: readonly Candidate[], after: Part | undefined, lexicon: Lexicon): readonly Candidate[] {
  const key = startersKey(after)
  if (key === undefined) return []
  let byLexicon = startersCache.get(lexicon)
  if (byLexicon === undefined) {
    byLexicon = new WeakMap()
    startersCache.set(lexicon, byLexicon)
  }
  let byNext = byLexicon.get(candidates)
  if (byNext === undefined) {
    byNext = new Map()
    byLexicon.set(candidates, byNext)
  }
  let found = byNext.get(key)
  if (found === undefined) {
    const next = nextCodes(after)
    found = candidates.filter((candidate) => {
      const trie = lexicon.trie(candidate.char)
      if (trie === undefined) return false
      if (next.size <= 8) {
        for (const code of next) if (trie.child(0, code) >= 0) return true
        return false
      }
      let starts = false
      trie.forEachChild(0, (child) => {
        starts ||= next.has(child)
      })
      return starts
    })
    byNext.set(key, found)
  }
  return found
}

const startersCache = new WeakMap<Lexicon, WeakMap<readonly Candidate[], Map<number | readonly Candidate[], readonly Candidate[]>>>()

/** What a part after a slot is for {@link starters}: its first Han code point, the candidate list of a damaged one, or undefined. */
function startersKey(after: Part | undefined): number | readonly Candidate[] | undefined {
  if (after === undefined) return undefined
  if (typeof after !== 'string') return after.candidates
  const first = after.codePointAt(0)
  return first === undefined || !isHan(String.fromCodePoint(first)) ? undefined : first
}

/** The commonest candidates of a wide slot (kept per shared candidate list). */
function commonest(candidates: readonly Candidate[], lexicon: Lexicon): readonly Candidate[] {
  let known = commonCache.get(candidates)
  if (known === undefined) {
    known = [...candidates]
      .map((candidate) => {
        const {initial, final, single} = lexicon.positions(candidate.char)
        return {candidate, weight: classPrior(candidate.char) + Math.log(initial + final + single + 1)}
      })
      .sort((a, b) => b.weight - a.weight)
      .slice(0, keptCommon)
      .map((entry) => entry.candidate)
    commonCache.set(candidates, known)
  }
  return known
}

const commonCache = new WeakMap<readonly Candidate[], readonly Candidate[]>()
/** The code points that follow any candidate of a slot inside a word (kept per shared candidate list). */
const followCache = new WeakMap<readonly Candidate[], Set<number>>()

/** Code points that continue a lexicon word prefix ending right before a part. */
function continuations(parts: readonly Part[], index: number, lexicon: Lexicon): Set<number> {
  const codes = new Set<number>()
  const before = parts[index - 1]
  if (before === undefined) return codes
  if (typeof before !== 'string') {
    let known = followCache.get(before.candidates)
    if (known === undefined) {
      known = new Set()
      for (const candidate of before.candidates) lexicon.trie(candidate.char)?.forEachChild(0, (code) => known!.add(code))
      followCache.set(before.candidates, known)
    }
    return known
  }
  const chars = [...before.slice(-4)]
  for (let start = chars.length - 1; start >= Math.max(0, chars.length - 3); start--) {
    if (!isHan(chars[start]!)) break
    const trie = lexicon.trie(chars[start]!)
    if (trie === undefined) continue
    let node = 0
    for (const char of chars.slice(start + 1)) {
      node = trie.child(node, char.codePointAt(0)!)
      if (node < 0) break
    }
    if (node >= 0) trie.forEachChild(node, (code) => codes.add(code))
  }
  return codes
}

/** Code points that may come right after a part: the next character, or the candidates of a damaged one. */
function nextCodes(after: Part | undefined): Set<number> {
  if (after === undefined) return new Set()
  if (typeof after !== 'string') return new Set(after.candidates.map((candidate) => candidate.char.codePointAt(0)!))
  const first = after.codePointAt(0)
  return first === undefined || !isHan(String.fromCodePoint(first)) ? new Set() : new Set([first])
}

/** Pruned candidate lists per lexicon, by the (shared) list of completions. */
const pruned = new WeakMap<Lexicon, WeakMap<readonly Candidate[], readonly Candidate[]>>()

/**
 * Class prior, outside evidence, and the pairing of brackets and quotes: a
 * bonus when the partner is intact on the same line (`【` before `】`), a
 * penalty when no partner, intact or among the candidates of another damaged
 * character, is in the paragraph at all (an opening `『` that nothing closes).
 */
function basePriors(units: readonly Unit[], candidates: readonly Candidate[], at: number): number[] {
  return candidates.map((candidate) => {
    const {char} = candidate
    let prior = classPrior(char) + (candidate.bonus ?? 0)
    const pairing = partnerOf(char)
    if (pairing !== undefined) {
      const found = findPartner(units, at, pairing.partner, pairing.direction)
      if (found === 'line') prior += pairingBonus
      else if (found === 'none') prior -= pairingBonus
    }
    return prior
  })
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
function findPartner(units: readonly Unit[], at: number, partner: string, direction: 'after' | 'before'): 'line' | 'paragraph' | 'none' {
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
    if (typeof unit !== 'string' && unit.candidates.includes(partner)) return 'paragraph'
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
function addContext(units: readonly Unit[], slot: Slot, at: number, model: ContextModel, weight: number): void {
  if (slot.candidates.length < 2) return
  const known = trusted(slot.candidates, model)
  if (!known.includes(true)) return
  const left = clauseSide(units, at, -1, frameReach)
  const right = clauseSide(units, at, 1, frameReach)
  const scores = slot.candidates.map((char, index) => (known[index] ? model.score(char, left, right) : 0))
  let worst = 0
  scores.forEach((score, index) => {
    if (known[index]) worst = Math.min(worst, score)
  })
  slot.candidates.forEach((char, index) => {
    if (isHan(char)) slot.priors[index]! += weight * (known[index] ? scores[index]! : worst)
  })
}

/** Which candidates the context model knows well enough (kept per model and candidate list). */
function trusted(candidates: readonly string[], model: ContextModel): readonly boolean[] {
  let cache = trustedCache.get(model)
  if (cache === undefined) {
    cache = new Map()
    trustedCache.set(model, cache)
  }
  const key = candidates.join('')
  let known = cache.get(key)
  if (known === undefined) {
    known = candidates.map((char) => isHan(char) && model.count(char) >= minimumCount)
    if (cache.size >= 8192) cache.clear()
    cache.set(key, known)
  }
  return known
}

const trustedCache = new WeakMap<ContextModel, Map<string, readonly boolean[]>>()

/** Occurrences in the corpus below which a character's context score is not trusted. */
const minimumCount = 50

/** The units of the clause on one side of a position, nearest first: Han, gap, or unknown for a slot. */
function clauseSide(units: readonly Unit[], at: number, step: number, reach: number): string[] {
  const side: string[] = []
  for (let position = at + step; position >= 0 && position < units.length && side.length < reach; position += step) {
    const unit = units[position]!
    if (typeof unit !== 'string') side.push(unknown)
    else if (unit === gapUnit || isHan(unit)) side.push(unit)
    else break
  }
  return side
}
