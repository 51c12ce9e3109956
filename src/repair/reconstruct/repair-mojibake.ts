/**
 * Repair mojibake in text: UTF-8 read with a single-byte codec (one or more
 * layers), including lossy damage where bytes were dropped, and UTF-8 read as
 * GBK or GBK read as windows-1252, span by span and only where the text itself
 * gives evidence.
 */
import {readWholePage} from '../channels/whole-page.js'
import type {DamageReport, RepairRecord} from '../../types.js'
import {badness, isBad} from '../detect/badness.js'
import {completions, type Candidate} from './candidates.js'
import {buildCodecs, type SingleByteCodec} from '../channels/codecs.js'
import {isHan} from './choose.js'
import {contextModelLoader} from '../model/context-corpus.js'
import type {ContextModel, ContextModelLoader} from '../model/context-model.js'
import {lexiconLoader, type Lexicon, type LexiconLoader} from '../model/lexicon.js'
import {lexiconForLoss} from '../model/balanced-lexicon.js'
import {articleLexicon, intactWordCache, intactWords} from '../model/article-lexicon.js'
import type {WordCache} from '../model/document-cache.js'
import {findGbkMojibake, gbkShapedOf, isGbkMojibake, mayHaveGbkMojibake, type GbkRepair, type GbkSegment} from '../channels/gbk.js'
import {findLostAsQuestion} from '../channels/question-utf8.js'
import {fragileBytes, inferLostBytes} from '../channels/lost-bytes.js'
import {rebuild, type Damaged, type Part} from './lossy.js'
import {readPiece, readPieceInto, unknownByte, type Piece} from '../channels/scan.js'

/** Options of {@link repairMojibake}. */
export interface RepairOptions {
  /**
   * The lexicon for rebuilding lossy Chinese text, or a function returning it
   * (called only when a text has lossy damage). Default: a shared loader of
   * jieba's `dict.txt`.
   */
  lexicon?: Lexicon | LexiconLoader
  /**
   * The context model of characters for rebuilding, a function returning it,
   * or false for none. Default: a shared loader trained on the Chinese
   * strings of VS Code (see `context-corpus.ts`).
   */
  context?: ContextModel | ContextModelLoader | false
  /** Weight of the context model (default 0.7). */
  contextWeight?: number
  /** Rebuild characters whose bytes were lost (default true). */
  lossy?: boolean
  /** Most layers of mojibake undone (default 3). */
  maxLayers?: number
  /**
   * Chinese forms of the glossary's terms, approved and forbidden: words of
   * the article's lexicon when it rebuilds lost bytes (default none).
   */
  terms?: readonly string[]
  /**
   * Let the words that occur intact elsewhere in the article weigh in its
   * lexicon (default true).
   */
  articleWords?: boolean
  /**
   * Set by the pass that undid an outer layer for the pass under it: that
   * layer turned `Â` with a lost byte into U+FFFD, where the byte may also
   * have been a soft hyphen (0xAD) its codec showed and a tool stripped.
   */
  markedMaySoftHyphen?: boolean
  /**
   * The text is UTF-8 whose lost bytes were saved as `?`, its damaged
   * characters shown as windows-1252 shows their bytes, starting at these
   * offsets (the decode stage finds them: `EncodingInfo.lostAsQuestion`):
   * they are rebuilt, and nothing else is taken for mojibake.
   */
  lostAsQuestion?: readonly number[]
  /**
   * Set by the pass that undid an outer layer: at these offsets a U+FFFD
   * stands for one byte of the listed ones (the outer layer lost a byte that
   * left two or more characters its codec shows, such as `„` and `”`).
   */
  handedOver?: ReadonlyMap<number, readonly number[]>
}

/** Result of {@link repairMojibake}. */
export interface RepairResult {
  /** The repaired text (the input itself when nothing was repaired). */
  text: string
  /** Every repair, in text order. */
  repairs: RepairRecord[]
  /** The damage found, or null for clean text. */
  damage: DamageReport | null
}

/** A replacement of `text.slice(start, end)`, before it becomes a record. */
interface Edit {
  start: number
  end: number
  after: string
  confidence: number
  alternatives: string[]
  kind: 'lossless' | 'lossy'
  codec: SingleByteCodec | undefined
  layers: number
  /** Chosen by the language model (never merged or re-decoded). */
  rebuilt?: boolean
}

let codecCache: SingleByteCodec[] | undefined
let defaultLoader: LexiconLoader | undefined

/** The codec tables, built on first use (an explicit, immutable cache). */
function codecs(): SingleByteCodec[] {
  codecCache ??= buildCodecs()
  return codecCache
}

const suspicious = /[\u0080-\u009F\uFFFD]/

/** CJK and full-width punctuation, one character. (Patterns used per piece are constants: a literal is a new object each time it is evaluated.) */
const cjkPunctuation = /^[\u3000-\u303F\uFF00-\uFFEF]$/
/** Any character outside ASCII. */
const nonAscii = /[^\u0000-\u007F]/

/**
 * Characters that every single-byte reading of UTF-8 produces at least one of
 * (Latin-1 and Latin Extended letters, spacing modifiers, Greek, Cyrillic,
 * the windows-1252 extras, MacRoman's mathematical signs, box drawing).
 * Text without any of them is clean; this one scan is the fast path.
 */
const mojibakeAlphabet = /[\u0080-\u02FF\u0370-\u04FF\u2020-\u2022\u2030\u2039\u203A\u20AC\u2122\u2200-\u22FF\u2500-\u25FF\uFB01\uFB02\uFFFD]/

/**
 * Repair mojibake in a text.
 *
 * Clean text is returned as is after one or two regular-expression scans
 * (no character of the mojibake alphabet; else no bad sequence, C1 control or
 * U+FFFD), without loading anything.
 *
 * @param text The text to repair.
 * @param options Options.
 * @returns The repaired text, the repairs made and the damage found.
 */
