/**
 * Apply the fixes checks propose, as textlint's source-code-fixer does: last
 * first, so that earlier offsets stay valid, skipping a fix that overlaps one
 * already applied (run again to apply it against the new text).
 */
import type {Fix} from '../types.js'

/** What `applyFixes` did. */
export interface FixResult {
  /** The text with the fixes applied. */
  text: string
  /** Fixes applied, in text order. */
  applied: Fix[]
  /** Fixes skipped because they overlap an applied one or fall outside the text, in text order. */
  skipped: Fix[]
}

/**
 * Apply fixes to a text.
 *
 * @param text The text the fixes' offsets point into.
 * @param fixes Fixes in any order.
 * @returns The new text and which fixes were applied or skipped.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): FixResult {
  const ordered = [...fixes].sort((a, b) => b.range[0] - a.range[0] || b.range[1] - a.range[1])
  const applied: Fix[] = []
  const skipped: Fix[] = []
  let output = text
  // Start of the last applied fix: a fix must end at or before it.
  let limit = text.length
  for (const fix of ordered) {
    const [start, end] = fix.range
    const inside = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length
    // Two insertions at one place, or a fix reaching into an applied one, overlap.
    const overlaps = end > limit || (applied.length > 0 && start === end && start === limit)
    if (!inside || overlaps) {
      skipped.push(fix)
      continue
    }
    output = output.slice(0, start) + fix.text + output.slice(end)
    applied.push(fix)
    limit = start
  }
  return {text: output, applied: applied.reverse(), skipped: skipped.reverse()}
}
