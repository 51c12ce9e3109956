/**
 * Statuses as the markers of an earlier `sync --write` imply them.
 */
import type {Root} from 'mdast'
import {createParser} from '../parse/index.js'
import {wordDiff} from './diff.js'
import {wasParagraphs} from './markers.js'
import {cosmeticKey, leavesOf, paragraphKind, similarity, wordsOf} from './normalize.js'
import type {StoredParagraph, SyncUnit} from './types.js'

/**
 * What the markers of a previous `--write` say: English inserted and marked
 * `untranslated` is still `new`; a pair marked `outdated` is `changed` until
 * a translator removes the marker, with the diff from the English its
 * Chinese was translated from (the marker's `was:`).
 *
 * @param units The statuses from the English alone.
 * @returns The statuses the markers imply.
 */
export function applyMarkers(units: readonly SyncUnit[]): SyncUnit[] {
  return units.map((unit) => {
    const stored = unit.stored
    if (!stored || stored.markers.length === 0 || unit.status === 'removed') return unit
    if (stored.markers.some((marker) => marker.kind === 'untranslated')) return {...unit, status: 'new', diff: null}
    const outdated = stored.markers.find((marker) => marker.kind === 'outdated')
    if (!outdated || unit.status === 'changed') return unit
    if (outdated.was === undefined) return {...unit, status: 'changed'}
    const was = wasParagraphs(outdated.was)
    const keys = new Set(was.map(keyOfText))
    if (keys.has(stored.key)) return unit
    return {...unit, status: 'changed', diff: wordDiff(closest(was, stored), stored.raw)}
  })
}

/** The cosmetic key of a paragraph given as Markdown text. */
function keyOfText(text: string): string {
  const tree = createParser().parse(text) as Root
  const leaf = leavesOf(tree.children).find((node) => paragraphKind(node) !== undefined)
  return leaf ? cosmeticKey(leaf) : text
}

/** The paragraph of `was` most like the stored English. */
function closest(was: readonly string[], stored: StoredParagraph): string {
  const words = wordsOf(stored.key)
  let best = was[0] ?? ''
  let bestScore = -1
  for (const text of was) {
    const score = similarity(wordsOf(text), words)
    if (score > bestScore) {
      best = text
      bestScore = score
    }
  }
  return best
}