export function repairMojibake(text: string, options: RepairOptions = {}): RepairResult {
  if (options.lostAsQuestion !== undefined) {
    const segments = findLostAsQuestion(text, options.lostAsQuestion)
    if (segments.length === 0) return {text, repairs: [], damage: null}
    return composeSegments(text, segments, options, (rebuilt) => ({
      summary: `UTF-8 whose lost bytes were saved as \`?\`, ${rebuilt} ${rebuilt === 1 ? 'character' : 'characters'} rebuilt`,
      from: 'utf-8',
      via: 'utf-8'
    }))
  }
  // A page without a CJK ideograph may be UTF-8 read whole as a lossless codec the badness sequences do not know.
  const whole = readWholePage(text)
  if (whole !== undefined) {
    const edits = whole.runs.map((run): Edit => ({...run, confidence: 1, alternatives: [], kind: 'lossless', codec: undefined, layers: 1}))
    return compose(text, edits, [], false, undefined, {summary: `UTF-8 read as ${whole.codec}`, from: 'utf-8', via: whole.codec, lostBytes: [], layers: 1})
  }
  const first = repairOnce(text, options)
  // A whole page damaged twice, the inner layer lossy: the first pass undoes
  // the outer layer (its runs cannot be decoded further while bytes are
  // missing inside), and what is left is mojibake of its own.
  const layers = options.maxLayers ?? 3
  // UTF-8 read as GBK twice: what the first pass gives is GBK mojibake again (`鍦ㄤ簯` under `閸︺劋绨`).
  const gbkAgain = first.damage?.from === 'utf-8' && mayHaveGbkMojibake(first.text) && findGbkMojibake(first.text).some((repair) => repair.strong)
  if (first.damage === null || layers < 2 || first.text === text || (!isBad(first.text) && !gbkAgain)) return first
  const markedHere = first.repairs.some((record) => record.after === '\uFFFD' && record.before === 'Â')
  // A U+FFFD the first pass wrote for one of a few characters: the inner layer's byte is one of theirs.
  const handedOver = new Map<number, readonly number[]>()
  for (const record of first.repairs) {
    if (record.after !== '\uFFFD' || record.alternatives.length === 0) continue
    const bytes = record.alternatives.map((char) => innerByte(char)).filter((byte) => byte >= 0)
    if (bytes.length === record.alternatives.length) handedOver.set(record.outputOffset, bytes)
  }
  // What a pass before this one handed over is for this text only.
  const {handedOver: _, ...rest} = options
  const second = repairMojibake(first.text, {
    ...rest,
    maxLayers: layers - 1,
    ...(markedHere ? {markedMaySoftHyphen: true} : {}),
    ...(handedOver.size > 0 ? {handedOver} : {})
  })
  if (second.damage === null) return first
  return stack(text, first, second)
}

/**
 * What a record of the second pass keeps of its confidence where it rebuilds
 * a byte the first pass handed it as U+FFFD: the second pass weighed the
 * byte, but not the first pass's doubt that it was a byte of this kind.
 * Tuned on the tuning pages (0.85–1 measured; windows-1252 keeping C1
 * controls, then windows-1252 dropping or marking bytes, and Latin-1 under
 * windows-1252 dropping): the lowest unflagged count that does not flag
 * several times the repairs of a single layer.
 */
const handoffDiscount = 0.85

/**
 * Compose two passes of repair into records against the input: a record of
 * the second pass covers the records of the first that it overlaps.
 */
function stack(input: string, first: RepairResult, second: RepairResult): RepairResult {
  // Input offset of an offset in the middle text (a start, or an exclusive end), widened to whole records.
  // The records are in order and do not overlap: a binary search finds the
  // first one the offset is not past (a page damaged twice has thousands).
  const toInput = (at: number, end: boolean): number => {
    const records = first.repairs
    let low = 0
    let high = records.length
    while (low < high) {
      const middle = (low + high) >>> 1
      const record = records[middle]!
      const stop = record.outputOffset + record.after.length
      if (end ? at > stop : at >= stop) low = middle + 1
      else high = middle
    }
    const previous = records[low - 1]
    const shift = previous === undefined ? 0 : previous.offset + previous.before.length - (previous.outputOffset + previous.after.length)
    const record = records[low]
    if (record === undefined || (end ? at <= record.outputOffset : at < record.outputOffset)) return at + shift
    return end ? record.offset + record.before.length : record.offset
  }
  interface Span {
    start: number
    end: number
    confidence: number
    alternatives: string[]
    kind: 'lossless' | 'lossy'
    /** Records of the second pass inside, and the last of them. */
    inner: number
    record?: RepairRecord
    /** Whether a first-pass U+FFFD inside hands a lost byte to the second pass (`Â` whose C1 byte was lost). */
    handoff: boolean
    /** The confidence of such U+FFFD (1 when none). */
    placeholder: number
  }
  const spans: Span[] = second.repairs.map((record) => ({
    start: toInput(record.offset, false),
    end: toInput(record.offset + record.before.length, true),
    confidence: record.confidence,
    alternatives: record.alternatives,
    kind: record.kind,
    inner: 1,
    record,
    handoff: false,
    placeholder: 1
  }))
  for (const record of first.repairs) {
    // A U+FFFD the second pass rebuilds is weighed there: its own confidence counts, not the placeholder's.
    const handoff = record.after === '\uFFFD'
    spans.push({start: record.offset, end: record.offset + record.before.length, confidence: handoff ? 1 : record.confidence, alternatives: [], kind: record.kind, inner: 0, handoff, placeholder: handoff ? record.confidence : 1})
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end)
  const merged: Span[] = []
  for (const span of spans) {
    const last = merged.at(-1)
    if (last !== undefined && span.start < last.end) {
      last.end = Math.max(last.end, span.end)
      last.confidence = Math.min(last.confidence, span.confidence)
      if (span.kind === 'lossy') last.kind = 'lossy'
      last.inner += span.inner
      last.handoff ||= span.handoff
      last.placeholder = Math.min(last.placeholder, span.placeholder)
      if (span.record !== undefined) last.record = span.record
    } else {
      merged.push({...span})
    }
  }
  // A U+FFFD no record of the second pass covers stays as uncertain as it was.
  for (const span of merged) {
    if (span.handoff && span.inner === 0) span.confidence = Math.min(span.confidence, span.placeholder)
    else if (span.handoff) span.confidence *= handoffDiscount
  }
  // Where an input offset outside the records lands in a pass's output (the
  // shift of the last record that starts before it).
  const toOutput = (result: RepairResult, at: number): number => {
    const records = result.repairs
    let low = 0
    let high = records.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (records[middle]!.offset < at) low = middle + 1
      else high = middle
    }
    const previous = records[low - 1]
    return previous === undefined ? at : at + previous.outputOffset + previous.after.length - (previous.offset + previous.before.length)
  }
  const edits: Edit[] = merged.map((span) => {
    const start = toOutput(second, toOutput(first, span.start))
    const end = toOutput(second, toOutput(first, span.end))
    const after = second.text.slice(start, end)
    // Runner-ups are whole replacements of the span: only where one record of the second pass is inside.
    const inner = span.inner === 1 ? span.record : undefined
    const alternatives = inner === undefined ? [] : inner.alternatives.map((alternative) =>
      second.text.slice(start, inner.outputOffset) + alternative + second.text.slice(inner.outputOffset + inner.after.length, end))
    return {start: span.start, end: span.end, after, confidence: span.confidence, alternatives, kind: span.kind, codec: undefined, layers: 2}
  })
  const outer = first.damage!
  const inner = second.damage!
  const layers = outer.layers + inner.layers
  // The same codec twice, the outer layer whole: one channel with more layers.
  const same = outer.via === inner.via && outer.lostBytes.length === 0 && outer.summary === `UTF-8 read as ${outer.via}`
  const summary = same
    ? inner.summary.replace(/^UTF-8 read as [^ ,;]+(?: \(\d+ layers\))?/, `UTF-8 read as ${inner.via} (${layers} layers)`)
    : `${outer.summary}; under it, ${inner.summary}`
  const damage: DamageReport = {...inner, summary, layers}
  return compose(input, edits, [], false, undefined, damage)
}

