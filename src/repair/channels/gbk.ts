/**
 * Mojibake that involves GBK: UTF-8 read as GBK (`浣犲ソ` for 你好), with the
 * bytes GBK could not decode shown as U+FFFD or `?`, and GBK read as
 * windows-1252 or Latin-1 (`ÄãºÃ` for 你好). Both are decided per run of
 * non-ASCII characters, with evidence from the run itself and, for short
 * runs, from the rest of the document.
 */
import iconv from 'iconv-lite'
import type {Candidate} from '../reconstruct/candidates.js'
import {completions} from '../reconstruct/candidates.js'
import {isHan} from '../reconstruct/choose.js'
import {unknownByte} from './scan.js'
import {sequenceLength} from './utf8.js'
import {gbkReadAsWindows1252, mayBeStrongRun, singleByteReaderOf} from './gbk-as-windows-1252.js'
import {isBad} from '../detect/badness.js'
import {buildCodec} from './codecs.js'

/** A damaged character inside a repaired run: its candidates. */
export interface GbkDamaged {
  candidates: readonly Candidate[]
}

/**
 * A stretch of a run whose bytes begin and end on character boundaries both
 * in the mojibake and in the original: the smallest unit a record can cover.
 */
export interface GbkSegment {
  /** Offsets of the mojibake in the text. */
  start: number
  end: number
  /** What it stands for: fixed text and damaged characters, in order. */
  parts: Array<string | GbkDamaged>
}

/** A run of text to replace. */
export interface GbkRepair {
  start: number
  end: number
  /** The segments of the run, in order, covering it. */
  segments: GbkSegment[]
  /** The original encoding of the bytes. */
  from: 'utf-8' | 'gbk'
  /** The codec that misread them. */
  via: 'gbk' | 'windows-1252' | 'windows-1254'
  /** Whether the run carries evidence on its own (else it is taken only in a document that does). */
  strong: boolean
}

/**
 * Characters that GBK shows for UTF-8 bytes and that Chinese prose does not
 * use: kana, Greek, Cyrillic, box drawing, private use (GBK's user-defined
 * rows) and U+FFFD. At least one must occur for a run to be taken as UTF-8
 * read as GBK on its own evidence, unless the run is long (a long run
 * decoding as UTF-8 by chance does not happen).
 */
const gbkTell = /[\u3040-\u30FF\u0391-\u03C9\u0401-\u0451\u2500-\u257F\uE000-\uF8FF\uFFFD]/

/**
 * Whether a text may contain GBK mojibake (cheap test for the fast path).
 *
 * @param text Any text.
 * @returns True when the text has a character GBK mojibake produces.
 */
export function mayHaveGbkMojibake(text: string): boolean {
  return gbkTell.test(text) || latin1UnderGbk(text)
}

/**
 * Least characters, and share of the Han characters, that GBK shows for the
 * UTF-8 of a Latin-1 letter or C1 control (C2 or C3 and a continuation byte:
 * `氓` for `å`, `聹` for U+009C) before a text without another tell is read
 * as GBK mojibake: UTF-8 read as Latin-1, saved, and read as GBK (`氓聹篓` for
 * 在). Clean Chinese uses a few of them (`猫`, `忙`, `盲`), never a fifth.
 */
const minLatin1Shown = 8
const latin1ShownShare = 0.2

let latin1Shown: ReadonlySet<number> | undefined
function latin1UnderGbk(text: string): boolean {
  latin1Shown ??= new Set(Array.from({length: 0x80}, (_, index) => iconv.decode(Buffer.from([0xc2 + (index >> 6), 0x80 + (index & 0x3f)]), 'gbk').charCodeAt(0)))
  let shown = 0
  let han = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code < 0x4e00 || code > 0x9fff) continue
    han++
    if (latin1Shown.has(code)) shown++
  }
  return shown >= minLatin1Shown && shown >= han * latin1ShownShare
}

/**
 * GBK read as a single-byte codec must give back at least this many Han
 * characters where the text already has {@link intactHanBeside} intact ones.
 */
const fewestGbkHan = 6
const intactHanBeside = 20

/** Han characters the repairs give back. */
function hanIn(repairs: readonly GbkRepair[]): number {
  let count = 0
  for (const repair of repairs) for (const segment of repair.segments) for (const part of segment.parts) if (typeof part === 'string') count += countHan(part)
  return count
}

/** Han characters (basic block) in a text. */
function countHan(text: string): number {
  let count = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code >= 0x4e00 && code <= 0x9fff) count++
  }
  return count
}

