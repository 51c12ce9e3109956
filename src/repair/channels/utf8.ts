/**
 * UTF-8 byte-level helpers: sequence lengths and strict decoding of one
 * character, with CESU-8 surrogate pairs.
 */

/**
 * Number of bytes of the UTF-8 sequence a lead byte starts.
 *
 * @param lead A byte.
 * @returns 2, 3 or 4 for a lead byte, 0 for anything else (ASCII, continuation, invalid).
 */
export function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2
  if (lead >= 0xe0 && lead <= 0xef) return 3
  if (lead >= 0xf0 && lead <= 0xf4) return 4
  return 0
}

/**
 * Whether a byte is a UTF-8 continuation byte (0x80–0xBF).
 *
 * @param byte A byte.
 * @returns True for a continuation byte.
 */
export function isContinuation(byte: number): boolean {
  return byte >= 0x80 && byte <= 0xbf
}

/**
 * Decode one complete UTF-8 sequence strictly (no overlongs, no values above
 * U+10FFFF). Surrogates (ED A0–BF xx) decode to a lone surrogate code unit so
 * that the caller can pair them as CESU-8; pass `allowSurrogate: false` to
 * refuse them.
 *
 * @param bytes The bytes of one sequence, lead first.
 * @param allowSurrogate Whether to return lone surrogates (default false).
 * @returns The decoded code point, or -1 when the bytes are not one valid sequence.
 */
export function decodeSequence(bytes: readonly number[], allowSurrogate = false): number {
  const length = bytes.length
  const lead = bytes[0]
  if (lead === undefined || sequenceLength(lead) !== length) return -1
  for (let index = 1; index < length; index++) {
    if (!isContinuation(bytes[index]!)) return -1
  }
  const second = bytes[1]!
  if (length === 2) return ((lead & 0x1f) << 6) | (second & 0x3f)
  if (length === 3) {
    if (lead === 0xe0 && second < 0xa0) return -1
    if (lead === 0xed && second >= 0xa0 && !allowSurrogate) return -1
    return ((lead & 0x0f) << 12) | ((second & 0x3f) << 6) | (bytes[2]! & 0x3f)
  }
  if (lead === 0xf0 && second < 0x90) return -1
  if (lead === 0xf4 && second > 0x8f) return -1
  return ((lead & 0x07) << 18) | ((second & 0x3f) << 12) | ((bytes[2]! & 0x3f) << 6) | (bytes[3]! & 0x3f)
}

/**
 * Whether a code point is a character a repair may produce: not a C0
 * control (other than tab and newlines), not a noncharacter, not a surrogate.
 * C1 controls are allowed only when asked (an inner layer of mojibake).
 *
 * @param codePoint A code point.
 * @param allowC1 Whether U+0080–U+009F are acceptable (default false).
 * @returns True when the code point is acceptable output of a repair.
 */
export function isAcceptableOutput(codePoint: number, allowC1 = false): boolean {
  if (codePoint < 0x20) return codePoint === 0x09 || codePoint === 0x0a || codePoint === 0x0d
  if (codePoint === 0x7f) return false
  if (codePoint >= 0x80 && codePoint < 0xa0) return allowC1
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return false
  if (codePoint >= 0xfdd0 && codePoint <= 0xfdef) return false
  if ((codePoint & 0xfffe) === 0xfffe) return false
  return codePoint <= 0x10ffff
}

/**
 * Whether a code point is Chinese as the detectors of whole pages count it:
 * a CJK unified ideograph, CJK punctuation, or a full-width form.
 *
 * @param codePoint A code point.
 * @returns True for U+3000–U+303F, U+4E00–U+9FFF and U+FF00–U+FFEF.
 */
export function isChineseCodePoint(codePoint: number): boolean {
  return (codePoint >= 0x4e00 && codePoint <= 0x9fff) || (codePoint >= 0x3000 && codePoint <= 0x303f) || (codePoint >= 0xff00 && codePoint <= 0xffef)
}

/**
 * Whether bytes are well-formed UTF-8 as a fatal WHATWG decoder takes it (no
 * overlongs, surrogates or values above U+10FFFF): where most inputs are not,
 * this tells without the decoder's exception.
 *
 * @param bytes The bytes.
 * @returns True when a fatal decoder decodes them.
 */
export function isStrictUtf8(bytes: Uint8Array): boolean {
  let index = 0
  while (index < bytes.length) {
    const lead = bytes[index]!
    if (lead < 0x80) {
      index++
      continue
    }
    const length = sequenceLength(lead)
    if (length === 0 || index + length > bytes.length) return false
    const second = bytes[index + 1]!
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf
    if (second < low || second > high) return false
    for (let next = index + 2; next < index + length; next++) {
      if (bytes[next]! < 0x80 || bytes[next]! > 0xbf) return false
    }
    index += length
  }
  return true
}
