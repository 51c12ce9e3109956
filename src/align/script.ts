/**
 * Script statistics: which language a piece of text is written in, how long
 * it is, and whether a run of Latin text inside Chinese is a real English
 * clause (as opposed to a product name, a term or a command).
 */
import {Mask, type BlockText} from './block-text.js'

/** Language of a block: English, Chinese, or neither (numbers, symbols). */
export type Lang = 'en' | 'zh' | 'none'

/** Counts of scripts in a text. */
export interface ScriptStats {
  /** Han characters, CJK punctuation, and U+FFFD (damaged non-ASCII, mostly CJK here). */
  han: number
  /** Latin words (runs of letters). */
  words: number
  /** Latin letters. */
  letters: number
}

const hanRe = /[\p{Script=Han}\u3000-\u303F\uFF01-\uFF0F\uFF1A-\uFF20\uFFFD]/u
const wordRe = /\p{Script=Latin}[\p{Script=Latin}\d'’-]*/gu
const urlRe = /\b(?:[a-z][a-z\d+.-]*:\/\/|www\.)\S+/gi

/** Script of a character for `scriptStats`: Han (with CJK punctuation), Latin, or other. */
const enum ScriptClass {
  Unknown = 0,
  Han = 1,
  Latin = 2,
  Other = 3
}

/** Classes of the BMP's code units, filled on first sight (the same answer as `hanRe` and `\p{Script=Latin}`). */
const bmpClasses = new Uint8Array(0x10000)
const latinRe = /\p{Script=Latin}/u

function classOf(char: string): ScriptClass {
  return hanRe.test(char) ? ScriptClass.Han : latinRe.test(char) ? ScriptClass.Latin : ScriptClass.Other
}

/**
 * Count scripts in a text.
 *
 * One pass over the code points (a block of English used to make an array
 * of every letter): Han characters and CJK punctuation, Latin letters, and
 * Latin words (a Latin letter, then letters, ASCII digits, `'`, `’` or `-`).
 *
 * @param text Any text.
 * @returns Han characters, Latin words and Latin letters.
 */
export function scriptStats(text: string): ScriptStats {
  const clean = text.includes('/') || /www\./i.test(text) ? text.replace(urlRe, ' ') : text
  let han = 0
  let words = 0
  let letters = 0
  let inWord = false
  for (let index = 0; index < clean.length; index++) {
    const code = clean.charCodeAt(index)
    let kind: ScriptClass
    if (code < 0x80) {
      kind = (code >= 65 && code <= 90) || (code >= 97 && code <= 122) ? ScriptClass.Latin : ScriptClass.Other
    } else if (code >= 0xd800 && code <= 0xdbff && index + 1 < clean.length) {
      const low = clean.charCodeAt(index + 1)
      if (low >= 0xdc00 && low <= 0xdfff) {
        kind = classOf(clean.slice(index, index + 2))
        index++
      } else {
        kind = ScriptClass.Other
      }
    } else {
      kind = bmpClasses[code] as ScriptClass
      if (kind === ScriptClass.Unknown) {
        kind = classOf(clean[index]!)
        bmpClasses[code] = kind
      }
    }
    if (kind === ScriptClass.Latin) {
      letters++
      if (!inWord) words++
      inWord = true
    } else {
      if (kind === ScriptClass.Han) han++
      // Inside a word, ASCII digits, apostrophes and hyphens continue it.
      if (inWord && !((code >= 48 && code <= 57) || code === 39 || code === 0x2019 || code === 45)) inWord = false
    }
  }
  return {han, words, letters}
}

/**
 * Decide the language from script counts: Chinese when Han characters are at
 * least half as many as Latin words (a Chinese sentence full of English terms
 * is still Chinese), English when there are Latin words and (almost) no Han.
 *
 * @param stats Script counts.
 * @returns `zh`, `en` or `none`.
 */
export function langOfStats(stats: ScriptStats): Lang {
  if (stats.han === 0 && stats.words === 0) return 'none'
  return stats.han * 2 >= stats.words ? 'zh' : 'en'
}

/**
 * Language of block text, ignoring inline code and URLs; link text counts only
 * when there is no other prose.
 *
 * @param text Block text with its mask.
 * @returns `zh`, `en` or `none`.
 */
export function detectLanguage(text: BlockText): Lang {
  const prose = maskedText(text, [Mask.Text, Mask.Gap])
  const lang = langOfStats(scriptStats(prose))
  if (lang !== 'none') return lang
  return langOfStats(scriptStats(maskedText(text, [Mask.Text, Mask.Gap, Mask.Link])))
}

/**
 * The text with every character whose mask is not in `keep` replaced by a space.
 *
 * @param text Block text with its mask.
 * @param keep Mask values to keep.
 * @returns A string as long as `text.text`.
 */
export function maskedText(text: BlockText, keep: readonly number[]): string {
  const {mask} = text
  const source = text.text
  // Runs of kept and of dropped characters, sliced and padded whole.
  const parts: string[] = []
  let index = 0
  while (index < source.length) {
    const kept = keep.includes(mask[index]!)
    let end = index + 1
    while (end < source.length && keep.includes(mask[end]!) === kept) end++
    parts.push(kept ? source.slice(index, end) : ' '.repeat(end - index))
    index = end
  }
  return parts.join('')
}

/**
 * Length of a text for length-based alignment: non-space characters. For
 * Chinese, a Latin word counts as its letters, so ratios stay comparable.
 *
 * @param text Any text.
 * @returns The number of non-whitespace UTF-16 units.
 */
export function textLength(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code !== 32 && code !== 10 && code !== 9 && code !== 13) n++
  }
  return n
}

