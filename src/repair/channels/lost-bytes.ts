/**
 * Infer which byte values a document lost, from the byte statistics of the
 * sequences that survived intact.
 */
import type {Piece} from './scan.js'

/** Smallest expected count at which never seeing a byte value is evidence that it was dropped. */
const minimumExpected = 5

/**
 * Infer the lost continuation bytes.
 *
 * A continuation byte value (0x80–0xBF) is taken as lost when no intact
 * sequence contains it and either (a) the codec that produced the mojibake
 * cannot show it (undefined in the codec, or an invisible character such as
 * the soft hyphen 0xAD that tools strip), or (b) the intact sequences are
 * numerous enough that the value should have occurred at least
 * `minimumExpected` times by chance (continuation bytes of CJK text are close
 * to uniform over 0x80–0xBF).
 *
 * @param intact Complete sequences accepted as mojibake.
 * @param fragile Byte values the codecs involved cannot carry (undefined or invisible).
 * @returns The lost byte values, ascending.
 */
export function inferLostBytes(intact: readonly Piece[], fragile: ReadonlySet<number>): number[] {
  const counts = new Array<number>(256).fill(0)
  let total = 0
  for (const piece of intact) {
    for (let index = 1; index < piece.bytes.length; index++) {
      counts[piece.bytes[index]!]!++
      total++
    }
  }
  const expected = total / 64
  // No byte 0x80–0x9F at all, where half the continuation bytes should be:
  // the C1 controls were stripped (UTF-8 read as Latin-1, then cleaned).
  let c1 = 0
  for (let byte = 0x80; byte <= 0x9f; byte++) c1 += counts[byte]!
  const c1Stripped = c1 === 0 && total / 2 >= 2 * minimumExpected
  const lost: number[] = []
  for (let byte = 0x80; byte <= 0xbf; byte++) {
    if (counts[byte] === 0 && (fragile.has(byte) || expected >= minimumExpected || (c1Stripped && byte <= 0x9f))) lost.push(byte)
  }
  return lost
}

/**
 * Bytes that a codec cannot carry through a strict decode and re-encode:
 * the ones it leaves undefined, plus the soft hyphen (0xAD), which decodes to
 * an invisible character that editors and sanitisers strip.
 *
 * @param undefinedBytes Bytes the codec leaves undefined.
 * @returns The fragile bytes.
 */
export function fragileBytes(undefinedBytes: Iterable<number>): Set<number> {
  return new Set([...undefinedBytes, 0xad])
}
