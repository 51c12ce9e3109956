/**
 * Apply fixes last-first, skipping overlaps, as `lint --fix` does (a local
 * copy so that these tests do not depend on the fixer's module).
 */
import type {Fix} from '../../src/types.js'

/** Apply `{range, text}` fixes to text. */
export function applyFixesForTest(text: string, fixes: Fix[]): string {
  let out = text
  let limit = Number.POSITIVE_INFINITY
  for (const fix of [...fixes].sort((a, b) => b.range[0] - a.range[0] || b.range[1] - a.range[1])) {
    if (fix.range[1] > limit) continue
    out = out.slice(0, fix.range[0]) + fix.text + out.slice(fix.range[1])
    limit = fix.range[0]
  }
  return out
}
