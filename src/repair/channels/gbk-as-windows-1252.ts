/**
 * GBK text read as windows-1252 or Latin-1 (`ÄãºÃ` for 你好).
 */
import iconv from 'iconv-lite'
import {buildCodec} from './codecs.js'
import type {GbkRepair, GbkSegment} from './gbk.js'
import {isStrictUtf8} from './utf8.js'

const strictUtf8 = new TextDecoder('utf-8', {fatal: true})

/** Share of bytes in UTF-8 Chinese sequences: a lead E4–E9 and at least one continuation byte. */
function utf8ChineseShare(bytes: Uint8Array): number {
  let covered = 0
  for (let index = 0; index < bytes.length; index++) {
    const lead = bytes[index]!
    if (lead < 0xe4 || lead > 0xe9) continue
    let end = index + 1
    while (end < bytes.length && end < index + 3 && bytes[end]! >= 0x80 && bytes[end]! < 0xc0) end++
    if (end > index + 1) {
      covered += end - index
      index = end - 1
    }
  }
  return covered / bytes.length
}

function utf8Text(bytes: Uint8Array): string | undefined {
  // Most runs are not UTF-8 (the UTF-8 ones lost bytes): tell without the decoder's exception.
  if (!isStrictUtf8(bytes)) return undefined
  return strictUtf8.decode(bytes)
}

const windows1252 = buildCodec('windows-1252')
const windows1254 = buildCodec('windows-1254')

/**
 * The byte a character stands for: windows-1252's, else windows-1254's,
 * whose six Turkish letters (`Ğ İ Ş ğ ı ş`) take the places of
 * `Ð Ý Þ ð ý þ`, common GBK bytes (D0 DD DE F0 FD FE).
 */
function byteOf(code: number): number | undefined {
  return windows1252.encode.get(code) ?? windows1254.encode.get(code)
}

/** The letters windows-1254 shows where windows-1252 shows others. */
const turkish = /[\u011E\u011F\u0130\u0131\u015E\u015F]/

/**
 * The codec a document's GBK mojibake was read with: windows-1254 when one
 * of its own letters shows, else windows-1252.
 *
 * @param text The text.
 * @returns The codec's name.
 */
export function singleByteReaderOf(text: string): 'windows-1252' | 'windows-1254' {
  return turkish.test(text) ? 'windows-1254' : 'windows-1252'
}

/** Han, CJK and general punctuation: what GBK text decodes to. */
const chinese = /^[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF\u2013-\u201D\u2026\u00B7\u2500-\u257F]+$/u

/**
 * A run of text that windows-1252 (bytes it leaves undefined shown as C1
 * controls) encodes to GBK Chinese. A `?` inside the run is a character the
 * GBK encoder could not encode: it stays, and splits the run. A run is strong
 * evidence on its own when it has four or more Latin-1 letters that are GB2312
 * pairs, mostly punctuation or level-1 characters (European words never
 * string such letters together); a shorter one (`ÔÚ` for 在) is taken only
 * in a document that has strong ones.
 *
 * @param run The run of non-ASCII text (with `?`).
 * @param offset Where it starts in the text.
 * @returns The repair, or undefined when the run is not GBK read as windows-1252.
 */
export function gbkReadAsWindows1252(run: string, offset: number): GbkRepair | undefined {
  const segments: GbkSegment[] = []
  let strong = false
  for (const match of run.matchAll(/[^?]+/g)) {
    const piece = readPiece(match[0])
    if (piece === undefined) return undefined
    strong ||= piece.strong
    segments.push({start: offset + match.index, end: offset + match.index + match[0].length, parts: [piece.after]})
  }
  if (segments.length === 0) return undefined
  return {start: offset, end: offset + run.length, segments, from: 'gbk', via: 'windows-1252', strong}
}

/**
 * Whether {@link gbkReadAsWindows1252} could find a run strong evidence: a
 * necessary condition, without decoding anything. A strong piece (between
 * `?`s) has four or more letters, an even number, all in U+00A1–U+00FE
 * (which windows-1252 encodes as themselves), and is not shaped like UTF-8
 * Chinese; UTF-8 mojibake, lossy or not, mostly is.
 *
 * @param run The run of non-ASCII text (with `?`).
 * @returns False when the run is surely not strong (it may still be weak).
 */
export function mayBeStrongRun(run: string): boolean {
  for (let start = 0; start < run.length; ) {
    let end = run.indexOf('?', start)
    if (end < 0) end = run.length
    if (end - start >= 4 && (end - start) % 2 === 0 && latin1Letters.test(run.slice(start, end))) {
      const bytes = new Uint8Array(end - start)
      for (let index = start; index < end; index++) bytes[index - start] = byteOf(run.charCodeAt(index)) ?? 0
      if (utf8ChineseShare(bytes) < 0.5) return true
    }
    start = end + 1
  }
  return false
}

/** Letters U+00A1–U+00FE only (and windows-1254's six in place of some). */
const latin1Letters = /^[\u00A1-\u00FE\u011E\u011F\u0130\u0131\u015E\u015F]+$/

function readPiece(text: string): {after: string; strong: boolean} | undefined {
  if (text.length < 2 || text.length % 2 !== 0) return undefined
  const bytes = new Uint8Array(text.length)
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    // A trail byte may be ASCII (0x40–0x7E); a lead may not.
    const byte = index % 2 === 1 && code >= 0x40 && code <= 0x7e ? code : byteOf(code)
    if (byte === undefined || (byte < 0x80 && index % 2 === 0) || byte < 0x40) return undefined
    bytes[index] = byte
  }
  // Bytes that are valid UTF-8 are UTF-8 mojibake, handled elsewhere; so
  // are, on their own evidence, bytes shaped like (maybe lossy) UTF-8 Chinese.
  // Two-byte UTF-8 (`Îª` is Ϊ as UTF-8, 为 as GBK) is no Chinese: weak evidence only.
  const utf8 = utf8Text(bytes)
  if (utf8 !== undefined && !/^[\u0080-\u07FF]+$/.test(utf8)) return undefined
  const utf8Shaped = utf8 !== undefined || utf8ChineseShare(bytes) >= 0.5
  let common = 0
  let gb2312 = true
  for (let index = 0; index < bytes.length; index += 2) {
    const lead = bytes[index]!
    const trail = bytes[index + 1]!
    if (lead < 0x81 || lead > 0xfe || trail < 0x40 || trail === 0x7f || trail > 0xfe) return undefined
    if (lead < 0xa1 || lead > 0xf7 || trail < 0xa1) gb2312 = false
    // GB2312 punctuation rows and level-1 (the 3755 commonest) characters.
    else if (lead <= 0xa3 || (lead >= 0xb0 && lead <= 0xd7)) common++
  }
  const after = iconv.decode(Buffer.from(bytes), 'gbk')
  if (after.includes('\uFFFD') || !chinese.test(after)) return undefined
  const strong = !utf8Shaped && gb2312 && text.length >= 4 && latin1Letters.test(text) && common * 2 >= bytes.length * 0.7 && !isTable(bytes)
  return {after, strong}
}

/**
 * Whether bytes hold four in a row that each follow the last by one: a table
 * of characters (`ÀÁÂÃÄÅ`, a post about encodings), not text. GBK text has
 * such a row about once in 190³ places; alone it is no evidence.
 */
function isTable(bytes: Uint8Array): boolean {
  let row = 1
  for (let index = 1; index < bytes.length; index++) {
    row = bytes[index] === bytes[index - 1]! + 1 ? row + 1 : 1
    if (row >= 4) return true
  }
  return false
}