function repairOnce(text: string, options: RepairOptions): RepairResult {
  const gbkTold = mayHaveGbkMojibake(text)
  if (!gbkTold && !mojibakeAlphabet.test(text)) return {text, repairs: [], damage: null}
  const gbk = findGbkMojibake(text)
  if (gbk.length > 0) return composeGbk(text, gbk, options)
  if (!isBad(text) && !suspicious.test(text)) return {text, repairs: [], damage: null}
  const {tables, spaceAsA0} = survey(text, codecs())
  const pieces = scanPieces(text, tables, spaceAsA0)
  const accepted: Piece[] = []
  const weak: Piece[] = []
  const partial: Piece[] = []
  // Like ftfy's whole-text re-decode, but per group: complete sequences of one
  // codec with nothing but ASCII between them stand or fall together, on the
  // evidence of any one of them.
  const mixed = mixedGuard(text, pieces)
  for (const group of groups(text, pieces)) {
    if (group[0]!.char === '') {
      partial.push(...group)
    } else if (mixed !== undefined && !mixed(group)) {
      continue
    } else if (group.some((piece) => isBad(window(text, piece)))) {
      accepted.push(...group)
    } else {
      weak.push(...group)
    }
  }
  const strong = accepted.length >= 3
  const promoted = new Set(strong ? weak.filter((piece) => piece.bytes.length >= 3) : [])
  accepted.push(...promoted)
  accepted.sort((a, b) => a.start - b.start)
  const used = new Set(accepted.map((piece) => piece.codec))
  const certain = inferLostBytes(accepted, fragileBytes([...used].flatMap((codec) => codec.undefinedBytes)))
  const alike = alikeCodecs(accepted, used)
  const lost = inferLostBytes(accepted, fragileBytes([...used, ...alike].flatMap((codec) => codec.undefinedBytes)))
  const maybeLost = lost.filter((byte) => !certain.includes(byte))
  const perhaps: Perhaps = {
    bytes: maybeLost,
    codecs: alike.filter((codec) => codec.undefinedBytes.some((byte) => maybeLost.includes(byte))).map((codec) => codec.name)
  }
  const cjk = accepted.filter((piece) => isHan(piece.char) || cjkPunctuation.test(piece.char)).length
  const chinese = cjk >= 3 && cjk >= accepted.length * 0.3 && options.lossy !== false
  // The characters this layer decodes to are themselves UTF-8 read as GBK (`浣犲ソ`): a GBK pass follows.
  const overGbk = chinese && lost.length > 0 && isGbkMojibake(accepted.map((piece) => piece.char))
  // A space after a character that lost its last byte may be just a space.
  if (chinese && lost.length > 0) spacesNotA0(text, accepted, partial, lost, resolveLexicon(options))
  // Outside Chinese text there is no model to explain bytes that vanished
  // silently: a touching run of pieces with such a gap is left alone.
  // The outer layer of a page damaged twice: what its pieces decode to is
  // itself text a single-byte codec shows (`Ã¤Â¸` → `ä¸`). A piece that lost
  // a byte there is filled when one candidate only is such a character
  // (`â€` → `”`, not `‐`), and the next pass undoes the inner layer.
  const outer = !chinese && isOuterLayer(accepted)
  const tainted = chinese || outer ? new Set<Piece>() : taintedPieces(pieces)
  const edits: Edit[] = accepted.filter((piece) => !tainted.has(piece)).map((piece) => ({
    start: piece.start,
    end: piece.end,
    after: piece.char,
    confidence: promoted.has(piece) ? 0.9 : piece.bytes.length >= 3 ? 0.99 : 0.95,
    alternatives: [],
    kind: 'lossless' as const,
    codec: piece.codec,
    layers: 1
  }))
  const slots: Array<{piece: Piece; damaged: Damaged}> = []
  const markedLoss = markedLossOf(alike, options.markedMaySoftHyphen === true && lost.includes(softHyphen) ? [softHyphen] : [])
  // Every byte 0x80–0x9F lost (Latin-1 whose C1 controls became U+FFFD or `?`): a marked byte may be any of them.
  const c1Lost = lost.filter((byte) => byte >= 0x80 && byte <= 0x9f).length === 0x20
  for (const piece of partial) {
    const marked = piece.bytes.includes(unknownByte)
    const unknown = handedOverAt(options.handedOver, text, piece) ?? (piece.codec.undefinedBytes.length > 0 ? withC1(markedLoss(piece.codec), c1Lost) : lost)
    if (chinese) {
      if (!marked && (lost.length === 0 || (piece.bytes.length === 1 && piece.bytes[0]! < 0xe0))) continue
      const all = completions(piece.bytes, lost, unknown.length > 0 ? unknown : allContinuations)
      // Over GBK mojibake, a character is a GBK pair of UTF-8 bytes: the others cannot be it.
      const candidates = overGbk ? gbkShapedOf(all) : all
      if (candidates.length > 0) slots.push({piece, damaged: {candidates}})
    } else if (outer && !marked && piece.missing > 0 && piece.bytes.length > 1 && lost.length > 0) {
      const shown = completions(piece.bytes, lost, lost).filter((candidate) => isShownByte(candidate.char, piece.codec))
      if (shown.length === 1) {
        edits.push({start: piece.start, end: piece.end, after: shown[0]!.char, confidence: 0.9, alternatives: [], kind: 'lossy', codec: piece.codec, layers: 1})
      } else if (shown.length > 1 && shown.length <= maxHandedOver) {
        // `â€` over windows-1254: `„` or `”` (E2 80 9E, E2 80 9D), which only the inner layer can tell: a U+FFFD that carries them.
        edits.push({start: piece.start, end: piece.end, after: '\uFFFD', confidence: 0.5, alternatives: shown.map((candidate) => candidate.char), kind: 'lossy', codec: piece.codec, layers: 1})
      }
    } else if (outer && !marked && piece.missing === 1 && piece.bytes.length === 1 && piece.bytes[0] === 0xc2 && isLostControl(piece.codec.undefinedBytes)) {
      // `Â` whose second byte was lost: the inner layer kept a byte its
      // codec leaves undefined as a C1 control (U+0081 …), and this layer,
      // read with a codec that leaves those undefined, lost it. Which byte
      // is for the inner layer to rebuild: a marked loss.
      edits.push({start: piece.start, end: piece.end, after: '\uFFFD', confidence: 0.5, alternatives: [], kind: 'lossy', codec: piece.codec, layers: 1})
    } else if (outer && marked && piece.missing === 0 && shownOnly(piece, unknown) !== undefined) {
      // `â€�` over an inner `”` (E2 80 9D, the 0x9D marked lost): the one candidate this layer's codec shows.
      edits.push({start: piece.start, end: piece.end, after: shownOnly(piece, unknown)!, confidence: 0.9, alternatives: [], kind: 'lossy', codec: piece.codec, layers: 1})
    } else if (marked && piece.missing === 0 && !tainted.has(piece) && (strong || isBad(window(text, piece)))) {
      const candidates = completions(piece.bytes, [], unknown.length > 0 ? unknown : allContinuations)
      const quote = closingQuote(text, piece, candidates.map((candidate) => candidate.char))
      edits.push({
        start: piece.start,
        end: piece.end,
        after: quote ?? '\uFFFD',
        confidence: quote === undefined ? 0.5 : 0.9,
        alternatives: candidates.filter((candidate) => candidate.char !== quote).slice(0, 3).map((candidate) => candidate.char),
        kind: 'lossy',
        codec: piece.codec,
        layers: 1
      })
    }
  }
  if (slots.length > 0) edits.push(...rebuildSlots(text, edits, slots, options, lost.length))
  edits.sort((a, b) => a.start - b.start)
  // The outer layer of a page damaged twice is undone piece by piece: the
  // next pass reads the inner layer whole, and its records stay small.
  const layered = outer ? edits.map((edit) => (c1Control.test(edit.after) ? {...edit, after: edit.after.replace(/[\u0080-\u009F]/g, fromC1)} : edit)) : layer(edits, codecs(), options.maxLayers ?? 3)
  const all = [...layered, ...controlEdits(text, layered)].sort((a, b) => a.start - b.start)
  if (all.length === 0) return {text, repairs: [], damage: null}
  return compose(text, all, lost, slots.length > 0, perhaps)
}

