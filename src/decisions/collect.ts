/**
 * Every decision of a file at once, with its place in the repaired text and
 * on disk: those of its decision block, found again by their anchors, and
 * those of the uncertain repairs just made.
 */
import {location} from 'vfile-location'
import type {DecisionProblem, RepairDecision, RepairRecord} from '../types.js'
import type {DecisionBlock} from './block.js'
import {decisionsOfRepairs} from './from-repairs.js'
import {locateDecisions} from './locate.js'
import {positionMap} from './position-map.js'
import type {SettleRequest} from './settle.js'

/** An open decision, where it comes from, and its places. */
export interface PlacedDecision extends SettleRequest {
  /** `block`: read from the decision block; `repair`: an uncertain repair just made. */
  origin: 'block' | 'repair'
}

/** The decisions of a file. */
export interface FileDecisions {
  /** Open decisions in text order. */
  open: PlacedDecision[]
  /** Block decisions whose place is lost (the text around them changed). */
  lost: Array<{decision: RepairDecision; problem: DecisionProblem}>
  /** Block decisions settled by hand (another character stands in their place). */
  resolved: RepairDecision[]
  /** Lines of the block that could not be read, placed in the repaired text. */
  malformed: DecisionProblem[]
}

/**
 * Collect a file's decisions.
 *
 * @param disk The text as on disk (decoded, with its block).
 * @param block `readBlock(disk)`.
 * @param text The repaired text.
 * @param repairs The repairs that made `text` (of `disk` without or with its block: the block is never repaired).
 * @param fromRepairs Whether uncertain repairs count as open decisions (default true).
 * @returns The decisions.
 */
export function collectDecisions(disk: string, block: DecisionBlock, text: string, repairs: readonly RepairRecord[], fromRepairs = true): FileDecisions {
  const map = positionMap(repairs)
  const onDisk = location(disk)
  const inText = (start: number, end: number) => ({start: map.toText(start, 'start'), end: map.toText(end, 'end')})
  const diskPlace = (start: number, end: number) => {
    const from = onDisk.toPoint(start)
    const to = onDisk.toPoint(end)
    return {line: from?.line ?? 0, column: from?.column ?? 0, endColumn: to?.column ?? 0}
  }
  const open: PlacedDecision[] = []
  const lost: FileDecisions['lost'] = []
  const resolved: RepairDecision[] = []
  const located = locateDecisions(disk.slice(0, block.start), block.entries.map((entry) => entry.decision))
  for (const [index, entry] of block.entries.entries()) {
    const where = located[index]
    const {decision} = entry
    if (where?.state === 'open') {
      open.push({origin: 'block', decision: {...decision, ...inText(where.start, where.end)}, ...diskPlace(where.start, where.end)})
    } else if (where?.state === 'resolved') {
      resolved.push(decision)
    } else {
      lost.push({
        decision,
        problem: {
          reason: `Cannot find the repair decision for \`${decision.choice}\` (\`${decision.left}${decision.choice}${decision.right}\`, last at ${decision.line}:${decision.column}): the text around it changed; check that character by hand, then delete this line`,
          ...inText(entry.start, entry.end)
        }
      })
    }
  }
  if (fromRepairs) {
    for (const decision of decisionsOfRepairs(text, repairs)) {
      open.push({origin: 'repair', decision, ...diskPlace(map.toDisk(decision.start, 'start'), map.toDisk(decision.end, 'end'))})
    }
  }
  open.sort((a, b) => a.decision.start - b.decision.start)
  const malformed = block.problems.map((problem) => ({reason: problem.reason, ...inText(problem.start, problem.end)}))
  return {open, lost, resolved, malformed}
}
