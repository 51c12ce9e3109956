/**
 * Function-character confusions: a lost byte often leaves two common function
 * characters with the same damaged shape (`不` `中` `与` are E4 B8 8D / AD /
 * 8E, and windows-1254 loses all three bytes). Each is a word by itself, so the word lexicon
 * cannot tell them apart and the choice rests on the context model, which is
 * surer of itself there than it is right. Such a choice's confidence is
 * tempered, so that only a clear margin stays above the flag threshold; the
 * bilingual re-rank gives the lattice's own confidence back where the English
 * confirms the choice (docs/repair.md, "Flags").
 */
import type {Lexicon} from '../model/lexicon.js'

/**
 * The lexicon's part-of-speech tags of function words (jieba's tag set):
 * adverbs (`不` `也` `就`), prepositions (`在` `从` `与`), conjunctions
 * (`和` `但`), locatives (`中` `上`), pronouns, particles (`的` `了` `着`)
 * and sentence particles.
 */
const functionTags = /^(?:d|p|c|f|r|u[a-z]?|y)$/

/**
 * How common a function character must be, as a word by itself (natural log
 * of its unigram probability; about 30,000 of jieba's 60 million: 67
 * characters with the tags above).
 */
const commonFloor = -7.6

/**
 * The temperature of a confused choice's confidence: its log-odds are
 * divided by it, so 0.889 becomes 0.8 and 0.95 0.88 (tuned on the tuning
 * pages of the damage matrix, seed's channel).
 */
export const confusionTemperature = 1.5

/**
 * Whether a character is a common function character: a word by itself that
 * the lexicon tags as a function word, at least as common as
 * {@link commonFloor}.
 *
 * @param char One character.
 * @param lexicon The lexicon.
 * @returns True for `不`, `中`, `与`, `从`, `的`, …
 */
export function isFunctionCharacter(char: string, lexicon: Lexicon): boolean {
  const tag = lexicon.charTag(char)
  if (tag === undefined || !functionTags.test(tag)) return false
  return (lexicon.lookup(char) ?? Number.NEGATIVE_INFINITY) >= commonFloor
}

/**
 * The function character a choice is confused with: its runner-up, when
 * both are common function characters (the candidates of a slot all share
 * the damaged bytes, so the channel makes them look alike).
 *
 * @param choice The chosen character.
 * @param runnerUp The best other candidate, if any.
 * @param lexicon The lexicon.
 * @returns The runner-up, or undefined when this is no such confusion.
 */
export function functionConfusion(choice: string, runnerUp: string | undefined, lexicon: Lexicon): string | undefined {
  if (runnerUp === undefined || !isFunctionCharacter(choice, lexicon) || !isFunctionCharacter(runnerUp, lexicon)) return undefined
  return runnerUp
}

/**
 * Temper a confidence: divide its log-odds by {@link confusionTemperature}.
 *
 * @param confidence A probability.
 * @returns The tempered probability; a confidence of 0.5 or less as it is (tempering would raise it).
 */
export function temperedConfidence(confidence: number): number {
  if (confidence <= 0.5 || confidence >= 1) return confidence
  const logOdds = Math.log(confidence / (1 - confidence))
  return 1 / (1 + Math.exp(-logOdds / confusionTemperature))
}
