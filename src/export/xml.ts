/**
 * XML text helpers for the exports.
 */

/** Characters XML 1.0 does not allow (controls, lone surrogates, U+FFFE, U+FFFF). */
const invalid = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/**
 * Escape text for XML content or a double-quoted attribute, dropping
 * characters XML 1.0 cannot carry.
 *
 * @param text Any text.
 * @returns The escaped text.
 */
export function escapeXml(text: string): string {
  return text
    .replace(invalid, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
}

/**
 * Collapse the layout whitespace of a segment (line breaks of a paragraph,
 * blockquote markers are already gone) into single spaces.
 *
 * @param text Segment text.
 * @returns Trimmed text on one line.
 */
export function segmentText(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim()
}