/** Runs that are strong evidence needed before weak runs (short, no tell) are taken too. */
const strongRunsForWeak = 2

/**
 * Find runs of GBK mojibake.
 *
 * @param text The text.
 * @returns The repairs, in order (empty when there is none).
 */
export function findGbkMojibake(text: string): GbkRepair[] {
  const reader = gbkReaderOf(text)
  // The runs in order: a repair, or a run left for later (see below).
  const entries: Array<GbkRepair | {run: string; offset: number; whole: string}> = []
  // A run: non-ASCII characters, with `?` inside or right after them (a byte GBK could not decode).
  const runs = /[^\u0000-\u007F](?:[^\u0000-\u007F]|\?)*/g
  let match: RegExpExecArray | null
  while ((match = runs.exec(text)) !== null) {
    const run = match[0]
    // A long run that parses only with bytes dropped without a mark is evidence too (clean Chinese would need a byte a character).
    const repair = utf8ReadAsGbk(run, match.index, text, reader) ?? (run.length >= minDroppedRun ? utf8ReadAsGbk(run, match.index, text, reader, 'evidence') : undefined)
    if (repair !== undefined) entries.push(repair)
    // A run that cannot be strong as GBK read as windows-1252 counts only
    // when another run is strong: it is decoded then (UTF-8 mojibake, where
    // none is, has hundreds of runs).
    else {
      // A GBK character whose trail byte is ASCII (`–` is A8 43: `¨C`) ends the run with its lead alone.
      const read = withAsciiTrail(text, match.index, run)
      runs.lastIndex = match.index + read.length
      if (mayBeStrongRun(read)) {
        const other = gbkReadAsWindows1252(read, match.index)
        if (other !== undefined) entries.push(other)
      } else entries.push({run: read, offset: match.index, whole: run})
    }
  }
  const first = entries.find((entry): entry is GbkRepair => 'strong' in entry && entry.strong)
  if (first === undefined) return []
  // In UTF-8 read as GBK, a run that does not parse lost bytes without a mark (`errors='ignore'`).
  const dropped = first.from === 'utf-8' && first.via === 'gbk'
  const found: GbkRepair[] = []
  for (const entry of entries) {
    const repair = 'strong' in entry ? entry : (dropped ? utf8ReadAsGbk(entry.whole, entry.offset, text, reader, 'known') : undefined) ?? gbkReadAsWindows1252(entry.run, entry.offset)
    if (repair !== undefined) found.push(repair)
  }
  const strong = found.filter((repair) => repair.strong)
  const {from, via} = strong[0]!
  // GBK read as windows-1252 must also explain most long runs of Latin-1
  // letters: a UTF-8 page read as windows-1252 has a few by chance.
  const long = text.match(/[\u0080-\u00FF\u0152-\u0192\u02C6-\u02DC\u2013-\u203A\u20AC\u2122]{4,}/g)?.length ?? 0
  const dominant = via === 'gbk' || strong.length * 2 >= long
  const kept = strong.length >= strongRunsForWeak && dominant ? found.filter((repair) => repair.via === via && repair.from === from) : strong
  if (from === 'gbk') {
    // GBK read as a single-byte codec turns all of a text's Chinese into
    // Latin-1: a few letters that decode to a word or two, in a page of
    // intact Chinese, are Latin-1 after all (`ÉÉÉÉ`, `ÑÑÑÑ`).
    if (hanIn(kept) < fewestGbkHan && countHan(text) >= intactHanBeside) return []
    // GBK read as windows-1254 shows its Turkish letters somewhere: name it so.
    return singleByteReaderOf(text) === 'windows-1254' ? kept.map((repair) => ({...repair, via: 'windows-1254' as const})) : kept
  }
  return overGbkMojibake(kept)
}

/**
 * UTF-8 read as GBK twice: what the runs decode to is GBK mojibake again
 * (`鍦ㄤ簯`), so a damaged character is a GBK pair of UTF-8 bytes too, and
 * the word model, which prefers real words, must not pick one that is not.
 */
function overGbkMojibake(repairs: GbkRepair[]): GbkRepair[] {
  const decoded = repairs.flatMap((repair) => repair.segments.flatMap((segment) => segment.parts.flatMap((part) => (typeof part === 'string' ? [...part] : []))))
  if (!isGbkMojibake(decoded)) return repairs
  return repairs.map((repair) => ({
    ...repair,
    segments: repair.segments.map((segment) => ({
      ...segment,
      parts: segment.parts.map((part) => (typeof part === 'string' ? part : {candidates: gbkShapedOf(part.candidates)}))
    }))
  }))
}

