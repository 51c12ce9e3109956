/**
 * Single-byte codecs that text is commonly mis-decoded with, as tables.
 *
 * Each table maps a byte to the character the codec shows for it, and a
 * character back to its byte. Encoding is "sloppy" like ftfy's codecs: a byte
 * the codec leaves undefined also comes from the C1 control character of the
 * same number, which is what lenient decoders leave for it.
 */
import iconv from 'iconv-lite'

/** A single-byte codec as lookup tables. */
export interface SingleByteCodec {
  /** Name as iconv-lite knows it (`windows-1252`, `macintosh`, `cp437`, …). */
  name: string
  /** Byte → character shown for it (`''` where the codec leaves the byte undefined). */
  decode: string[]
  /** Code point → byte (sloppy: includes C1 controls). */
  encode: Map<number, number>
  /**
   * The same as {@link encode}, as a table by UTF-16 code unit up to the
   * highest one the codec shows (-1 for none): the scanner looks up every
   * non-ASCII character of a document in every codec, and this is faster.
   */
  byteOf: Int16Array
  /** Bytes 0x80–0xFF the codec leaves undefined (a strict decoder drops or replaces them). */
  undefinedBytes: number[]
}

/**
 * Codecs tried, in order of how often they are the culprit (ftfy's order,
 * except that windows-1252 goes before Latin-1: per character, it reads a
 * superset of what Latin-1 reads outside the C1 controls), then three that
 * ftfy does not read: windows-1255 (Hebrew), windows-1258 (Vietnamese) and
 * ISO-8859-7 (Greek). They leave bytes undefined that UTF-8 Chinese uses
 * (12, 9 and 3 of the continuation bytes), so their mojibake is lossy; the
 * lossy repair rebuilds it as it does windows-1254's.
 */
export const codecNames = [
  'windows-1252',
  'latin1',
  'windows-1251',
  'windows-1250',
  'windows-1253',
  'windows-1254',
  'windows-1257',
  'iso-8859-2',
  'macintosh',
  'cp437',
  'windows-1255',
  'windows-1258',
  'iso-8859-7'
] as const

/**
 * Build the tables of one codec from iconv-lite.
 *
 * @param name Codec name known to iconv-lite.
 * @returns The codec tables.
 */
export function buildCodec(name: string): SingleByteCodec {
  const decode: string[] = []
  const encode = new Map<number, number>()
  const undefinedBytes: number[] = []
  for (let byte = 0; byte < 256; byte++) {
    const char = iconv.decode(Buffer.from([byte]), name)
    if (char === '\uFFFD' || char.length !== 1) {
      decode.push('')
      if (byte >= 0x80) undefinedBytes.push(byte)
    } else {
      decode.push(char)
      if (!encode.has(char.charCodeAt(0))) encode.set(char.charCodeAt(0), byte)
    }
  }
  // A lenient decoder (ftfy's "sloppy" codecs) shows an undefined byte as the code point of the same number:
  // a C1 control, or a Latin-1 letter for windows-1253's 0xAA and windows-1257's 0xA1 and 0xA5.
  for (const byte of undefinedBytes) {
    if (!encode.has(byte)) encode.set(byte, byte)
  }
  const byteOf = new Int16Array(Math.max(...encode.keys()) + 1).fill(-1)
  for (const [code, byte] of encode) byteOf[code] = byte
  return {name, decode, encode, byteOf, undefinedBytes}
}

/**
 * Build all codecs of {@link codecNames}.
 *
 * @returns The codecs, in preference order.
 */
export function buildCodecs(): SingleByteCodec[] {
  return codecNames.map((name) => buildCodec(name))
}

/**
 * The bytes a text came from in a codec, when the codec gives it back
 * exactly (any codec iconv-lite knows, single- or double-byte).
 *
 * @param text Text as the codec decoded it.
 * @param codec Codec name known to iconv-lite.
 * @returns The bytes, or undefined when the codec cannot encode the text or
 * its bytes decode to something else.
 */
export function encodeBack(text: string, codec: string): Uint8Array | undefined {
  const bytes = iconv.encode(text, codec)
  return iconv.decode(bytes, codec) === text ? bytes : undefined
}
