/**
 * Candidates the English proposes. The repair keeps a damaged character's
 * best four candidates, and where a character kept only its lead byte (UTF-8
 * read as Latin-1 with the C1 controls stripped: hundreds of candidates) the
 * right one is often not among them: `运行` "run" came back as `进行`, `发布`
 * "rollout" as `城市`. Here the words whose glosses the aligned English
 * sentence has (CC-CEDICT's `run` → `运行`, `跑`, `经营` …) are fitted over
 * the damaged characters: a word fits where each of its characters is the
 * intact character there or one that the bytes left at a damaged place can
 * complete. Its characters join those places' candidates, and the evidence
 * and the lattice choose among them as among the others.
 */
import {encodeBack} from '../channels/codecs.js'
import {sequenceLength} from '../channels/utf8.js'
import {completions} from '../reconstruct/candidates.js'
import {isHan} from '../reconstruct/choose.js'
import type {DamageReport} from '../../types.js'
import type {GlossDictionary} from './gloss-dictionary.js'
import type {PreparedSource} from './source-bonus.js'

/** What the damage report says about the bytes: enough to list a damaged character's completions again. */
export type LostBytes = Pick<DamageReport, 'via' | 'lostBytes' | 'possiblyLostBytes'>

/**
 * Every Han character that the bytes left of a damaged character can
 * complete, by the codec that read them and the bytes the document lost.
 *
 * @param before The damaged text as found (one character's bytes, as the codec read them).
 * @param damage The codec and the lost bytes.
 * @param chosen The repair's choice there: the result is undefined unless it is among the completions (the record is not one damaged character of this codec).
 * @returns The completions, or undefined when the bytes cannot be read back or nothing is missing.
 */
export function completionsOf(before: string, damage: LostBytes, chosen: string): ReadonlySet<string> | undefined {
  const fits = everyCompletion(before, damage)
  return fits?.has(chosen) === true ? fits : undefined
}

/**
 * {@link completionsOf} without the test of the choice: every Han character
 * the bytes left can complete, whatever the repair chose.
 *
 * @param before The damaged text as found.
 * @param damage The codec and the lost bytes.
 * @returns The completions, or undefined when the bytes cannot be read back or nothing is missing.
 */
export function everyCompletion(before: string, damage: LostBytes): ReadonlySet<string> | undefined {
  const bytes = encodeBack(before, damage.via)
  if (bytes === undefined || bytes.length === 0) return undefined
  const length = sequenceLength(bytes[0]!)
  if (length <= bytes.length) return undefined
  const lost = damage.possiblyLostBytes === undefined ? damage.lostBytes : [...damage.lostBytes, ...damage.possiblyLostBytes]
  const fits = new Set<string>()
  for (const candidate of completions([...bytes], lost, [])) if (isHan(candidate.char)) fits.add(candidate.char)
  return fits
}

/** A damaged character of a paragraph, for {@link proposeWords}. */
export interface ProposalSlot {
  /** Its candidates now (the choice and its runner-ups). */
  choices: readonly string[]
  /** Every character its bytes can complete (undefined: only `choices`). */
  fits: ReadonlySet<string> | undefined
  /** The English of its place. */
  source: PreparedSource | undefined
}

/** Options of {@link proposeWords}. */
export interface ProposalOptions {
  /** Whether the lexicon knows a string as a word (default: every dictionary entry is one). */
  isWord?: (word: string) => boolean
}

/**
 * The characters that dictionary words glossing the aligned English sentence
 * add to the damaged characters of a paragraph: a word of two to four Han
 * characters fits where its characters are the intact ones or completions of
 * the damaged ones, at least one of them not yet a candidate there. Stems
 * that intact Chinese of the sentence already renders propose nothing, and
 * a place proposes only with the English of its own sentence. The pronouns
 * of one or two characters (`我`, `我们`) of a person that the sentence names
 * more often than its intact Chinese does (`PreparedSource.unrenderedPronouns`)
 * are fitted the same way.
 *
 * @param chars The paragraph's characters (code points), current choices filled in.
 * @param slots Character index → the damaged character there.
 * @param dictionary The dictionary.
 * @param options The lexicon's words.
 * @returns Character index → the proposed characters, in the order found.
 */
