/**
 * Rebuild damaged characters of Chinese text: build the lattice of fixed
 * characters and candidate slots over the repaired text, score it with the
 * lexicon, and refine the prior over lost byte values from the document's own
 * confident choices (one step of EM).
 */
import {classPrior, partnerOf, type Candidate} from './candidates.js'
import {chooseInLattice, gapUnit, isHan, type Slot, type SlotChoice, type Unit} from './choose.js'
import type {Lexicon} from './lexicon.js'

/** A damaged character to rebuild, with its candidates. */
export interface Damaged {
  candidates: Candidate[]
}

/** A part of the repaired text: fixed text or a damaged character. */
export type Part = string | Damaged

/** The outcome for one damaged character. */
export interface Rebuilt {
  /** Chosen character. */
  char: string
  /** Confidence 0–1. */
  confidence: number
  /** Runner-up characters, best first. */
  alternatives: string[]
}

const pairingBonus = 4
const confident = 0.9

/**
 * Choose a character for every damaged part.
 *
 * @param parts The repaired text as fixed strings and damaged characters, in order.
 * @param lexicon The lexicon.
 * @returns One result per damaged part, in order.
 */
export function rebuild(parts: readonly Part[], lexicon: Lexicon): Rebuilt[] {
  const units: Unit[] = []
  const slots: Array<{slot: Slot; candidates: Candidate[]; at: number}> = []
  for (const part of parts) {
    if (typeof part === 'string') {
      pushFixed(units, part)
    } else {
      const candidates = prune(part.candidates, lexicon)
      const slot: Slot = {candidates: candidates.map((candidate) => candidate.char), priors: []}
      slots.push({slot, candidates, at: units.length})
      units.push(slot)
    }
  }
  const base = slots.map(({slot, at}) => basePriors(units, slot, at))
  const setPriors = (bytePrior: ReadonlyMap<number, number>): void => {
    for (const [index, {slot, candidates}] of slots.entries()) {
      slot.priors = candidates.map((candidate, position) => {
        let prior = base[index]![position]!
        for (const byte of candidate.filled) prior += bytePrior.get(byte) ?? 0
        return prior
      })
    }
  }
  setPriors(new Map())
  const choices = chooseInLattice(units, lexicon)
  // One EM step: the lost-byte values of confident choices become a prior,
  // and only the uncertain slots are chosen again (the others are now fixed).
  setPriors(estimateBytePrior(slots.map(({candidates}) => candidates), choices))
  const uncertain = choices.map((choice, index) => (choice.confidence < confident ? index : -1)).filter((index) => index >= 0)
  if (uncertain.length > 0) {
    const second = units.slice()
    for (const [index, {slot, at}] of slots.entries()) {
      if (choices[index]!.confidence >= confident) second[at] = slot.candidates[choices[index]!.best]!
    }
    const again = chooseInLattice(second, lexicon)
    for (const [position, index] of uncertain.entries()) choices[index] = again[position]!
  }
  return choices.map((choice, index) => {
    const {candidates} = slots[index]!.slot
    return {
      char: candidates[choice.best]!,
      confidence: choice.confidence,
      alternatives: choice.order.slice(1, 4).map((position) => candidates[position]!)
    }
  })
}

/**
 * Add the characters of fixed text that matter to the lattice: Han
 * characters, line breaks, Chinese and paired punctuation; any other run
 * becomes one gap unit, which keeps the lattice small.
 */
function pushFixed(units: Unit[], text: string): void {
  for (const char of text) {
    if (isHan(char) || char === '\n' || partnerOf(char) !== undefined || /^[\u3000-\u303F\uFF00-\uFFEF]$/.test(char)) units.push(char)
    else if (units.at(-1) !== gapUnit) units.push(gapUnit)
  }
}

/**
 * Drop candidates that cannot win: characters the kind prior rules out
 * (format controls, private use, rare Han extensions) and Han characters the
 * lexicon does not know at all, as long as something better remains.
 */
function prune(candidates: readonly Candidate[], lexicon: Lexicon): Candidate[] {
  const kept = candidates.filter((candidate) =>
    isHan(candidate.char) ? lexicon.lookup(candidate.char) !== undefined : classPrior(candidate.char) > -18
  )
  return kept.length > 0 ? kept : [...candidates]
}

/** Class prior plus a bonus for brackets and quotes whose partner is on the same line. */
function basePriors(units: readonly Unit[], slot: Slot, at: number): number[] {
  return slot.candidates.map((char) => {
    let prior = classPrior(char)
    const pairing = partnerOf(char)
    if (pairing !== undefined && partnerOnLine(units, at, pairing.partner, pairing.direction)) {
      prior += pairingBonus
    }
    return prior
  })
}

function partnerOnLine(units: readonly Unit[], at: number, partner: string, direction: 'after' | 'before'): boolean {
  const step = direction === 'after' ? 1 : -1
  for (let position = at + step; position >= 0 && position < units.length; position += step) {
    const unit = units[position]!
    if (unit === '\n') return false
    // Only an intact partner counts: damaged ones would vouch for each other.
    if (unit === partner) return true
  }
  return false
}

/** Log-ratio prior of each lost byte value against uniform, from confident choices. */
function estimateBytePrior(damaged: ReadonlyArray<readonly Candidate[]>, choices: readonly SlotChoice[]): Map<number, number> {
  const counts = new Map<number, number>()
  let total = 0
  for (const [index, choice] of choices.entries()) {
    if (choice.confidence < confident) continue
    for (const byte of damaged[index]![choice.best]!.filled) {
      counts.set(byte, (counts.get(byte) ?? 0) + 1)
      total++
    }
  }
  const values = new Set<number>()
  for (const item of damaged) for (const candidate of item) for (const byte of candidate.filled) values.add(byte)
  const prior = new Map<number, number>()
  for (const byte of values) {
    const probability = ((counts.get(byte) ?? 0) + 1) / (total + values.size)
    prior.set(byte, Math.log(probability * values.size))
  }
  return prior
}
