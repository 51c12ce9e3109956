/**
 * Find decisions again in a text that may have been edited since they were
 * written: by the characters around the choice (their anchor), and only then
 * by the line they were last seen on.
 */
import {location} from 'vfile-location'
import type {RepairDecision} from '../types.js'

/** Where a decision is now. */
export type Located =
  /** Its choice is still there, at these 0-based offsets. */
  | {state: 'open'; start: number; end: number}
  /** Its place is there with another character: someone settled it by hand. */
  | {state: 'resolved'; found: string}
  /** Neither the choice nor its place can be found: the text around it changed. */
  | {state: 'lost'}

/** Characters of context kept on each side of a choice. */
export const anchorLength = 8

/** Context sizes tried in turn: the full anchor, then parts of it. */
const tiers: ReadonlyArray<readonly [number, number]> = [[8, 8], [4, 4], [8, 0], [0, 8], [2, 2]]

/** Lines around the hint where a partial anchor may match when it is not unique. */
const nearLines = 20

/**
 * The anchor of a choice: the characters around it on its line.
 *
 * @param text The text.
 * @param start 0-based offset of the choice.
 * @param end 0-based offset after it.
 * @returns Up to `anchorLength` characters on each side, within the line.
 */
export function anchorAt(text: string, start: number, end: number): {left: string; right: string} {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1
  let lineEnd = text.indexOf('\n', end)
  if (lineEnd === -1) lineEnd = text.length
  if (text[lineEnd - 1] === '\r') lineEnd--
  return {left: cut(text.slice(lineStart, start), -anchorLength), right: cut(text.slice(end, lineEnd), anchorLength)}
}

/**
 * Find each decision in a text. Two decisions never get the same place.
 *
 * @param text The text (the article without its decision block).
 * @param decisions The decisions, as read from the block.
 * @returns Where each one is, in the same order.
 */
export function locateDecisions(text: string, decisions: readonly RepairDecision[]): Located[] {
  const place = location(text)
  const used = new Set<number>()
  return decisions.map((decision) => {
    const hint = place.toOffset({line: decision.line, column: decision.column})
    const lineOf = (offset: number) => place.toPoint(offset)?.line ?? 0
    for (const [index, [leftSize, rightSize]] of tiers.entries()) {
      const left = cut(decision.left, -leftSize)
      const right = cut(decision.right, rightSize)
      // A tier that adds no new context to a weaker one is skipped.
      if (index > 0 && left === decision.left && right === decision.right) continue
      const strong = index === 0 && [...left].length + [...right].length >= 4
      const pick = (found: number[]) => choose(found, strong, decision.line, lineOf)
      const open = pick(occurrences(text, left + decision.choice + right).map((at) => at + left.length).filter((at) => !used.has(at)))
      if (open !== undefined) {
        used.add(open)
        return {state: 'open', start: open, end: open + decision.choice.length}
      }
      if (left === '' || right === '') continue
      const changed = replaced(text, left, right, decision.choice)
      const settled = pick(changed.map((match) => match.at))
      if (settled !== undefined) return {state: 'resolved', found: changed.find((match) => match.at === settled)?.found ?? ''}
    }
    // No anchor at all (a character alone on its line): only the exact place counts.
    if (decision.left === '' && decision.right === '' && hint !== undefined && text.startsWith(decision.choice, hint) && !used.has(hint)) {
      used.add(hint)
      return {state: 'open', start: hint, end: hint + decision.choice.length}
    }
    return {state: 'lost'}
  })
}

/** The best of the places found: the one nearest the hint, or none when the evidence is weak. */
function choose(found: number[], strong: boolean, line: number, lineOf: (offset: number) => number): number | undefined {
  if (found.length === 0) return undefined
  let best = found[0]
  let distance = Math.abs(lineOf(best) - line)
  for (const at of found.slice(1)) {
    const next = Math.abs(lineOf(at) - line)
    if (next < distance) {
      best = at
      distance = next
    }
  }
  return strong || found.length === 1 || distance <= nearLines ? best : undefined
}

/** Every offset where `needle` occurs. */
function occurrences(text: string, needle: string): number[] {
  const found: number[] = []
  if (needle === '') return found
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found.push(at)
  return found
}

/** Places between `left` and `right` on one line that hold something other than `choice`. */
function replaced(text: string, left: string, right: string, choice: string): Array<{at: number; found: string}> {
  const pattern = new RegExp(`${escape(left)}([^\\n]{0,4}?)${escape(right)}`, 'g')
  const found: Array<{at: number; found: string}> = []
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const middle = match[1] ?? ''
    if (middle !== choice) found.push({at: match.index + left.length, found: middle})
    pattern.lastIndex = match.index + 1
  }
  return found
}

/** Code points from the start (`size` > 0) or the end (`size` < 0) of a string. */
function cut(value: string, size: number): string {
  const points = [...value]
  if (size === 0) return ''
  return (size > 0 ? points.slice(0, size) : points.slice(size)).join('')
}

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
