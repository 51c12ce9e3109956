/**
 * The Chinese lexicon used to choose among rebuilt characters: jieba's
 * `dict.txt` (word, frequency, part of speech; ~349k words), as shipped by
 * `@node-rs/jieba`.
 *
 * Loading is lazy and explicit: nothing is read at import time. Callers get a
 * lexicon from {@link loadLexicon} (reads and indexes the file) or share one
 * through {@link lexiconLoader}, which memoises per loader instance.
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'

/**
 * The words that begin with one character, as a trie by code point. Nodes are
 * numbers (the root, the character itself, is 0), so walking it allocates
 * nothing; it is stored in typed arrays, a few bytes a node.
 */
export interface LexiconTrie {
  /** Natural-log probability when the node's prefix is itself a word, else undefined. */
  value(node: number): number | undefined
  /**
   * {@link LexiconTrie.value} of every node, NaN where that is undefined: a
   * hot loop reads a number from here without a call (a call that returns a
   * number, or undefined, boxes it when the caller has no room to inline it).
   */
  readonly values: Float64Array
  /** The node one code point further, or -1. */
  child(node: number, code: number): number
  /** Whether longer words go through the node. */
  hasChildren(node: number): boolean
  /** How many code points lead on from the node. */
  childCount(node: number): number
  /** Call `visit` with the code point and node of each child, in code point order. */
  forEachChild(node: number, visit: (code: number, child: number) => void): void
}

/** A word lexicon with unigram log-probabilities. */
export interface Lexicon {
  /**
   * Look a string up: its natural-log probability (< 0) when it is a word,
   * +1 when it is only the beginning of longer words (worth extending), and
   * undefined otherwise.
   */
  lookup(text: string): number | undefined
  /**
   * The map behind {@link Lexicon.lookup} for all strings that begin with the
   * first character of `text` (same values), or undefined when no word does.
   */
  family(text: string): ReadonlyMap<string, number> | undefined
  /**
   * The trie of the words that begin with a character: walking it by code
   * point finds the words through a position without building strings
   * (undefined when no word begins with the character).
   */
  trie(char: string): LexiconTrie | undefined
  /** Every word with its log-probability (parses the whole dictionary). */
  words(): IterableIterator<[string, number]>
  /**
   * How often a character begins and ends words of two or more characters
   * (sums of their frequencies), and its frequency as a word by itself:
   * `中` ends many words (其中, 之中), `不` begins many, `的` stands alone.
   */
  positions(char: string): {initial: number; final: number; single: number}
  /**
   * The part-of-speech tag of a one-character word (jieba's: `p` for the
   * prepositions 在 从 与, `f` for the locatives 中 上 里, …), or undefined.
   */
  charTag(char: string): string | undefined
  /** Log-probability given to a Han character that the lexicon lacks. */
  floor: number
  /** Length (in UTF-16 units) of the longest word. */
  maxLength: number
  /** Number of words. */
  size: number
}

/** A function returning the (shared) lexicon, loading it on first call. */
export type LexiconLoader = () => Lexicon

/**
 * Path of the jieba dictionary shipped by `@node-rs/jieba`.
 *
 * @returns Absolute path of `dict.txt`.
 */
export function defaultDictionaryPath(): string {
  const require = createRequire(import.meta.url)
  return require.resolve('@node-rs/jieba/dict.txt')
}

/**
 * Counts to balance a dictionary's with ({@link parseLexicon}): one-character
 * words from everyday writing, longer words from software text. Each is a
 * corpus's counts and its size in words.
 */
export interface Balance {
  /** One-character words, by code point. */
  singles: {counts: ReadonlyMap<number, number>; total: number}
  /** Words of two or more characters. */
  words: {counts: ReadonlyMap<string, number>; total: number}
}

/**
 * Weight of the dictionary's own count of a word against the count of a
 * {@link Balance}, for one-character words and for longer ones. Tuned with C1
 * stripped on the damage matrix's tuning pages and on the first half of the
 * seed's Chinese (docs/repair.md, "Words as everyday writing and software
 * use them": 0.5–0.95 tried; 0.8 for both, with the fewest unflagged wrong
 * characters), reported on the held-out pages.
 */
export const balanceWeight = 0.8

