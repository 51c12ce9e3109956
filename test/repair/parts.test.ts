import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {completions} from '../../src/repair/reconstruct/candidates.js'
import {buildCodec} from '../../src/repair/channels/codecs.js'
import {repair} from '../../src/repair/index.js'
import {parseLexicon} from '../../src/repair/model/lexicon.js'
import {fragileBytes, inferLostBytes} from '../../src/repair/channels/lost-bytes.js'
import type {Piece} from '../../src/repair/channels/scan.js'
import {lexicon} from './lexicon-shared.js'

describe('parseLexicon', () => {
  const small = parseLexicon('中 6 f\n中国 3 ns\n其中 1 r\n国 2 n\n不 4 d\n不断 2 d\n')

  it('looks up words, prefixes and unknown strings', () => {
    expect(small.size).toBe(6)
    expect(small.maxLength).toBe(2)
    expect(small.lookup('中')).toBeCloseTo(Math.log(6 / 18))
    expect(small.lookup('中国')).toBeCloseTo(Math.log(3 / 18))
    expect(small.lookup('其')).toBe(1)
    expect(small.lookup('国家')).toBeUndefined()
    expect(small.lookup('人')).toBeUndefined()
    expect(small.floor).toBeCloseTo(Math.log(0.5 / 18))
  })

  it('counts how characters begin, end and stand alone as words', () => {
    expect(small.positions('中')).toEqual({initial: 3, final: 1, single: 6})
    expect(small.positions('不')).toEqual({initial: 2, final: 0, single: 4})
  })

  it('merges the ranges of unsorted input', () => {
    const unsorted = parseLexicon('中国 3 ns\n国 2 n\n中 6 f\n')
    expect(unsorted.lookup('中')).toBeCloseTo(Math.log(6 / 11))
    expect(unsorted.lookup('中国')).toBeCloseTo(Math.log(3 / 11))
    expect([...unsorted.words()].map(([word]) => word)).toEqual(['中国', '国', '中'])
    const trie = unsorted.trie('中')!
    expect(trie.value(0)).toBeCloseTo(Math.log(6 / 11))
    expect(trie.value(trie.child(0, '国'.codePointAt(0)!))).toBeCloseTo(Math.log(3 / 11))
  })

  it('walks words by code point through a trie, prefixes without a value', () => {
    const trie = parseLexicon('中 6 f\n中华人民 3 nt\n中华 2 nz\n中国 1 ns\n𠀋 1 n\n𠀋𠀋 1 n\n')
    const root = trie.trie('中')!
    expect(root.value(0)).toBeCloseTo(Math.log(6 / 14))
    const step = (node: number, char: string) => root.child(node, char.codePointAt(0)!)
    expect(root.value(step(0, '华'))).toBeCloseTo(Math.log(2 / 14))
    expect(root.value(step(0, '国'))).toBeCloseTo(Math.log(1 / 14))
    const prefix = step(step(0, '华'), '人')
    expect(root.value(prefix)).toBeUndefined()
    expect(root.hasChildren(prefix)).toBe(true)
    expect(root.value(step(prefix, '民'))).toBeCloseTo(Math.log(3 / 14))
    expect(root.hasChildren(step(prefix, '民'))).toBe(false)
    expect(step(0, '人')).toBe(-1)
    const astral = trie.trie('𠀋')!
    expect(astral.value(astral.child(0, '𠀋'.codePointAt(0)!))).toBeCloseTo(Math.log(1 / 14))
    expect(trie.trie('人')).toBeUndefined()
    // One character is looked up without parsing its words; the answers agree with the trie.
    expect(trie.lookup('𠀋')).toBeCloseTo(Math.log(1 / 14))
    expect(trie.lookup('中华人')).toBe(1)
  })
})

describe('inferLostBytes', () => {
  const codec = buildCodec('windows-1252')
  const piece = (bytes: number[]): Piece => ({start: 0, end: 1, codec, bytes, missing: 0, char: 'x'})

  it('takes unseen bytes the codec cannot carry as lost', () => {
    expect(inferLostBytes([piece([0xe4, 0xb8, 0x80])], fragileBytes(codec.undefinedBytes))).toEqual([0x81, 0x8d, 0x8f, 0x90, 0x9d, 0xad])
    expect(inferLostBytes([piece([0xe4, 0x81, 0x80])], fragileBytes(codec.undefinedBytes))).toEqual([0x8d, 0x8f, 0x90, 0x9d, 0xad])
  })

  it('takes any unseen byte as lost once the statistics say it should have been seen', () => {
    const many: Piece[] = []
    for (let byte = 0x80; byte <= 0xbf; byte++) {
      if (byte === 0x9e) continue
      for (let count = 0; count < 6; count++) many.push(piece([0xe5, byte, byte]))
    }
    expect(inferLostBytes(many, new Set())).toEqual([0x9e])
    expect(inferLostBytes(many.slice(0, 20), new Set())).toEqual([])
  })
})