/**
 * A run with the ASCII character after it when its last piece (after any
 * `?`) has an odd number of characters and that character can be a GBK
 * trail byte (0x40–0x7E): GBK read as windows-1252 shows such a character's
 * lead as Latin-1 and its trail as ASCII.
 */
function withAsciiTrail(text: string, offset: number, run: string): string {
  const last = run.length - 1 - run.lastIndexOf('?')
  const next = text.charCodeAt(offset + run.length)
  return last % 2 === 1 && next >= 0x40 && next <= 0x7e ? run + text[offset + run.length]! : run
}

/** GBK bytes of characters a GBK decoder shows, with the other byte pairs that show the same character. */
const gbkBytes = new Map<string, number[][] | null>()
const sameCharacter: Record<string, number[]> = {'\u20AC': [0xa2, 0xe3], '\u3000': [0xa3, 0xa0]}

function bytesOf(char: string): number[][] | undefined {
  let known = gbkBytes.get(char)
  if (known === undefined) {
    const bytes = [...iconv.encode(char, 'gbk')]
    // Characters GBK has no bytes for are kept too (null): UTF-8 mojibake is full of them.
    if (iconv.decode(Buffer.from(bytes), 'gbk') !== char) {
      known = null
    } else {
      known = [bytes]
      const other = sameCharacter[char]
      if (other !== undefined) known.push(other)
    }
    if (gbkBytes.size < 65_536) gbkBytes.set(char, known)
  }
  return known ?? undefined
}

/** A piece of a run: a character's GBK bytes, or a hole where GBK could not decode. */
interface Token {
  /** Offsets in the text. */
  start: number
  end: number
  /** Byte choices (usually one); a hole is `[[unknownByte], [unknownByte, unknownByte]]`-like. */
  choices: number[][]
}

/** A character of the original: decoded, or damaged with its known bytes. */
interface Unit {
  byteStart: number
  byteEnd: number
  char?: string
  bytes?: number[]
}

const hole1 = [unknownByte]
const hole2 = [unknownByte, unknownByte]
/** What an unknown continuation byte may have been: not 0x80, which a WHATWG GBK decoder shows as `€`. */
const holeBytes = Array.from({length: 0x3f}, (_, index) => 0x81 + index)
/** The same for Python's decoders, which cannot decode 0x80. */
const pythonHoleBytes = [0x80, ...holeBytes]

/**
 * The GBK decoder that misread the text, as far as the text tells:
 *
 * - `whatwg`: browsers and iconv-lite. 0x80 shows as `€`, GBK's user-defined
 *   rows as private use characters; a lead byte before ASCII is one U+FFFD.
 * - `python-gbk`: Python's `gbk` (and `cp936`) codec with `errors='replace'`.
 *   0x80 and the user-defined rows are undefined, and every byte it cannot
 *   decode is one U+FFFD, after which it reads on from the next byte. So a
 *   U+FFFD inside a run is one byte, and that byte with the next one is not
 *   a pair GBK defines.
 * - `python-gb18030`: Python's `gb18030`, which shows the user-defined rows
 *   as private use characters but cannot decode 0x80 either.
 *
 * A text with `€` was read the WHATWG way (UTF-8 holds 0x80 before about one
 * byte in 64). A text without one, Python's way: that is also what the
 * WHATWG decoder does with a short text that happens to hold no 0x80.
 */
export type GbkReader = 'whatwg' | 'python-gbk' | 'python-gb18030'

/**
 * The decoder a text was read with (see {@link GbkReader}).
 *
 * @param text The text.
 * @returns The reader its `€` and private use characters point to.
 */
export function gbkReaderOf(text: string): GbkReader {
  if (text.includes('\u20AC')) return 'whatwg'
  return /[\uE000-\uF8FF]/.test(text) ? 'python-gb18030' : 'python-gbk'
}

/** Whether GBK as Python reads it (`cp936` without the private use rows) decodes the pair: 1 yes, 0 no, -1 not yet known. */
const pythonPairs = new Int8Array(0x10000).fill(-1)

function pythonGbkDecodes(lead: number, trail: number): boolean {
  if (lead < 0x81 || lead > 0xfe) return false
  const key = lead * 0x100 + trail
  let known = pythonPairs[key]!
  if (known === -1) {
    const shown = iconv.decode(Buffer.from([lead, trail]), 'cp936')
    const code = shown.charCodeAt(0)
    known = shown.length === 1 && code !== 0xfffd && !(code >= 0xe000 && code <= 0xf8ff) ? 1 : 0
    pythonPairs[key] = known
  }
  return known === 1
}