/** Lines of the words that begin with one character, parsed on first use. */
interface Bucket {
  start: number
  end: number
  entries: Map<string, number> | undefined
  trie?: LexiconTrie
}

/** A trie node while the trie is built. */
interface BuildNode {
  value: number
  next: Map<number, BuildNode> | undefined
}

/** A trie in breadth-first order: the children of a node are consecutive nodes, sorted by code point. */
class CompactTrie implements LexiconTrie {
  constructor(
    readonly values: Float64Array,
    private readonly first: Uint32Array,
    private readonly counts: Uint32Array,
    private readonly codes: Uint32Array
  ) {}

  value(node: number): number | undefined {
    const value = this.values[node]!
    return Number.isNaN(value) ? undefined : value
  }

  child(node: number, code: number): number {
    let low = this.first[node]!
    let high = low + this.counts[node]! - 1
    while (low <= high) {
      const middle = (low + high) >> 1
      const found = this.codes[middle]!
      if (found === code) return middle
      if (found < code) low = middle + 1
      else high = middle - 1
    }
    return -1
  }

  hasChildren(node: number): boolean {
    return this.counts[node]! > 0
  }

  childCount(node: number): number {
    return this.counts[node]!
  }

  forEachChild(node: number, visit: (code: number, child: number) => void): void {
    const first = this.first[node]!
    const end = first + this.counts[node]!
    for (let child = first; child < end; child++) visit(this.codes[child]!, child)
  }
}

/** The child of a trie node being built for a code point, made when missing. */
function childOf(node: BuildNode, code: number): BuildNode {
  node.next ??= new Map()
  let child = node.next.get(code)
  if (child === undefined) {
    child = {value: Number.NaN, next: undefined}
    node.next.set(code, child)
  }
  return child
}

/** A word's value at its node: the best of its spellings. */
function keepBest(node: BuildNode, value: number): void {
  if (Number.isNaN(node.value) || value > node.value) node.value = value
}

/**
 * Build the trie of the words that begin with one character from a list of
 * words and their log-probabilities (the first character is the root).
 *
 * @param words Words that all begin with the same character, with their values.
 * @returns The trie.
 */
export function trieOf(words: Iterable<[string, number]>): LexiconTrie {
  const root: BuildNode = {value: Number.NaN, next: undefined}
  for (const [word, value] of words) {
    const points = [...word]
    let current = root
    for (const point of points.slice(1)) {
      current = childOf(current, point.codePointAt(0)!)
    }
    keepBest(current, value)
  }
  return compact(root)
}

/** Lay a built trie out breadth first in typed arrays. */
function compact(root: BuildNode): CompactTrie {
  const order: BuildNode[] = [root]
  const codes: number[] = [0]
  const first: number[] = []
  const counts: number[] = []
  for (let index = 0; index < order.length; index++) {
    const node = order[index]!
    first.push(order.length)
    const children = node.next === undefined ? [] : [...node.next].sort((a, b) => a[0] - b[0])
    counts.push(children.length)
    for (const [code, child] of children) {
      order.push(child)
      codes.push(code)
    }
  }
  return new CompactTrie(
    Float64Array.from(order, (node) => node.value),
    Uint32Array.from(first),
    Uint32Array.from(counts),
    Uint32Array.from(codes)
  )
}

/**
 * Parse a jieba-format dictionary (`word freq [tag]` per line).
 *
 * Loading only indexes the text: one pass finds, for each first character,
 * the range of lines of its words (the file is sorted, and unsorted input
 * just yields more ranges, merged on lookup) and sums the frequencies. The
 * words of one first character are put in a map the first time a lookup
 * needs them, so a document pays for the characters it contains.
 *
 * The counts can be balanced with other corpora's ({@link Balance}): a
 * word's count becomes the weighted mean ({@link balanceWeight}) of its count
 * here and its count there, scaled to this dictionary's size (a word the
 * other corpus lacks keeps that share of its count).
 *
 * @param source The dictionary text.
 * @param balance Other corpora's counts (default: none, the dictionary's counts as they are).
 * @returns The lexicon.
 */
