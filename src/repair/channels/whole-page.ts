/**
 * UTF-8 read as a single-byte codec outside ftfy's list (the codecs of
 * `codecs.ts`, whose mojibake the badness sequences recognise piece by
 * piece): windows-1256, KOI8-R, ISO-8859-5, ISO-8859-15, the DOS code pages
 * 850, 852 and 866, … Their readings of Chinese look like Arabic, Russian or
 * box drawing, which no badness sequence covers, and a piecewise repair took
 * them for other mojibake and changed them into other garbage.
 *
 * These codecs define all 128 high bytes, so nothing was lost: when every
 * run of non-ASCII text of a page encodes back with one of them to valid
 * UTF-8, and that UTF-8 is Chinese, the page is decoded whole. The evidence
 * is the whole page, never one run: a page that still holds a CJK
 * ideograph, or one run that does not decode, is left to the other channels.
 */
import {codecNames, encodeBack} from './codecs.js'
import {isChineseCodePoint, isStrictUtf8} from './utf8.js'

/** Lossless single-byte codecs, by iconv-lite name, not in `codecNames`. */
const codecs = ['windows-1256', 'koi8-r', 'koi8-u', 'iso-8859-5', 'iso-8859-15', 'iso-8859-4', 'iso-8859-13', 'cp850', 'cp852', 'cp866'] as const

/** A page read whole: the codec, and each run of mojibake with what it stands for. */
export interface WholePage {
  codec: string
  runs: Array<{start: number; end: number; after: string}>
}

const ideograph = /[\u3400-\u4DBF\u4E00-\u9FFF]/
const runPattern = /[^\u0000-\u007F]+/g
const strictUtf8 = new TextDecoder('utf-8', {fatal: true})
/** Fewest runs of mojibake before a page is read whole. */
const minRuns = 3

/**
 * Read a page that is UTF-8 read as one of the lossless codecs above.
 *
 * @param text A decoded text.
 * @returns The page decoded, or undefined when it is not such a page (any
 * CJK ideograph in it, fewer than three runs of non-ASCII text, or a run
 * that no codec turns back into UTF-8 Chinese, or a page a codec of
 * `codecNames` reads whole, which the piecewise repair handles). Cheap for
 * Chinese text: one regular-expression test.
 */
export function readWholePage(text: string): WholePage | undefined {
  if (ideograph.test(text)) return undefined
  const runs = [...text.matchAll(runPattern)]
  if (runs.length < minRuns) return undefined
  // What a codec of ftfy's list reads whole, the piecewise repair reads as before.
  if (codecNames.some((codec) => decodeRuns(runs, codec) !== undefined)) return undefined
  for (const codec of codecs) {
    const decoded = decodeRuns(runs, codec)
    if (decoded === undefined) continue
    const all = decoded.join('')
    let chinese = 0
    for (const char of all) if (isChineseCodePoint(char.codePointAt(0)!)) chinese++
    if (chinese < all.length * 0.5) continue
    return {codec, runs: runs.map((run, index) => ({start: run.index!, end: run.index! + run[0].length, after: decoded[index]!}))}
  }
  return undefined
}

/** Every run decoded, or undefined when one run does not encode back or is not UTF-8. */
function decodeRuns(runs: readonly RegExpMatchArray[], codec: string): string[] | undefined {
  const decoded: string[] = []
  for (const run of runs) {
    const bytes = encodeBack(run[0], codec)
    // (Checked by hand first: most runs are not UTF-8, and the decoder's exception is slow.)
    if (bytes === undefined || !isStrictUtf8(bytes)) return undefined
    decoded.push(strictUtf8.decode(bytes))
  }
  return decoded
}
