/**
 * Doubled Han characters, as `repeated-text` finds them, and the
 * reduplicated words it accepts without asking jieba. Kept apart from the
 * rule so that the thread running a worker pool can tell, from an article's
 * text, whether its workers may ask for jieba, without loading the checks.
 */

/** One or two Han characters, repeated at once. */
export const hanRepeat = /(\p{Script=Han}{1,2})\1/gu

/**
 * Reduplicated words that are correct wherever they stand (adverbs, verbs
 * tried or done briefly, "every …" forms, the first half of AABB forms such
 * as 许许多多): accepted without asking jieba.
 */
export const reduplications: ReadonlySet<string> = new Set(
  '常常 往往 仅仅 刚刚 渐渐 慢慢 稍稍 略略 默默 悄悄 纷纷 频频 屡屡 匆匆 轻轻 紧紧 深深 久久 好好 大大 多多 许许 处处 时时 事事 人人 个个 天天 年年 步步 层层 种种 样样 点点 一一 看看 想想 试试 谈谈 说说 听听 等等 谢谢 明明 偏偏 恰恰 统统 通通 白白 重重'.split(' ')
)

const utf8 = new TextDecoder('utf-8', {fatal: true})

/**
 * A UTF-8 lead byte read as windows-1252 or Latin-1 (`Â`–`ô`), then a
 * continuation byte read the same way (U+0080–U+00BF, or what windows-1252
 * puts at 0x80–0x9F).
 */
const mojibake = /[\u00C2-\u00F4][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]/u

/**
 * Whether checking an article may need jieba: its text, read as UTF-8, has
 * a doubled Han character or pair that is not a known reduplication, or it
 * may be damaged (not UTF-8 at all, U+FFFD, or a character of Latin-1 that
 * starts a UTF-8 sequence followed by one that continues it, as UTF-8 read
 * as windows-1252 or Latin-1 shows: `æ“`, `Ã©`), since what repair gives
 * back cannot be told from the bytes. A hint for building jieba ahead: a
 * worker that asks anyway still gets its answer (jieba is then built on
 * that request).
 *
 * @param bytes The article's bytes.
 * @returns False when `repeated-text` cannot ask jieba for this article.
 */
export function mayNeedSegmenter(bytes: Uint8Array): boolean {
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    return true
  }
  if (text.includes('\uFFFD') || mojibake.test(text)) return true
  for (const match of text.matchAll(hanRepeat)) {
    if (!reduplications.has(match[0])) return true
  }
  return false
}