/** Weight of a Latin letter or digit in Chinese text (about one EN character's worth of Chinese). */
const latinWeight = 0.4

/**
 * Length of Chinese text: non-space characters, with Latin letters and digits
 * (names, terms, an English sentence left as is) weighted like translated
 * English, so that `Kubernetes` does not count as ten Chinese characters.
 *
 * @param text Chinese text.
 * @returns The weighted length.
 */
export function zhTextLength(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 32 || code === 10 || code === 9 || code === 13) continue
    const latin = (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
    n += latin ? latinWeight : 1
  }
  return n
}

/** Whether a string contains Han (or damaged) characters. */
export function hasHan(text: string): boolean {
  return hanRe.test(text)
}

const functionWords = new Set([
  'a', 'an', 'the', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am',
  'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'into', 'about',
  'and', 'or', 'but', 'so', 'if', 'then', 'than', 'that', 'this', 'these',
  'those', 'which', 'who', 'what', 'when', 'where', 'why', 'how', 'it', 'its',
  'we', 'you', 'they', 'he', 'she', 'i', 'our', 'your', 'their', 'my',
  'would', 'could', 'should', 'can', 'will', 'may', 'might', 'must', 'do',
  'does', 'did', 'have', 'has', 'had', 'not', 'there', 'here', 'as', 'up',
  'out', 'all', 'some', 'any', 'no', 'just', 'also', 'very', 'like'
])

/** Options of `isEnglishClause`. */
export interface ClauseOptions {
  /** Fewest Latin words that make a clause (default: 6). */
  minWords?: number
  /** Fewest English function words among them (default: 2). */
  minFunctionWords?: number
}

/**
 * Whether a run of text is an English clause: several Latin words, a good
 * share of them function words (`the`, `is`, `that`, …), and no Han. Product
 * names, terms (“Pod”, “kube-proxy”) and short phrases are not.
 *
 * @param text A run of text (mask code, links and URLs out first).
 * @param options Thresholds.
 * @returns Whether the text reads as an English sentence.
 */
export function isEnglishClause(text: string, options: ClauseOptions = {}): boolean {
  if (hasHan(text)) return false
  const words = text.replace(urlRe, ' ').match(wordRe) ?? []
  const minWords = options.minWords ?? 6
  if (words.length < minWords) return false
  let function_ = 0
  for (const word of words) if (functionWords.has(word.toLowerCase())) function_++
  return function_ >= (options.minFunctionWords ?? 2) && function_ * 6 >= words.length
}
