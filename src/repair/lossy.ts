/**
 * Rebuild damaged characters of Chinese text: build the lattice of fixed
 * characters and candidate slots over the repaired text, score it with the
 * lexicon, and refine the prior over lost byte values from the document's own
 * confident choices (one step of EM).
 */
import {classPrior, partnerOf, type Candidate} from './candidates.js'
import {chooseInLattice, type Slot, type SlotChoice, type Unit} from './choose.js'
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
const ROUNDS = Number(process.env.ROUNDS ?? 2)

/**
 * Choose a character for every damaged part.
 *
 * @param parts The repaired text as fixed strings and damaged characters, in order.
 * @param lexicon The lexicon.
 * @returns One result per damaged part, in order.
 */
export function rebuild(parts: readonly Part[], lexicon: Lexicon): Rebuilt[] {
  const units: Unit[] = []
  const slots: Array<{slot: Slot; damaged: Damaged}> = []
  for (const part of parts) {
    if (typeof part === 'string') {
      for (const char of part) units.push(char)
    } else {
      const slot: Slot = {candidates: part.candidates.map((candidate) => candidate.char), priors: []}
      units.push(slot)
      slots.push({slot, damaged: part})
    }
  }
  const base = slots.map(({slot}, index) => basePriors(units, slot, index))
  let bytePrior = new Map<number, number>()
  let choices: SlotChoice[] = []
  for (let round = 0; round < ROUNDS; round++) {
    for (const [index, {slot, damaged}] of slots.entries()) {
      slot.priors = damaged.candidates.map((candidate, position) => {
        let prior = base[index]![position]!
        for (const byte of candidate.filled) prior += bytePrior.get(byte) ?? 0
        return prior
      })
    }
    choices = chooseInLattice(units, lexicon)
    bytePrior = estimateBytePrior(slots.map(({damaged}) => damaged), choices)
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

/** Class prior plus a bonus for brackets and quotes whose partner is on the same line. */
function basePriors(units: readonly Unit[], slot: Slot, index: number): number[] {
  const at = units.indexOf(slot, index)
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
    if (unit === partner) return true
    if (typeof unit !== 'string' && unit.candidates.includes(partner)) return true
  }
  return false
}

/** Log-ratio prior of each lost byte value against uniform, from confident choices. */
function estimateBytePrior(damaged: readonly Damaged[], choices: readonly SlotChoice[]): Map<number, number> {
  const counts = new Map<number, number>()
  let total = 0
  for (const [index, choice] of choices.entries()) {
    if (choice.confidence < confident) continue
    for (const byte of damaged[index]!.candidates[choice.best]!.filled) {
      counts.set(byte, (counts.get(byte) ?? 0) + 1)
      total++
    }
  }
  const values = new Set<number>()
  for (const item of damaged) for (const candidate of item.candidates) for (const byte of candidate.filled) values.add(byte)
  const prior = new Map<number, number>()
  for (const byte of values) {
    const probability = ((counts.get(byte) ?? 0) + 1) / (total + values.size)
    prior.set(byte, Math.log(probability * values.size))
  }
  return prior
}
