/**
 * The channel model: how the bytes of a text became the mojibake we see.
 *
 * A channel is the original encoding, the decoder that misread the bytes,
 * what happened to the bytes that decoder could not map (nothing, dropped,
 * U+FFFD, `?`, C1 controls stripped or kept), and how many layers of that
 * there are. Every channel can run forwards ({@link Channel.damage}, what the
 * damage matrix and the tests use to make damaged text from clean text), and
 * the repair recognises it from the evidence in the text and names it in its
 * damage report ({@link Channel.id} is `DamageReport.channel`).
 */
import iconv from 'iconv-lite'

/** What happened to the bytes the decoder could not map. */
export type Loss = 'none' | 'dropped' | 'fffd' | 'question' | 'c1-stripped' | 'c1-fffd' | 'c1-kept'

/** One way text gets damaged. */
export interface Channel {
  /** Stable identifier (`utf-8>gbk/fffd`). */
  id: string
  /** What a person reads (`UTF-8 read as GBK, undecodable bytes as U+FFFD`). */
  title: string
  /** The original encoding of the bytes. */
  from: 'utf-8' | 'gbk'
  /** The codec that misread them. */
  via: string
  /** What became of the bytes it could not map. */
  loss: Loss
  /** How many times the damage was applied. */
  layers: number
  /** Whether information was lost (the repair must rebuild, not only re-decode). */
  lossy: boolean
  /**
   * Damage a clean text the way this channel does.
   *
   * @param text Clean text.
   * @returns The text as the channel leaves it.
   */
  damage(text: string): string
}

/** The bytes a single-byte codec leaves undefined (0x80–0xFF). */
export function undefinedBytesOf(codec: string): number[] {
  const bytes: number[] = []
  for (let byte = 0x80; byte <= 0xff; byte++) {
    const char = iconv.decode(Buffer.from([byte]), codec)
    if (char === '\uFFFD' || char.length !== 1) bytes.push(byte)
  }
  return bytes
}

/**
 * Decode bytes with a single-byte codec, doing `loss` to the bytes it leaves
 * undefined (and to the soft hyphen 0xAD, which tools strip, when dropping).
 *
 * @param bytes The bytes.
 * @param codec A single-byte codec known to iconv-lite.
 * @param loss What happens to undefined bytes: `c1-kept` shows them as the C1 control of the same number (a lenient decoder);
 * `c1-stripped` and `c1-fffd` then remove every C1 control, or replace it with U+FFFD (a sanitizer after a Latin-1 reading).
 * @returns The decoded text.
 */
export function decodeSingleByte(bytes: Uint8Array, codec: string, loss: Loss): string {
  const undefinedSet = new Set(undefinedBytesOf(codec))
  if (loss === 'dropped') undefinedSet.add(0xad)
  let text = ''
  let start = 0
  const flush = (end: number): void => {
    if (end > start) text += iconv.decode(Buffer.from(bytes.subarray(start, end)), codec)
  }
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index]!
    if (!undefinedSet.has(byte)) continue
    flush(index)
    start = index + 1
    if (loss === 'fffd' || loss === 'c1-fffd') text += '\uFFFD'
    else if (loss === 'question') text += '?'
    else if (loss === 'c1-kept' || loss === 'none') text += String.fromCharCode(byte)
  }
  flush(bytes.length)
  if (loss === 'c1-stripped') text = text.replace(/[\u0080-\u009F]/g, '')
  if (loss === 'c1-fffd') text = text.replace(/[\u0080-\u009F]/g, '\uFFFD')
  return text
}