const allContinuations = Array.from({length: 0x40}, (_, index) => 0x80 + index)

/** Opening quotes, as text or as windows-1252 mojibake, and their closers. */
const quotePairs: ReadonlyArray<{close: string; open: RegExp; closed: RegExp}> = [
  {close: '\u201D', open: /\u201C|\u00E2\u20AC\u0153/g, closed: /\u201D|\u00E2\u20AC(?:[?\uFFFD\u009D])/},
  {close: '\u2019', open: /\u2018|\u00E2\u20AC\u02DC/g, closed: /\u2019|\u00E2\u20AC\u2122/}
]

/**
 * A lost byte the context decides: `â€?` (or `â€�`) is `”` when a `“`
 * (intact or as `â€œ`) opened earlier on the line and nothing closed it yet.
 * ftfy leaves U+FFFD there; its byte, 0x9D, is one windows-1252 cannot show.
 *
 * @returns The closing quote, or undefined when the context does not decide.
 */
function closingQuote(text: string, piece: Piece, candidates: readonly string[]): string | undefined {
  const line = text.slice(text.lastIndexOf('\n', piece.start - 1) + 1, piece.start)
  for (const {close, open, closed} of quotePairs) {
    if (!candidates.includes(close)) continue
    const opened = [...line.matchAll(open)].at(-1)
    if (opened === undefined) continue
    const after = line.slice(opened.index + opened[0].length)
    if (!closed.test(after)) return close
  }
  return undefined
}

/**
 * Whether the accepted pieces are the outer layer of double mojibake: nearly
 * all of them decode to characters that a single-byte codec shows for a byte
 * 0x80–0xFF (what UTF-8 read with such a codec is made of).
 */
function isOuterLayer(accepted: readonly Piece[]): boolean {
  if (accepted.length < 10) return false
  // A C1 control is what Latin-1 shows for 0x80–0x9F (an inner layer read as Latin-1 keeps them all).
  const shown = accepted.filter((piece) => isShownByte(piece.char, piece.codec) || isC1(piece.char)).length
  return shown >= accepted.length * 0.9
}

/** Whether a character is a C1 control (U+0080–U+009F). */
function isC1(char: string): boolean {
  const code = char.length === 1 ? char.charCodeAt(0) : 0
  return code >= 0x80 && code <= 0x9f
}

/** Whether a character is what a codec shows for a byte 0x80–0xFF. */

/** Most characters an outer layer's lost byte may leave for the inner layer to choose from. */
const maxHandedOver = 3

/** The byte windows-1252 (or, failing it, another codec of the list) shows as this character, or -1. */
function innerByte(char: string): number {
  for (const codec of codecs()) {
    const byte = codec.encode.get(char.charCodeAt(0))
    if (char.length === 1 && byte !== undefined && byte >= 0x80) return byte
  }
  return -1
}

/** The bytes handed over for the U+FFFD inside a piece, if the pass before handed any (one list per list, as completions cache them). */
function handedOverAt(handedOver: ReadonlyMap<number, readonly number[]> | undefined, text: string, piece: Piece): readonly number[] | undefined {
  if (handedOver === undefined) return undefined
  for (let at = piece.start; at < piece.end; at++) {
    if (text.charCodeAt(at) === 0xfffd) return handedOver.get(at)
  }
  return undefined
}

/** A marked-loss list with every byte 0x80–0x9F added when the text lost them all (one list per list, so completions cache it). */
const withC1Lists = new WeakMap<readonly number[], readonly number[]>()
const c1Bytes = Array.from({length: 0x20}, (_, index) => 0x80 + index)
function withC1(list: readonly number[], c1Lost: boolean): readonly number[] {
  if (!c1Lost) return list
  let known = withC1Lists.get(list)
  if (known === undefined) {
    known = [...new Set([...c1Bytes, ...list])].sort((a, b) => a - b)
    withC1Lists.set(list, known)
  }
  return known
}

/** The one completion of a piece with marked lost bytes that its codec shows for a byte 0x80–0xFF, if exactly one is. */
function shownOnly(piece: Piece, unknown: readonly number[]): string | undefined {
  const shown = completions(piece.bytes, [], unknown.length > 0 ? unknown : allContinuations).filter((candidate) => isShownByte(candidate.char, piece.codec))
  return shown.length === 1 ? shown[0]!.char : undefined
}

function isShownByte(char: string, codec: SingleByteCodec): boolean {
  if (char.length !== 1) return false
  const byte = codec.encode.get(char.charCodeAt(0))
  return byte !== undefined && byte >= 0x80
}

/**
 * Split pieces into groups: runs of complete sequences separated only by
 * ASCII; every partial sequence is a group of its own.
 */
function groups(text: string, pieces: readonly Piece[]): Piece[][] {
  const result: Piece[][] = []
  let current: Piece[] = []
  for (const piece of pieces) {
    const last = current.at(-1)
    const joins = last !== undefined && piece.char !== '' && last.char !== '' &&
      !nonAscii.test(text.slice(last.end, piece.start))
    if (!joins && current.length > 0) {
      result.push(current)
      current = []
    }
    current.push(piece)
  }
  if (current.length > 0) result.push(current)
  return result
}

/**
 * In a document that is mostly correct Chinese (more Han characters than
 * mojibake), mojibake-looking text is as likely to be quoted on purpose
 * (`Ã©` in an article about encodings) as to be damage. There, only runs of
 * at least two multi-byte sequences outside code and URLs are repaired.
 *
 * @returns A filter for groups, or undefined when the document is not mixed.
 */
