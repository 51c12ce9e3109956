/**
 * Chinese text in GBK or Big5 that was read as UTF-8: the reverse of the
 * mojibake the channels repair. A UTF-8 decoder takes most GBK byte pairs for
 * invalid sequences and writes U+FFFD for them; where a pair happens to be a
 * valid two-byte sequence it shows a Latin, Greek, Cyrillic, Hebrew or Arabic
 * letter (`ʵս` is CA B5 D5 BD, GBK for 实战). Once saved, the bytes behind
 * every U+FFFD are gone: nothing can rebuild them. Repairing such a text as
 * some other mojibake would change characters for no reason (the letters
 * read as windows-1251 or cp437 layers), so it is left as it is and the user
 * is told where it came from and what to do.
 *
 * The evidence is the text itself: it has almost no Chinese of its own, many
 * U+FFFD, and the letters between them, encoded back as UTF-8, are GBK (or
 * Big5) Chinese; most of those letters lie past Latin-1 (UTF-8 read as
 * Latin-1 whose C1 controls became U+FFFD shows many U+FFFD too, between
 * Latin-1 letters only). Such a text saved as UTF-8 and read as GBK again is the
 * famous `锟斤拷` (EF BF BD EF BF BD, two U+FFFD): `锟` is otherwise a rare
 * character, so a text with many is encoded back to GBK and read as UTF-8
 * before the same test.
 */
import iconv from 'iconv-lite'
import {isChineseCodePoint} from '../channels/utf8.js'

/** What the text was before a UTF-8 decoder read it, and the evidence. */
export interface LostToUtf8 {
  /** The codec of the original bytes (`GBK`, `Big5`, or `GBK or Big5` when the text cannot tell). */
  codec: string
  /** U+FFFD in the text: characters (or bytes) lost. */
  lost: number
  /** Chinese characters the letters between them read back as. */
  readBack: number
  /** 0-based offset of the first U+FFFD (of the first `锟` when `thenGbk`). */
  offset: number
  /** Whether that text was then saved as UTF-8 and read as GBK (each U+FFFD shows as `锟`, two as `锟斤拷`). */
  thenGbk: boolean
}

const codecs = [
  {name: 'GBK', iconv: 'cp936'},
  {name: 'Big5', iconv: 'big5'}
] as const

/**
 * Fewest U+FFFD and characters read back before the text is said to be such;
 * most own Chinese characters per U+FFFD; least share of U+FFFD among the
 * characters outside ASCII (a European or Russian text with a few U+FFFD
 * reads back as GBK too, letter by letter, but its U+FFFD are few).
 */
const minLost = 8
const minReadBack = 4
const ownChinesePerLost = 0.25
const lostShare = 0.3
/** Share of the letters that must lie past Latin-1 (U+0100–U+07FF). */
const beyondLatin1Share = 0.5
/** Share of the letters between U+FFFD that must read back as Chinese. */
const readBackShare = 0.6

/**
 * Find GBK or Big5 text read as UTF-8.
 *
 * @param text A decoded text (cheap when it has fewer than eight U+FFFD).
 * @returns The codec and the evidence, or undefined when the text is not such.
 */
export function findLostToUtf8(text: string): LostToUtf8 | undefined {
  const kun = text.indexOf('\u951F')
  if (kun !== -1 && (text.match(/\u951F/g)?.length ?? 0) >= minLost) {
    const under = findIn(new TextDecoder('utf-8').decode(iconv.encode(text, 'gbk')))
    if (under !== undefined) return {...under, offset: kun, thenGbk: true}
  }
  return findIn(text)
}

function findIn(text: string): LostToUtf8 | undefined {
  const first = text.indexOf('\uFFFD')
  if (first === -1) return undefined
  let lost = 0
  let own = 0
  let wide = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code < 0x80) continue
    wide++
    if (code === 0xfffd) lost++
    else if (code >= 0x3000 && isChineseCodePoint(code)) own++
  }
  if (lost < minLost || own > lost * ownChinesePerLost || lost < wide * lostShare) return undefined
  // The letters a UTF-8 decoder shows for byte pairs: two-byte sequences (U+0080–U+07FF), between U+FFFD or next to one.
  const letters = [...text.matchAll(/[\u0080-\u07FF]+/g)].map((match) => match[0])
  // Mostly past Latin-1: GBK's lead bytes C4–DF give Greek, Cyrillic, Hebrew…; UTF-8 read as Latin-1 with its C1 controls replaced by U+FFFD shows Latin-1 only.
  let beyondLatin1 = 0
  let count = 0
  for (const run of letters) {
    for (let index = 0; index < run.length; index++) if (run.charCodeAt(index) > 0xff) beyondLatin1++
    count += run.length
  }
  if (beyondLatin1 < count * beyondLatin1Share) return undefined
  let best: LostToUtf8 | undefined
  for (const codec of codecs) {
    let readBack = 0
    let total = 0
    for (const run of letters) {
      const shown = iconv.decode(Buffer.from(run, 'utf8'), codec.iconv)
      total += run.length * 2
      for (const char of shown) if (isChineseCodePoint(char.codePointAt(0)!)) readBack++
    }
    // Each letter is two bytes, each Chinese character read back two of them.
    if (readBack < minReadBack || readBack * 2 < total * readBackShare) continue
    if (best === undefined || readBack > best.readBack) best = {codec: codec.name, lost, readBack, offset: first, thenGbk: false}
    // Big5 reads GBK's letters too, but not those whose second byte is 0x80–0xA0; when it reads all of them, both may be.
    else if (readBack === best.readBack) best = {...best, codec: `${best.codec} or ${codec.name}`}
  }
  return best
}
