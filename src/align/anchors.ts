/**
 * Anchors: things a translation keeps as they are (numbers, URLs, inline
 * code, Latin names), used as evidence that two texts render each other.
 */
import {Mask, type BlockText} from './block-text.js'
import {maskedText} from './script.js'

/** Anchors of a text. */
export interface Anchors {
  /** Numbers, normalised (`10,000` → `10000`). */
  numbers: Set<string>
  /** Link targets. */
  urls: Set<string>
  /** Latin words, lower case (all of them). */
  words: Set<string>
  /**
   * Names: for English, words that look like names (capitalised inside a
   * sentence, all caps, digits or inner capitals); for Chinese, every Latin
   * word, since a Chinese text keeps Latin only for names and terms.
   */
  names: Set<string>
}

const numberRe = /\d+(?:[.,]\d+)*/g
const wordRe = /\p{Script=Latin}[\p{Script=Latin}\d-]*/gu

/**
 * Extract anchors from block text.
 *
 * @param text Block text with its mask.
 * @param lang Language of the text.
 * @returns The anchors.
 */
export function extractAnchors(text: BlockText, lang: 'en' | 'zh'): Anchors {
  const visible = maskedText(text, [Mask.Text, Mask.Link, Mask.Code, Mask.Gap])
  return anchorsOf(visible, lang, text.urls)
}

/**
 * Extract anchors from a plain string.
 *
 * @param visible The text (URLs shown as text should be masked out).
 * @param lang Language of the text.
 * @param urls Link targets.
 * @returns The anchors.
 */
export function anchorsOf(visible: string, lang: 'en' | 'zh', urls: readonly string[] = []): Anchors {
  const numbers = new Set<string>()
  for (const match of visible.matchAll(numberRe)) {
    numbers.add(match[0].replace(/,/g, ''))
  }
  const words = new Set<string>()
  const names = new Set<string>()
  let sentenceStart = true
  wordRe.lastIndex = 0
  for (let match = wordRe.exec(visible); match; match = wordRe.exec(visible)) {
    const word = match[0]
    const lower = word.toLowerCase()
    words.add(lower)
    // `Pods` in English is `Pod` in Chinese text.
    if (lang === 'en' && lower.length > 3 && lower.endsWith('s')) words.add(lower.slice(0, -1))
    if (lang === 'zh') {
      if (word.length > 1) names.add(lower)
    } else if (word.length > 1 && (isNameLike(word) || (!sentenceStart && word[0] !== lower[0]))) {
      names.add(lower)
    }
    const after = visible.charCodeAt(match.index + word.length)
    // `.`, `!`, `?` or `:` right after a word: the next word starts a sentence.
    sentenceStart = after === 46 || after === 33 || after === 63 || after === 58
  }
  return {numbers, urls: new Set(urls.map((url) => normalizeUrl(url))), words, names}
}

const localeSegment = /^(?:en|en-us|en-gb|zh|zh-cn|zh-hans|zh-tw|zh-hant|zh_cn|cn)$/i

/**
 * Normalise a link target for comparison: localised sites put the language
 * in the path (`/zh-cn/cluster/` renders `/cluster/`), trailing slashes vary.
 *
 * @param url A link target.
 * @returns The normalised target.
 */
export function normalizeUrl(url: string): string {
  const [path, ...rest] = url.trim().split(/(?=[?#])/)
  const origin = /^[a-z][a-z\d+.-]*:\/\/[^/]*/i.exec(path)?.[0] ?? ''
  const segments = path.slice(origin.length).split('/').filter((segment) => !localeSegment.test(segment))
  return origin.toLowerCase() + (segments.join('/').replace(/\/+$/, '') || '/') + rest.join('')
}

/** Whether a word looks like a name wherever it stands: `NSBU`, `vSphere`, `K8s`. */
function isNameLike(word: string): boolean {
  let upper = 0
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i)
    if (code >= 48 && code <= 57) return true
    if (word[i] !== word[i].toLowerCase()) {
      upper++
      if (i > 0) return true
    }
  }
  return upper > 1
}

/**
 * Union of anchors (for a unit made of several blocks).
 *
 * @param list Anchors to merge.
 * @returns Their union.
 */
export function mergeAnchors(list: readonly Anchors[]): Anchors {
  if (list.length === 1) return list[0]
  const merged: Anchors = {numbers: new Set(), urls: new Set(), words: new Set(), names: new Set()}
  for (const anchors of list) {
    for (const key of ['numbers', 'urls', 'words', 'names'] as const) {
      for (const value of anchors[key]) merged[key].add(value)
    }
  }
  return merged
}

/**
 * Cost (negative is evidence for, positive against) of taking `zh` as the
 * rendering of `en`, from the anchors they share or do not share.
 *
 * @param en Anchors of the English side.
 * @param zh Anchors of the Chinese side.
 * @returns A cost, roughly between -6 and +8.
 */
export function anchorCost(en: Anchors, zh: Anchors): number {
  let matched = 0
  let against = 0
  // Numbers survive translation almost always: strong evidence both ways.
  for (const number of en.numbers) {
    const weight = number.length > 1 ? 1.5 : 0.5
    if (zh.numbers.has(number)) matched += weight
    else against += weight
  }
  for (const number of zh.numbers) {
    if (!en.numbers.has(number)) against += number.length > 1 ? 1.5 : 0.5
  }
  for (const url of en.urls) {
    if (zh.urls.has(url)) matched += 1.5
    else against += 0.5
  }
  for (const url of zh.urls) if (!en.urls.has(url)) against += 0.5
  for (const name of zh.names) {
    if (en.words.has(name)) matched += 1
    else against += 1
  }
  let lostNames = 0
  for (const name of en.names) if (!zh.words.has(name)) lostNames++
  return 0.8 * Math.min(against, 8) + 0.25 * Math.min(lostNames, 8) - 0.8 * Math.min(matched, 8)
}

/** The most `anchorCost` can take off a cost (its lowest value is `-maxAnchorEvidence`). */
export const maxAnchorEvidence = 0.8 * 8
