/**
 * Which repairs wait for a person, and the decision each one becomes.
 */
import {location} from 'vfile-location'
import {uncertainBelow} from '../repair/index.js'
import type {OpenDecision, RepairRecord} from '../types.js'
import {anchorAt} from './locate.js'

/**
 * Whether a repair is uncertain: a reviewer should confirm it or pick another
 * candidate.
 *
 * @param record A repair.
 * @returns Whether its confidence is below `uncertainBelow`.
 */
export function isUncertain(record: Pick<RepairRecord, 'confidence'>): boolean {
  return record.confidence < uncertainBelow
}

/**
 * The open decisions of a text's uncertain repairs, anchored in that text.
 *
 * @param text The repaired text.
 * @param repairs Its repairs (offsets into `text` as `outputOffset`).
 * @returns One decision per uncertain repair, in text order, with its place in `text`.
 */
export function decisionsOfRepairs(text: string, repairs: readonly RepairRecord[]): OpenDecision[] {
  const place = location(text)
  return repairs
    .filter(isUncertain)
    .sort((a, b) => a.outputOffset - b.outputOffset)
    .map((record) => {
      const start = record.outputOffset
      const end = start + record.after.length
      const point = place.toPoint(start)
      return {
        choice: record.after,
        others: [...record.alternatives],
        confidence: record.confidence,
        ...(record.evidence === undefined ? {} : {evidence: record.evidence}),
        ...anchorAt(text, start, end),
        line: point?.line ?? record.line,
        column: point?.column ?? record.column,
        start,
        end
      }
    })
}
