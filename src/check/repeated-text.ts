/**
 * `repeated-text`: a doubled character or word (`的的`, `the the`).
 *
 * Chinese reduplication is often right (`常常`, `看看`, `人人`), and so is
 * the seam of two words (`为了了解`), so a doubled Han character or pair is
 * reported only when the jieba segmenter does not explain it. The common
 * reduplicated words are known without it: an article whose only repeats
 * are such words never loads jieba (its dictionary costs ~0.2 s and ~36 MB;
 * see `segmenter.ts` for where it is loaded).
 */
import type {Finding, Rule, RuleContext} from './rule.js'
import {maskedSource, sideOf, type Side} from './qa-helpers.js'
import {hanRepeat, reduplications} from './han-repeat.js'
import {localSegment, type Segment} from './segmenter.js'

/** A Latin word repeated at once, across spaces or one line break. */
const wordRepeat = /\b([A-Za-z]+)([ \t]+|[ \t]*\n[ \t>]*)\1\b/gi

/** English words that are correctly doubled (`had had`, `that that`). */
const legitWords = new Set(['had', 'that', 'is', 'do'])

/**
 * Prepositions that correctly follow a word ending in the same character
 * (`路由由 GCP 负责`: the routes, by GCP).
 */
const prepositions = new Set(['由'])

/**
 * Whether a repeat at `[start, end)` of `text` is correct Chinese by the jieba
 * segmentation: one word covers it (`常常`), or it is the seam of two
 * different words (`为了了解`: 为了 + 了解, but not `我们我们`), or a word followed by a preposition (`路由由`).
 *
 * @param text A run of Chinese text.
 * @param start Start of the repeat in `text`.
 * @param end End of the repeat in `text`.
 * @param segment The segmenter (default: jieba in this thread).
 * @returns True when the repeat is not a typo.
 */
export function isLegitRepeat(text: string, start: number, end: number, segment: Segment = localSegment): boolean {
  const middle = start + (end - start) / 2
  const tokens: Array<{start: number; end: number; text: string}> = []
  let offset = 0
  for (const token of segment(text)) {
    tokens.push({start: offset, end: offset + token.length, text: token})
    offset += token.length
  }
  if (tokens.some((token) => token.start <= start && token.end >= end)) return true
  const left = tokens.find((token) => token.end === middle)
  const right = tokens.find((token) => token.start === middle)
  if (!left || !right || left.text === right.text) return false
  if (left.text.length > 1 && right.text.length > 1) return true
  return left.text.length > 1 && prepositions.has(right.text)
}

/**
 * Find doubled Han characters in a side.
 */
function chinese(text: string, side: Side, segment: Segment): Finding[] {
  const source = maskedSource(text, side)
  const findings: Finding[] = []
  for (const match of source.matchAll(hanRepeat)) {
    const index = match.index ?? 0
    const unit = match[1]
    if (reduplications.has(match[0])) continue
    // Segment the surrounding run of Han characters, as jieba would see it.
    let from = index
    while (from > 0 && /\p{Script=Han}/u.test(source[from - 1])) from--
    let to = index + match[0].length
    while (to < source.length && /\p{Script=Han}/u.test(source[to])) to++
    const run = source.slice(from, to)
    if (isLegitRepeat(run, index - from, index - from + match[0].length, segment)) continue
    const start = side.range[0] + index
    findings.push({
      reason: `Unexpected repeated \`${unit}\` in \`${match[0]}\`, remove one`,
      start,
      end: start + match[0].length,
      actual: match[0],
      expected: [unit],
      fix: {range: [start + unit.length, start + match[0].length], text: ''},
      note: 'A character or word typed twice'
    })
  }
  return findings
}

/**
 * Find doubled English words in a side.
 */
function english(text: string, side: Side): Finding[] {
  const source = maskedSource(text, side, {linkText: true})
  const findings: Finding[] = []
  for (const match of source.matchAll(wordRepeat)) {
    const word = match[1]
    if (legitWords.has(word.toLowerCase())) continue
    const start = side.range[0] + (match.index ?? 0)
    const end = start + match[0].length
    findings.push({
      reason: `Unexpected repeated word \`${word}\`, remove one`,
      start,
      end,
      actual: text.slice(start, end),
      expected: [word],
      fix: {range: [start + word.length, end], text: ''},
      note: 'A word typed twice'
    })
  }
  return findings
}

/**
 * Find doubled characters and words on both sides of every unit.
 *
 * @param context The document's data.
 * @returns Findings at each repeat, with a fix that removes the second copy.
 */
function check(context: RuleContext): Finding[] {
  const findings: Finding[] = []
  for (const unit of context.alignment.units) {
    if (unit.kind === 'shared') continue
    const en = sideOf(unit, 'en')
    const zh = sideOf(unit, 'zh')
    if (en && unit.kind !== 'target-only') findings.push(...english(context.text, en))
    if (zh && unit.kind !== 'source-only') findings.push(...chinese(context.text, zh, context.segment ?? localSegment))
  }
  return findings
}

/** The `repeated-text` rule. */
export const repeatedText: Rule = {
  id: 'repeated-text',
  group: 'qa',
  defaultSetting: 'warn',
  description: 'Doubled character or word',
  check
}
