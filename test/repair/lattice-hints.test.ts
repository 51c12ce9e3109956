import {describe, expect, it} from 'vitest'
import {chooseInLattice, type Follow, type FollowPool, type Lexical, type Slot, type Unit} from '../../src/repair/reconstruct/choose.js'
import {documentCache} from '../../src/repair/model/document-cache.js'
import {intactWordCache} from '../../src/repair/model/article-lexicon.js'
import {parseLexicon, type Lexicon} from '../../src/repair/model/lexicon.js'

const dictionary = parseLexicon(
  ['中国 400', '中 300', '国 200', '国家 150', '家 100', '不 500', '不同 80', '同 60', '同意 50', '意 40', '家里 30', '里 90', '中国人 20', '人 300'].join('\n')
)

const slot = (candidates: string[], priors: number[] = candidates.map(() => 0)): Slot => ({candidates, priors})

/** What a caller that knows the lexicon beforehand attaches to a slot (as `rebuild` does from its per-shape tables). */
function lexicalOf(candidates: readonly string[], lexicon: Lexicon): Lexical {
  const tries = candidates.map((char) => lexicon.trie(char))
  return {
    words: Float64Array.from(tries, (trie) => trie?.value(0) ?? Number.NaN),
    onward: Uint8Array.from(tries, (trie) => (trie === undefined ? 0 : trie.hasChildren(0) ? 2 : 1))
  }
}

/** The pairs of a slot's candidates with the next slot's that begin words, added to a pool. */
function followOf(first: Slot, next: Slot, pool: FollowPool, lexicon: Lexicon, skip?: {first: string; second: string}): Follow {
  const at = pool.size
  // The offsets by candidate first, then the pairs.
  const offsets: number[] = []
  let offset = at + first.candidates.length + 1
  first.candidates.forEach((char) => {
    offsets.push(offset)
    const trie = lexicon.trie(char)
    next.candidates.forEach((second, option) => {
      if (skip !== undefined && skip.first === char && skip.second === second) return
      const node = trie?.child(0, second.codePointAt(0)!) ?? -1
      if (node < 0) return
      pool.values[offset] = trie!.value(node) ?? Number.NaN
      pool.table[offset] = option
      pool.table[offset + 1] = trie!.hasChildren(node) ? node : -1
      offset += 2
    })
  })
  offsets.push(offset)
  pool.table.set(offsets, at)
  pool.size = offset
  return {next, pool, at}
}

/** The same lattice, its slots with the hints (one left out when `skip` says so). */
function hinted(units: readonly Unit[], lexicon: Lexicon, skip?: {first: string; second: string}): Unit[] {
  const copies = units.map((unit) => (typeof unit === 'string' ? unit : slot([...unit.candidates], [...unit.priors])))
  const pool: FollowPool = {table: new Int32Array(256), values: new Float64Array(256), size: 0}
  copies.forEach((unit, index) => {
    if (typeof unit === 'string') return
    unit.lexical = lexicalOf(unit.candidates, lexicon)
    const next = copies[index + 1]
    if (next !== undefined && typeof next !== 'string') unit.follow = followOf(unit, next, pool, lexicon, skip)
  })
  return copies
}

describe('the lattice with pairs and lexical values known beforehand', () => {
  const units: Unit[] = [
    '我',
    slot(['中', '不', '家'], [0, -0.5, -1]),
    slot(['国', '同', '里'], [-0.2, 0, -0.4]),
    slot(['人', '意', '家']),
    '。',
    slot(['不', '中']),
    '同',
    slot(['意', '国'])
  ]

  it('chooses exactly as the walk that looks every pair up: the same scores, confidences and order', () => {
    const plain = chooseInLattice(units, dictionary)
    expect(chooseInLattice(hinted(units, dictionary), dictionary)).toEqual(plain)
    const words = intactWordCache(new Map([['中国', 2], ['同意', 1]]))!
    expect(chooseInLattice(hinted(units, dictionary), dictionary, words)).toEqual(chooseInLattice(units, dictionary, words))
    const cache = documentCache(units, plain, dictionary)
    expect(chooseInLattice(hinted(units, dictionary), dictionary, cache)).toEqual(chooseInLattice(units, dictionary, cache))
  })

  it('takes the pairs from the hints, not from the lexicon (a pair left out is no word)', () => {
    const plain = chooseInLattice(units, dictionary)
    const without = chooseInLattice(hinted(units, dictionary, {first: '中', second: '国'}), dictionary)
    expect(plain[0]!.best).toBe(0)
    expect(without[0]!.scores[0]).toBeLessThan(plain[0]!.scores[0]!)
  })

  it('ignores pairs kept for a slot that is no longer the next unit', () => {
    const copies = hinted(units, dictionary)
    // The second slot's pairs lead into the third; after a fixed character is put between them, they must not be used.
    const moved: Unit[] = [...copies.slice(0, 3), '人', ...copies.slice(3)]
    const plain: Unit[] = [...units.slice(0, 3), '人', ...units.slice(3)]
    expect(chooseInLattice(moved, dictionary)).toEqual(chooseInLattice(plain, dictionary))
  })
})

describe('word caches say which characters no word of theirs begins with', () => {
  it('the article cache', () => {
    const cache = intactWordCache(new Map([['中国', 2], ['同意', 1]]))!
    expect(cache.starts?.('中')).toBe(true)
    expect(cache.starts?.('同')).toBe(true)
    expect(cache.starts?.('国')).toBe(false)
    expect(cache.bonus(0, '国家', -5)).toBe(0)
  })

  it('the document cache', () => {
    const units: Unit[] = [...'中国', '。', slot(['中', '不']), slot(['国', '同'])]
    const cache = documentCache(units, chooseInLattice(units, dictionary), dictionary)
    expect(cache.starts?.('中')).toBe(true)
    expect(cache.starts?.('国')).toBe(false)
    expect(documentCache([slot(['中'])], [{best: 0, order: [0], scores: [0], confidence: 0.1}], dictionary).starts?.('中')).toBe(false)
  })
})
