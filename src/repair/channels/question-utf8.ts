/**
 * UTF-8 whose lost bytes were saved as `?`: a file read with a codec that
 * could not decode some bytes (windows-1252, GBK) and saved back with the
 * same codec, which writes `?` for each character it could not decode. The
 * decode stage finds the damaged characters in the bytes (a lead byte whose
 * missing bytes are `?`) and shows each as windows-1252 shows its bytes
 * (`å?¯` for E5 3F AF, 可 = E5 8F AF); this channel turns them into damaged
 * characters for the lattice. Only a text the decode stage marked as such
 * (`EncodingInfo.lostAsQuestion`) is read this way.
 */
import type {Candidate} from '../reconstruct/candidates.js'
import {completions} from '../reconstruct/candidates.js'
import {buildCodec, type SingleByteCodec} from './codecs.js'
import {fillsFit, pythonMayLose, utf8Byte, type GbkSegment} from './gbk.js'
import {unknownByte} from './scan.js'
import {sequenceLength} from './utf8.js'

/** Every continuation byte: what a `?` may stand for when nothing narrows it. */
const anyContinuation = Array.from({length: 0x40}, (_, index) => 0x80 + index)

/** Least Chinese characters intact before the bytes a codec leaves undefined are taken as the only ones lost. */
const minIntact = 200

let codecCache: SingleByteCodec | undefined
function windows1252(): SingleByteCodec {
  codecCache ??= buildCodec('windows-1252')
  return codecCache
}

/**
 * The damaged characters of a text decoded from UTF-8 whose lost bytes were
 * saved as `?`, each a segment of one damaged character.
 *
 * What a `?` stands for: when the intact characters of the text never use a
 * byte windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D), though
 * they should have a few hundred times, the text went through windows-1252
 * and those are the bytes it lost. When they use one, it went through GBK
 * (as Python reads it), which loses a byte it cannot read with the byte after
 * it: before ASCII, and in the pairs GBK does not define. When the text is
 * too short to tell, either.
 *
 * @param text The decoded text.
 * @param starts Where the damaged characters start, in order (from the decode stage, which saw the bytes).
 * @returns The segments, in order.
 */
export function findLostAsQuestion(text: string, starts: readonly number[]): GbkSegment[] {
  const codec = windows1252()
  const through = lostThroughWindows1252(text, codec)
  const throughWindows1252 = through === 'yes'
  const holes = throughWindows1252 ? codec.undefinedBytes.filter((byte) => byte < 0xc0) : anyContinuation
  // Bytes windows-1252 may have lost, unless the text shows it did not go through it.
  const undefinedBytes = new Set(through === 'no' ? [] : codec.undefinedBytes)
  const found: Array<{start: number; bytes: number[]}> = []
  for (const index of starts) {
    const lead = byteOf(codec, text.charCodeAt(index))
    const length = lead < 0 ? 0 : sequenceLength(lead)
    if (length < 2 || index + length > text.length) continue
    const bytes = [lead]
    for (let next = 1; next < length; next++) {
      const code = text.charCodeAt(index + next)
      const byte = code === 0x3f ? unknownByte : byteOf(codec, code)
      if (byte !== unknownByte && (byte < 0x80 || byte > 0xbf)) break
      bytes.push(byte)
    }
    if (bytes.length < length || !bytes.includes(unknownByte)) continue
    found.push({start: index, bytes})
  }
  const segments: GbkSegment[] = []
  const lists = new Map<string, readonly Candidate[]>()
  for (const [number, {start, bytes}] of found.entries()) {
    const end = start + bytes.length
    const all = completions(bytes, [], holes)
    // A byte windows-1252 leaves undefined, or one GBK could not read with the byte after it.
    const after = found[number + 1]?.start === end ? found[number + 1]!.bytes[0] : firstByte(text, end)
    // The same list for the same bytes before the same byte: the lattice pools what it learns by list.
    const key = `${bytes.join(',')}|${after ?? ''}`
    const candidates: readonly Candidate[] = throughWindows1252 ? all : lists.get(key) ?? all.filter((candidate) =>
      fillsFit(candidate, bytes, after, (lost, next) => undefinedBytes.has(lost) || pythonMayLose('python-gbk', lost, next)))
    if (all.length === 0) continue
    const kept = candidates.length > 0 ? candidates : all
    lists.set(key, kept)
    segments.push({start, end, parts: [{candidates: kept}]})
  }
  return segments
}

/** The first UTF-8 byte of the character at `index` (undefined at the end of the text). */
function firstByte(text: string, index: number): number | undefined {
  const code = text.codePointAt(index)
  return code === undefined ? undefined : utf8Byte(code, 0)
}

/** The byte windows-1252 shows as this UTF-16 code unit (C1 controls for its undefined bytes), or -1. */
function byteOf(codec: SingleByteCodec, code: number): number {
  if (code >= 0x80 && code <= 0x9f) return code
  return code < codec.byteOf.length ? codec.byteOf[code]! : -1
}

/**
 * Whether the text went through windows-1252: `yes` when its intact Chinese
 * characters never use a byte windows-1252 leaves undefined though they are
 * many, `no` when one does (those bytes came through), else `unknown`. (The
 * damaged characters show as Latin letters and punctuation, below U+3000.)
 */
function lostThroughWindows1252(text: string, codec: SingleByteCodec): 'yes' | 'no' | 'unknown' {
  const undefinedBytes = new Set(codec.undefinedBytes)
  let intact = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code < 0x3000 || (code >= 0xd800 && code <= 0xdfff)) continue
    intact++
    if (undefinedBytes.has(0x80 | ((code >> 6) & 0x3f)) || undefinedBytes.has(0x80 | (code & 0x3f))) return 'no'
  }
  return intact >= minIntact ? 'yes' : 'unknown'
}
