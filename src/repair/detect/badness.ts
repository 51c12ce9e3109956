/**
 * "Badness": character sequences that almost only occur in mojibake.
 *
 * This follows the idea (and, closely, the categories) of ftfy's
 * `badness.py`: rather than a probability model, a hand-tuned set of
 * character-class bigrams and trigrams that real text in any language
 * practically never contains, but that UTF-8 read with a single-byte codec
 * produces constantly (`Ã©`, `â€œ`, `Ã¢â‚¬`, `Ð¿Ñ`). It is the evidence that
 * gates every lossless repair: a span is only re-decoded when it (with one or
 * two characters of context) is bad.
 */

const common = '\u00A0\u00AD\u00B7\u00B4\u2013\u2014\u2015\u2026\u2019'
const c1 = '\u0080-\u009F'
const bad =
  '\u00A6\u00A4\u00A8\u00AC\u00AF\u00B8\u0192\u02C6\u02C7\u02D8\u02DB\u02DC\u2020\u2021\u2030\uFFFD\u25CA\u00FF'
const currency = '\u00A2\u00A3\u00A5\u20A7\u20AC'
const startPunctuation =
  '\u00A1\u00AB\u00BF\u00A9\u0384\u0385\u2018\u201A\u201C\u201E\u2022\u2039\uF8FF'
const endPunctuation = '\u00AE\u00BB\u02DD\u201D\u203A\u2122'
const numeric =
  '\u00B2\u00B3\u00B9\u00B1\u00BC\u00BD\u00BE\u00D7\u00B5\u00F7\u2044\u2202\u2206\u220F\u2211\u221A\u221E\u2229\u222B\u2248\u2260\u2261\u2264\u2265\u2116'
const kaomoji = '\u00D2-\u00D6\u00D9-\u00DC\u00F2-\u00F6\u00F8-\u00FC\u0150\u014C\u016A\u0172\u00B0'
const upperAccented =
  '\u00C0-\u00D1\u00D8\u00DC\u00DD\u0102\u0100\u0104\u0106\u010C\u010E\u0110\u0118\u011A\u0112\u0116\u011E\u0122\u0130\u012A\u0136\u0139\u013D\u0141\u013B\u0143\u0147\u0145\u0152\u0158\u015A\u015E\u0160\u0162\u0164\u016E\u0170\u0179\u017B\u017D\u0490'
const lowerAccented =
  '\u00DF\u00E0-\u00F1\u0103\u0105\u0101\u0107\u010D\u010F\u0111\u0119\u011B\u0113\u0117\u011F\u0123\u012F\u012B\u0137\u013A\u013E\u0142\u013C\u0153\u0155\u015B\u015F\u0161\u0165\u00FC\u017A\u017C\u017E\u0491\uFB01\uFB02'
const upperCommon = '\u00DE\u0391-\u03A9\u0386\u0388\u0389\u038A\u038C\u038E\u038F\u03AA\u03AB\u0401-\u042F'
const lowerCommon = '\u03AC-\u03CE\u0430-\u045F'
const box =
  '\u2502\u250C\u2510\u2518\u251C\u2524\u252C\u253C\u2550-\u256C\u2580\u2584\u2588\u258C\u2590\u2591\u2592\u2593'

const law = '\u00B6\u00A7'
const mixed = `${lowerAccented}${upperAccented}${box}${startPunctuation}${endPunctuation}${currency}${numeric}${law}`

