/**
 * Flag the alignment units that `bitext sync --write` marked, so that every
 * view of the article shows them: `stale-outdated` (the Chinese renders
 * English that has changed), `stale-new` (English from the source, not
 * translated yet), `stale-removed` (a pair the source no longer has).
 */
import type {Alignment} from '../types.js'
import {findMarkers} from './markers.js'
import {readStored} from './read-stored.js'

const flagOf = {outdated: 'stale-outdated', untranslated: 'stale-new', removed: 'stale-removed'} as const

/**
 * Add the `stale-*` flags of the markers in a translation to its units.
 *
 * @param alignment The translation's alignment (changed in place: flags only).
 * @param source The translation's text.
 */
export function flagStale(alignment: Alignment, source: string): void {
  if (!source.includes('bitext:')) return
  const markers = findMarkers(source)
  if (markers.length === 0) return
  for (const paragraph of readStored(alignment, source, markers)) {
    const unit = alignment.units[paragraph.unit]
    if (!unit) continue
    for (const marker of paragraph.markers) {
      const flag = flagOf[marker.kind]
      if (!unit.flags.includes(flag)) unit.flags.push(flag)
    }
  }
}
