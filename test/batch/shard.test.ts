import {describe, expect, it} from 'vitest'
import {parseShard, selectShard, shardOf} from '../../src/batch/shard.js'

const paths = Array.from({length: 200}, (_, index) => `articles/post-${String(index).padStart(3, '0')}.md`)

describe('parseShard', () => {
  it('reads i/n', () => {
    expect(parseShard('1/4')).toEqual({index: 1, count: 4})
    expect(parseShard(' 4 / 4 ')).toEqual({index: 4, count: 4})
  })

  it.each(['0/4', '5/4', '1/0', '1', 'a/b', '1/2/3', '-1/2'])('rejects %j saying what to write', (value) => {
    expect(() => parseShard(value)).toThrow(`Invalid --shard \`${value}\`; write i/n with 1 ≤ i ≤ n, such as 1/4`)
  })
})

describe('selectShard', () => {
  it('splits into disjoint shards that cover every article, keeping order', () => {
    const shards = [1, 2, 3].map((index) => selectShard(paths, {index, count: 3}, (item) => item))
    expect(shards.flat().sort()).toEqual(paths)
    for (const shard of shards) {
      expect(shard).toEqual([...shard].sort())
      // Roughly balanced: a hash split of 200 over 3 is far from empty.
      expect(shard.length).toBeGreaterThan(40)
    }
  })

  it('keeps an article in its shard when others are added', () => {
    const before = selectShard(paths, {index: 2, count: 4}, (item) => item)
    const after = selectShard([...paths, 'articles/new.md', 'articles/zzz.md'], {index: 2, count: 4}, (item) => item)
    expect(after.filter((item) => paths.includes(item))).toEqual(before)
  })

  it('does not depend on the path separator', () => {
    expect(shardOf('articles\\a\\b.md', 7)).toBe(shardOf('articles/a/b.md', 7))
  })

  it('is the identity for 1/1', () => {
    expect(selectShard(paths, {index: 1, count: 1}, (item) => item)).toEqual(paths)
  })
})
