/**
 * Open repair decisions and positions on disk: the glue between the pipeline
 * and the pure parts (`block.ts`, `locate.ts`, `position-map.ts`).
 *
 * An article repaired in memory (build, lint, review on a damaged file) is
 * checked in its repaired form, but every message must point at the file as
 * it is on disk: `mapMessagesToDisk` moves each place back through the
 * repairs. An article repaired with `bitext repair --write` keeps its
 * uncertain choices in a decision block at its end; `placeDecisions` finds
 * them again for the `mojibake-uncertain` rule.
 */
import type {Root} from 'mdast'
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import type {TermUse} from '../types.js'
import {blockOpening, readBlock, type DecisionBlock} from './block.js'
import {collectDecisions} from './collect.js'
import {positionMap, type PositionMap, type Side} from './position-map.js'

export {blockOpening, formatBlock, readBlock, withBlock, type BlockEntry, type BlockProblem, type DecisionBlock} from './block.js'
export {anchorAt, anchorLength, locateDecisions, type Located} from './locate.js'
export {decisionsOfRepairs, isUncertain} from './from-repairs.js'
export {collectDecisions, type FileDecisions, type PlacedDecision} from './collect.js'
export {positionMap, type PositionMap, type Side} from './position-map.js'
export {settleDecisions, parseTarget, type SettleRequest, type SettleResult, type Target} from './settle.js'

/**
 * Place the decisions of a file's block in its repaired text: open ones in
 * `file.data.decisions`, lost and malformed ones in
 * `file.data.decisionProblems` (the `mojibake-uncertain` rule reports both,
 * and the uncertain repairs just made by itself).
 *
 * @param file The file after repair (and re-rank): `file.value` is the repaired text.
 * @param disk The text as on disk (decoded, before repair).
 * @param block `readBlock(disk)`.
 */
export function placeDecisions(file: VFile, disk: string, block: DecisionBlock = readBlock(disk)): void {
  if (!block.found) return
  const found = collectDecisions(disk, block, String(file.value), file.data.repairs ?? [], false)
  file.data.decisions = found.open.map((placed) => placed.decision)
  file.data.decisionProblems = [...found.malformed, ...found.lost.map((lost) => lost.problem)].sort((a, b) => a.start - b.start)
}

/**
 * Take the decision block out of a parsed article, so that no stage aligns,
 * checks or publishes it.
 *
 * @param tree The article's tree (changed in place).
 */
export function dropDecisionBlock(tree: Root): void {
  tree.children = tree.children.filter((node) => !(node.type === 'html' && node.value.startsWith(blockOpening)))
}

/**
 * Move every message of a file repaired in memory to its place on disk, and
 * the glossary's term uses with them. The `mojibake-repaired` message then
 * says that positions refer to the file on disk.
 *
 * @param file The checked file (`file.value` is the repaired text).
 * @param disk The text as on disk (decoded, before repair).
 * @returns How many messages moved.
 */
export function mapMessagesToDisk(file: VFile, disk: string): number {
  const map = positionMap(file.data.repairs ?? [])
  if (!map.shifts) return 0
  const convert = pointMapper(String(file.value), disk, map)
  let moved = 0
  for (const message of file.messages) {
    const place = message.place
    if (!place) continue
    const next: Point | Position = 'start' in place
      ? {start: convert(place.start, 'start'), end: convert(place.end, 'end')}
      : convert(place, 'start')
    const start = 'start' in next ? next.start : next
    if (start.column !== message.column || ('end' in next && 'end' in place && next.end.column !== place.end.column)) moved++
    message.place = next
    message.line = start.line
    message.column = start.column
  }
  if (file.data.termUses) file.data.termUses = file.data.termUses.map((use) => mapTermUse(use, convert))
  if (moved > 0) {
    const note = file.messages.find((message) => message.ruleId === 'mojibake-repaired')
    if (note) note.reason += '; message positions refer to the file on disk'
  }
  return moved
}

/** Convert points of the repaired text to points on disk. */
function pointMapper(text: string, disk: string, map: PositionMap): (point: Point, side: Side) => Point {
  const inText = location(text)
  const onDisk = location(disk)
  return (point, side) => {
    const offset = point.offset ?? inText.toOffset({line: point.line, column: point.column})
    if (offset === undefined) return point
    const moved = onDisk.toPoint(map.toDisk(offset, side))
    return moved ? {line: moved.line, column: moved.column, offset: moved.offset} : point
  }
}

function mapTermUse(use: TermUse, convert: (point: Point, side: Side) => Point): TermUse {
  const start = convert({line: use.line, column: use.column}, 'start')
  const end = use.endLine !== undefined && use.endColumn !== undefined ? convert({line: use.endLine, column: use.endColumn}, 'end') : undefined
  return {...use, line: start.line, column: start.column, ...(end ? {endLine: end.line, endColumn: end.column} : {})}
}