export function proposeWords(chars: readonly string[], slots: ReadonlyMap<number, ProposalSlot>, dictionary: GlossDictionary, options: ProposalOptions = {}): Map<number, string[]> {
  const proposals = new Map<number, string[]>()
  const bySource = new Map<PreparedSource, number[]>()
  for (const [index, slot] of slots) {
    if (slot.source === undefined || slot.source.tokens.length === 0 || slot.fits === undefined) continue
    const list = bySource.get(slot.source)
    if (list === undefined) bySource.set(slot.source, [index])
    else list.push(index)
  }
  const fitsAt = (position: number, char: string): boolean => {
    const slot = slots.get(position)
    if (slot === undefined) return chars[position] === char
    return slot.fits === undefined ? slot.choices.includes(char) : slot.fits.has(char)
  }
  for (const [source, indices] of bySource) {
    // Character → the damaged places of the sentence it may fill, in order,
    // worked out for the characters the words have (a place may have a
    // thousand completions, and the words use few of them).
    // Places with the same bytes share one set of completions (`completionsOf`
    // of one text): each set is asked once per character.
    const sets: Array<ReadonlySet<string>> = []
    const setOf = indices.map((index) => {
      const fits = slots.get(index)!.fits!
      let at = sets.indexOf(fits)
      if (at === -1) at = sets.push(fits) - 1
      return at
    })
    const member = new Uint8Array(sets.length)
    const places = new Map<string, readonly number[]>()
    const placesOf = (char: string): readonly number[] => {
      let list = places.get(char)
      if (list === undefined) {
        for (let at = 0; at < sets.length; at++) member[at] = sets[at]!.has(char) ? 1 : 0
        list = indices.filter((_, position) => member[setOf[position]!] === 1)
        places.set(char, list)
      }
      return list
    }
    const stems = [...source.sentenceStems.keys()].filter((stem) => !source.covered.has(stem))
    const unrendered = new Set(stems)
    const tried = new Set<string>()
    const propose = (word: string, glossed: boolean): void => {
      if (tried.has(word)) return
      tried.add(word)
      const letters = [...word]
      const placements: number[] = []
      letters.forEach((letter, offset) => {
        for (const index of placesOf(letter)) {
          const start = index - offset
          if (start >= 0 && start + letters.length <= chars.length && !placements.includes(start)) placements.push(start)
        }
      })
      // Where every character fits (the cheapest test first: most words fit nowhere).
      const fitting = placements.filter((start) => letters.every((letter, offset) => fitsAt(start + offset, letter)))
      if (fitting.length === 0) return
      // Its short glosses must have an English word of the sentence, not only its longer ones.
      if (!glossed && !(dictionary.lookup(word)?.content ?? []).some((gloss) => unrendered.has(gloss))) return
      if (options.isWord !== undefined && !options.isWord(word)) return
      for (const start of fitting) {
        const fresh = letters.flatMap((letter, offset) => {
          const slot = slots.get(start + offset)
          return slot !== undefined && !slot.choices.includes(letter) ? [[start + offset, letter] as const] : []
        })
        for (const [position, letter] of fresh) {
          const list = proposals.get(position)
          if (list === undefined) proposals.set(position, [letter])
          else if (!list.includes(letter)) list.push(letter)
        }
      }
    }
    for (const stem of stems) for (const word of dictionary.wordsGlossing(stem)) propose(word, false)
    // A pronoun of the sentence that no intact pronoun renders (`my` → `我`): the pronoun is its gloss.
    for (const person of source.unrenderedPronouns.keys()) for (const word of dictionary.pronouns(person)) propose(word, true)
  }
  return proposals
}
