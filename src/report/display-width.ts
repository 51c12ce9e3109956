/**
 * The columns a string takes in a terminal, exactly as string-width 6 (which
 * vfile-reporter uses) counts them, without its cost on the strings a report
 * is made of. string-width segments every string into graphemes and tests
 * each against a new emoji expression; for ASCII, Latin and CJK text that is
 * the same as counting one column per narrow and two per wide character.
 */
import stringWidth from 'string-width'

/**
 * Characters counted here, each a grapheme of its own next to any other of
 * them (none extends or joins a neighbour), with string-width 6's width:
 * checked one by one against string-width and Intl.Segmenter (test/report).
 */
export const narrowRanges: ReadonlyArray<readonly [number, number]> = [
  [0x20, 0x7e],
  [0xa0, 0xa8],
  [0xaa, 0xad],
  [0xaf, 0x2ff],
  [0x2010, 0x203b],
  [0x203d, 0x2048],
  [0x2190, 0x2193]
]

/** Wide characters (two columns): CJK punctuation, kana, ideographs, full-width forms. */
export const wideRanges: ReadonlyArray<readonly [number, number]> = [
  [0x3000, 0x3029],
  [0x3030, 0x303e],
  [0x3041, 0x3096],
  [0x309b, 0x30ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xff01, 0xff60],
  [0xffe0, 0xffe6]
]

/** Columns per UTF-16 code unit below 0x10000: 1, 2, or 0 for "ask string-width". */
const columns = new Uint8Array(0x10000)
for (const [from, to] of narrowRanges) columns.fill(1, from, to + 1)
for (const [from, to] of wideRanges) columns.fill(2, from, to + 1)

/**
 * The display width of a string, as string-width 6 gives it.
 *
 * @param text The string.
 * @returns Its width in columns.
 */
export function displayWidth(text: string): number {
  let width = 0
  for (let index = 0; index < text.length; index++) {
    const size = columns[text.charCodeAt(index)] as number
    if (size === 0) return stringWidth(text)
    width += size
  }
  return width
}

/**
 * Whether a UTF-16 code unit is one of the characters counted here: a
 * grapheme of its own, so that a string's width is the sum of the widths on
 * either side of it.
 *
 * @param code A code unit (`charCodeAt`; NaN past the end of a string).
 * @returns True for the characters in {@link narrowRanges} and {@link wideRanges}.
 */
export function isPlainCharacter(code: number): boolean {
  return (columns[code] ?? 0) !== 0
}
