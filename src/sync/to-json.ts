/**
 * The JSON contract of `bitext sync --json`:
 *
 * ```jsonc
 * {"units": [{"status": "current" | "cosmetic" | "changed" | "new" | "removed",
 *             "stored": {"line": N, "text": "…"} | null,   // the English kept in the translation
 *             "source": {"line": M, "text": "…"} | null,   // today's English
 *             "zh": {"line": K, "text": "…"} | null,       // the Chinese it renders
 *             "diff": "… [-old-]{+new+} …" | null}]}       // changed only
 * ```
 *
 * Lines are 1-based and point at the first line holding the paragraph's text
 * (never the `<!--` line or a bare `>` line). `zh` is null for `new` (there
 * is no Chinese yet), and for a shared block (code) it is the block itself.
 */
import type {SyncResult, SyncStatus, SyncUnit} from './types.js'

/** A place in the JSON contract. */
export interface PlaceJson {
  line: number
  text: string
}

/** One unit in the JSON contract. */
export interface SyncUnitJson {
  status: SyncStatus
  stored: PlaceJson | null
  source: PlaceJson | null
  zh: PlaceJson | null
  diff: string | null
}

/**
 * One unit as JSON.
 *
 * @param unit A sync unit.
 * @returns Its JSON form.
 */
export function unitToJson(unit: SyncUnit): SyncUnitJson {
  const zh = unit.status === 'new' ? undefined : unit.stored?.zh[0]
  return {
    status: unit.status,
    stored: unit.stored ? {line: unit.stored.line, text: unit.stored.raw} : null,
    source: unit.source ? {line: unit.source.line, text: unit.source.raw} : null,
    zh: zh ? {line: zh.line, text: zh.text} : null,
    diff: unit.diff
  }
}

/**
 * The JSON contract of one comparison.
 *
 * @param result The statuses.
 * @returns `{units}`.
 */
export function toSyncJson(result: SyncResult): {units: SyncUnitJson[]} {
  return {units: result.units.map(unitToJson)}
}

/**
 * Count the statuses of some units.
 *
 * @param units Units.
 * @returns How many of each status (every status present, 0 when none).
 */
export function countStatuses(units: readonly SyncUnit[]): Record<SyncStatus, number> {
  const counts: Record<SyncStatus, number> = {current: 0, cosmetic: 0, changed: 0, new: 0, removed: 0}
  for (const unit of units) counts[unit.status]++
  return counts
}

/**
 * Whether a translation needs work: anything changed, new or removed.
 *
 * @param units Units.
 * @returns True when a unit is `changed`, `new` or `removed`.
 */
export function isStale(units: readonly SyncUnit[]): boolean {
  return units.some((unit) => unit.status === 'changed' || unit.status === 'new' || unit.status === 'removed')
}