const alternatives = [
  `[${c1}]`,
  `[${bad}${mixed}][${bad}]`,
  `[a-zA-Z][${lowerCommon}${upperAccented}][${bad}]`,
  `[${bad}][${mixed}]`,
  `[${lowerAccented}${lowerCommon}${box}${endPunctuation}${numeric}][${upperAccented}]`,
  // Windows-1257 mojibake of Lithuanian and Latvian letters, inside a lower-case word.
  `[a-z\\s][\u00C4\u00C5][\u00C0-\u00DE\u0100-\u017F][a-z]`,
  `[${box}${endPunctuation}${currency}${numeric}][${lowerAccented}]`,
  `[${lowerAccented}${box}${endPunctuation}][${currency}]`,
  `\\s[${upperAccented}][${currency}]`,
  `[${upperAccented}${box}][${numeric}${law}]`,
  `[${lowerAccented}${upperAccented}${box}${currency}${endPunctuation}][${startPunctuation}][${numeric}]`,
  `[${lowerAccented}${upperAccented}${currency}${numeric}${box}${law}][${endPunctuation}][${startPunctuation}]`,
  `[${currency}${numeric}${box}][${startPunctuation}]`,
  `[a-z][${upperAccented}][${startPunctuation}]`,
  `[${box}][${kaomoji}]`,
  `[${lowerAccented}${upperAccented}${currency}${numeric}${startPunctuation}${endPunctuation}${law}][${box}]`,
  `[${box}][${endPunctuation}]`,
  `[${lowerAccented}${upperAccented}][${startPunctuation}${endPunctuation}]\\w`,
  '[\u0152\u0153][^A-Za-z]',
  `[${upperAccented}]\u00B0`,
  `[\u00C2\u00C3\u00CE\u00D0][\u20AC\u0153\u0160\u0161\u00A2\u00A3\u0178\u017E\u00A0\u00AD\u00AE\u00A9\u00B0\u00B7\u00BB${startPunctuation}${endPunctuation}\u2013\u2014\u00B4]`,
  '\u00D7[\u00B2\u00B3]',
  `[\u00D8\u00D9][${common}${currency}${bad}${numeric}${startPunctuation}\u0178\u0160\u00AE\u00B0\u00B5\u00BB][\u00D8\u00D9][${common}${currency}${bad}${numeric}${startPunctuation}\u0178\u0160\u00AE\u00B0\u00B5\u00BB]`,
  '\u00E0[\u00B2\u00B5\u00B9\u00BC\u00BD\u00BE]',
  '\u221A[\u00B1\u2202\u2020\u2260\u00AE\u2122\u00B4\u2264\u2265\u00A5\u00B5\u00F8]',
  '\u2248[\u00B0\u00A2]',
  '\u201A\u00C4[\u00EC\u00EE\u00EF\u00F2\u00F4\u00FA\u00F9\u00FB\u2020\u00B0\u00A2\u03C0]',
  '\u201A[\u00E2\u00F3][\u00E0\u00E4\u00B0\u00EA]',
  '\u0432\u0402',
  // Windows-1251 mojibake of three-byte characters (CJK): a lead letter а–п and
  // two continuation characters, the second one a non-Russian Cyrillic letter
  // or a symbol that does not follow letters in Russian.
  '[\u0430-\u043F][\u0402-\u040F\u0451-\u045F\u0490\u0491\u00A0\u00A4\u00A6\u00A7\u00A9\u00AB\u00AC\u00AD\u00AE\u00B0\u00B1\u00B5\u00B6\u00B7\u00BB\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2116\u2122\u2013\u2014][\u0402-\u040F\u0452-\u045F\u0490\u0491\u00A4\u00A6\u00A7\u00AC\u00AD\u00AE\u00B1\u00B5\u00B6\u2020\u2021\u2030\u20AC\u2116\u2122]',
  `[\u0412\u0413\u0420\u0421][${c1}${bad}${startPunctuation}${endPunctuation}${currency}\u00B0\u00B5][\u0412\u0413\u0420\u0421]`,
  '\u0413\u045E\u0412\u0402\u0412.[A-Za-z ]',
  '\u00C3[\u00A0\u00A1]',
  '[a-z]\\s?[\u00C3\u00C2][ ]',
  '^[\u00C3\u00C2][ ]',
  `[a-z.,?!${endPunctuation}]\u00C2[ ${common}${currency}${startPunctuation}${endPunctuation}${numeric}${law}\u00B0]`,
  '\u03B2\u20AC[\u2122\u00A0\u0386\u00AD\u00AE\u00B0]',
  `[\u0392\u0393\u039E\u039F][${c1}${bad}${startPunctuation}${endPunctuation}${currency}\u00B0][\u0392\u0393\u039E\u039F]`,
  '\u0101\u20AC'
]

/** The badness expression (global, for counting). */
const badnessGlobal = new RegExp(alternatives.join('|'), 'g')
/** The badness expression (for testing). */
const badnessTest = new RegExp(alternatives.join('|'))

/**
 * Whether some part of the text looks like mojibake.
 *
 * @param text Any text.
 * @returns True when at least one bad sequence occurs.
 */
export function isBad(text: string): boolean {
  return badnessTest.test(text)
}

/**
 * How many bad sequences the text contains.
 *
 * @param text Any text.
 * @returns The number of (non-overlapping) bad sequences.
 */
export function badness(text: string): number {
  badnessGlobal.lastIndex = 0
  let count = 0
  while (badnessGlobal.exec(text) !== null) count++
  return count
}
