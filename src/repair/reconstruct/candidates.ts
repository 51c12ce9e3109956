/**
 * Candidates for a damaged character: every character whose UTF-8 encoding
 * fits the bytes that are left, with the lost bytes taken from the set the
 * document lost, and a prior for the kind of character each one is.
 */
import {unknownByte} from '../channels/scan.js'
import {decodeSequence, isAcceptableOutput, sequenceLength} from '../channels/utf8.js'

/** One possible original character of a damaged piece. */
export interface Candidate {
  /** The character. */
  char: string
  /** The lost byte values this candidate assumes, in order. */
  filled: number[]
  /** Additive natural-log score from outside evidence, such as the English source (default 0). */
  bonus?: number
}

/**
 * Enumerate the completions of a damaged UTF-8 sequence.
 *
 * @param bytes Bytes left, lead first; {@link unknownByte} marks a byte known to be lost.
 * @param lost Byte values that may have been dropped silently.
 * @param unknown Byte values a marked loss may stand for.
 * @returns Distinct valid characters, each with the bytes it assumes.
 */
export function completions(
  bytes: readonly number[],
  lost: readonly number[],
  unknown: readonly number[]
): readonly Candidate[] {
  // A document repeats its damaged characters (`ä¸` for 不, 中, 与 hundreds of
  // times): enumerate each shape once. The lists are shared: never changed.
  let shape = 0
  for (const byte of bytes) shape = shape * 257 + byte + 2
  const byShape = shapesOf(lost, unknown)
  let known = byShape.get(shape)
  if (known === undefined) {
    if (completionCount >= completionCacheSize) clearCompletions()
    known = Object.freeze(enumerate(bytes, lost, unknown))
    shapesOf(lost, unknown).set(shape, known)
    completionCount++
  }
  return known
}

/**
 * The completions by shape for one pair of byte lists: found by the lists
 * themselves (a document passes the same few for every piece), else by
 * their contents (the next document's lists are new arrays with the same
 * bytes), so no key is built per piece.
 */
function shapesOf(lostList: readonly number[], unknownList: readonly number[]): Map<number, readonly Candidate[]> {
  // Callers pass a fresh `[]` for none: every empty list is the same one here.
  const lost = lostList.length === 0 ? noBytes : lostList
  const unknown = unknownList.length === 0 ? noBytes : unknownList
  const byUnknown = level(byLists, lost)
  let byShape = byUnknown.get(unknown)
  if (byShape === undefined) {
    const key = `${listKey(lost)}|${listKey(unknown)}`
    byShape = completionCache.get(key)
    if (byShape === undefined) {
      byShape = new Map()
      completionCache.set(key, byShape)
    }
    byUnknown.set(unknown, byShape)
  }
  return byShape
}

/** The inner map of `lost` in {@link byLists}, made empty the first time. */
function level(outer: WeakMap<readonly number[], WeakMap<readonly number[], Map<number, readonly Candidate[]>>>, lost: readonly number[]): WeakMap<readonly number[], Map<number, readonly Candidate[]>> {
  let inner = outer.get(lost)
  if (inner === undefined) {
    inner = new WeakMap()
    outer.set(lost, inner)
  }
  return inner
}

/** Forget every completion (the cache is bounded: {@link completionCacheSize} lists in all). */
function clearCompletions(): void {
  completionCache.clear()
  byLists = new WeakMap()
  completionCount = 0
}

/** A list of byte values as a key, kept per (shared) list: a document passes the same few lists for every piece. */
function listKey(list: readonly number[]): string {
  if (list.length === 0) return ''
  let key = listKeys.get(list)
  if (key === undefined) {
    key = list.join(',')
    listKeys.set(list, key)
  }
  return key
}

const listKeys = new WeakMap<readonly number[], string>()

const completionCacheSize = 8192
/** The completions by shape, by the contents of the two lists (see {@link shapesOf}). */
const completionCache = new Map<string, Map<number, readonly Candidate[]>>()
/** The same maps by the lists themselves. */
let byLists = new WeakMap<readonly number[], WeakMap<readonly number[], Map<number, readonly Candidate[]>>>()
/** The empty list of bytes (see {@link shapesOf}). */
const noBytes: readonly number[] = []
/** How many lists the cache holds. */
let completionCount = 0

