/**
 * Bytes in, Unicode text out: byte order mark, then strict UTF-8, then UTF-16
 * without a mark, then chardet for legacy encodings, decoded with iconv-lite.
 */
import chardet from 'chardet'
import iconv from 'iconv-lite'
import {sequenceLength} from '../repair/channels/utf8.js'
import type {EncodingInfo} from '../types.js'

/** Options of {@link decodeBytes}. */
export interface DecodeOptions {
  /** Encoding to use instead of detecting one (any name iconv-lite knows). */
  encoding?: string
}

/** Result of {@link decodeBytes}. */
export interface Decoded {
  /** The text, without a byte order mark. */
  text: string
  /** The encoding used and how sure detection is. */
  info: EncodingInfo
}

/** A file that cannot be decoded as text (binary, or an unknown `--encoding`). */
export class DecodeError extends Error {
  override name = 'DecodeError'
  /** 1-based line of the offending byte, where known. */
  line: number | undefined

  /**
   * @param message User-facing message that says what to do.
   * @param line 1-based line of the offending byte, where known.
   */
  constructor(message: string, line?: number) {
    super(message)
    this.line = line
  }
}

const boms: Array<{bytes: number[]; encoding: string}> = [
  {bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8'},
  {bytes: [0xff, 0xfe, 0x00, 0x00], encoding: 'utf-32le'},
  {bytes: [0x00, 0x00, 0xfe, 0xff], encoding: 'utf-32be'},
  {bytes: [0xff, 0xfe], encoding: 'utf-16le'},
  {bytes: [0xfe, 0xff], encoding: 'utf-16be'}
]

/** chardet names → iconv-lite names (GB2312/GBK text is decoded as their superset GB18030). */
const aliases: Record<string, string> = {
  'GB18030': 'gb18030',
  'Big5': 'big5',
  'Shift_JIS': 'shift_jis',
  'EUC-JP': 'euc-jp',
  'EUC-KR': 'euc-kr',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
  'UTF-32LE': 'utf-32le',
  'UTF-32BE': 'utf-32be',
  'ISO-8859-1': 'windows-1252',
  'ISO-8859-2': 'iso-8859-2',
  'ISO-8859-5': 'iso-8859-5',
  'ISO-8859-6': 'iso-8859-6',
  'ISO-8859-7': 'iso-8859-7',
  'ISO-8859-8': 'iso-8859-8',
  'ISO-8859-9': 'windows-1254',
  'KOI8-R': 'koi8-r'
}

/** Legacy encodings whose text can hold well-formed UTF-8 sequences by chance. */
const multiByteLegacy = new Set(['gb18030', 'big5', 'shift_jis', 'euc-jp', 'euc-kr'])

/**
 * Decode bytes into text.
 *
 * @param bytes The file's bytes.
 * @param options Options; `encoding` skips detection.
 * @returns The text and how its encoding was chosen.
 * @throws {DecodeError} For binary data (NUL or other control bytes) or an unknown encoding.
 */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  if (options.encoding !== undefined) {
    const encoding = options.encoding.toLowerCase()
    if (!iconv.encodingExists(encoding)) {
      throw new DecodeError(`Unknown encoding \`${options.encoding}\`, expected a name such as \`utf-8\`, \`gb18030\`, \`big5\` or \`windows-1252\``)
    }
    const bom = boms.find((mark) => mark.encoding === encoding && startsWith(bytes, mark.bytes))
    const body = bom === undefined ? bytes : bytes.subarray(bom.bytes.length)
    return {text: iconv.decode(Buffer.from(body), encoding), info: {encoding, confidence: 1, bom: bom !== undefined, source: 'override'}}
  }
  for (const mark of boms) {
    if (startsWith(bytes, mark.bytes)) {
      const text = iconv.decode(Buffer.from(bytes.subarray(mark.bytes.length)), mark.encoding)
      return {text, info: {encoding: mark.encoding, confidence: 1, bom: true, source: 'bom'}}
    }
  }
  const utf16 = sniffUtf16(bytes)
  if (utf16 !== undefined) {
    return {text: iconv.decode(Buffer.from(bytes), utf16.encoding), info: {encoding: utf16.encoding, confidence: utf16.confidence, bom: false, source: 'detected'}}
  }
  refuseBinary(bytes)
  try {
    const text = new TextDecoder('utf-8', {fatal: true}).decode(bytes)
    return {text, info: {encoding: 'utf-8', confidence: 1, bom: false, source: 'utf-8'}}
  } catch {
    // Not UTF-8: damaged UTF-8, or a legacy encoding.
  }
  const gb18030Marks = replacementMarks(bytes)
  const marked = readLostAsQuestion(gb18030Marks ?? bytes)
  if (marked !== undefined) return marked
  const survey = surveyUtf8(bytes)
  const lost = readLostBytes(bytes, survey)
  if (lost !== undefined) return lost
  const guesses = chardet.analyse(bytes)
  if (!multiByteLegacy.has(aliases[guesses[0]?.name ?? ''] ?? '')) refuseDamagedUtf8(bytes, survey)
  for (const guess of guesses) {
    const encoding = aliases[guess.name] ?? guess.name.toLowerCase()
    if (encoding === 'utf-8' || !iconv.encodingExists(encoding)) continue
    return {
      text: iconv.decode(Buffer.from(bytes), encoding),
      info: {encoding, confidence: Math.min(1, guess.confidence / 100), bom: false, source: 'detected'}
    }
  }
  return {text: iconv.decode(Buffer.from(bytes), 'windows-1252'), info: {encoding: 'windows-1252', confidence: 0.1, bom: false, source: 'detected'}}
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte)
}

