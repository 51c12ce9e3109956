/**
 * The normal form glossary matching works on, for patterns and texts alike:
 * ASCII letters lower-cased; a run of spaces or ASCII hyphens becomes one space
 * between two Latin letters or digits (`load-balancer` = `load balancer`) and
 * disappears elsewhere (`Ingress 控制器` = `Ingress控制器`, since Chinese is
 * written with or without spaces around Latin words).
 */

/** A normalized text with a map back to the original. */
export interface NormalText {
  /** The normal form (lower-cased). */
  text: string
  /** The same, with case kept (for case-sensitive terms). */
  cased: string
  /** For each unit of `text`, the offset of the original unit it came from, or -1. */
  offsets: number[]
  /** The segments joined with `segmentBreak` (the visible text, without markup). */
  visible: string
  /** For each unit of `text`, its index in `visible`. */
  positions: number[]
}

/** Separator inserted between segments: no match can cross it. */
export const segmentBreak = '\u0000'

const latinWord = /[\p{Script=Latin}\d]/u

/**
 * Whether a character is part of a Latin word (letters of the Latin script or ASCII digits).
 *
 * @param char One character (or undefined at the edges).
 * @returns Whether it is a word character.
 */
export function isWordChar(char: string | undefined): boolean {
  return char !== undefined && char !== '' && latinWord.test(char)
}

function isSeparator(char: string): boolean {
  return char === ' ' || char === '-' || char === '\t' || char === '\n' || char === '\r' || char === '\u00A0' || char === '\u3000'
}

function lowerAscii(char: string): string {
  const code = char.charCodeAt(0)
  return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : char
}

/**
 * Normalize a pattern (a glossary form).
 *
 * @param value The form as written in the glossary.
 * @returns Its normal form and its case-kept normal form.
 */
export function normalizePattern(value: string): {text: string; cased: string} {
  const normal = normalizeSegments([{text: value, offsets: null}])
  return {text: normal.text, cased: normal.cased}
}

/** A piece of text to normalize: its units and their original offsets (null: 0, 1, 2, …). */
export interface Segment {
  text: string
  offsets: readonly number[] | null
}

/**
 * Normalize segments of text into one string, with `segmentBreak` between them.
 *
 * @param segments The pieces (each is matched on its own).
 * @returns The normal text with its offset map.
 */
export function normalizeSegments(segments: readonly Segment[]): NormalText {
  const text: string[] = []
  const cased: string[] = []
  const offsets: number[] = []
  const positions: number[] = []
  let base = 0
  for (const [index, segment] of segments.entries()) {
    if (index > 0) {
      text.push(segmentBreak)
      cased.push(segmentBreak)
      offsets.push(-1)
      positions.push(base)
      base++
    }
    const source = segment.text
    let pendingSpace = -1
    let lastWasWord = false
    for (let i = 0; i < source.length; i++) {
      const char = source[i]
      const at = segment.offsets ? segment.offsets[i] : i
      if (isSeparator(char)) {
        if (pendingSpace === -1) pendingSpace = at
        continue
      }
      const word = isWordChar(char)
      if (pendingSpace !== -1 && lastWasWord && word) {
        text.push(' ')
        cased.push(' ')
        offsets.push(pendingSpace)
        positions.push(base + i - 1)
      }
      pendingSpace = -1
      lastWasWord = word
      text.push(lowerAscii(char))
      cased.push(char)
      offsets.push(at)
      positions.push(base + i)
    }
    base += source.length
  }
  const visible = segments.map((segment) => segment.text).join(segmentBreak)
  return {text: text.join(''), cased: cased.join(''), offsets, visible, positions}
}