/**
 * Decode bytes as Python's `gbk` codec does with `errors='replace'`: a byte
 * it cannot start a character with is one U+FFFD, and it reads on from the
 * next byte. (The damage of the matrix's Python channel.)
 *
 * @param bytes Any bytes.
 * @returns The text Python shows.
 */
export function decodeAsPythonGbk(bytes: Uint8Array): string {
  let text = ''
  let index = 0
  while (index < bytes.length) {
    const byte = bytes[index]!
    if (byte < 0x80) {
      text += String.fromCharCode(byte)
      index++
    } else if (index + 1 < bytes.length && pythonGbkDecodes(byte, bytes[index + 1]!)) {
      text += iconv.decode(Buffer.from(bytes.subarray(index, index + 2)), 'cp936')
      index += 2
    } else {
      text += '\uFFFD'
      index++
    }
  }
  return text
}

/**
 * Whether a byte lost by a Python decoder may have been `lost` when the byte
 * after it is `next` (undefined at the end of the text): Python loses a byte
 * only when it cannot start a character with the next one.
 */
export function pythonMayLose(reader: GbkReader, lost: number, next: number | undefined): boolean {
  if (lost === 0x80 || next === undefined || next === unknownByte) return true
  const trail = (next >= 0x40 && next <= 0x7e) || (next >= 0x80 && next <= 0xfe)
  if (!trail) return true
  return reader === 'python-gbk' && !pythonGbkDecodes(lost, next)
}
const strictUtf8 = new TextDecoder('utf-8', {fatal: true})

/**
 * A run that GBK-encodes to valid UTF-8 made of CJK characters; U+FFFD (or a
 * `?` next to the run) is a byte or two GBK could not decode, rebuilt later.
 */
function utf8ReadAsGbk(full: string, offset: number, text: string, reader: GbkReader, dropped: false | 'evidence' | 'known' = false): GbkRepair | undefined {
  const holes = reader === 'whatwg' ? holeBytes : pythonHoleBytes
  // `?` at the end: at most one stands for a lost byte; the rest are question marks.
  let run = full.replace(/\?+$/, '')
  const questions = full.length - run.length
  if (run.length === 0) return undefined
  const tokens: Token[] = []
  for (let index = 0; index < run.length; index++) {
    const char = run[index]!
    if (char === '\uFFFD' || char === '?') {
      const last = index === run.length - 1 && questions === 0
      // Before ASCII, a lead byte lost alone; inside the run, a pair GBK does not define (one byte, as Python reads).
      tokens.push({start: offset + index, end: offset + index + 1, choices: last || reader !== 'whatwg' ? [hole1, hole2] : [hole2, hole1]})
      continue
    }
    const choices = bytesOf(char)
    if (choices === undefined) return undefined
    tokens.push({start: offset + index, end: offset + index + 1, choices})
  }
  if (dropped !== false) withDroppedBytes(tokens)
  let parsed = parseTokens(tokens, holes)
  let used = 0
  // `?` after the run: one lost byte, or two (Python writes one `?` per byte, such as 0x80 and a last byte before ASCII).
  const ways = reader === 'whatwg' ? [[[hole1, hole2]]] : [[[hole1]], [[hole1], [hole1]], [[hole1, hole2]]]
  for (const way of ways) {
    if (parsed !== undefined || way.length > questions) continue
    const extra = way.map((choices, index) => ({start: offset + run.length + index, end: offset + run.length + index + 1, choices}))
    parsed = parseTokens([...tokens, ...extra], holes)
    if (parsed === undefined) continue
    tokens.push(...extra)
    used = extra.length
    run = full.slice(0, run.length + used)
  }
  if (parsed === undefined) return undefined
  // On its own evidence a run may lose few bytes; in a text known to be such mojibake, a short run up to one a character (`鏄浠涔` for 是什么 lost three).
  const budget = dropped === 'known' ? Math.max(tokens.length, 1 + Math.floor(tokens.length / droppedPerToken)) : 1 + Math.floor(tokens.length / droppedPerToken)
  if (dropped !== false && parsed.bytes.filter((byte) => byte === unknownByte).length > budget) return undefined
  const {units, ends} = parsed
  let cjk = 0
  const wide = units.filter((unit) => unit.char === undefined || unit.char.charCodeAt(0) >= 0x80)
  for (const unit of wide) {
    if (unit.char === undefined ? unit.bytes![0]! >= 0xe2 : /[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF\u2010-\u2027\u2190-\u21FF\u2500-\u257F]/u.test(unit.char)) cjk++
  }
  // A run shrinks: three bytes a character, two a GBK character (counting the bytes dropped).
  const shown = run.length + (dropped !== false ? parsed.bytes.filter((byte) => byte === unknownByte).length : 0)
  if ((wide.length >= shown || cjk < wide.length * 0.5) && !isSingleByteLayer(units, run)) return undefined
  const strong = gbkTell.test(run) || run.length >= 6 || (used > 0 && run.length >= 3)
  return {start: offset, end: offset + run.length, segments: segmentsOf(units, tokens, ends, candidatesFor(reader, holes, parsed.bytes, text.charCodeAt(offset + run.length))), from: 'utf-8', via: 'gbk', strong}
}

