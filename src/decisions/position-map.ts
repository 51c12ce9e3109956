/**
 * Offsets between the text on disk and the text after repair. Repair replaces
 * spans (`before` at `offset` on disk by `after` at `outputOffset`) and leaves
 * everything between them as it is, so an offset outside a repair moves by the
 * change in length of the repairs before it, and an offset inside a repair
 * goes to the start or the end of the other side's span.
 */
import type {RepairRecord} from '../types.js'

/** Which end of a span an offset is: a start goes to a span's start, an end to its end. */
export type Side = 'start' | 'end'

/** Offsets in both directions. */
export interface PositionMap {
  /** Whether the map changes anything (some repair changed a length). */
  readonly shifts: boolean
  /**
   * The offset on disk of an offset in the repaired text.
   *
   * @param offset 0-based offset in the repaired text.
   * @param side Whether it starts or ends a span (default `start`).
   * @returns The 0-based offset in the text on disk.
   */
  toDisk(offset: number, side?: Side): number
  /**
   * The offset in the repaired text of an offset on disk.
   *
   * @param offset 0-based offset in the text on disk.
   * @param side Whether it starts or ends a span (default `start`).
   * @returns The 0-based offset in the repaired text.
   */
  toText(offset: number, side?: Side): number
}

interface Span {
  from: number
  fromLength: number
  to: number
  toLength: number
}

/**
 * Build the map of a file's repairs.
 *
 * @param repairs The repairs (`file.data.repairs`), in any order.
 * @returns The map; without repairs it is the identity.
 */
export function positionMap(repairs: readonly RepairRecord[]): PositionMap {
  const disk = [...repairs].sort((a, b) => a.offset - b.offset).flatMap(pieces)
  const text: Span[] = disk.map((span) => ({from: span.to, fromLength: span.toLength, to: span.from, toLength: span.fromLength}))
  return {
    shifts: disk.some((span) => span.fromLength !== span.toLength),
    toDisk: (offset, side = 'start') => translate(text, offset, side),
    toText: (offset, side = 'start') => translate(disk, offset, side)
  }
}

/** Characters that begin a piece: lead bytes 0xC2–0xF4 as windows-125x and Latin-1 show them. */
const lead = /[\u00C2-\u00F4\u011E\u011F\u0130\u015E\u0102\u0103\u0150\u0151\u0158\u0159]/u

/**
 * A repair as disk → text spans, one per repaired character where the damaged
 * text can be cut into one piece per character: by the characters' UTF-8
 * lengths when no byte was lost, else at the lead bytes. A message on one
 * character of a repaired run then points at that character's mojibake, not
 * at the whole run. Otherwise the repair is one span.
 */
function pieces(record: RepairRecord): Span[] {
  const whole = [{from: record.offset, fromLength: record.before.length, to: record.outputOffset, toLength: record.after.length}]
  const characters = [...record.after]
  if (characters.length < 2) return whole
  const before = [...record.before]
  let cuts: number[] | undefined
  const lengths = characters.map((character) => Buffer.byteLength(character, 'utf8'))
  if (lengths.reduce((sum, length) => sum + length, 0) === before.length) {
    cuts = lengths
  } else {
    const leads = before.flatMap((character, index) => (lead.test(character) ? [index] : []))
    if (leads.length === characters.length && leads[0] === 0) cuts = leads.map((at, index) => (leads[index + 1] ?? before.length) - at)
  }
  if (!cuts) return whole
  const spans: Span[] = []
  let from = record.offset
  let to = record.outputOffset
  let point = 0
  for (const [index, character] of characters.entries()) {
    const fromLength = before.slice(point, point + cuts[index]).join('').length
    spans.push({from, fromLength, to, toLength: character.length})
    from += fromLength
    to += character.length
    point += cuts[index]
  }
  return spans
}

/** Map an offset through spans sorted by `from`. */
function translate(spans: readonly Span[], offset: number, side: Side): number {
  // The last span starting at or before the offset (binary search).
  let low = 0
  let high = spans.length - 1
  let found = -1
  while (low <= high) {
    const middle = (low + high) >> 1
    if (spans[middle].from <= offset) {
      found = middle
      low = middle + 1
    } else {
      high = middle - 1
    }
  }
  if (found === -1) return offset
  const span = spans[found]
  const end = span.from + span.fromLength
  if (offset >= end) return offset - end + span.to + span.toLength
  // Inside the span (or at its start): the whole other span, from the side asked.
  if (offset === span.from || side === 'start') return span.to
  return span.to + span.toLength
}