describe('completions', () => {
  it('puts the lost bytes in every slot they fit', () => {
    // E3 81 80 and E3 90 80 (unassigned, and a rare extension-A character) are
    // valid UTF-8 too; the kind prior prunes them later.
    expect(completions([0xe3, 0x80], [0x81, 0x90], []).map((candidate) => candidate.char)).toEqual(['\u3040', '\u3400', '、', '【'])
    expect(completions([0xe5, 0x88], [0x9d, 0x90], []).map((candidate) => [candidate.char, candidate.filled])).toEqual([
      ['坈', [0x9d]],
      ['合', [0x90]],
      ['初', [0x9d]],
      ['刐', [0x90]]
    ])
  })

  it('fills marked losses from the unknown bytes', () => {
    expect(completions([0xc3, -1], [], [0xa9, 0x81]).map((candidate) => [candidate.char, candidate.filled])).toEqual([['é', [0xa9]], ['Á', [0x81]]])
  })
})

describe('repair (stage)', () => {
  it('replaces the value and reports the damage once (the check reports uncertain choices)', () => {
    const file = new VFile({path: 'a.md', value: 'title: ã€ç¿»è¯‘ã€‘\n'})
    repair(file, {lexicon})
    expect(file.value).toBe('title: 【翻译】\n')
    expect(file.data.damage?.summary).toBe('UTF-8 read as windows-1252, lost bytes 0x81 0x8D 0x8F 0x90 0x9D 0xAD, perhaps also 0x8E 0x9E (if it was read as windows-1254, which this text cannot be told from)')
    expect(file.data.repairs?.map((record) => [record.before, record.after, record.kind])).toEqual([
      ['ã€', '【', 'lossy'],
      ['ç¿»è¯‘ã€‘', '翻译】', 'lossless']
    ])
    expect(file.messages).toHaveLength(1)
    expect(file.messages[0]).toMatchObject({ruleId: 'mojibake-repaired', source: 'bitext', fatal: undefined})
    expect(file.messages[0]!.reason).toBe('Repaired mojibake (UTF-8 read as windows-1252, lost bytes 0x81 0x8D 0x8F 0x90 0x9D 0xAD, perhaps also 0x8E 0x9E (if it was read as windows-1254, which this text cannot be told from)): 2 repairs on line 1; `bitext repair --json a.md` lists each with its confidence')
    // At the first repair (where the text on disk and the repaired text agree).
    expect([file.messages[0]!.line, file.messages[0]!.column]).toEqual([1, 8])
    // 【 or 「 (both close on the line): rebuilt, with runner-ups, not certain.
    expect(file.data.repairs?.[0]?.confidence).toBeLessThan(0.9)
    expect(file.data.repairs?.[0]?.alternatives.length).toBeGreaterThan(0)
  })

  it('names the lines of the repairs: all of them when few, else the first and the last', () => {
    const lines = (count: number) => Array.from({length: count}, (_, index) => `第 ${index + 1} 行：ç¿»è¯‘`).join('\n')
    const reasonOf = (text: string) => {
      const file = new VFile({path: 'b.md', value: text})
      repair(file, {lexicon})
      return /repairs? (on [^;]*);/.exec(file.messages[0]!.reason)?.[1]
    }
    expect(reasonOf(lines(2))).toBe('on lines 1 and 2')
    expect(reasonOf(lines(5))).toBe('on lines 1, 2, 3, 4 and 5')
    expect(reasonOf(lines(6))).toBe('on 6 lines, from line 1 to 6')
  })

  it('leaves clean text and says nothing', () => {
    const file = new VFile({value: '干净的中文。'})
    repair(file, {lexicon})
    expect(file.value).toBe('干净的中文。')
    expect(file.data).toMatchObject({repairs: [], damage: null})
    expect(file.messages).toEqual([])
  })
})