/**
 * UTF-16 without a byte order mark: mostly-ASCII text has a NUL in every other
 * byte; CJK text has them only in its newlines and ASCII, so it is accepted
 * when one byte order yields well-formed, mostly CJK, ASCII or space code units.
 */
function sniffUtf16(bytes: Uint8Array): {encoding: string; confidence: number} | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined
  let evenZeros = 0
  let oddZeros = 0
  for (let index = 0; index < bytes.length; index += 2) {
    if (bytes[index] === 0) evenZeros++
    if (bytes[index + 1] === 0) oddZeros++
  }
  const units = bytes.length / 2
  if (oddZeros > units * 0.3 && evenZeros < units * 0.05) return {encoding: 'utf-16le', confidence: 0.9}
  if (evenZeros > units * 0.3 && oddZeros < units * 0.05) return {encoding: 'utf-16be', confidence: 0.9}
  // Otherwise UTF-16 needs at least one zero byte (every newline has one), and
  // one byte order that gives plausible text: CJK with newlines and a little ASCII.
  if (evenZeros + oddZeros === 0) return undefined
  const orders: Array<'utf-16le' | 'utf-16be'> = evenZeros > oddZeros ? ['utf-16be', 'utf-16le'] : ['utf-16le', 'utf-16be']
  for (const encoding of orders) {
    let decoded: string
    try {
      decoded = new TextDecoder(encoding, {fatal: true, ignoreBOM: true}).decode(bytes)
    } catch {
      continue
    }
    const plausible = decoded.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF\s\u0020-\u007E]/gu)?.length ?? 0
    if (plausible >= decoded.length * 0.95) return {encoding, confidence: 0.8}
  }
  return undefined
}

/** Refuse data with NUL or many other control bytes: it is not a text file. */
function refuseBinary(bytes: Uint8Array): void {
  let controls = 0
  let line = 1
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index]!
    if (byte === 0x0a) line++
    if (byte === 0) {
      throw new DecodeError(`Unexpected NUL byte at line ${line}: this is not a text file; pass a Markdown file, or \`--encoding\` if it is UTF-16 or UTF-32 without a byte order mark`, line)
    }
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) controls++
  }
  if (controls > 8 && controls > bytes.length / 100) {
    throw new DecodeError(`Unexpected binary data (${controls} control bytes): this is not a text file; pass a Markdown file`)
  }
}

/** UTF-8 validity of some bytes: how many well-formed multi-byte sequences, how many bad ones, of which kind, where. */
interface Utf8Survey {
  /** Well-formed multi-byte sequences. */
  valid: number
  /** Places that start no well-formed sequence: a lead byte whose sequence ends early (`E5 AF` for `E5 8F AF`, once with its continuation bytes), or a byte that starts none. */
  invalid: number
  /** Of those, continuation bytes without a lead. */
  stray: number
  /** Whether a byte UTF-8 never uses is there (0xC0, 0xC1, 0xF5–0xFF). */
  unused: boolean
  /** Whether a byte 0x80–0x9F is there, in a sequence or not. */
  c1: boolean
  /** Lines with invalid places, in order. */
  invalidLines: number[]
  /** Offset of the first invalid place (-1: none). */
  firstInvalid: number
}