/**
 * Most bytes dropped without a mark per character of a run, and one more:
 * Python's GBK with `errors='ignore'` drops about one byte in ten pairs (0x80,
 * the user-defined rows) and the lone last byte before ASCII; clean Chinese
 * GBK-encoded would need a byte for about every character to parse as UTF-8.
 */
const droppedPerToken = 4
/** Fewest characters of a run that is taken as UTF-8 read as GBK with bytes dropped on its own evidence. */
const minDroppedRun = 8

/**
 * Let each piece of a run (but the first) be preceded by one or two bytes
 * dropped without a mark, and the last be followed by one or two (`。` is
 * E3 80 82: 0x80 and then 0x82 before a line end), after its own choices: a
 * GBK reader with `errors='ignore'` drops the bytes it cannot decode (one
 * each, before the byte it reads on from), and the lone last byte of a run
 * before ASCII.
 */
function withDroppedBytes(tokens: Token[]): void {
  tokens.forEach((token, index) => {
    const own = token.choices
    // One or two: Python drops `AF` of `AF AD E8 …` and then `AD`, neither a pair it reads.
    const before = index === 0 ? [] : [...own.map((choice) => [unknownByte, ...choice]), ...own.map((choice) => [unknownByte, unknownByte, ...choice])]
    const after = index === tokens.length - 1 ? [...own, ...before].flatMap((choice) => [[...choice, unknownByte], [...choice, unknownByte, unknownByte]]) : []
    token.choices = [...own, ...before, ...after]
  })
}

/**
 * Whether the UTF-8 under a run is itself single-byte mojibake (`ä¸­æ–‡`):
 * UTF-8 read as windows-1252, saved as UTF-8, then read as GBK. Such a run
 * does not shrink (a Latin-1 character is two bytes, as a GBK one is) and
 * holds no CJK; it is taken when it is two characters or more (a short run
 * only in a document with long ones, as every GBK run), every
 * character under it is one a single-byte reading of UTF-8 shows, and the
 * text under it is bad by the badness sequences or starts a three-byte
 * character as such mojibake does. The next layer of repair
 * undoes the windows-1252 reading.
 */
function isSingleByteLayer(units: readonly Unit[], run: string): boolean {
  if (run.length < 2) return false
  const {any, continuation} = singleByteShown()
  let text = ''
  for (const unit of units) {
    if (unit.char === undefined) {
      text += '\uFFFD'
      continue
    }
    if (unit.char.charCodeAt(0) >= 0x80 && !any.has(unit.char)) return false
    text += unit.char
  }
  return isBad(text) || startsThreeByte(text, continuation)
}

/**
 * Whether the text holds the windows-1252 reading of a three-byte UTF-8 lead
 * (0xE0–0xEF: `à`–`ï`) and of a continuation byte after it: how every CJK
 * character starts in such mojibake (`å’` of `和`, `è“` of `蓝`), short runs
 * the badness sequences do not cover.
 */
function startsThreeByte(text: string, continuation: ReadonlySet<string>): boolean {
  for (let index = 0; index + 1 < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code >= 0xe0 && code <= 0xef && continuation.has(text[index + 1]!)) return true
  }
  return false
}

/**
 * The characters windows-1252 or Latin-1 show for a byte 0x80–0xFF (`any`)
 * and for a continuation byte 0x80–0xBF, from the codec's own table; built
 * on first use (an explicit, immutable cache).
 */
