/**
 * The lexicon of one article: the shared lexicon, plus the words the article
 * itself vouches for. A translator reuses their words, and a glossary names
 * the terms an article should (or must not) use, so:
 *
 * - every Chinese form of the glossary's terms, approved and forbidden alike
 *   (a forbidden rendering is still what the author may have written), is a
 *   word, even when the shared lexicon lacks it (`云原生`);
 * - every word of two or more characters that occurs intact elsewhere in the
 *   article (segmented with the shared lexicon) is more likely where it
 *   spells a rebuilt character, as a cache language model has it:
 *   `P(w) = (1 − λ)·P_lexicon(w) + λ·count(w)/N` ({@link intactWordCache};
 *   boosting intact words themselves would only move the segmentation
 *   around them).
 */
import {isHan} from '../reconstruct/choose.js'
import {firstCharacters, type WordCache} from './document-cache.js'
import {trieOf, type Lexicon, type LexiconTrie} from './lexicon.js'
import type {Glossary} from '../../glossary/types.js'

/** Share of the article's own words in a word's probability. */
export const articleWeight = 0.05

/** Runs of two or more Han characters (one pattern, its `lastIndex` reset for each text). */
const hanRuns = /\p{Script=Han}{2,}/gu

/** Occurrences a glossary term counts for, as if seen in the article. */
const termCount = 1

/**
 * Segment Chinese text into lexicon words by the most probable path (as
 * jieba does without its HMM), and count the words of two or more characters.
 *
 * @param texts Runs of intact text (anything; only Han runs are segmented).
 * @param lexicon The shared lexicon.
 * @returns Word counts.
 */
export function intactWords(texts: Iterable<string>, lexicon: Lexicon): Map<string, number> {
  const counts = new Map<string, number>()
  for (const text of texts) {
    // (Most runs between damaged characters are shorter than a word: no pattern is run on them.)
    if (text.length < 2) continue
    hanRuns.lastIndex = 0
    for (let match = hanRuns.exec(text); match !== null; match = hanRuns.exec(text)) {
      for (const word of segment([...match[0]], lexicon)) {
        if (word.length >= 2) counts.set(word, (counts.get(word) ?? 0) + 1)
      }
    }
  }
  return counts
}

/** Best segmentation of a run of Han characters (unknown characters stand alone). */
function segment(chars: readonly string[], lexicon: Lexicon): string[] {
  const count = chars.length
  const best = new Array<number>(count + 1).fill(Number.NEGATIVE_INFINITY)
  const back = new Array<number>(count + 1).fill(0)
  best[0] = 0
  for (let from = 0; from < count; from++) {
    if (best[from] === Number.NEGATIVE_INFINITY) continue
    const trie = lexicon.trie(chars[from]!)
    const single = trie?.value(0) ?? lexicon.floor
    relax(from + 1, best[from]! + single, from)
    if (trie === undefined) continue
    let node = 0
    for (let to = from + 1; to < count && to - from < 16; to++) {
      node = trie.child(node, chars[to]!.codePointAt(0)!)
      if (node < 0) break
      const value = trie.value(node)
      if (value !== undefined) relax(to + 1, best[from]! + value, from)
      if (!trie.hasChildren(node)) break
    }
  }
  const words: string[] = []
  for (let end = count; end > 0; end = back[end]!) words.unshift(chars.slice(back[end]!, end).join(''))
  return words

  function relax(to: number, score: number, from: number): void {
    if (score > best[to]!) {
      best[to] = score
      back[to] = from
    }
  }
}

/**
 * The article's intact words as a bonus for lattice edges through rebuilt
 * characters.
 *
 * @param counts Intact words with their counts.
 * @param weight Share of the article's words (λ).
 * @returns The cache.
 */
export function intactWordCache(counts: ReadonlyMap<string, number>, weight = articleWeight): WordCache | undefined {
  let total = 0
  for (const count of counts.values()) total += count
  if (total === 0) return undefined
  const firsts = firstCharacters(counts.keys())
  return {
    starts: (char) => firsts.has(char),
    bonus(_from, word, logProbability) {
      const count = counts.get(word)
      if (count === undefined) return 0
      return Math.log((1 - weight) + (weight * count) / total / Math.exp(logProbability))
    }
  }
}

/**
 * The Chinese forms of a glossary's terms, approved and forbidden alike: what
 * {@link articleLexicon} takes for words.
 *
 * @param glossary The glossary.
 * @returns Its terms' Chinese forms, in order.
 */
export function glossaryForms(glossary: Pick<Glossary, 'terms'>): string[] {
  return glossary.terms.flatMap((term) => [...term.zh, ...term.forbid])
}

/**
 * The shared lexicon with the glossary's terms.
 *
 * @param base The shared lexicon.
 * @param terms Chinese forms of the glossary's terms (approved and forbidden).
 * @returns A lexicon for the article (the base itself when there is nothing to add).
 */
export function articleLexicon(base: Lexicon, terms: readonly string[] = []): Lexicon {
  const counts = new Map<string, number>()
  for (const term of terms) {
    if ([...term].length >= 2 && [...term].every(isHan)) counts.set(term, (counts.get(term) ?? 0) + termCount)
  }
  if (counts.size === 0) return base
  let total = 0
  for (const count of counts.values()) total += count
  const values = new Map<string, number>()
  for (const [word, count] of counts) {
    const known = base.lookup(word)
    const lexical = known !== undefined && known < 0 ? Math.exp(known) : 0
    values.set(word, Math.log((1 - articleWeight) * lexical + (articleWeight * count) / total))
  }
  const byFirst = new Map<string, Array<[string, number]>>()
  for (const [word, value] of values) {
    const first = String.fromCodePoint(word.codePointAt(0)!)
    const list = byFirst.get(first)
    if (list === undefined) byFirst.set(first, [[word, value]])
    else list.push([word, value])
  }
  const tries = new Map<string, LexiconTrie>()
  const trie = (char: string): LexiconTrie | undefined => {
    const extra = byFirst.get(char)
    if (extra === undefined) return base.trie(char)
    let built = tries.get(char)
    if (built === undefined) {
      const family = base.family(char)
      const words: Array<[string, number]> = []
      if (family !== undefined) for (const [word, value] of family) if (value < 0) words.push([word, value])
      const single = base.lookup(char)
      if (single !== undefined && single < 0) words.push([char, single])
      words.push(...extra)
      built = trieOf(words)
      tries.set(char, built)
    }
    return built
  }
  const lookup = (text: string): number | undefined => {
    const own = values.get(text)
    if (own !== undefined) return Math.max(own, base.lookup(text) ?? Number.NEGATIVE_INFINITY)
    const known = base.lookup(text)
    if (known !== undefined) return known
    const first = byFirst.get(String.fromCodePoint(text.codePointAt(0)!))
    return first?.some(([word]) => word.startsWith(text)) === true ? 1 : undefined
  }
  return {...base, lookup, trie, maxLength: Math.max(base.maxLength, ...[...values.keys()].map((word) => word.length))}
}
