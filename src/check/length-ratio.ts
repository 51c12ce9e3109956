/**
 * `length-ratio`: a pair whose Chinese length is far outside the document's
 * own Chinese:English ratio (a sign of a dropped or an added passage).
 */
import type {Finding, Rule, RuleContext} from './rule.js'
import {maskedSource, pairSides} from './qa-helpers.js'

/** Pairs with fewer English characters than this are too short to judge. */
const minEnglish = 80

/** A pair is reported when its ratio is at least this many times above or below the document's. */
const minFactor = 1.5

/**
 * How many median absolute deviations (of the log ratios) a pair must be away
 * from the median: a document whose pairs vary a lot gets a wider band.
 */
const spread = 3.5

/**
 * Characters that carry content: letters, digits and Han, not spaces,
 * punctuation or markup (code points of `\p{L}` or `\p{N}`, counted in one
 * pass: a pair's sides used to become an array of their letters).
 */
function weight(text: string): number {
  let count = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code < 0x80) {
      if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) count++
    } else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) {
      if (contentRe.test(text.slice(index, index + 2))) count++
      index++
    } else {
      let known = bmpContent[code]!
      if (known === 0) {
        known = contentRe.test(text[index]!) ? 1 : 2
        bmpContent[code] = known
      }
      if (known === 1) count++
    }
  }
  return count
}

const contentRe = /^[\p{L}\p{N}]$/u
/** Whether each BMP code unit is a letter or a number: 1 yes, 2 no, 0 not seen yet. */
const bmpContent = new Uint8Array(0x10000)

/**
 * Median of numbers (which must not be empty).
 */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/**
 * Compare each pair's ZH:EN length ratio with the document's median ratio;
 * the band allowed is `max(1.5, e^(3.5·MAD))` around it, MAD being the median
 * absolute deviation of the pairs' log ratios.
 *
 * @param context The document's data.
 * @returns Findings at the Chinese side of outlying pairs.
 */
function check(context: RuleContext): Finding[] {
  const pairs: Array<{ratio: number; start: number; end: number; en: number; zh: number}> = []
  for (const {en, zh} of pairSides(context.alignment)) {
    const enWeight = weight(maskedSource(context.text, en))
    const zhWeight = weight(maskedSource(context.text, zh))
    if (enWeight < minEnglish) continue
    pairs.push({ratio: zhWeight / enWeight, start: zh.range[0], end: zh.range[1], en: enWeight, zh: zhWeight})
  }
  // A median needs a few pairs to mean anything.
  if (pairs.length < 5) return []
  const typical = median(pairs.map((pair) => pair.ratio))
  const deviation = median(pairs.map((pair) => Math.abs(Math.log(pair.ratio / typical))))
  const factor = Math.max(minFactor, Math.exp(spread * deviation))
  const findings: Finding[] = []
  for (const pair of pairs) {
    const relative = pair.ratio / typical
    if (relative <= factor && relative >= 1 / factor) continue
    const longer = relative > 1
    findings.push({
      reason: `Unexpected ${longer ? 'long' : 'short'} translation: ${pair.zh} characters for ${pair.en} English, ${relative.toFixed(1)}× the document’s ratio of ${typical.toFixed(2)}, check for ${longer ? 'added or untranslated' : 'left-out'} text`,
      start: pair.start,
      end: pair.end,
      note: longer
        ? 'The translation is much longer than usual in this document: an added passage or untranslated English?'
        : 'The translation is much shorter than usual in this document: a dropped passage?'
    })
  }
  return findings
}

/** The `length-ratio` rule. */
export const lengthRatio: Rule = {
  id: 'length-ratio',
  group: 'qa',
  defaultSetting: 'warn',
  description: 'Translation far longer or shorter than the document’s usual ratio',
  check
}