let shownCache: {any: ReadonlySet<string>; continuation: ReadonlySet<string>} | undefined
function singleByteShown(): {any: ReadonlySet<string>; continuation: ReadonlySet<string>} {
  if (shownCache !== undefined) return shownCache
  const windows1252 = buildCodec('windows-1252')
  const any = new Set<string>()
  const continuation = new Set<string>()
  for (let byte = 0x80; byte <= 0xff; byte++) {
    for (const char of [String.fromCharCode(byte), windows1252.decode[byte]!]) {
      if (char === '') continue
      any.add(char)
      if (byte <= 0xbf) continuation.add(char)
    }
  }
  shownCache = {any, continuation}
  return shownCache
}

/**
 * Turn tokens into bytes (trying each token's choices, first ones first) and
 * the bytes into UTF-8 characters; unknown bytes make damaged characters.
 *
 * The first choices (in that order) that parse are taken. Whether the rest of
 * a run can still parse depends only on the token reached and the bytes of the
 * character left open there, so a dead end is remembered by those two and
 * never walked again: a run of many holes (`浣�浣�…`, each one or two bytes)
 * costs time in proportion to its length, not 2^holes.
 */
function parseTokens(tokens: readonly Token[], holes: readonly number[]): {units: Unit[]; bytes: number[]; ends: number[]} | undefined {
  // Depth-first without recursion: a paragraph with no ASCII is one run of thousands of tokens.
  const chosen: number[] = []
  const opens: Array<readonly number[]> = [[]]
  const tried: number[] = [0]
  const deadEnds = new Set<string>()
  let index = 0
  let found = false
  while (index >= 0) {
    if (index === tokens.length) {
      if (opens[index]!.length === 0) {
        found = true
        break
      }
      index--
      continue
    }
    const key = `${index}|${opens[index]!.join(',')}`
    if (tried[index] === 0 && deadEnds.has(key)) {
      index--
      continue
    }
    const token = tokens[index]!
    let advanced = false
    while (tried[index]! < token.choices.length) {
      const choice = tried[index]!
      tried[index] = choice + 1
      const next = feed(opens[index]!, token.choices[choice]!, holes)
      if (next === undefined) continue
      chosen[index] = choice
      opens[index + 1] = next
      tried[index + 1] = 0
      index++
      advanced = true
      break
    }
    if (!advanced) {
      deadEnds.add(key)
      index--
    }
  }
  if (!found) return undefined
  const bytes: number[] = []
  const ends: number[] = []
  tokens.forEach((token, index) => {
    bytes.push(...token.choices[chosen[index]!]!)
    ends.push(bytes.length)
  })
  const units = parseUtf8(bytes, holes)
  return units === undefined ? undefined : {units, bytes, ends}
}

/**
 * Feed bytes to a UTF-8 reader holding the bytes of an unfinished character.
 *
 * @returns The bytes of the character left unfinished after them, or
 * undefined when they cannot be UTF-8 (the test of `parseUtf8`, byte by byte).
 */
function feed(open: readonly number[], bytes: readonly number[], holes: readonly number[]): number[] | undefined {
  let sequence = [...open]
  for (const byte of bytes) {
    if (sequence.length === 0) {
      if (byte === unknownByte) return undefined
      if (byte < 0x80) continue
      if (sequenceLength(byte) === 0) return undefined
      sequence = [byte]
      continue
    }
    if (byte !== unknownByte && (byte < 0x80 || byte > 0xbf)) return undefined
    sequence.push(byte)
    if (sequence.length < sequenceLength(sequence[0]!)) continue
    if (!isCharacter(sequence, holes)) return undefined
    sequence = []
  }
  return sequence
}

/** Whether the bytes of one whole UTF-8 sequence (some perhaps unknown) can be a character. */
function isCharacter(sequence: readonly number[], holes: readonly number[]): boolean {
  if (sequence.includes(unknownByte)) return completions(sequence, [], holes).length > 0
  try {
    strictUtf8.decode(Uint8Array.from(sequence))
    return true
  } catch {
    return false
  }
}

/** Parse bytes (with unknown ones) as UTF-8 characters, or undefined when they cannot be. */
function parseUtf8(bytes: readonly number[], holes: readonly number[]): Unit[] | undefined {
  const units: Unit[] = []
  let index = 0
  while (index < bytes.length) {
    const lead = bytes[index]!
    if (lead === unknownByte) return undefined
    if (lead < 0x80) {
      units.push({byteStart: index, byteEnd: index + 1, char: String.fromCharCode(lead)})
      index++
      continue
    }
    const length = sequenceLength(lead)
    if (length === 0 || index + length > bytes.length) return undefined
    const sequence = bytes.slice(index, index + length)
    if (sequence.slice(1).some((byte) => byte !== unknownByte && (byte < 0x80 || byte > 0xbf))) return undefined
    if (sequence.includes(unknownByte)) {
      if (completions(sequence, [], holes).length === 0) return undefined
      units.push({byteStart: index, byteEnd: index + length, bytes: sequence})
    } else {
      let char: string
      try {
        char = strictUtf8.decode(Uint8Array.from(sequence))
      } catch {
        return undefined
      }
      units.push({byteStart: index, byteEnd: index + length, char})
    }
    index += length
  }
  return units
}

