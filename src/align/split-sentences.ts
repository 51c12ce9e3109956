/**
 * Sentence splitting: `Intl.Segmenter` for English, sentence punctuation for
 * Chinese. English clauses standing inside Chinese text are split off as
 * sentences of their own so that they can be aligned and flagged.
 */
import {Mask, type BlockText} from './block-text.js'
import {isEnglishClause, maskedText} from './script.js'

/** A sentence with its place in the file. */
export interface Sentence {
  text: string
  /** 0-based offset of the first character in the file (if known). */
  start?: number
  /** 0-based offset after the last character in the file (if known). */
  end?: number
  /** Set on Chinese-side sentences that are English clauses. */
  english?: boolean
}

const segmenter = new Intl.Segmenter('en', {granularity: 'sentence'})
// Sentence end in Chinese: 。！？ and ； (which often ends what English writes as a
// sentence), ASCII !? or ". " before Chinese or a capital,
// followed by closing quotes or brackets.
const zhEndRe = /(?:[。！？；]+|[!?]+|\.(?=\s+[\p{Script=Han}\p{Lu}“"]))[”’」』）)\]"']*/gu

/**
 * Split English block text into sentences.
 *
 * @param text Block text with offsets.
 * @returns Sentences with file offsets.
 */
export function splitEnglish(text: BlockText): Sentence[] {
  const ranges: Range[] = []
  // Soft line breaks do not end sentences; breaks between blocks (list items,
  // quoted paragraphs) do. Replacing keeps the length, so offsets still hold.
  let flat = text.text
  if (flat.includes('\n')) {
    const chars = flat.split('')
    for (let i = 0; i < chars.length; i++) if (chars[i] === '\n' && text.mask[i] !== Mask.Gap) chars[i] = ' '
    flat = chars.join('')
  }
  for (const part of segmenter.segment(flat)) {
    let at = part.index
    for (const line of part.segment.split('\n')) {
      pushTrimmed(ranges, text, at, at + line.length)
      at += line.length + 1
    }
  }
  return toSentences(ranges, text)
}

/**
 * Split Chinese block text into sentences, and split English clauses inside
 * them off as sentences marked `english`.
 *
 * @param text Block text with offsets and mask.
 * @param minClauseWords Fewest words of an English clause (default 6).
 * @returns Sentences with file offsets.
 */
export function splitChinese(text: BlockText, minClauseWords = 6): Sentence[] {
  const cuts: number[] = []
  for (const match of text.text.matchAll(zhEndRe)) cuts.push(match.index + match[0].length)
  for (let i = 0; i < text.text.length; i++) {
    if (text.text[i] === '\n' && text.mask[i] === Mask.Gap) cuts.push(i + 1)
  }
  cuts.sort((a, b) => a - b)
  const raw: Array<[number, number]> = []
  let from = 0
  for (const cut of cuts) {
    if (cut > from) raw.push([from, cut])
    from = Math.max(from, cut)
  }
  raw.push([from, text.text.length])

  const prose = maskedText(text, [Mask.Text, Mask.Gap])
  const ranges: Range[] = []
  for (const [start, end] of raw) {
    for (const [a, b, english] of splitClauses(prose, start, end, minClauseWords)) {
      pushTrimmed(ranges, text, a, b, english)
    }
  }
  return toSentences(ranges, text)
}

/**
 * Cut `[start, end)` around runs of Latin prose that are English clauses.
 */
function splitClauses(
  prose: string,
  start: number,
  end: number,
  minWords: number
): Array<[number, number, boolean]> {
  const parts: Array<[number, number, boolean]> = []
  const runRe = /[^\p{Script=Han}\u3000-\u303F\uFF01-\uFF0F\uFF1A-\uFF20\uFFFD\n]+/gu
  const slice = prose.slice(start, end)
  let at = start
  for (const match of slice.matchAll(runRe)) {
    const runStart = start + match.index
    const runEnd = runStart + match[0].length
    if (!isEnglishClause(match[0], {minWords})) continue
    if (runStart > at) parts.push([at, runStart, false])
    parts.push([runStart, runEnd, true])
    at = runEnd
  }
  if (at < end) parts.push([at, end, false])
  return parts
}

interface Range {
  start: number
  end: number
  english: boolean
}

function pushTrimmed(
  ranges: Range[],
  text: BlockText,
  start: number,
  end: number,
  english = false
): void {
  while (start < end && /\s/.test(text.text[start])) start++
  while (end > start && /\s/.test(text.text[end - 1])) end--
  if (end <= start) return
  // Punctuation alone (a closing bracket cut off) joins the previous sentence.
  if (!/[\p{L}\p{N}\uFFFD]/u.test(text.text.slice(start, end)) && ranges.length > 0) {
    ranges[ranges.length - 1].end = end
    return
  }
  ranges.push({start, end, english})
}

function toSentences(ranges: readonly Range[], text: BlockText): Sentence[] {
  return ranges.map(({start, end, english}) => {
    const sentence: Sentence = {text: text.text.slice(start, end)}
    const first = firstOffset(text, start, end)
    const last = lastOffset(text, start, end)
    if (first !== undefined && last !== undefined) {
      sentence.start = first
      sentence.end = last + 1
    }
    if (english) sentence.english = true
    return sentence
  })
}

function firstOffset(text: BlockText, start: number, end: number): number | undefined {
  for (let i = start; i < end; i++) if (text.offsets[i] >= 0) return text.offsets[i]
  return undefined
}

function lastOffset(text: BlockText, start: number, end: number): number | undefined {
  for (let i = end - 1; i >= start; i--) if (text.offsets[i] >= 0) return text.offsets[i]
  return undefined
}
