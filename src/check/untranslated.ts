/**
 * `untranslated`: English left as is on the Chinese side of a pair.
 */
import type {Finding, Rule, RuleContext} from './rule.js'
import {excerpt, maskedSource, overlaps, pairSides} from './qa-helpers.js'

/** A run of text without Han characters or CJK punctuation. */
const latinRun = /[A-Za-z][^\p{Script=Han}\u3000-\u303f\uff00-\uffef\n]*(?:\n(?!\n)[^\p{Script=Han}\u3000-\u303f\uff00-\uffef\n]*)*/gu

/** A run needs at least this many words to be a sentence rather than a term. */
const minWords = 6

/** Share of the run's words that must occur on the English side. */
const minShared = 0.8

/**
 * Words of a text, lower-cased.
 */
function words(text: string): string[] {
  return (text.toLowerCase().match(/[a-z][a-z'’-]*/g) ?? [])
}

/**
 * The flags of a sentence pair (the field is optional in older alignments).
 */
function sentenceFlags(sentence: object): string[] {
  return 'flags' in sentence && Array.isArray(sentence.flags) ? sentence.flags.filter((flag): flag is string => typeof flag === 'string') : []
}

/**
 * Find English left in the Chinese side of pairs: sentences the aligner
 * flagged `untranslated`, English sentences copied into an otherwise Chinese
 * translation, and whole pairs the aligner flagged.
 *
 * @param context The document's data.
 * @returns Findings at the Chinese text that is still English.
 */
function check(context: RuleContext): Finding[] {
  const findings: Finding[] = []
  for (const {unit, en, zh} of pairSides(context.alignment)) {
    const found: Finding[] = []
    for (const sentence of unit.sentences) {
      if (!sentenceFlags(sentence).includes('untranslated')) continue
      if (sentence.zhStart === undefined || sentence.zhEnd === undefined) continue
      found.push(finding(context.text.slice(sentence.zhStart, sentence.zhEnd), sentence.zhStart))
    }
    const enWords = new Set(words(maskedSource(context.text, en, {linkText: false})))
    const source = maskedSource(context.text, zh, {linkText: true})
    for (const match of source.matchAll(latinRun)) {
      const run = match[0].replace(/[\s>]+$/u, '')
      const runWords = words(run)
      if (runWords.length < minWords) continue
      const shared = runWords.filter((word) => enWords.has(word)).length
      if (shared / runWords.length < minShared) continue
      const start = zh.range[0] + (match.index ?? 0)
      if (found.some((other) => overlaps([other.start, other.end], [start, start + run.length]))) continue
      found.push(finding(run, start))
    }
    if (found.length === 0 && unit.flags.includes('untranslated')) {
      const text = context.text.slice(zh.range[0], zh.range[1])
      found.push({...finding(text, zh.range[0]), reason: `Unexpected untranslated ${unit.block} \`${excerpt(text)}\`, translate it into Chinese`})
    }
    findings.push(...found)
  }
  return findings
}

/**
 * A finding for English text at `start`.
 */
function finding(text: string, start: number): Finding {
  return {
    reason: `Unexpected untranslated text \`${excerpt(text)}\`, translate it into Chinese`,
    start,
    end: start + text.length,
    actual: text,
    note: 'This English was copied into the translation instead of being translated'
  }
}

/** The `untranslated` rule. */
export const untranslated: Rule = {
  id: 'untranslated',
  group: 'align',
  defaultSetting: 'warn',
  description: 'English left untranslated on the Chinese side',
  check
}
