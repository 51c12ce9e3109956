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
import type {VFileMessage} from 'vfile-message'
import {blockOpening, readBlock, type DecisionBlock} from './block.js'
import {collectDecisions} from './collect.js'
import {pointMap} from './points.js'
import type {Side} from './position-map.js'

export {blockOpening, formatBlock, readBlock, withBlock, type BlockEntry, type BlockProblem, type DecisionBlock} from './block.js'
export {anchorAt, anchorLength, locateDecisions, type Located} from './locate.js'
export {decisionsOfRepairs, isUncertain} from './from-repairs.js'
export {collectDecisions, type FileDecisions, type PlacedDecision} from './collect.js'
export {positionMap, type PositionMap, type Side} from './position-map.js'
export {pointMap, type PointMap} from './points.js'
export {settleDecisions, parseTarget, type SettleRequest, type SettleResult, type Target} from './settle.js'
export {settleCommands, shellWord, type SettleCommands} from './settle-command.js'
export {twinGroups, type TwinItem} from './twins.js'
export {openChoices, openDecisionGroups, type OpenChoice} from './open-choices.js'

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
  const kept = tree.children.filter((node) => !(node.type === 'html' && node.value.startsWith(blockOpening)))
  if (kept.length === tree.children.length) return
  tree.children = kept
  // The document ends where its content does: message control drops messages
  // in "gaps" between the last node and the end, and the block's messages are there.
  const last = kept.at(-1)?.position?.end
  if (tree.position) tree.position.end = last ? {...last} : {...tree.position.start}
}

/**
 * Move every message of a file repaired in memory to its place on disk, and
 * the glossary's term uses and the local file references with them. The `mojibake-repaired` message then
 * says that positions refer to the file on disk.
 *
 * @param file The checked file (`file.value` is the repaired text, `file.data.repairs` its repairs).
 * @returns How many messages moved.
 */
export function mapMessagesToDisk(file: VFile): number {
  const map = pointMap(String(file.value), file.data.repairs ?? [])
  if (!map.shifts) return 0
  let moved = 0
  for (const message of file.messages) {
    const place = message.place
    if (!place) continue
    const next = movePlace(place, (point, side) => map.toDisk(point, side))
    const start = 'start' in next ? next.start : next
    if (start.column !== message.column || ('end' in next && 'end' in place && next.end.column !== place.end.column)) moved++
    setPlace(message, next)
  }
  if (file.data.termUses) file.data.termUses = file.data.termUses.map((use) => mapRange(use, map.toDisk))
  if (file.data.localFiles) file.data.localFiles = file.data.localFiles.map((reference) => mapRange(reference, map.toDisk))
  if (moved > 0) {
    const note = file.messages.find((message) => message.ruleId === 'mojibake-repaired')
    if (note) note.reason += '; message positions refer to the file on disk'
  }
  return moved
}

/**
 * Run something that reads message places against the repaired text (such
 * as comment markers' message control) on a file whose messages point at the
 * file on disk: places are moved into the text for the call, and back.
 *
 * @param file A file whose messages point at the file on disk.
 * @param action What to run; it may remove messages.
 */
export function withPlacesInText(file: VFile, action: () => void): void {
  const map = pointMap(String(file.value ?? ''), file.data.repairs ?? [])
  if (!map.shifts) {
    action()
    return
  }
  const onDisk = new Map<VFileMessage, Point | Position>()
  for (const message of file.messages) {
    if (!message.place) continue
    onDisk.set(message, message.place)
    setPlace(message, movePlace(message.place, (point, side) => map.toText(point, side)))
  }
  try {
    action()
  } finally {
    for (const message of file.messages) {
      const place = onDisk.get(message)
      if (place) setPlace(message, place)
    }
  }
}

function movePlace(place: Point | Position, move: (point: Point, side: Side) => Point): Point | Position {
  return 'start' in place ? {start: move(place.start, 'start'), end: move(place.end, 'end')} : move(place, 'start')
}

function setPlace(message: VFileMessage, place: Point | Position): void {
  const start = 'start' in place ? place.start : place
  message.place = place
  message.line = start.line
  message.column = start.column
}

/** Move a range given by line and column (a term use, a local file reference). */
function mapRange<T extends {line: number; column: number; endLine?: number | undefined; endColumn?: number | undefined}>(use: T, convert: (point: Point, side: Side) => Point): T {
  const start = convert({line: use.line, column: use.column}, 'start')
  const end = use.endLine !== undefined && use.endColumn !== undefined ? convert({line: use.endLine, column: use.endColumn}, 'end') : undefined
  return {...use, line: start.line, column: start.column, ...(end ? {endLine: end.line, endColumn: end.column} : {})}
}
