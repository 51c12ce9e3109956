/**
 * The lexicon balanced for the widest damage. jieba's counts come from news
 * text: there `有` stands alone more often than `我`, `的` is counted at 0.5 %
 * of the words (4–5 % in any other count of modern Chinese), and `进行`
 * ("carry out") is sixteen times as frequent as `运行` ("run"). Where a damaged
 * character may be any of hundreds (C1 controls stripped), that prior decides
 * more than anywhere else, and technical blog posts came back with `有` for
 * `我` and `进行容器` for `运行容器`.
 *
 * The balanced lexicon keeps jieba's words and weighs their counts with two
 * other corpora ({@link Balance}): one-character words with everyday writing
 * (the Leiden Weibo Corpus list, `everyday-singles.ts`), longer words with
 * software text (the Visual Studio Code strings that the context model learns
 * from, `context-corpus.ts`, segmented here with the lexicon itself).
 */
import {defaultCorpusPath, readLanguagePack} from './context-corpus.js'
import {balanceCounts} from './balance-counts.js'
import {lexiconSource, parseLexicon, type Balance, type Lexicon} from './lexicon.js'

/**
 * Count the words of texts as the lexicon segments them: each run of Han
 * characters is cut into the words of highest total probability (jieba's own
 * segmentation without its model of unknown words), a character the lexicon
 * lacks standing alone.
 *
 * @param texts The texts.
 * @param lexicon The lexicon to segment with.
 * @returns The count of each word of two or more characters, and the number of words of every length.
 */
export function segmentCounts(texts: Iterable<string>, lexicon: Lexicon): Balance['words'] {
  const counts = new Map<string, number>()
  let total = 0
  for (const text of texts) {
    for (const match of text.matchAll(hanRuns)) {
      const run = [...match[0]]
      const best = new Float64Array(run.length + 1)
      const length = new Int32Array(run.length)
      // From the end: the best segmentation of what follows each position.
      for (let at = run.length - 1; at >= 0; at--) {
        const trie = lexicon.trie(run[at]!)
        let score = (trie?.value(0) ?? lexicon.floor) + best[at + 1]!
        let taken = 1
        let node = 0
        for (let end = at + 1; trie !== undefined && end < run.length; end++) {
          node = trie.child(node, run[end]!.codePointAt(0)!)
          if (node < 0) break
          const value = trie.value(node)
          if (value !== undefined && value + best[end + 1]! > score) {
            score = value + best[end + 1]!
            taken = end + 1 - at
          }
        }
        best[at] = score
        length[at] = taken
      }
      for (let at = 0; at < run.length; at += length[at]!) {
        total++
        if (length[at]! > 1) {
          const word = run.slice(at, at + length[at]!).join('')
          counts.set(word, (counts.get(word) ?? 0) + 1)
        }
      }
    }
  }
  return {counts, total}
}

const hanRuns = /\p{Script=Han}+/gu

/**
 * The counts of a {@link Balance} as `scripts/balance-counts.ts` writes them
 * (`balance-counts.ts`), with the length of the dictionary text the words
 * were segmented with: they hold for that dictionary only.
 */
export interface CountedBalance {
  dictionaryLength: number
  singlesTotal: number
  singles: ReadonlyArray<readonly [string, number]>
  wordsTotal: number
  words: ReadonlyArray<readonly [string, number]>
}

/** The balanced twin of each lexicon, made once. */
const balanced = new WeakMap<Lexicon, Lexicon>()
/** The counts written ahead, as maps (made on first use). */
let counted: Balance | undefined

/**
 * The counts that balance a dictionary: those written ahead for jieba's
 * dictionary (known by its length); for another dictionary, the same
 * one-character words (they do not depend on it) and the software text
 * segmented with its own lexicon now.
 */
function balanceOf(source: string, lexicon: Lexicon): Balance {
  counted ??= {
    singles: {counts: new Map(balanceCounts.singles.map(([char, count]) => [char.codePointAt(0)!, count])), total: balanceCounts.singlesTotal},
    words: {counts: new Map(balanceCounts.words), total: balanceCounts.wordsTotal}
  }
  if (source.length === balanceCounts.dictionaryLength) return counted
  return {singles: counted.singles, words: segmentCounts(readLanguagePack(defaultCorpusPath()), lexicon)}
}

/**
 * The same dictionary with its counts balanced with everyday writing and
 * software text, made on first use and kept (the first use parses the
 * dictionary again, ~0.1 s, with the counts `scripts/balance-counts.ts` wrote
 * for jieba's dictionary). A lexicon not read from a dictionary text is
 * returned as it is.
 *
 * @param lexicon A lexicon from `parseLexicon` or `loadLexicon`.
 * @returns The balanced lexicon.
 */
export function balancedLexicon(lexicon: Lexicon): Lexicon {
  let twin = balanced.get(lexicon)
  if (twin === undefined) {
    const source = lexiconSource(lexicon)
    if (source === undefined) return lexicon
    twin = parseLexicon(source, balanceOf(source, lexicon))
    balanced.set(lexicon, twin)
  }
  return twin
}

/**
 * Where a text lost this many byte values or more (the C1 controls, all 32
 * of 0x80–0x9F), a character that kept only its lead byte may be any of
 * hundreds, and the prior of a word decides more than anywhere else: there
 * lossy repair, and the re-rank after it, use the balanced lexicon.
 * Elsewhere (5–10 lost byte values, 32 completions at most) it measured no
 * better on the tuning pages: the everyday counts gave the seed's channel
 * 274 → 277 wrong and the seed four more flags (`不`, which chat uses three
 * times as often as news, where `中` and `与` are right), and the software
 * counts left more wrong characters unflagged (36 → 41; `droppedx2` 32 → 43).
 */
export const balancedFrom = 16

/**
 * The lexicon to rebuild a text's characters with.
 *
 * @param lexicon The lexicon of the repair.
 * @param lost How many byte values the text lost.
 * @returns The balanced lexicon where the text lost {@link balancedFrom} or more, else `lexicon`.
 */
export function lexiconForLoss(lexicon: Lexicon, lost: number): Lexicon {
  return lost >= balancedFrom ? balancedLexicon(lexicon) : lexicon
}
