/**
 * The unsafe patterns of mdast-util-to-markdown that can match in a text:
 * only those whose character occurs in it. The patterns are grouped by
 * character once per serialization, and the filtered lists are shared by
 * every text with the same characters, so that a text node costs one search
 * per distinct character (about 30) instead of one per pattern (about 90
 * with GFM) and a new array.
 */
import type {Unsafe} from 'mdast-util-to-markdown'

/** The patterns of one serialization, grouped by the character they need. */
interface Lookup {
  /** Printable characters, each a bit of the key (the C0 controls share the last bit: when one occurs, all their patterns are tried). */
  characters: string[]
  /** Bit of each pattern in the key. */
  bits: number[]
  /** Filtered lists by key. */
  lists: Map<number, Unsafe[]>
}

/** C0 control characters other than tab, line feed and carriage return. */
const control = /[\0-\x08\v\f\x0e-\x1f]/

const lookups = new WeakMap<readonly Unsafe[], Lookup>()

/**
 * The patterns of `unsafe` whose character occurs in `value`, in their order.
 *
 * @param unsafe The serializer's patterns (`state.unsafe`).
 * @param value The text with what surrounds it.
 * @returns The patterns that can match in `value` (the same array for the same characters).
 */
export function unsafeIn(unsafe: readonly Unsafe[], value: string): Unsafe[] {
  let lookup = lookups.get(unsafe)
  if (!lookup) {
    lookup = createLookup(unsafe)
    lookups.set(unsafe, lookup)
  }
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

function createLookup(unsafe: readonly Unsafe[]): Lookup {
  const characters: string[] = []
  for (const pattern of unsafe) {
    if (!control.test(pattern.character) && !characters.includes(pattern.character)) characters.push(pattern.character)
  }
  // One bit per printable character and one for the controls must fit in 31 bits.
  if (characters.length > 30) throw new Error(`Too many unsafe characters to index: ${characters.length}`)
  const bits = unsafe.map((pattern) => (control.test(pattern.character) ? 1 << characters.length : 1 << characters.indexOf(pattern.character)))
  return {characters, bits, lists: new Map()}
}
