/**
 * Find the pieces of a text that look like one UTF-8 character read with a
 * single-byte codec: a lead byte's character followed by continuation bytes'
 * characters, complete (lossless) or with bytes missing (lossy).
 */
import type {SingleByteCodec} from './codecs.js'
import {decodeSequence, isAcceptableOutput, isContinuation, sequenceLength} from './utf8.js'

/** An unknown byte (U+FFFD or `?` left where a byte was lost). */
export const unknownByte = -1

/** One mis-decoded character found in the text. */
export interface Piece {
  /** Start offset in the text (UTF-16 units). */
  start: number
  /** End offset in the text (exclusive). */
  end: number
  /** Codec the characters were read with. */
  codec: SingleByteCodec
  /** The bytes recovered, lead first; {@link unknownByte} for a marked loss. */
  bytes: number[]
  /** Bytes the sequence still needs (silently dropped ones). */
  missing: number
  /** The character when the sequence is complete and valid, else `''`. */
  char: string
}

/** Options of {@link readPiece}. */
export interface ReadOptions {
  /** Treat `?` inside a sequence as a lost byte (default false). */
  question?: boolean
  /** Let a space stand for a no-break space turned into a space (default true). */
  spaceAsA0?: boolean
  /** Accept a lone low surrogate (the second half of a CESU-8 pair; default false). */
  lowSurrogate?: boolean
}

const aGraveExceptions = /^(?: |quele|quela|quilo|s )/

/**
 * Whether a space at byte position `position` of a sequence may stand for a
 * no-break space (byte 0xA0) that some tool turned into a plain space (ftfy's
 * `ALTERED_UTF8_RE`).
 */
function spaceMayBeA0(bytes: readonly number[], position: number): boolean {
  const lead = bytes[0]!
  if (position === 1) {
    return [0xc2, 0xc3, 0xc5, 0xce, 0xd0, 0xd9, 0xf0].includes(lead) || (lead >= 0xe0 && lead <= 0xef)
  }
  if (position === 2 && lead >= 0xe0 && lead <= 0xef) {
    const second = bytes[1]!
    return second !== 0x85 && second !== 0xa0
  }
  return lead === 0xf0
}

/**
 * Read one mis-decoded character starting at `index`, with one codec.
 *
 * @param text The text.
 * @param index Offset of a non-ASCII character.
 * @param codec The codec to read it with.
 * @param options Read options.
 * @returns The piece, or undefined when the character is not a lead byte in this codec.
 */
export function readPiece(
  text: string,
  index: number,
  codec: SingleByteCodec,
  options: ReadOptions = {}
): Piece | undefined {
  const piece: Piece = {start: index, end: index, codec, bytes: [], missing: 0, char: ''}
  return readPieceInto(text, index, codec, options, piece) ? piece : undefined
}

/**
 * {@link readPiece} into a piece the caller owns (its bytes array is reused):
 * a scan that looks at each piece once and keeps none allocates nothing.
 *
 * @param text The text.
 * @param index Offset of a non-ASCII character.
 * @param codec The codec to read it with.
 * @param options Read options.
 * @param piece Where the piece goes (every field is set when it is read).
 * @returns Whether there is a piece (false: the character is not a lead byte in this codec).
 */
export function readPieceInto(text: string, index: number, codec: SingleByteCodec, options: ReadOptions, piece: Piece): boolean {
  const {byteOf} = codec
  const first = text.charCodeAt(index)
  const lead = first < byteOf.length ? byteOf[first]! : -1
  if (lead < 0) return false
  const length = sequenceLength(lead)
  if (length === 0) return false
  const {bytes} = piece
  // Emptied by popping: setting the length to 0 is a call into the runtime and gives the array a new backing store.
  while (bytes.length > 0) bytes.pop()
  bytes.push(lead)
  piece.start = index
  piece.codec = codec
  let end = index + 1
  while (bytes.length < length && end < text.length) {
    const code = text.charCodeAt(end)
    const byte = code < byteOf.length ? byteOf[code]! : -1
    if (byte >= 0 && isContinuation(byte)) {
      bytes.push(byte)
    } else if (code === 0xfffd || (code === 0x3f && options.question === true)) {
      bytes.push(unknownByte)
    } else if (code === 0x20 && options.spaceAsA0 !== false && spaceMayBeA0(bytes, bytes.length)) {
      // `Ã ` (à + no-break space) where the space was not a no-break space:
      // ftfy's rule keeps the space as a word separator unless the word goes on.
      if (lead === 0xc3 && bytes.length === 1 && !aGraveExceptions.test(text.slice(end + 1, end + 6))) {
        bytes.push(0xa0)
        return set(piece, end, 0, '\u00E0')
      }
      bytes.push(0xa0)
    } else {
      break
    }
    end++
  }
  const missing = length - bytes.length
  let char = ''
  if (missing === 0 && !bytes.includes(unknownByte)) {
    const codePoint = decodeSequence(bytes, true)
    if (codePoint >= 0xdc00 && codePoint <= 0xdfff && options.lowSurrogate === true) {
      return set(piece, end, 0, String.fromCharCode(codePoint))
    }
    if (codePoint >= 0xd800 && codePoint <= 0xdbff) {
      // CESU-8: a high surrogate may pair with the low surrogate after it.
      const low = readPiece(text, end, codec, {...options, lowSurrogate: true})
      const lowPoint = low === undefined || low.missing > 0 ? -1 : decodeSequence(low.bytes, true)
      if (low !== undefined && lowPoint >= 0xdc00 && lowPoint <= 0xdfff) {
        const pair = String.fromCharCode(codePoint, lowPoint)
        bytes.push(...low.bytes)
        return set(piece, low.end, 0, pair)
      }
      return false
    }
    if (codePoint < 0 || !isAcceptableOutput(codePoint, true)) return false
    char = String.fromCodePoint(codePoint)
  }
  return set(piece, end, missing, char)
}

/** Finish a piece read by {@link readPieceInto}. */
function set(piece: Piece, end: number, missing: number, char: string): true {
  piece.end = end
  piece.missing = missing
  piece.char = char
  return true
}
