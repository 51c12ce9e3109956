/**
 * The unsafe patterns of mdast-util-to-markdown that can match in a text:
 * only those whose character occurs in it. The patterns are grouped by
 * character once per serialization, and the filtered lists are shared by
 * every text with the same characters, so that a text node costs one search
 * per distinct character (about 30) instead of one per pattern (about 90
 * with GFM) and a new array. Every serialization makes its own
 * `state.unsafe` array, of the same patterns: a lookup is found again by its
 * patterns, so that the filtered lists serve every serialization.
 */
import type {Unsafe} from 'mdast-util-to-markdown'

/** The patterns of one serialization, grouped by the character they need. */
interface Lookup {
  /** The patterns, in order (a copy). */
  patterns: readonly Unsafe[]
  /** Printable characters, each a bit of the key (the C0 controls share the last bit: when one occurs, all their patterns are tried). */
  characters: string[]
  /** Bit of each pattern in the key. */
  bits: number[]
  /** Filtered lists by key. */
  lists: Map<number, Unsafe[]>
}

/** C0 control characters other than tab, line feed and carriage return. */
const control = /[\0-\x08\v\f\x0e-\x1f]/

/** Lookups by pattern array, and by the first pattern of their arrays (load-once caches, not state: a lookup depends only on its patterns). */
const lookups = new WeakMap<readonly Unsafe[], Lookup>()
const byFirstPattern = new WeakMap<Unsafe, Lookup[]>()

/**
 * The patterns of `unsafe` whose character occurs in `value`, in their order.
 *
 * @param unsafe The serializer's patterns (`state.unsafe`).
 * @param value The text with what surrounds it.
 * @returns The patterns that can match in `value` (the same array for the same characters).
 */
export function unsafeIn(unsafe: readonly Unsafe[], value: string): Unsafe[] {
  const lookup = lookups.get(unsafe) ?? lookupOf(unsafe)
  const {characters} = lookup
  let key = control.test(value) ? 1 << characters.length : 0
  for (let index = 0; index < characters.length; index++) {
    if (value.includes(characters[index] as string)) key |= 1 << index
  }
  let list = lookup.lists.get(key)
  if (!list) {
    list = unsafe.filter((_, index) => (key & (lookup.bits[index] as number)) !== 0)
    lookup.lists.set(key, list)
  }
  return list
}

/** The lookup of a pattern array seen for the first time: the one of the same patterns, else a new one. */
function lookupOf(unsafe: readonly Unsafe[]): Lookup {
  const first = unsafe[0]
  const known = first ? (byFirstPattern.get(first) ?? []) : []
  let lookup = known.find((candidate) => samePatterns(candidate.patterns, unsafe))
  if (!lookup) {
    lookup = createLookup(unsafe)
    if (first) byFirstPattern.set(first, [...known, lookup])
  }
  lookups.set(unsafe, lookup)
  return lookup
}

function samePatterns(a: readonly Unsafe[], b: readonly Unsafe[]): boolean {
  return a.length === b.length && a.every((pattern, index) => pattern === b[index])
}

function createLookup(unsafe: readonly Unsafe[]): Lookup {
  const characters: string[] = []
  for (const pattern of unsafe) {
    if (!control.test(pattern.character) && !characters.includes(pattern.character)) characters.push(pattern.character)
  }
  // One bit per printable character and one for the controls must fit in 31 bits.
  if (characters.length > 30) throw new Error(`Too many unsafe characters to index: ${characters.length}`)
  const bits = unsafe.map((pattern) => (control.test(pattern.character) ? 1 << characters.length : 1 << characters.indexOf(pattern.character)))
  return {patterns: [...unsafe], characters, bits, lists: new Map()}
}
