/**
 * The Chinese lexicon used to choose among rebuilt characters: jieba's
 * `dict.txt` (word, frequency, part of speech; ~349k words), as shipped by
 * `@node-rs/jieba`.
 *
 * Loading is lazy and explicit: nothing is read at import time. Callers get a
 * lexicon from {@link loadLexicon} (reads and parses, ~0.2 s) or share one
 * through {@link lexiconLoader}, which memoises per loader instance.
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'

/** A word lexicon with unigram log-probabilities. */
export interface Lexicon {
  /**
   * Word → natural-log probability (< 0); prefixes of words that are not
   * themselves words map to +1, so that one lookup answers "is it worth
   * extending this string?".
   */
  entries: Map<string, number>
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
 * Parse a jieba-format dictionary (`word freq [tag]` per line).
 *
 * @param source The dictionary text.
 * @returns The lexicon.
 */
export function parseLexicon(source: string): Lexicon {
  const entries = new Map<string, number>()
  const words: string[] = []
  const counts: number[] = []
  let total = 0
  let maxLength = 0
  let start = 0
  while (start < source.length) {
    let end = source.indexOf('\n', start)
    if (end === -1) end = source.length
    const space = source.indexOf(' ', start)
    if (space > start && space < end) {
      const word = source.slice(start, space)
      const count = Number.parseInt(source.slice(space + 1, end), 10)
      if (count > 0) {
        words.push(word)
        counts.push(count)
        total += count
      }
    }
    start = end + 1
  }
  const logTotal = Math.log(total)
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!
    entries.set(word, Math.log(counts[index]!) - logTotal)
    if (word.length > maxLength) maxLength = word.length
  }
  // Prefixes are added after all words so that a prefix never hides a word.
  for (const word of words) {
    for (let length = 1; length < word.length; length++) {
      const prefix = word.slice(0, length)
      if (!entries.has(prefix)) entries.set(prefix, 1)
    }
  }
  return {entries, floor: Math.log(0.5) - logTotal, maxLength, size: words.length}
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
