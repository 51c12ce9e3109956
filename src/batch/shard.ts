/**
 * Sharding: split a blog's articles over the runners of a CI matrix.
 *
 * An article goes to the shard given by a hash of its path (as shown in
 * messages, relative to the project), so the split is the same on every
 * machine and an article stays in its shard when others are added or removed
 * (its cache entry stays useful on that runner).
 */
import {createHash} from 'node:crypto'

/** One shard of `count`, `index` counting from 1 (as typed: `--shard 2/4`). */
export interface Shard {
  index: number
  count: number
}

/**
 * Parse `--shard i/n`.
 *
 * @param value The option's value, such as `2/4`.
 * @returns The shard.
 * @throws Error with a message that says what to write instead.
 */
export function parseShard(value: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value)
  const index = match ? Number(match[1]) : Number.NaN
  const count = match ? Number(match[2]) : Number.NaN
  if (!match || count < 1 || index < 1 || index > count) {
    throw new Error(`Invalid --shard \`${value}\`; write i/n with 1 ≤ i ≤ n, such as 1/4`)
  }
  return {index, count}
}

/**
 * The shard an article belongs to.
 *
 * @param shownPath The article's path relative to the project.
 * @param count Number of shards.
 * @returns The 1-based shard index.
 */
export function shardOf(shownPath: string, count: number): number {
  const normalized = shownPath.split('\\').join('/')
  const digest = createHash('sha256').update(normalized).digest()
  return (digest.readUInt32BE(0) % count) + 1
}

/**
 * Keep the items of one shard, in their order.
 *
 * @param items The items (all articles of the blog).
 * @param shard The shard to keep.
 * @param key The path of an item, relative to the project.
 * @returns The items of the shard.
 */
export function selectShard<T>(items: readonly T[], shard: Shard, key: (item: T) => string): T[] {
  if (shard.count === 1) return [...items]
  return items.filter((item) => shardOf(key(item), shard.count) === shard.index)
}