function surveyUtf8(bytes: Uint8Array): Utf8Survey {
  const survey: Utf8Survey = {valid: 0, invalid: 0, stray: 0, unused: false, c1: false, invalidLines: [], firstInvalid: -1}
  let line = 1
  let index = 0
  while (index < bytes.length) {
    const byte = bytes[index]!
    if (byte < 0x80) {
      if (byte === 0x0a) line++
      index++
      continue
    }
    if (byte <= 0x9f) survey.c1 = true
    const length = sequenceLength(byte)
    let next = 1
    while (next < length && index + next < bytes.length && (bytes[index + next]! & 0xc0) === 0x80) {
      if (bytes[index + next]! <= 0x9f) survey.c1 = true
      next++
    }
    index += next
    if (length > 0 && next === length) {
      survey.valid++
      continue
    }
    survey.invalid++
    if (length === 0 && byte <= 0xbf) survey.stray++
    else if (length === 0) survey.unused = true
    if (survey.firstInvalid < 0) survey.firstInvalid = index - next
    if (survey.invalidLines.at(-1) !== line) survey.invalidLines.push(line)
  }
  return survey
}

/**
 * Refuse UTF-8 with damaged bytes: text that is not a multi-byte legacy
 * encoding (chardet says so first) yet holds well-formed multi-byte UTF-8
 * and bad bytes is broken UTF-8; decoding it as windows-1252 would publish
 * garbage. (Single-byte legacy text almost never forms UTF-8 sequences.)
 */
function refuseDamagedUtf8(bytes: Uint8Array, survey: Utf8Survey): void {
  if (survey.valid === 0 || survey.invalid === 0) return
  const line = survey.invalidLines[0]
  const shown = [...bytes.subarray(survey.firstInvalid, survey.firstInvalid + 4)].map((byte) => byte.toString(16).padStart(2, '0')).join(' ')
  const where = survey.invalidLines.length === 1 ? `line ${line}` : `lines ${survey.invalidLines.slice(0, 5).join(', ')}${survey.invalidLines.length > 5 ? ', …' : ''}`
  throw new DecodeError(
    `Invalid UTF-8 at ${where} (bytes ${shown}): the file is UTF-8 with damaged bytes, not mojibake; retype the damaged characters in an editor, or pass \`--encoding\` if the file is in another encoding`,
    line
  )
}

/** U+FFFD as GB18030 encodes it. */
const gb18030Replacement = [0x84, 0x31, 0xa4, 0x37]

/**
 * The bytes with each U+FFFD that a GB18030 encoder wrote (`84 31 A4 37`)
 * turned into the `?` a GBK encoder would have written: UTF-8 read as GBK
 * and saved as GB18030 lost the same bytes. Undefined when there is none.
 */
function replacementMarks(bytes: Uint8Array): Uint8Array | undefined {
  const out: number[] = []
  let found = false
  for (let index = 0; index < bytes.length; index++) {
    if (bytes[index] === 0x84 && gb18030Replacement.every((byte, offset) => bytes[index + offset] === byte)) {
      out.push(0x3f)
      index += gb18030Replacement.length - 1
      found = true
    } else out.push(bytes[index]!)
  }
  return found ? Uint8Array.from(out) : undefined
}

/**
 * Least valid multi-byte UTF-8 sequences per damaged one, and least of them,
 * for UTF-8 whose lost bytes were saved as `?`: GBK or Big5 text holds
 * valid sequences by chance, but fewer than invalid ones (at most 0.37 per
 * invalid one on the 87 corpus pages in GBK, 0.21 in Big5), and such UTF-8
 * at least 3.1 (the same pages through windows-1252 or GBK and back).
 */
const validPerMarked = 1.5
const minValid = 20
/** Share of the invalid places that must be a lead byte whose missing bytes are `?`. */
const markedShare = 0.9

/**
 * UTF-8 whose lost bytes were saved as `?`: text read with a codec that
 * could not decode some bytes (windows-1252, GBK) and saved back with that
 * codec, which writes `?` for what it could not decode (Notepad saving as
 * ANSI, Python's `errors='replace'` both ways; a GB18030 encoder writes
 * U+FFFD as `84 31 A4 37`, read here as the `?` it stands for). The file
 * is UTF-8 again but for those bytes: `E5 3F AF` where `可` (E5 8F AF) was. Such a file is
 * decoded as UTF-8, with each damaged character shown as windows-1252 shows
 * its bytes (`å?¯`), and `lostAsQuestion` gives the repair stage where
 * they are; any other file with invalid bytes is left to the next steps.
 */