function enumerate(bytes: readonly number[], lost: readonly number[], unknown: readonly number[]): Candidate[] {
  const length = sequenceLength(bytes[0]!)
  const missing = length - bytes.length
  const results = new Map<string, Candidate>()
  const tail = bytes.slice(1)
  // Choose where the silently missing bytes were, then their values.
  for (const positions of insertionPatterns(length - 1, missing)) {
    const pattern: Array<number | null> = []
    let next = 0
    for (let slot = 0; slot < length - 1; slot++) {
      pattern.push(positions.includes(slot) ? null : tail[next++]!)
    }
    fill(pattern, 0, [bytes[0]!], lost, unknown, (filled, values) => {
      const codePoint = decodeSequence(values)
      if (codePoint < 0 || !isAcceptableOutput(codePoint)) return
      const char = String.fromCodePoint(codePoint)
      if (!results.has(char)) results.set(char, {char, filled})
    })
  }
  return [...results.values()]
}

/** All ways to choose `count` slots out of `size`, as sorted index lists. */
function insertionPatterns(size: number, count: number): number[][] {
  if (count === 0) return [[]]
  const result: number[][] = []
  const walk = (from: number, chosen: number[]): void => {
    if (chosen.length === count) {
      result.push(chosen)
      return
    }
    for (let slot = from; slot < size; slot++) walk(slot + 1, [...chosen, slot])
  }
  walk(0, [])
  return result
}

/** Fill null slots with lost bytes and unknown markers with unknown bytes. */
function fill(
  pattern: ReadonlyArray<number | null>,
  index: number,
  values: number[],
  lost: readonly number[],
  unknown: readonly number[],
  emit: (filled: number[], values: number[]) => void,
  filled: number[] = []
): void {
  if (index === pattern.length) {
    emit(filled.slice(), values)
    return
  }
  const byte = pattern[index]
  const options = byte === null ? lost : byte === unknownByte ? unknown : undefined
  if (options === undefined) {
    values.push(byte!)
    fill(pattern, index + 1, values, lost, unknown, emit, filled)
    values.pop()
    return
  }
  for (const option of options) {
    values.push(option)
    filled.push(option)
    fill(pattern, index + 1, values, lost, unknown, emit, filled)
    filled.pop()
    values.pop()
  }
}

const commonest = new Set([...'，。'])
const common = new Set([...'“”：（）'])
const lessCommon = new Set([...'；！？《》—…'])
/** Box drawing and arrows that plain-text diagrams use. */
const diagram = new Set([...'─│┌┐└┘├┤┬┴┼═║→←↑↓'])
const usual = new Set([...'【】「」‘’·『』〈〉～'])

/**
 * Natural-log prior of a candidate that is not a Han character, for text in
 * Chinese. These are tiers, not frequencies: punctuation that Chinese prose
 * uses constantly, other punctuation, emoji (faces first), letters and symbols, and last the
 * characters that practically never occur (format controls, private use,
 * unassigned, rare Han extensions). Han characters in the basic block are left
 * to the lexicon (return 0).
 *
 * @param char One character.
 * @returns A log-prior, 0 for basic Han characters.
 */
export function classPrior(char: string): number {
  if (/^[\u4E00-\u9FFF]$/.test(char)) return 0
  if (commonest.has(char)) return -3
  if (char === '、') return -3.5
  if (common.has(char)) return -4.5
  if (lessCommon.has(char)) return -5.5
  if (usual.has(char)) return -6
  if (/^\p{P}$/u.test(char)) return -8
  if (/^[\u{1F600}-\u{1F64F}]$/u.test(char)) return -8
  if (diagram.has(char)) return -9
  if (/^\p{Extended_Pictographic}$/u.test(char)) return -10
  if (/^[\p{L}\p{N}\p{S}]$/u.test(char) && !/^[\p{Co}\p{Cn}]$/u.test(char) && !/^\p{Script=Han}$/u.test(char)) {
    return -11
  }
  return -18
}

const pairs: Record<string, string> = {
  '【': '】',
  '「': '」',
  '『': '』',
  '《': '》',
  '〈': '〉',
  '（': '）',
  '“': '”',
  '‘': '’',
  '〔': '〕',
  '〖': '〗'
}
const openers = new Map(Object.entries(pairs))
const closers = new Map(Object.entries(pairs).map(([open, close]) => [close, open]))

/**
 * The partner of a paired punctuation mark and which way to look for it.
 *
 * @param char One character.
 * @returns The partner and `after` (for an opener) or `before` (for a closer), or undefined.
 */
export function partnerOf(char: string): {partner: string; direction: 'after' | 'before'} | undefined {
  const close = openers.get(char)
  if (close !== undefined) return {partner: close, direction: 'after'}
  const open = closers.get(char)
  if (open !== undefined) return {partner: open, direction: 'before'}
  return undefined
}
