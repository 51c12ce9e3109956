/**
 * What is known of a choice of the bilingual re-rank beyond the lattice's
 * confidence (both stages' confidences, the kind of English evidence,
 * whether the characters are the confusable function characters, whether the
 * choice and its runner-up make words with their neighbours or complete a
 * phrase frame), and a logistic model over it: the attempt at a calibrated
 * confidence that would flag the wrong choices and not the right ones.
 * `bench/flag-calibration.ts` fits it on the tuning pages of the damage
 * matrix. Measured there, it separates no better than the lattice's own
 * confidence (docs/repair.md, "Flags"), so the re-rank does not use it.
 */
import type {RepairRecord} from '../../types.js'
import {isHan} from '../reconstruct/choose.js'
import {phraseFrame, unknown} from '../model/context-model.js'
import type {Lexicon} from '../model/lexicon.js'
import type {EvidenceKind} from './source-bonus.js'

/** Names of the features, in the order of {@link choiceFeatures} (the bias first). */
export const featureNames = [
  'bias',
  'logit confidence',
  'logit repair-stage confidence',
  'changed',
  'word',
  'char',
  'function',
  'framed-function',
  'negation',
  'no-negation',
  'function characters',
  'choice makes a word',
  'runner-up makes a word',
  'choice completes a frame',
  'runner-up completes a frame',
  'unigram margin'
] as const

/** Characters a lost byte confuses most (E4 B8 8D/AD/8E, …). */
const confusable = new Set([...'不中与丁丐丑'])

const logit = (p: number): number => {
  const clipped = Math.min(1 - 1e-3, Math.max(1e-3, p))
  return Math.log(clipped / (1 - clipped))
}

/**
 * The features of one re-ranked choice.
 *
 * @param text The text after the re-rank.
 * @param record The re-ranked repair (offset into `text`).
 * @param before The repair stage's record of the same place.
 * @param kind The kind of English evidence for the choice, if any.
 * @param damaged Offsets of the re-rankable repairs in `text` (their characters are not known).
 * @param lexicon The lexicon.
 * @returns One number per {@link featureNames}.
 */
export function choiceFeatures(text: string, record: RepairRecord, before: RepairRecord, kind: EvidenceKind | undefined, damaged: ReadonlySet<number>, lexicon: Lexicon): number[] {
  const at = record.outputOffset
  const runnerUp = record.alternatives[0] ?? record.after
  const left = side(text, at - 1, -1, damaged)
  const right = side(text, at + record.after.length, 1, damaged)
  const candidates = [record.after, ...record.alternatives]
  const single = (char: string): number => lexicon.lookup(char) ?? lexicon.floor
  const margin = Math.max(-10, Math.min(10, single(record.after) - single(runnerUp))) / 5
  return [
    1,
    logit(record.confidence),
    logit(before.confidence),
    record.after === before.after ? 0 : 1,
    kind === 'word' ? 1 : 0,
    kind === 'char' ? 1 : 0,
    kind === 'function' ? 1 : 0,
    kind === 'framed-function' ? 1 : 0,
    kind === 'negation' ? 1 : 0,
    kind === 'no-negation' ? 1 : 0,
    candidates.filter((char) => confusable.has(char)).length >= 2 ? 1 : 0,
    makesWord(record.after, left, right, lexicon) ? 1 : 0,
    makesWord(runnerUp, left, right, lexicon) ? 1 : 0,
    phraseFrame(record.after, left, right) ? 1 : 0,
    phraseFrame(runnerUp, left, right) ? 1 : 0,
    margin
  ]
}

/**
 * The clause on one side of a place, nearest first, as the context model
 * takes it: Han characters, `' '` for a run of other letters or digits,
 * {@link unknown} for a damaged character; it ends at punctuation.
 */
function side(text: string, from: number, step: number, damaged: ReadonlySet<number>): string[] {
  const units: string[] = []
  for (let offset = from; offset >= 0 && offset < text.length && units.length < 15;) {
    const code = text.codePointAt(offset)!
    // Step over a surrogate pair as one character.
    const char = step < 0 && offset > 0 && code >= 0xdc00 && code <= 0xdfff ? text.slice(offset - 1, offset + 1) : String.fromCodePoint(code)
    const start = step < 0 ? offset - char.length + 1 : offset
    if (damaged.has(start)) units.push(unknown)
    else if (isHan(char)) units.push(char)
    else if (/[\p{L}\p{N}]/u.test(char)) {
      if (units.at(-1) !== ' ') units.push(' ')
    } else if (char !== ' ' && char !== '\t') break
    offset = step < 0 ? start - 1 : offset + char.length
  }
  return units
}

/** Whether a character makes a lexicon word of two to four characters with the intact Han characters next to it. */
function makesWord(char: string, left: readonly string[], right: readonly string[], lexicon: Lexicon): boolean {
  const han = (units: readonly string[]): string[] => {
    const out: string[] = []
    for (const unit of units) {
      if (unit === ' ' || unit === unknown) break
      out.push(unit)
      if (out.length === 3) break
    }
    return out
  }
  const before = han(left).reverse()
  const after = han(right)
  for (let start = 0; start <= before.length; start++) {
    for (let end = 0; end <= after.length; end++) {
      const word = before.slice(start).join('') + char + after.slice(0, end).join('')
      if ([...word].length >= 2 && [...word].length <= 4 && (lexicon.lookup(word) ?? 0) < 0) return true
    }
  }
  return false
}

/**
 * The probability that a choice is right, by a logistic model's weights
 * (one per {@link featureNames}).
 *
 * @param features The features of {@link choiceFeatures}.
 * @param weights The weights.
 * @returns A probability.
 */
export function calibratedConfidence(features: readonly number[], weights: readonly number[]): number {
  let sum = 0
  features.forEach((value, index) => {
    sum += value * (weights[index] ?? 0)
  })
  return 1 / (1 + Math.exp(-sum))
}