function mixedGuard(text: string, pieces: readonly Piece[]): ((group: readonly Piece[]) => boolean) | undefined {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0
  let mojibake = 0
  for (const piece of pieces) mojibake += piece.end - piece.start
  if (han < 20 || han < mojibake) return undefined
  const guarded: Array<[number, number]> = []
  for (const pattern of [/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1/gm, /`[^`\n]+`/g, /https?:\/\/[^\s)>\]]+/g]) {
    for (const match of text.matchAll(pattern)) guarded.push([match.index, match.index + match[0].length])
  }
  return (group) =>
    group.length >= 2 &&
    group.every((piece) => piece.bytes.length >= 3 && !guarded.some(([start, end]) => piece.start < end && piece.end > start))
}

/**
 * Pieces in a touching chain (no character between them) that contains a
 * sequence missing bytes without any mark of the loss.
 */
function taintedPieces(pieces: readonly Piece[]): Set<Piece> {
  const tainted = new Set<Piece>()
  let chain: Piece[] = []
  const close = (): void => {
    if (chain.some((piece) => piece.missing > 0 && piece.bytes.length > 1 && !piece.bytes.includes(unknownByte))) {
      for (const piece of chain) tainted.add(piece)
    }
    chain = []
  }
  for (const piece of pieces) {
    if (chain.length > 0 && chain.at(-1)!.end !== piece.start) close()
    chain.push(piece)
  }
  close()
  return tainted
}

/** The piece with one character of context on each side. */
function window(text: string, piece: Piece): string {
  return text.slice(Math.max(0, piece.start - 1), Math.min(text.length, piece.end + 1))
}

const surveySample = 16_384

/** The options of the survey's reads (those of `scanPieces` without spaces for no-break spaces). */
const surveyOptions = {question: true, spaceAsA0: false}

/**
 * Rank the codecs by how much bad-looking mojibake each explains on its own,
 * keep those that explain a fair share, and decide whether spaces may stand
 * for no-break spaces (not when intact no-break-space bytes occur).
 */
function survey(full: string, all: readonly SingleByteCodec[]): {tables: SingleByteCodec[]; spaceAsA0: boolean} {
  // A sample is enough to rank the codecs of a long document.
  const text = full.length > surveySample ? full.slice(0, full.indexOf('\n', surveySample) + 1 || full.length) : full
  const support = new Map<SingleByteCodec, number>()
  // No-break spaces (0xA0) among the continuation bytes of each codec's complete pieces.
  const a0s = new Map<SingleByteCodec, number>()
  let continuations = 0
  let c1 = 0
  // One codec at a time, left to right, as `scanPieces` reads with one codec;
  // each piece is looked at once, so one is reused.
  const piece: Piece = {start: 0, end: 0, codec: all[0]!, bytes: [], missing: 0, char: ''}
  for (const codec of all) {
    let count = 0
    for (let index = 0; index < text.length; ) {
      if (text.charCodeAt(index) < 0x80 || !readPieceInto(text, index, codec, surveyOptions, piece)) {
        index++
        continue
      }
      index = piece.end
      const marked = piece.missing === 0 && piece.bytes.includes(unknownByte)
      // Three- and four-byte sequences are evidence enough here; two-byte ones must look bad.
      const complete = piece.char !== '' && (piece.bytes.length >= 3 || isBad(window(text, piece)))
      if (!marked && !complete) continue
      count += piece.end - piece.start
      for (let at = 1; at < piece.bytes.length; at++) {
        const byte = piece.bytes[at]!
        if (byte === 0xa0) a0s.set(codec, (a0s.get(codec) ?? 0) + 1)
        if (codec !== all[0] || byte === unknownByte) continue
        continuations++
        if (byte < 0xa0) c1++
      }
    }
    support.set(codec, count)
  }
  const top = Math.max(...support.values())
  const tables = top === 0 ? [...all] : all.filter((codec) => support.get(codec)! * 2 >= top)
  tables.sort((a, b) => support.get(b)! - support.get(a)!)
  // Where the bytes 0x80–0x9F were stripped, a missing byte explains a
  // lone `ä¸` better than a no-break space turned into a space does.
  const c1Stripped = c1 === 0 && continuations >= 20
  // There, too, Latin-1 read it: another codec's reading of a lone lead and
  // the next piece as one character (windows-1257's `æ` is 0xBF) is wrong.
  const latin = tables.filter((codec) => codec.name === 'windows-1252' || codec.name === 'latin1')
  if (c1Stripped && latin.length > 0) return {tables: latin, spaceAsA0: false}
  // Whether the text has an intact no-break space, as the codec that reads it best shows it
  // (windows-1252 reads little of windows-1253's mojibake, and so saw none there).
  return {tables, spaceAsA0: (a0s.get(tables[0]!) ?? 0) === 0}
}

/** Find mis-decoded characters left to right, preferring complete sequences. */
function scanPieces(text: string, tables: readonly SingleByteCodec[], spaceAsA0 = true): Piece[] {
  const pieces: Piece[] = []
  const options = {question: true, spaceAsA0}
  let index = 0
  while (index < text.length) {
    if (text.charCodeAt(index) < 0x80) {
      index++
      continue
    }
    // The best-supported codec that reads more than a lone lead byte here wins.
    let partial: Piece | undefined
    let found: Piece | undefined
    for (const codec of tables) {
      const piece = readPiece(text, index, codec, options)
      if (piece === undefined) continue
      if (piece.char !== '' || piece.bytes.length > 1) {
        found = piece
        break
      }
      partial ??= piece
    }
    found ??= partial
    if (found === undefined) {
      index++
    } else {
      pieces.push(found)
      index = found.end
    }
  }
  return pieces
}

/** Choose characters for lossy slots with the lexicon (balanced where the text lost `lost` byte values, `lexiconForLoss`). */
function rebuildSlots(
  text: string,
  edits: readonly Edit[],
  slots: ReadonlyArray<{piece: Piece; damaged: Damaged}>,
  options: RepairOptions,
  lost: number
): Edit[] {
  const lexicon = lexiconForLoss(resolveLexicon(options), lost)
  const spans = [
    ...edits.map((edit) => ({start: edit.start, end: edit.end, part: edit.after as Part})),
    ...slots.map(({piece, damaged}) => ({start: piece.start, end: piece.end, part: damaged as Part}))
  ].sort((a, b) => a.start - b.start)
  const parts: Part[] = []
  let cursor = 0
  for (const span of spans) {
    if (span.start > cursor) parts.push(text.slice(cursor, span.start))
    parts.push(span.part)
    cursor = span.end
  }
  if (cursor < text.length) parts.push(text.slice(cursor))
  const context = resolveContext(options)
  const article = articleModel(parts, lexicon, options)
  const rebuilt = rebuild(parts, article.lexicon, {
    ...(article.words === undefined ? {} : {words: article.words}),
    ...(context === undefined ? {} : {context}),
    ...(options.contextWeight === undefined ? {} : {contextWeight: options.contextWeight})
  })
  return slots.map(({piece}, index) => {
    const result = rebuilt[index]!
    return {
      start: piece.start,
      end: piece.end,
      after: result.char,
      confidence: result.confidence,
      alternatives: result.alternatives,
      kind: 'lossy' as const,
      codec: piece.codec,
      layers: 1,
      rebuilt: true
    }
  })
}

/**
 * Codecs the document cannot tell from the ones it was read with: they show
 * every byte its mojibake uses the same way. A short page read as
 * windows-1254 has no `ğ` to tell it from windows-1252, and the bytes either
 * one leaves undefined may be the ones it lost.
 */
function alikeCodecs(accepted: readonly Piece[], used: ReadonlySet<SingleByteCodec>): SingleByteCodec[] {
  const shown = new Map<SingleByteCodec, Set<number>>()
  for (const piece of accepted) {
    let bytes = shown.get(piece.codec)
    if (bytes === undefined) {
      bytes = new Set()
      shown.set(piece.codec, bytes)
    }
    for (const byte of piece.bytes) if (byte >= 0x80 && byte <= 0xff) bytes.add(byte)
  }
  return codecs().filter(
    (codec) =>
      !used.has(codec) &&
      [...shown].every(([reader, bytes]) => [...bytes].every((byte) => codec.decode[byte] !== '' && codec.decode[byte] === reader.decode[byte]))
  )
}

/**
 * How much more (natural log) the likeliest character the lost bytes complete
 * must score than the no-break-space reading, each scored with the words it
 * makes with its neighbours, for the space to stay a space. Tuned on the
 * tuning pages (docs/repair.md, "A space after a character that lost its last byte").
 */
const spaceKeptMargin = 1

/**
 * In Chinese text that lost bytes, a space after a character that lost its
 * last byte (`付 ` read as windows-1251 with 0x98 dropped: `ä» `) reads as
 * a no-break space turned into a space (`仠`, E4 BB A0) whenever the text has
 * no intact no-break space. Where a character the lost bytes complete scores
 * clearly better than that reading, each with the words it makes with the
 * characters around it (`交付` against `交仠`; `删除` keeps `删 除` read as 删除),
 * the space stays a space and the character is rebuilt with the others.
 * Moves such pieces from `accepted` to `partial`.
 */
function spacesNotA0(text: string, accepted: Piece[], partial: Piece[], lost: readonly number[], lexicon: Lexicon): void {
  const solo = (char: string): number => {
    const value = lexicon.lookup(char)
    return value !== undefined && value < 0 ? value : lexicon.floor
  }
  const byStart = new Map(accepted.map((piece) => [piece.start, piece]))
  const byEnd = new Map(accepted.map((piece) => [piece.end, piece]))
  // Up to three decoded characters on one side of an offset: accepted pieces and intact Han characters.
  const side = (offset: number, step: -1 | 1): string[] => {
    const chars: string[] = []
    let at = offset
    while (chars.length < 3) {
      const piece = step < 0 ? byEnd.get(at) : byStart.get(at)
      if (piece !== undefined && isHan(piece.char)) {
        chars.push(piece.char)
        at = step < 0 ? piece.start : piece.end
        continue
      }
      const char = step < 0 ? text[at - 1] : text[at]
      if (char === undefined || !isHan(char)) break
      chars.push(char)
      at += step
    }
    return step < 0 ? chars.reverse() : chars
  }
  // The best a character scores at its place: alone, or in a word of up to four characters with its neighbours (less what they score alone).
  const score = (before: readonly string[], char: string, after: readonly string[]): number => {
    let best = solo(char)
    for (let back = 0; back <= before.length; back++) {
      for (let ahead = 0; ahead <= after.length && back + ahead + 1 <= 4; ahead++) {
        if (back + ahead === 0) continue
        const left = before.slice(before.length - back)
        const right = after.slice(0, ahead)
        const value = lexicon.lookup(left.join('') + char + right.join(''))
        if (value !== undefined && value < 0) best = Math.max(best, value - [...left, ...right].reduce((sum, other) => sum + solo(other), 0))
      }
    }
    return best
  }
  for (let index = accepted.length - 1; index >= 0; index--) {
    const piece = accepted[index]!
    if (piece.bytes.length !== 3 || piece.bytes[2] !== 0xa0 || text.charCodeAt(piece.end - 1) !== 0x20 || !isHan(piece.char)) continue
    const bytes = piece.bytes.slice(0, 2)
    const before = side(piece.start, -1)
    let best = -Infinity
    for (const candidate of completions(bytes, lost, [])) if (isHan(candidate.char)) best = Math.max(best, score(before, candidate.char, []))
    if (best < score(before, piece.char, side(piece.end, 1)) + spaceKeptMargin) continue
    accepted.splice(index, 1)
    partial.push({start: piece.start, end: piece.end - 1, codec: piece.codec, bytes, missing: 1, char: ''})
  }
  partial.sort((a, b) => a.start - b.start)
}

/** Whether a codec leaves bytes undefined, all in 0x80–0x9F: `Â` and a byte it lost can only be a C1 control. */
function isLostControl(undefinedBytes: readonly number[]): boolean {
  return undefinedBytes.length > 0 && undefinedBytes.every((byte) => byte >= 0x80 && byte <= 0x9f)
}

/**
 * What a byte marked lost (U+FFFD, `?`) may have been, by the codec that read
 * its piece: a byte that codec leaves undefined, or one that a codec alike to
 * it on this text leaves undefined. windows-1254 shows what windows-1252
 * shows but for six letters, and leaves 0x8E and 0x9E undefined: text it
 * read, with U+FFFD for those, is taken for windows-1252 (`控` E6 8E A7 read
 * as `æ�§` was rebuilt as `捧` E6 8D A7, sure of itself, for want of 0x8E).
 * The same list for every piece of a codec (the completions are cached by list).
 */
/** The soft hyphen's byte: shown as nothing, and stripped by tools that clean text (the seed lost every one). */
const softHyphen = 0xad

function markedLossOf(alike: readonly SingleByteCodec[], more: readonly number[]): (codec: SingleByteCodec) => readonly number[] {
  const extra = [...new Set([...alike.flatMap((codec) => codec.undefinedBytes), ...more])]
  if (extra.length === 0) return (codec) => codec.undefinedBytes
  const lists = new Map<SingleByteCodec, readonly number[]>()
  return (codec) => {
    let list = lists.get(codec)
    if (list === undefined) {
      const more = extra.filter((byte) => !codec.undefinedBytes.includes(byte))
      list = more.length === 0 ? codec.undefinedBytes : [...codec.undefinedBytes, ...more].sort((a, b) => a - b)
      lists.set(codec, list)
    }
    return list
  }
}

/**
 * The models for rebuilding one article: the shared lexicon with the
 * glossary's terms, and the words of the article's intact text (the fixed
 * parts) as a bonus for words through rebuilt characters.
 */
function articleModel(parts: readonly Part[], shared: Lexicon, options: RepairOptions): {lexicon: Lexicon; words?: WordCache} {
  const lexicon = articleLexicon(shared, options.terms)
  const words = options.articleWords === false ? undefined : intactWordCache(intactWords(fixedRuns(parts), shared))
  return words === undefined ? {lexicon} : {lexicon, words}
}

/** The runs of fixed text between damaged characters. */
function* fixedRuns(parts: readonly Part[]): Generator<string> {
  let run = ''
  for (const part of parts) {
    if (typeof part === 'string') {
      run += part
    } else {
      yield run
      run = ''
    }
  }
  yield run
}

/**
 * The lexicon of a repair: the one given in the options, or the process-wide
 * default (jieba's `dict.txt`, loaded on first use).
 *
 * @param options Repair options.
 * @returns The lexicon.
 */
export function resolveLexicon(options: Pick<RepairOptions, 'lexicon'> = {}): Lexicon {
  const {lexicon} = options
  if (typeof lexicon === 'function') return lexicon()
  if (lexicon !== undefined) return lexicon
  defaultLoader ??= lexiconLoader()
  return defaultLoader()
}

let defaultContextLoader: ContextModelLoader | undefined

/**
 * The context model of a repair: the one given in the options, none when
 * they say false, or the process-wide default (trained on first use).
 *
 * @param options Repair options.
 * @returns The model, or undefined for none.
 */
export function resolveContext(options: Pick<RepairOptions, 'context'> = {}): ContextModel | undefined {
  const {context} = options
  if (context === false) return undefined
  if (typeof context === 'function') return context()
  if (context !== undefined) return context
  defaultContextLoader ??= contextModelLoader(() => resolveLexicon())
  return defaultContextLoader()
}

/**
 * Merge adjacent edits into runs and undo further layers of mojibake inside
 * each run (`Ã¢â‚¬â„¢` → `â€™` → `’`).
 */
function layer(edits: readonly Edit[], tables: readonly SingleByteCodec[], maxLayers: number): Edit[] {
  const runs: Edit[] = []
  for (const edit of edits) {
    const last = runs.at(-1)
    if (last !== undefined && last.end === edit.start && !last.rebuilt && !edit.rebuilt) {
      // `last` is this function's own copy: grow it in place.
      last.end = edit.end
      last.after += edit.after
      last.confidence = Math.min(last.confidence, edit.confidence)
      last.kind = last.kind === 'lossy' || edit.kind === 'lossy' ? 'lossy' : 'lossless'
      last.alternatives = []
    } else {
      runs.push({...edit})
    }
  }
  for (const run of runs) {
    for (let depth = 1; depth < maxLayers; depth++) {
      const next = decodeLayer(run.after, tables)
      if (next === undefined) break
      run.after = next.text
      if (next.lossy) run.kind = 'lossy'
      run.layers++
    }
    if (c1Control.test(run.after)) run.after = run.after.replace(/[\u0080-\u009F]/g, fromC1)
  }
  return runs
}

/** Decode one more layer of a repaired run, when all of it is mojibake. */
function decodeLayer(text: string, tables: readonly SingleByteCodec[]): {text: string; lossy: boolean} | undefined {
  if (!mojibakeAlphabet.test(text)) return undefined
  const pieces = scanPieces(text, tables)
  let output = ''
  let cursor = 0
  let lossy = false
  for (const piece of pieces) {
    const marked = piece.bytes.includes(unknownByte)
    if (piece.char === '' && !(marked && piece.missing === 0)) return undefined
    output += text.slice(cursor, piece.start)
    if (/[^\u0000-\u007F]/.test(text.slice(cursor, piece.start))) return undefined
    output += piece.char === '' ? '\uFFFD' : piece.char
    lossy ||= piece.char === ''
    cursor = piece.end
  }
  if (/[^\u0000-\u007F]/.test(text.slice(cursor)) || pieces.length === 0) return undefined
  output += text.slice(cursor)
  return badness(output) <= badness(text) ? {text: output, lossy} : undefined
}

/** A C1 control character. */
const c1Control = /[\u0080-\u009F]/

/** What windows-1252 shows for a C1 control's byte, or the control itself when undefined. */
function fromC1(char: string): string {
  const code = char.charCodeAt(0)
  if (code < 0x80 || code >= 0xa0) return char
  const shown = codecs().find((codec) => codec.name === 'windows-1252')!.decode[code]!
  return shown === '' ? char : shown
}

/** C1 controls left outside repairs: almost always windows-1252 read as Latin-1. */
function controlEdits(text: string, edits: readonly Edit[]): Edit[] {
  const result: Edit[] = []
  const pattern = /[\u0080-\u009F]/g
  let match: RegExpExecArray | null
  let next = 0
  while ((match = pattern.exec(text)) !== null) {
    const at = match.index
    while (next < edits.length && edits[next]!.end <= at) next++
    if (next < edits.length && edits[next]!.start <= at) continue
    const char = fromC1(text[at]!)
    if (char === text[at]) continue
    result.push({
      start: at,
      end: at + 1,
      after: char,
      confidence: 0.9,
      alternatives: [],
      kind: 'lossless',
      codec: undefined,
      layers: 1
    })
  }
  return result
}

/**
 * Apply GBK repairs: one layer. Segments with a damaged character (a byte GBK
 * could not decode) are rebuilt with the lexicon over the repaired document;
 * the record covers the segment, whose other characters are certain.
 */
function composeGbk(text: string, repairs: readonly GbkRepair[], options: RepairOptions): RepairResult {
  const lostMarks = repairs[0]!.from === 'gbk' ? encoderQuestionMarks(text, repairs) : []
  const {from, via} = repairs[0]!
  const lostNote = lostMarks.length === 0 ? '' : `, ${lostMarks.length} \`?\` that may stand for ${lostMarks.length === 1 ? 'a character' : 'characters'} GBK could not encode`
  return composeSegments(text, repairs.flatMap((repair) => repair.segments), options, (rebuilt) => ({
    summary: `${from === 'utf-8' ? 'UTF-8' : 'GBK'} read as ${via === 'gbk' ? 'GBK' : via}${rebuilt > 0 ? `, ${rebuilt} ${rebuilt === 1 ? 'character' : 'characters'} rebuilt from bytes GBK could not decode` : ''}${lostNote}`,
    from,
    via
  }), lostMarks)
}

/**
 * Records for segments of text (fixed text and damaged characters): the
 * damaged characters are rebuilt together, in one lattice over the text.
 */
function composeSegments(
  text: string,
  segments: readonly GbkSegment[],
  options: RepairOptions,
  describe: (rebuilt: number) => {summary: string; from: string; via: string},
  lostMarks: readonly Edit[] = []
): RepairResult {
  const edits: Edit[] = []
  const lossy: Array<{segment: GbkSegment; edit: Edit}> = []
  const parts: Part[] = []
  let cursor = 0
  for (const segment of segments) {
    const edit: Edit = {start: segment.start, end: segment.end, after: '', confidence: 0.95, alternatives: [], kind: 'lossless', codec: undefined, layers: 1}
    if (segment.start > cursor) parts.push(text.slice(cursor, segment.start))
    cursor = segment.end
    parts.push(...segment.parts)
    if (segment.parts.every((part) => typeof part === 'string')) edit.after = segment.parts.join('')
    else lossy.push({segment, edit})
    edits.push(edit)
  }
  if (cursor < text.length) parts.push(text.slice(cursor))
  if (lostMarks.length > 0) {
    edits.push(...lostMarks)
    edits.sort((a, b) => a.start - b.start)
  }
  if (lossy.length > 0) {
    const context = resolveContext(options)
    const article = articleModel(parts, resolveLexicon(options), options)
    const rebuilt = rebuild(parts, article.lexicon, {
      ...(article.words === undefined ? {} : {words: article.words}),
      ...(context === undefined ? {} : {context}),
      ...(options.contextWeight === undefined ? {} : {contextWeight: options.contextWeight})
    })
    let next = 0
    for (const {segment, edit} of lossy) {
      // One record per segment: its certain characters around the rebuilt one(s).
      const chosen = segment.parts.map((part) => (typeof part === 'string' ? {char: part, confidence: 1, alternatives: [] as string[]} : rebuilt[next++]!))
      const slots = segment.parts.flatMap((part, index) => (typeof part === 'string' ? [] : [index]))
      edit.after = chosen.map((choice) => choice.char).join('')
      edit.confidence = Math.min(...chosen.map((choice) => choice.confidence))
      edit.kind = 'lossy'
      edit.rebuilt = true
      // The alternatives of a segment with one rebuilt character are the segment with another candidate.
      const only = slots.length === 1 ? slots[0]! : -1
      edit.alternatives = only < 0 ? [] : chosen[only]!.alternatives.map((alternative) =>
        chosen.map((choice, index) => (index === only ? alternative : choice.char)).join(''))
    }
  }
  return compose(text, edits, [], false, undefined, {...describe(lossy.length), lostBytes: [], layers: 1})
}

/**
 * Confidence that a `?` inside a run of GBK text read as windows-1252 (more
 * of the run after it) is a question mark, and that a lone `?` ending a run
 * is: a GBK encoder writes `?` for what it cannot encode (an emoji, a
 * no-break space), and Chinese text asks its questions with `？`, which GBK
 * encodes.
 */
const insideRunMark = 0.2
const endOfRunMark = 0.5
/** The sentence particles of questions (`好吗?`): a `?` after one is a question mark. */
const questionParticles = '吗呢么'

/**
 * The `?` of GBK runs read as windows-1252 that may stand for a character
 * the GBK encoder could not encode, as records that change nothing: the
 * character is gone, and the `?` is kept, but flagged (`mojibake-uncertain`
 * words it as such) so that a person puts the character back or confirms
 * the question mark. Two or more `?` ending a run, and a `?` after a question
 * particle, are taken as question marks; out of the runs, only a `?` alone
 * after a space or a sentence's punctuation is flagged.
 */
function encoderQuestionMarks(text: string, repairs: readonly GbkRepair[]): Edit[] {
  const marks: Edit[] = []
  for (const repair of repairs) {
    let trailing = 0
    while (trailing < repair.end - repair.start && text.charCodeAt(repair.end - 1 - trailing) === 0x3f) trailing++
    const inside = repair.end - trailing
    for (let index = repair.start; index < repair.end; index++) {
      if (text.charCodeAt(index) !== 0x3f) continue
      if (index >= inside && trailing > 1) break
      if (questionParticles.includes(lastCharBefore(repair, index))) continue
      const confidence = index < inside ? insideRunMark : endOfRunMark
      marks.push(questionMark(index, confidence))
    }
  }
  // Out of the runs, a `?` standing alone after a space or a sentence's
  // punctuation (`大家好! ? 感谢`, `enabled.?`) is no question mark either.
  let run = 0
  for (const match of text.matchAll(/(?<=^|[\s.,;:!])\?(?=\s|$)/gm)) {
    const index = match.index
    while (run < repairs.length && repairs[run]!.end <= index) run++
    if (run < repairs.length && repairs[run]!.start <= index) continue
    marks.push(questionMark(index, endOfRunMark))
  }
  return marks.sort((a, b) => a.start - b.start)
}

function questionMark(index: number, confidence: number): Edit {
  return {start: index, end: index + 1, after: '?', confidence, alternatives: [], kind: 'lossy', codec: undefined, layers: 1, rebuilt: true}
}

/** The last decoded character of the segment of a run that ends at `offset` (`''` when none does, or it was rebuilt). */
function lastCharBefore(repair: GbkRepair, offset: number): string {
  const segment = repair.segments.find((candidate) => candidate.end === offset)
  const last = segment?.parts.at(-1)
  return typeof last === 'string' ? last.slice(-1) : ''
}

/** Apply the edits, and turn them into records and a damage report. */
function compose(
  text: string,
  edits: readonly Edit[],
  lost: readonly number[],
  lossy: boolean,
  perhaps: Perhaps = {bytes: [], codecs: []},
  damage: DamageReport = describe(edits, lossy ? lost : [], perhaps)
): RepairResult {
  const lineStarts = [0]
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lineStarts.push(index + 1)
  const repairs: RepairRecord[] = []
  let output = ''
  let cursor = 0
  let line = 0
  for (const edit of edits) {
    output += text.slice(cursor, edit.start)
    while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= edit.start) line++
    repairs.push({
      line: line + 1,
      column: edit.start - lineStarts[line]! + 1,
      offset: edit.start,
      outputOffset: output.length,
      before: text.slice(edit.start, edit.end),
      after: edit.after,
      confidence: Math.round(edit.confidence * 1000) / 1000,
      alternatives: edit.alternatives,
      kind: edit.kind
    })
    output += edit.after
    cursor = edit.end
  }
  output += text.slice(cursor)
  return {text: output, repairs, damage}
}

