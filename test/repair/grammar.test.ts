import {describe, expect, it} from 'vitest'
import {rebuild, type Part} from '../../src/repair/reconstruct/lossy.js'
import {lexicon} from './lexicon-shared.js'

/** One damaged character with these candidates, between two stretches of text; the lexicon alone chooses. */
function choose(before: string, candidates: string, after: string): string {
  const parts: Part[] = [before, {candidates: [...candidates].map((char) => ({char, filled: []}))}, after]
  return rebuild(parts, lexicon())[0]!.char
}

describe('parts of speech the lexicon tags', () => {
  it('takes a classifier after a number (seed: `24 位的子网`)', () => {
    expect(lexicon().charTag('位')).toBe('q')
    expect(choose('后者通常得到一个 24 ', '住位低佐', '的子网')).toBe('位')
    expect(choose('项目有三', '住位低佐', '维护者')).toBe('位')
    // Which classifier is the noun's (`一台服务器`, not the more frequent word
    // `一封`) the lexicon cannot tell: that is left to the context.
  })

  it('takes a sentence particle before a question mark, though it ends no word (seed: `还可以理解吗？`)', () => {
    expect(lexicon().charTag('吗')).toBe('y')
    expect(choose('目前为止，还可以理解', '块字受南吗', '？')).toBe('吗')
  })

  it('gives no classifier bonus after something that is no number', () => {
    expect(choose('这是一个', '住位低佐', '问题')).not.toBe('位')
  })
})