/**
 * The candidates of a damaged character. For a Python reader only those
 * whose filled-in bytes Python could not have decoded before the byte after
 * each (the next byte of the run, or the character after the run; `after`
 * is NaN at the end of the text); all of them when none is.
 */
function candidatesFor(reader: GbkReader, holes: readonly number[], bytes: readonly number[], after: number): (unit: Unit) => readonly Candidate[] {
  const inner = candidatesForShape(reader, holes, bytes, after)
  // EF BF and a lost byte: U+FFFD (EF BF BD) of a layer under this one (GBK read twice: `锟`), not a rare halfwidth form.
  return (unit) => (isReplacementShape(unit.bytes!) ? replacementOnly : inner(unit))
}

const replacementOnly: readonly Candidate[] = Object.freeze([{char: '\uFFFD', filled: [0xbd]}])

function isReplacementShape(bytes: readonly number[]): boolean {
  return bytes.length === 3 && bytes[0] === 0xef && bytes[1] === 0xbf && bytes[2] === unknownByte
}

function candidatesForShape(reader: GbkReader, holes: readonly number[], bytes: readonly number[], after: number): (unit: Unit) => readonly Candidate[] {
  if (reader === 'whatwg') return (unit) => completions(unit.bytes!, [], holes)
  const nextByte = (at: number): number | undefined => (at < bytes.length ? bytes[at] : Number.isNaN(after) ? undefined : after)
  return (unit) => {
    const unknown: number[] = []
    for (let at = unit.byteStart; at < unit.byteEnd; at++) if (bytes[at] === unknownByte) unknown.push(at)
    // One byte lost: enumerate only the bytes Python could have lost there.
    const allowed = unknown.length === 1 ? losable(reader, nextByte(unknown[0]! + 1)) : holes
    const all = completions(unit.bytes!, [], allowed)
    if (unknown.length === 1) return all.length > 0 ? all : completions(unit.bytes!, [], holes)
    // Two lost: thousands of completions, filtered once per shape and the byte after.
    const key = `${reader}|${unit.bytes!.join(',')}|${nextByte(unit.byteEnd) ?? ''}`
    const known = twoLost.get(key)
    if (known !== undefined) return known
    const after = nextByte(unit.byteEnd)
    const fitting = all.filter((candidate) => fillsFit(candidate, unit.bytes!, after, (lost, next) => pythonMayLose(reader, lost, next)))
    const kept = fitting.length > 0 ? fitting : all
    if (twoLost.size > 4096) twoLost.clear()
    twoLost.set(key, kept)
    return kept
  }
}

/**
 * Whether each byte a candidate fills in for an unknown byte of a
 * character may have been lost before the byte after it: the candidate's
 * own next byte, or `after` past the character's end.
 *
 * @param candidate A completion of the bytes.
 * @param bytes The character's bytes, {@link unknownByte} where lost.
 * @param after The byte after the character (undefined at the end of the text).
 * @param mayLose Whether a byte may have been lost before a next byte.
 * @returns True when every filled-in byte may have been lost there.
 */
export function fillsFit(candidate: Candidate, bytes: readonly number[], after: number | undefined, mayLose: (lost: number, next: number | undefined) => boolean): boolean {
  const code = candidate.char.codePointAt(0)!
  return bytes.every((byte, index) => byte !== unknownByte || mayLose(utf8Byte(code, index), index + 1 < bytes.length ? utf8Byte(code, index + 1) : after))
}

/** The candidates of characters that lost two bytes to a Python reader, by shape (an explicit, bounded cache). */
const twoLost = new Map<string, readonly Candidate[]>()

/** The bytes a Python reader may have lost before `next`, one list per next byte (so completions cache them by list). */
const losableLists = new Map<string, readonly number[]>()
function losable(reader: GbkReader, next: number | undefined): readonly number[] {
  const key = `${reader}|${next ?? ''}`
  let list = losableLists.get(key)
  if (list === undefined) {
    list = pythonHoleBytes.filter((byte) => pythonMayLose(reader, byte, next))
    losableLists.set(key, list)
  }
  return list
}