export function parseLexicon(source: string, balance?: Balance): Lexicon {
  const weigh = balance === undefined ? undefined : balancer(source, balance)
  const buckets = new Map<number, Bucket[]>()
  const initial = new Map<number, number>()
  const final = new Map<number, number>()
  const single = new Map<number, number>()
  const singleTags = new Map<number, string>()
  let total = 0
  let size = 0
  let maxLength = 0
  let current: Bucket | undefined
  let currentCode = -1
  let start = 0
  while (start < source.length) {
    let end = source.indexOf('\n', start)
    if (end === -1) end = source.length
    const space = source.indexOf(' ', start)
    if (space > start && space < end) {
      let count = 0
      for (let index = space + 1; index < end; index++) {
        const digit = source.charCodeAt(index) - 48
        if (digit < 0 || digit > 9) break
        count = count * 10 + digit
      }
      if (count > 0) {
        const code = source.codePointAt(start)!
        if (weigh !== undefined) count = weigh(source, start, space, code, count)
        total += count
        size++
        if (space - start > maxLength) maxLength = space - start
        const last = source.charCodeAt(space - 1)
        const lastCode = last >= 0xdc00 && last <= 0xdfff ? source.codePointAt(space - 2)! : last
        if (space - start > (code > 0xffff ? 2 : 1)) {
          initial.set(code, (initial.get(code) ?? 0) + count)
          final.set(lastCode, (final.get(lastCode) ?? 0) + count)
        } else {
          single.set(code, count)
          let tagStart = space + 1
          while (tagStart < end && source.charCodeAt(tagStart) !== 32) tagStart++
          const tag = source.slice(tagStart + 1, end).trim()
          if (tag !== '') singleTags.set(code, tag)
        }
        if (code !== currentCode || current === undefined) {
          current = {start, end, entries: undefined}
          currentCode = code
          const list = buckets.get(code)
          if (list === undefined) buckets.set(code, [current])
          else list.push(current)
        }
        current.end = end
      }
    }
    start = end + 1
  }
  const logTotal = Math.log(total)
  /** The count of a word as the lexicon uses it. */
  const countOf = weigh === undefined ? (_word: string, count: number) => count : (word: string, count: number) => weigh(word, 0, word.length, word.codePointAt(0)!, count)

  const parseBucket = (bucket: Bucket): Map<string, number> => {
    const entries = new Map<string, number>()
    forEachLine(source, bucket.start, bucket.end, (word, count) => entries.set(word, Math.log(countOf(word, count)) - logTotal))
    for (const word of [...entries.keys()]) {
      for (let length = 1; length < word.length; length++) {
        const prefix = word.slice(0, length)
        if (!entries.has(prefix)) entries.set(prefix, 1)
      }
    }
    return entries
  }

  /** The merged words of first characters whose lines are not contiguous (unsorted input). */
  const merged = new Map<number, Map<string, number>>()
  const family = (text: string): Map<string, number> | undefined => {
    const code = text.codePointAt(0)!
    const list = buckets.get(code)
    if (list === undefined) return undefined
    if (list.length === 1) return (list[0]!.entries ??= parseBucket(list[0]!))
    let entries = merged.get(code)
    if (entries === undefined) {
      entries = new Map()
      for (const bucket of list) {
        for (const [word, value] of parseBucket(bucket)) {
          const known = entries.get(word)
          if (known === undefined || value < 0) entries.set(word, value)
        }
      }
      merged.set(code, entries)
    }
    return entries
  }

  const trie = (char: string): LexiconTrie | undefined => {
    const code = char.codePointAt(0)!
    const list = buckets.get(code)
    if (list === undefined) return undefined
    const bucket = list[0]!
    if (bucket.trie === undefined) {
      // Built from the lines themselves: no map of strings is needed.
      const root: BuildNode = {value: Number.NaN, next: undefined}
      for (const {start, end} of list) {
        forEachLine(source, start, end, (word, count) => {
          let current = root
          for (let index = code > 0xffff ? 2 : 1; index < word.length; index++) {
            const unit = word.charCodeAt(index)
            const point = unit >= 0xd800 && unit <= 0xdbff ? word.codePointAt(index++)! : unit
            current = childOf(current, point)
          }
          keepBest(current, Math.log(countOf(word, count)) - logTotal)
        })
      }
      bucket.trie = compact(root)
    }
    return bucket.trie
  }

  const lookup = (text: string): number | undefined => {
    const code = text.codePointAt(0)!
    if (text.length === (code > 0xffff ? 2 : 1)) {
      // One character: no need to parse the words that begin with it.
      const count = single.get(code)
      if (count !== undefined) return Math.log(count) - logTotal
      return buckets.has(code) ? 1 : undefined
    }
    return family(text)?.get(text)
  }

  const lexicon: Lexicon = {
    lookup,
    charTag: (char) => singleTags.get(char.codePointAt(0)!),
    family,
    trie,
    positions(char) {
      const code = char.codePointAt(0)!
      return {initial: initial.get(code) ?? 0, final: final.get(code) ?? 0, single: single.get(code) ?? 0}
    },
    *words() {
      const all: Array<[string, number]> = []
      forEachLine(source, 0, source.length, (word, count) => all.push([word, Math.log(countOf(word, count)) - logTotal]))
      yield* all
    },
    floor: Math.log(0.5) - logTotal,
    maxLength,
    size
  }
  sources.set(lexicon, source)
  return lexicon
}

