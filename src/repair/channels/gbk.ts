/**
 * Mojibake that involves GBK: UTF-8 read as GBK (`浣犲ソ` for 你好), and GBK
 * read as windows-1252 or Latin-1 (`ÄãºÃ` for 你好). Both are decided per run
 * of non-ASCII characters, all or nothing, with evidence from the run itself.
 */
import iconv from 'iconv-lite'

/** A run of text to replace. */
export interface GbkRepair {
  start: number
  end: number
  after: string
  /** The original encoding of the bytes. */
  from: 'utf-8' | 'gbk'
  /** The codec that misread them. */
  via: 'gbk' | 'windows-1252'
}

/**
 * Characters that GBK shows for UTF-8 bytes and that Chinese prose does not
 * use: kana, Greek, Cyrillic, box drawing, private use (GBK's user-defined
 * rows) and U+FFFD. At least one must occur for a run to be taken as UTF-8
 * read as GBK, unless the run is long (a long run decoding as UTF-8 by chance
 * does not happen).
 */
const gbkTell = /[\u3040-\u30FF\u0391-\u03C9\u0401-\u0451\u2500-\u257F\uE000-\uF8FF\uFFFD]/

const strictUtf8 = new TextDecoder('utf-8', {fatal: true})

/**
 * Whether a text may contain GBK mojibake (cheap test for the fast path).
 *
 * @param text Any text.
 * @returns True when the text has a character GBK mojibake produces.
 */
export function mayHaveGbkMojibake(text: string): boolean {
  return gbkTell.test(text)
}

/**
 * Find runs of GBK mojibake.
 *
 * @param text The text.
 * @returns The repairs, in order (empty when there is none).
 */
export function findGbkMojibake(text: string): GbkRepair[] {
  const repairs: GbkRepair[] = []
  const runs = /[^\u0000-\u007F]+/g
  let match: RegExpExecArray | null
  while ((match = runs.exec(text)) !== null) {
    const run = match[0]
    const repair = utf8ReadAsGbk(run) ?? gbkReadAsWindows1252(run)
    if (repair !== undefined) repairs.push({...repair, start: match.index, end: match.index + run.length})
  }
  return repairs
}

/** A run that GBK-encodes to valid UTF-8 made of CJK characters. */
function utf8ReadAsGbk(run: string): Omit<GbkRepair, 'start' | 'end'> | undefined {
  if (run.length < 2 || (!gbkTell.test(run) && run.length < 6)) return undefined
  // An odd number of UTF-8 bytes leaves GBK a lone last byte, shown as U+FFFD.
  const tail = run.endsWith('\uFFFD')
  const body = tail ? run.slice(0, -1) : run
  const bytes = iconv.encode(body, 'gbk')
  if (iconv.decode(bytes, 'gbk') !== body) return undefined
  let after = decodeUtf8(bytes, tail)
  if (after === undefined) return undefined
  if (tail) after += '\uFFFD'
  const cjk = after.match(/[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF]/gu)?.length ?? 0
  if (after.length >= run.length || cjk < [...after].length * 0.5) return undefined
  return {after, from: 'utf-8', via: 'gbk'}
}

/**
 * Decode UTF-8 strictly; with `tail`, the last sequence may be incomplete
 * (its missing byte is the one GBK could not show).
 */
function decodeUtf8(bytes: Uint8Array, tail: boolean): string | undefined {
  try {
    return strictUtf8.decode(bytes)
  } catch {
    if (!tail) return undefined
  }
  let lead = bytes.length - 1
  while (lead > 0 && bytes[lead]! >= 0x80 && bytes[lead]! < 0xc0) lead--
  if (bytes.length - lead >= 4 || bytes[lead]! < 0xe0) return undefined
  try {
    return strictUtf8.decode(bytes.subarray(0, lead))
  } catch {
    return undefined
  }
}

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

/** A run of Latin-1 letters that windows-1252-encodes to GB2312 Chinese. */
function gbkReadAsWindows1252(run: string): Omit<GbkRepair, 'start' | 'end'> | undefined {
  // European words never string four or more such characters together.
  if (run.length < 4 || run.length % 2 !== 0 || !/^[\u00A1-\u00FE]+$/.test(run)) return undefined
  const bytes = iconv.encode(run, 'windows-1252')
  // Bytes that are valid UTF-8, or shaped like (maybe lossy) UTF-8 Chinese,
  // are UTF-8 mojibake, handled elsewhere.
  if (decodeUtf8(bytes, false) !== undefined || utf8ChineseShare(bytes) >= 0.5) return undefined
  let common = 0
  for (let index = 0; index < bytes.length; index += 2) {
    const lead = bytes[index]!
    const trail = bytes[index + 1]!
    if (lead < 0xa1 || lead > 0xf7 || trail < 0xa1 || trail > 0xfe) return undefined
    // GB2312 punctuation rows and level-1 (the 3755 commonest) characters.
    if (lead <= 0xa3 || (lead >= 0xb0 && lead <= 0xd7)) common++
  }
  if (common * 2 < bytes.length * 0.7) return undefined
  const after = iconv.decode(bytes, 'gbk')
  if (after.includes('\uFFFD') || !/^[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF]+$/u.test(after)) return undefined
  return {after, from: 'gbk', via: 'windows-1252'}
}