/**
 * Byte `index` of the UTF-8 encoding of a code point.
 *
 * @param code The code point.
 * @param index 0 for the lead byte.
 * @returns The byte.
 */
export function utf8Byte(code: number, index: number): number {
  if (code < 0x80) return code
  if (code < 0x800) return index === 0 ? 0xc0 | (code >> 6) : 0x80 | (code & 0x3f)
  if (code < 0x10000) return index === 0 ? 0xe0 | (code >> 12) : index === 1 ? 0x80 | ((code >> 6) & 0x3f) : 0x80 | (code & 0x3f)
  return index === 0 ? 0xf0 | (code >> 18) : 0x80 | ((code >> (6 * (3 - index))) & 0x3f)
}

/** Group characters into segments that start and end on token boundaries. */
function segmentsOf(
  units: readonly Unit[],
  tokens: readonly Token[],
  ends: readonly number[],
  candidatesOf: (unit: Unit) => readonly Candidate[]
): GbkSegment[] {
  const segments: GbkSegment[] = []
  let token = 0
  let parts: Array<string | GbkDamaged> = []
  let start = tokens[0]!.start
  for (const unit of units) {
    if (unit.char !== undefined) {
      if (typeof parts.at(-1) === 'string') parts[parts.length - 1] += unit.char
      else parts.push(unit.char)
    } else {
      parts.push({candidates: candidatesOf(unit)})
    }
    const boundary = ends.indexOf(unit.byteEnd, token)
    if (boundary === -1) continue
    // A lossless segment joins the one before when that one is lossless too.
    const last = segments.at(-1)
    if (last !== undefined && parts.every((part) => typeof part === 'string') && last.parts.every((part) => typeof part === 'string')) {
      last.end = tokens[boundary]!.end
      last.parts = [(last.parts[0] as string | undefined ?? '') + parts.join('')]
    } else {
      segments.push({start, end: tokens[boundary]!.end, parts})
    }
    token = boundary + 1
    start = tokens[token]?.start ?? tokens[boundary]!.end
    parts = []
  }
  return segments
}

/** Whether a character's GBK bytes are both UTF-8 bytes of CJK text (a lead E0–EF or a continuation 80–BF); remembered per character. */
const gbkShaped = new Map<string, boolean>()
function isGbkShaped(char: string): boolean {
  let known = gbkShaped.get(char)
  if (known === undefined) {
    const bytes = iconv.encode(char, 'gbk')
    known = bytes.length === 2 && bytes.every((byte) => (byte >= 0x80 && byte <= 0xbf) || (byte >= 0xe0 && byte <= 0xef))
    if (gbkShaped.size < 65_536) gbkShaped.set(char, known)
  }
  return known
}

/**
 * The candidates that are GBK pairs of UTF-8 bytes (one list per list, so
 * completions and the lattice cache them): all of them when none is.
 *
 * @param candidates A damaged character's candidates.
 * @returns Those that are such pairs.
 */
const gbkShapedLists = new WeakMap<readonly Candidate[], readonly Candidate[]>()
export function gbkShapedOf(candidates: readonly Candidate[]): readonly Candidate[] {
  let kept = gbkShapedLists.get(candidates)
  if (kept === undefined) {
    const shaped = candidates.filter((candidate) => isGbkShaped(candidate.char))
    kept = shaped.length > 0 ? shaped : candidates
    gbkShapedLists.set(candidates, kept)
  }
  return kept
}

/**
 * Whether characters are mostly UTF-8 read as GBK: each such character is a
 * GBK pair of UTF-8 bytes; of Chinese text's GBK pairs, about one in five is.
 *
 * @param chars Characters a layer of repair decodes to.
 * @returns True when 80 % of the Han ones (20 or more; a sample of 200) are such pairs.
 */
export function isGbkMojibake(chars: readonly string[]): boolean {
  let han = 0
  let shaped = 0
  for (const char of chars) {
    if (!isHan(char)) continue
    han++
    if (isGbkShaped(char)) shaped++
    // A sample tells: 200 characters, or a fifth of them not such pairs.
    if (han >= maxGbkSample || han - shaped > maxGbkSample * (1 - gbkShapedShare)) break
  }
  return han >= minGbkShaped && shaped >= han * gbkShapedShare
}
const minGbkShaped = 20
const maxGbkSample = 200
const gbkShapedShare = 0.8
