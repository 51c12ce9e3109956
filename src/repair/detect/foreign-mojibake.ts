/**
 * Mojibake bitext recognises but cannot rebuild: UTF-8 read as another
 * double-byte codec than GBK (Big5, Shift_JIS, EUC-KR), or as a single-byte
 * codec that leaves many bytes undefined and that no channel reads
 * (windows-874, ISO-8859-3/6/8). Those codecs leave U+FFFD for many of the
 * bytes of UTF-8 Chinese, and the repair does not rebuild them well enough
 * (measured on the corpus pages: windows-874 87 %, ISO-8859-3 98 % with
 * almost every wrong character unflagged, ISO-8859-8 `这` read as `衙`
 * unflagged). windows-1255, windows-1258 and ISO-8859-7, which lose fewer
 * bytes, are read by the piecewise repair (`codecNames`). Repairing the
 * others as something else (a few runs happen to read as GBK mojibake, a
 * stray C1 control as windows-1252) would change characters for no reason;
 * the text is left as it is and the user is told where it came from and
 * what to do.
 *
 * The evidence is the text itself: a run of such mojibake, encoded back with
 * the codec, gives bytes that are mostly valid UTF-8 Chinese; real text in
 * any language does not.
 */
import {codecNames, encodeBack} from '../channels/codecs.js'
import {decodeSequence, isChineseCodePoint, sequenceLength} from '../channels/utf8.js'

/** What the text was read as, and where the evidence is. */
export interface ForeignMojibake {
  /** The codec the UTF-8 bytes were read with (`Big5`, `Shift_JIS`, `EUC-KR`). */
  codec: string
  /** Pieces of text (between U+FFFD) that encode back to UTF-8 Chinese. */
  pieces: number
  /** U+FFFD (or `?`) in runs: bytes the codec could not decode, lost. */
  lost: number
  /** 0-based offset of the run that holds the first such piece. */
  offset: number
}

/**
 * The codecs looked for, by iconv-lite name and display name: double-byte
 * codecs other than GBK, and single-byte codecs that leave many bytes
 * undefined and that no channel reads (Thai, the ISO South European,
 * Arabic and Hebrew pages).
 */
const foreign = [
  {name: 'Big5', iconv: 'big5'},
  {name: 'Shift_JIS', iconv: 'shift_jis'},
  {name: 'EUC-KR', iconv: 'euc-kr'},
  {name: 'windows-874', iconv: 'windows-874'},
  {name: 'ISO-8859-3', iconv: 'iso-8859-3'},
  {name: 'ISO-8859-6', iconv: 'iso-8859-6'},
  {name: 'ISO-8859-8', iconv: 'iso-8859-8'}
] as const

/** The codecs whose mojibake bitext repairs compete in the same test, and win when they explain at least as much. */
const handled = [{name: 'GBK', iconv: 'gbk'}, ...codecNames.map((name) => ({name, iconv: name}))]
const codecs = [...handled, ...foreign]
const handledNames = new Set<string>(handled.map((codec) => codec.name))

/** Fewest U+FFFD, explained pieces and explained bytes before the text is said to be such mojibake. */
const minLost = 3
const minPieces = 3
const minBytes = 24
/** Share of a piece's bytes that must be UTF-8 Chinese; share of all pieces' bytes over the document. */
const pieceShare = 0.6
const documentShare = 0.5

/**
 * A run of what these codecs show for UTF-8 bytes: characters outside ASCII,
 * with the U+FFFD (or `?`, when the text went through an encoder after) that
 * stand for bytes they could not decode.
 */
const runPattern = /[^\u0000-\u007F](?:[^\u0000-\u007F]|\?)*/g
const holePattern = /[\uFFFD?]/g
/** Cheap first test: a U+FFFD, or a `?` after non-ASCII text. */
const maybeLost = /\uFFFD|[^\u0000-\u007F]\?/

/**
 * Find UTF-8 read as Big5, Shift_JIS or EUC-KR.
 *
 * @param text A decoded text (cheap when it has fewer than three U+FFFD or `?` next to non-ASCII text).
 * @returns The codec and the evidence, or undefined when the text is not such
 * mojibake (clean text, or GBK mojibake, which the GBK channel repairs).
 */
export function findForeignMojibake(text: string): ForeignMojibake | undefined {
  if (!maybeLost.test(text)) return undefined
  const runs = [...text.matchAll(runPattern)]
  let lost = 0
  for (const run of runs) lost += run[0].length - run[0].replaceAll(holePattern, '').length
  if (lost < minLost) return undefined
  let best: ForeignMojibake | undefined
  let bestBytes = 0
  for (const codec of codecs) {
    let explained = 0
    let total = 0
    let pieces = 0
    let offset = -1
    for (const run of runs) {
      for (const piece of run[0].split(holePattern)) {
        const bytes = piece.length < 2 ? undefined : encodeBack(piece, codec.iconv)
        if (bytes !== undefined) {
          const chinese = chineseBytes(bytes)
          total += bytes.length
          if (chinese >= bytes.length * pieceShare && chinese >= 3) {
            explained += chinese
            pieces++
            if (offset === -1) offset = run.index
          }
        } else if (piece.length >= 2) {
          // A piece the codec cannot even encode is text it did not produce.
          total += piece.length * 2
        }
      }
    }
    if (pieces < minPieces || explained < minBytes || explained < total * documentShare) continue
    if (explained > bestBytes) {
      bestBytes = explained
      best = {codec: codec.name, pieces, lost, offset}
    }
  }
  return best === undefined || handledNames.has(best.codec) ? undefined : best
}

/**
 * How many bytes are whole UTF-8 sequences of Chinese (CJK ideographs and
 * their punctuation), reading on after a byte that starts none: a piece
 * between two U+FFFD may begin or end inside a character.
 */
function chineseBytes(bytes: Uint8Array): number {
  let count = 0
  let index = 0
  while (index < bytes.length) {
    const length = sequenceLength(bytes[index]!)
    if (length === 3 && index + 3 <= bytes.length) {
      const codePoint = decodeSequence([bytes[index]!, bytes[index + 1]!, bytes[index + 2]!])
      if (isChineseCodePoint(codePoint)) {
        count += 3
        index += 3
        continue
      }
    }
    index++
  }
  return count
}
