/**
 * The markers `bitext sync --write` leaves in a translation: HTML comments,
 * invisible on the published page, that a second sync run, `bitext lint`
 * (rule `outdated-translation`), the review report and the HTML page read.
 *
 * ```markdown
 * <!-- bitext: outdated; was: The English the Chinese below was translated from -->
 * <!-- bitext: untranslated -->
 * <!-- bitext: removed; was: The English the source no longer has -->
 * ```
 *
 * `outdated` stands right before the Chinese whose English changed (the
 * stored English above it is already today's); `was:` keeps the English the
 * Chinese renders, so the change can still be shown. `untranslated` follows
 * English inserted from the source. `removed` stands before the Chinese (or
 * after the English, when there is no Chinese) of a paragraph the source no
 * longer has. A translator deletes the marker when done (and, for `removed`,
 * the pair with it).
 */
import type {Marker} from './types.js'

const markerRe = /<!--[ \t]*bitext:[ \t]*(outdated|untranslated|removed)\b([^]*?)-->/g

/** Separator of paragraphs in a marker's `was:`. */
export const paragraphSeparator = ' ¶ '

/**
 * Find every marker in a text.
 *
 * @param text The file's text.
 * @returns The markers in order, with their places.
 */
export function findMarkers(text: string): Marker[] {
  if (!text.includes('bitext:')) return []
  const markers: Marker[] = []
  let line = 1
  let counted = 0
  for (const match of text.matchAll(markerRe)) {
    const start = match.index
    for (; counted < start; counted++) if (text.charCodeAt(counted) === 10) line++
    const kind = match[1] as Marker['kind']
    const marker: Marker = {kind, start, end: start + match[0].length, line}
    const was = /^\s*;\s*was:\s*([^]*?)\s*$/.exec(match[2])
    if (kind !== 'untranslated' && was) marker.was = unescapeComment(was[1])
    markers.push(marker)
  }
  return markers
}

/**
 * Write a marker comment.
 *
 * @param kind Which marker.
 * @param was For `outdated`: the English the Chinese renders (one or more
 *   paragraphs); for `removed`: the English removed, so the marker is found
 *   again even where a later alignment groups the blocks otherwise.
 * @returns The comment, on one line.
 */
export function formatMarker(kind: Marker['kind'], was?: readonly string[]): string {
  if (kind === 'untranslated' || !was || was.length === 0) return `<!-- bitext: ${kind} -->`
  const text = was.map((paragraph) => paragraph.replace(/\s+/g, ' ').trim()).join(paragraphSeparator)
  return `<!-- bitext: ${kind}; was: ${escapeComment(text)} -->`
}

/**
 * Split a marker's `was:` into its paragraphs.
 *
 * @param was The text after `was:`.
 * @returns The paragraphs.
 */
export function wasParagraphs(was: string): string[] {
  return was.split(paragraphSeparator.trim()).map((part) => part.trim()).filter((part) => part !== '')
}

/** `-->` would end the comment: keep it readable but harmless. */
function escapeComment(text: string): string {
  return text.replace(/--(!?)>/g, '--$1&gt;')
}

function unescapeComment(text: string): string {
  return text.replace(/--(!?)&gt;/g, '--$1>')
}