/**
 * How a dictionary's counts are balanced with other corpora's: the weighted
 * count of the word `text.slice(start, end)` (whose first code point is
 * `code`), from its count in the dictionary.
 */
type Weigh = (text: string, start: number, end: number, code: number, count: number) => number

/** The {@link Weigh} of a dictionary and a {@link Balance}. */
function balancer(source: string, balance: Balance): Weigh {
  // The other corpora are scaled to the dictionary's size as it is.
  let size = 0
  forEachLine(source, 0, source.length, (_word, count) => {
    size += count
  })
  const singleScale = size / balance.singles.total
  const wordScale = size / balance.words.total
  // Only a word whose first character begins one of the other corpus's words needs a look-up.
  const firsts = new Set<number>()
  for (const word of balance.words.counts.keys()) firsts.add(word.codePointAt(0)!)
  const mean = (count: number, other: number, scale: number) => Math.max(1, Math.round(balanceWeight * count + (1 - balanceWeight) * other * scale))
  return (text, start, end, code, count) => {
    if (end - start === (code > 0xffff ? 2 : 1)) return mean(count, balance.singles.counts.get(code) ?? 0, singleScale)
    return mean(count, firsts.has(code) ? (balance.words.counts.get(text.slice(start, end)) ?? 0) : 0, wordScale)
  }
}

/** Call `visit` with the word and frequency of each line in [start, end). */
function forEachLine(source: string, start: number, end: number, visit: (word: string, count: number) => void): void {
  let position = start
  while (position < end) {
    let lineEnd = source.indexOf('\n', position)
    if (lineEnd === -1 || lineEnd > end) lineEnd = end
    const space = source.indexOf(' ', position)
    if (space > position && space < lineEnd) {
      const count = Number.parseInt(source.slice(space + 1, lineEnd), 10)
      if (count > 0) visit(source.slice(position, space), count)
    }
    position = lineEnd + 1
  }
}

/**
 * Read and parse a dictionary file.
 *
 * @param path Dictionary path (default: jieba's `dict.txt`).
 * @returns The lexicon.
 */
export function loadLexicon(path: string = defaultDictionaryPath()): Lexicon {
  return parseLexicon(readFileSync(path, 'utf8'))
}

/** The dictionary text of each lexicon {@link parseLexicon} made. */
const sources = new WeakMap<Lexicon, string>()

/**
 * The dictionary text a lexicon was parsed from (to parse it again with
 * other counts, `balanced-lexicon.ts`).
 *
 * @param lexicon A lexicon.
 * @returns Its text, or undefined for a lexicon {@link parseLexicon} did not make.
 */
export function lexiconSource(lexicon: Lexicon): string | undefined {
  return sources.get(lexicon)
}

/**
 * Create a loader that reads the lexicon on its first call and then returns
 * the same instance (the explicit cache; share one loader per process).
 *
 * @param path Dictionary path (default: jieba's `dict.txt`).
 * @returns A memoising loader.
 */
export function lexiconLoader(path?: string): LexiconLoader {
  let cache: Lexicon | undefined
  return () => {
    cache ??= path === undefined ? loadLexicon() : loadLexicon(path)
    return cache
  }
}
