/**
 * The paragraphs of an English source file: every leaf block sync compares
 * (paragraphs, headings, code, tables, inside lists and quotes too), in order.
 */
import type {Root} from 'mdast'
import {cosmeticKey, leavesOf, paragraphKind, prefixAt, rawOf, textPlace} from './normalize.js'
import type {Paragraph} from './types.js'

/**
 * Read the paragraphs of a parsed English file.
 *
 * @param tree The file parsed by `createParser` (front matter is skipped).
 * @param source The file's text.
 * @returns Its paragraphs in document order.
 */
export function readSource(tree: Root, source: string): Paragraph[] {
  const paragraphs: Paragraph[] = []
  for (const leaf of leavesOf(tree.children)) {
    const kind = paragraphKind(leaf)
    const place = kind && textPlace(leaf, kind, source)
    if (!kind || !place) continue
    paragraphs.push({
      kind,
      raw: rawOf(source, place.start, place.end, prefixAt(source, place.start)),
      key: cosmeticKey(leaf),
      line: place.line,
      start: place.start,
      end: place.end
    })
  }
  return paragraphs
}
