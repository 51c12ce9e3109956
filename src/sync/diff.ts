/**
 * The word diff of two English paragraphs, as people read it in a terminal,
 * a review report or a JSON consumer: `[-old words-]{+new words+}` (wdiff's
 * notation), whitespace collapsed so that rewrapping shows no change.
 */
import {diffWordsWithSpace} from 'diff'
import {collapse} from './normalize.js'

/** One part of a word diff. */
export interface DiffPart {
  /** `same`, or words only in the old (`removed`) or new (`added`) English. */
  kind: 'same' | 'removed' | 'added'
  text: string
}

/**
 * Diff two paragraphs word by word.
 *
 * @param before The stored English.
 * @param after Today's English.
 * @returns The parts in order.
 */
export function diffParts(before: string, after: string): DiffPart[] {
  const changes: DiffPart[] = diffWordsWithSpace(collapse(before), collapse(after)).map((change) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
    text: change.value
  }))
  return coalesce(changes)
}

/**
 * Join changes separated only by spaces into one removed and one added run:
 * `[-slightly different-]{+that differ+}` reads better than word by word.
 */
function coalesce(changes: readonly DiffPart[]): DiffPart[] {
  const parts: DiffPart[] = []
  let i = 0
  while (i < changes.length) {
    if (changes[i].kind === 'same') {
      parts.push(changes[i++])
      continue
    }
    let removed = ''
    let added = ''
    let end = i
    for (let k = i; k < changes.length; k++) {
      const change = changes[k]
      if (change.kind === 'same') {
        // Spaces between two changes belong to both runs.
        if (change.text.trim() !== '' || k + 1 >= changes.length || changes[k + 1].kind === 'same') break
        removed += change.text
        added += change.text
      } else if (change.kind === 'removed') removed += change.text
      else added += change.text
      end = k + 1
    }
    if (removed !== '') parts.push({kind: 'removed', text: removed})
    if (added !== '') parts.push({kind: 'added', text: added})
    i = end
  }
  return parts
}

/**
 * Diff two paragraphs word by word, in wdiff's notation.
 *
 * @param before The stored English.
 * @param after Today's English.
 * @returns `same words [-old-]{+new+} …`.
 */
export function wordDiff(before: string, after: string): string {
  return formatDiff(diffParts(before, after))
}

/**
 * Write diff parts in wdiff's notation.
 *
 * @param parts The parts of a diff.
 * @returns The text with `[-removed-]` and `{+added+}`.
 */
export function formatDiff(parts: readonly DiffPart[]): string {
  return parts.map((part) => (part.kind === 'same' ? part.text : part.kind === 'removed' ? `[-${part.text}-]` : `{+${part.text}+}`)).join('')
}

/**
 * Parse a diff written by `formatDiff` back into parts (for the review report
 * and the HTML page, which draw it).
 *
 * @param diff Text in wdiff's notation.
 * @returns The parts.
 */
export function parseDiff(diff: string): DiffPart[] {
  const parts: DiffPart[] = []
  const re = /\[-([^]*?)-\]|\{\+([^]*?)\+\}/g
  let at = 0
  for (const match of diff.matchAll(re)) {
    if (match.index > at) parts.push({kind: 'same', text: diff.slice(at, match.index)})
    parts.push(match[1] === undefined ? {kind: 'added', text: match[2]} : {kind: 'removed', text: match[1]})
    at = match.index + match[0].length
  }
  if (at < diff.length) parts.push({kind: 'same', text: diff.slice(at)})
  return parts
}
