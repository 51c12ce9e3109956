/**
 * The choices of an article that wait for a person: the uncertain repairs
 * just made in memory and the open decisions of its decision block, grouped
 * into the decisions a person makes (twins together, `twins.ts`). The
 * `mojibake-uncertain` rule reports one message per group and the review
 * report shows one card per group; both read the groups here, so lint, build
 * and review always count the same decisions.
 */
import type {OpenDecision, RepairRecord} from '../types.js'
import {isUncertain} from './from-repairs.js'
import {twinGroups} from './twins.js'

/** An uncertain choice at its place in the repaired text. */
export interface OpenChoice {
  /** The chosen text, as the repaired text has it. */
  choice: string
  /** The other candidates, most likely first. */
  others: readonly string[]
  /** 0–1: how sure the repair was of `choice`. */
  confidence: number
  /** What in the English supports `choice`, when it did. */
  evidence?: string | undefined
  /** `repair`: repaired now, in memory; `block`: kept open in the article's decision block. */
  origin: 'repair' | 'block'
  /** 0-based offsets of `choice` in the repaired text. */
  start: number
  end: number
}

/**
 * The uncertain choices of a repaired text, in text order.
 *
 * @param repairs The repairs made (offsets into the repaired text as `outputOffset`).
 * @param decisions The open decisions of the decision block, placed in the repaired text.
 * @returns One choice per uncertain repair and per open decision.
 */
export function openChoices(repairs: readonly RepairRecord[], decisions: readonly OpenDecision[]): OpenChoice[] {
  const choices: OpenChoice[] = [
    ...repairs.filter(isUncertain).map((repair) => ({
      choice: repair.after,
      others: repair.alternatives,
      confidence: repair.confidence,
      evidence: repair.evidence,
      origin: 'repair' as const,
      start: repair.outputOffset,
      end: repair.outputOffset + repair.after.length
    })),
    ...decisions.map((decision) => ({
      choice: decision.choice,
      others: decision.others,
      confidence: decision.confidence,
      evidence: decision.evidence,
      origin: 'block' as const,
      start: decision.start,
      end: decision.end
    }))
  ]
  return choices.sort((a, b) => a.start - b.start)
}

/**
 * The decisions a person makes in a repaired text: its uncertain choices,
 * twins grouped (`twinGroups`). Each group is in text order (the first is
 * where `mojibake-uncertain` reports it), the groups in the order of their
 * first place.
 *
 * @param text The repaired text.
 * @param repairs The repairs made.
 * @param decisions The open decisions of the decision block.
 * @returns The groups; a choice without twins is a group of one.
 */
export function openDecisionGroups(text: string, repairs: readonly RepairRecord[], decisions: readonly OpenDecision[]): OpenChoice[][] {
  return twinGroups(text, openChoices(repairs, decisions))
}
