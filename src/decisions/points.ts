/**
 * Line and column points between the file on disk and the repaired text.
 * Repair never changes line breaks, so a line is the same line on both sides
 * and only columns (and offsets) move; the repaired text and the repairs are
 * all it takes, which is what a file rebuilt from a batch result has.
 */
import type {Point} from 'unist'
import {location} from 'vfile-location'
import type {RepairRecord} from '../types.js'
import {positionMap, type Side} from './position-map.js'

/** Conversions of points; every point returned has its `offset`. */
export interface PointMap {
  /** Whether anything moves (some repair changed a length). */
  readonly shifts: boolean
  /** A point of the repaired text → the same place on disk. */
  toDisk(point: Point, side?: Side): Point
  /** A point on disk → the same place in the repaired text. */
  toText(point: Point, side?: Side): Point
}

/**
 * Build the point map of a repaired text.
 *
 * @param text The repaired text (`file.value`).
 * @param repairs Its repairs (`file.data.repairs`).
 * @returns The map.
 */
export function pointMap(text: string, repairs: readonly RepairRecord[]): PointMap {
  const map = positionMap(repairs)
  const place = location(text)
  const lineStart = (line: number) => place.toOffset({line, column: 1})
  return {
    shifts: map.shifts,
    toDisk(point, side = 'start') {
      const offset = point.offset ?? place.toOffset({line: point.line, column: point.column})
      const start = lineStart(point.line)
      if (offset === undefined || start === undefined) return point
      const disk = map.toDisk(offset, side)
      return {line: point.line, column: disk - map.toDisk(start) + 1, offset: disk}
    },
    toText(point, side = 'start') {
      const start = lineStart(point.line)
      if (start === undefined) return point
      const diskStart = map.toDisk(start)
      const disk = point.offset ?? diskStart + point.column - 1
      const offset = map.toText(disk, side)
      return {line: point.line, column: offset - start + 1, offset}
    }
  }
}