function readLostAsQuestion(bytes: Uint8Array): Decoded | undefined {
  let valid = 0
  let marked = 0
  let other = 0
  const places: Array<{start: number; end: number}> = []
  let index = 0
  while (index < bytes.length) {
    const byte = bytes[index]!
    if (byte < 0x80) {
      index++
      continue
    }
    const length = sequenceLength(byte)
    let questions = 0
    let fits = length > 0 && index + length <= bytes.length
    for (let next = 1; fits && next < length; next++) {
      const value = bytes[index + next]!
      if (value === 0x3f) questions++
      else fits = (value & 0xc0) === 0x80
    }
    if (fits && questions === 0) valid++
    else if (fits) {
      marked++
      places.push({start: index, end: index + length})
      index += length
      continue
    } else other++
    index += fits && questions === 0 ? length : 1
  }
  if (marked === 0 || valid < minValid || valid < (marked + other) * validPerMarked || marked < (marked + other) * markedShare) return undefined
  // Valid UTF-8 as UTF-8; the bytes of each damaged character as windows-1252 shows them, C1 controls for the bytes it leaves undefined.
  let text = ''
  let from = 0
  const shown = (start: number, end: number): string => {
    let out = ''
    for (let at = start; at < end; at++) out += windows1252Char(bytes[at]!)
    return out
  }
  const lenient = new TextDecoder('utf-8')
  const offsets: number[] = []
  for (const place of places) {
    text += lenient.decode(bytes.subarray(from, place.start))
    offsets.push(text.length)
    text += shown(place.start, place.end)
    from = place.end
  }
  text += lenient.decode(bytes.subarray(from))
  return {text, info: {encoding: 'utf-8', confidence: 1, bom: false, source: 'utf-8', lostAsQuestion: offsets}}
}

/**
 * UTF-8 that lost bytes: text read with a codec that could not decode some
 * bytes and saved back with it, which wrote the bytes it had and dropped the
 * others (the seed's damage one step further: its mojibake saved as
 * windows-1252), or a tool that stripped the bytes 0x80–0x9F from UTF-8.
 * What is left is UTF-8 whose damaged characters end early: `E5 AF` where
 * `可` was `E5 8F AF`. chardet takes such a file for Big5 (a third of the
 * seed's characters lost a byte) and the file used to be refused or
 * decoded as Big5 garbage. It is read byte for byte as windows-1252 shows
 * the bytes (C1 controls for the bytes it leaves undefined), which is the
 * text the repair stage rebuilds UTF-8 read as windows-1252 from, lost
 * bytes included.
 *
 * The test: no byte UTF-8 never uses (0xC0, 0xC1, 0xF5–0xFF: corrupted
 * bytes, which nothing can rebuild), at least {@link minValid} whole
 * multi-byte sequences, and either at least {@link validPerMarked} of them
 * per invalid place (GBK and Big5 text holds at most 0.37 and 0.21), or,
 * where the bytes 0x80–0x9F are gone (half the continuation bytes: most
 * characters lost one), no byte 0x80–0x9F at all and every invalid place a
 * lead byte whose sequence was cut short (GBK, GB2312 and Big5 text has
 * lone bytes 0xA1–0xBF, which UTF-8 reads as continuation bytes without a
 * lead; Shift_JIS and windows-1252's quotes use 0x80–0x9F).
 */
function readLostBytes(bytes: Uint8Array, survey: Utf8Survey): Decoded | undefined {
  const {valid, invalid, stray} = survey
  const c1Stripped = !survey.c1 && stray === 0
  if (survey.unused || invalid === 0 || valid < minValid || (valid < invalid * validPerMarked && !c1Stripped)) return undefined
  let text = ''
  for (const byte of bytes) text += byte < 0x80 ? String.fromCharCode(byte) : windows1252Char(byte)
  return {text, info: {encoding: 'utf-8', confidence: 1, bom: false, source: 'utf-8', lostBytes: true}}
}

const windows1252Chars: string[] = []
function windows1252Char(byte: number): string {
  let char = windows1252Chars[byte]
  if (char === undefined) {
    const decoded = iconv.decode(Buffer.from([byte]), 'windows-1252')
    char = decoded === '\uFFFD' ? String.fromCharCode(byte) : decoded
    windows1252Chars[byte] = char
  }
  return char
}
