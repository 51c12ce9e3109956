/**
 * GBK text read as windows-1252 or Latin-1 (`ÄãºÃ` for 你好).
 */
import iconv from 'iconv-lite'
import type {GbkRepair} from './gbk.js'

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

function isUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes)
    return true
  } catch {
    return false
  }
}

/**
 * A run of Latin-1 letters that windows-1252-encodes to GB2312 Chinese.
 *
 * @param run The run of non-ASCII text.
 * @param offset Where it starts in the text.
 * @returns The repair, or undefined when the run is not GBK read as windows-1252.
 */
export function gbkReadAsWindows1252(run: string, offset: number): GbkRepair | undefined {
  // European words never string four or more such characters together.
  if (run.length < 4 || run.length % 2 !== 0 || !/^[\u00A1-\u00FE]+$/.test(run)) return undefined
  const bytes = iconv.encode(run, 'windows-1252')
  // Bytes that are valid UTF-8, or shaped like (maybe lossy) UTF-8 Chinese,
  // are UTF-8 mojibake, handled elsewhere.
  if (isUtf8(bytes) || utf8ChineseShare(bytes) >= 0.5) return undefined
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
  return {start: offset, end: offset + run.length, segments: [{start: offset, end: offset + run.length, parts: [after]}], from: 'gbk', via: 'windows-1252', strong: true}
}