/**
 * Lost bytes that only a codec the text cannot be told from leaves undefined
 * (the text may have been read with it), and those codecs' names.
 */
interface Perhaps {
  bytes: number[]
  codecs: string[]
}

/** The damage report: which codec, which bytes were lost, how many layers. */
function describe(edits: readonly Edit[], all: readonly number[], perhaps: Perhaps): DamageReport {
  const lost = all.filter((byte) => !perhaps.bytes.includes(byte))
  const counts = new Map<SingleByteCodec, number>()
  for (const edit of edits) if (edit.codec !== undefined) counts.set(edit.codec, (counts.get(edit.codec) ?? 0) + 1)
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([codec]) => codec)
  // Among the codecs seen, the one whose undefined bytes the lost set explains best names the damage.
  let via = ranked[0]
  if (lost.length > 0) {
    let best = -1
    for (const codec of ranked) {
      const explained = codec.undefinedBytes.filter((byte) => lost.includes(byte)).length
      const unexplained = codec.undefinedBytes.length - explained
      const score = unexplained === 0 ? explained : -1
      if (score > best) {
        best = score
        via = codec
      }
    }
  }
  const layers = Math.max(1, ...edits.map((edit) => edit.layers))
  const viaName = via?.name ?? 'windows-1252'
  const hex = (bytes: readonly number[]) => bytes.map((byte) => `0x${byte.toString(16).toUpperCase()}`).join(' ')
  const maybe = all.length > 0 && perhaps.bytes.length > 0
    ? `, perhaps also ${hex(perhaps.bytes)} (if it was read as ${perhaps.codecs.join(' or ')}, which this text cannot be told from)`
    : ''
  // Every byte 0x80–0x9F lost: Latin-1 showed them as C1 controls, and something stripped those.
  const c1Stripped = Array.from({length: 32}, (_, index) => 0x80 + index).every((byte) => lost.includes(byte))
  if (c1Stripped && via !== undefined) {
    const others = lost.filter((byte) => byte >= 0xa0)
    return {
      summary: `UTF-8 read as Latin-1, C1 controls (bytes 0x80–0x9F) stripped${others.length > 0 ? `, also lost ${hex(others)}` : ''}`,
      from: 'utf-8',
      via: 'latin1',
      lostBytes: [...lost],
      layers
    }
  }
  const summary = via === undefined
    ? 'windows-1252 characters read as Latin-1 control characters'
    : `UTF-8 read as ${viaName}${layers > 1 ? ` (${layers} layers)` : ''}${lost.length > 0 ? `, lost bytes ${hex(lost)}` : ''}${maybe}`
  const report: DamageReport = {summary, from: via === undefined ? 'windows-1252' : 'utf-8', via: via === undefined ? 'latin-1' : viaName, lostBytes: [...lost], layers}
  if (maybe !== '') report.possiblyLostBytes = [...perhaps.bytes]
  return report
}
