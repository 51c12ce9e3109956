import {describe, expect, it} from 'vitest'
import {evidentFunctionWords} from '../../src/repair/source/english.js'
import {parseCedict} from '../../src/repair/source/gloss-dictionary.js'
import {rerankRepairs} from '../../src/repair/source/rerank.js'
import {defaultSourceWeights} from '../../src/repair/source/source-bonus.js'
import type {SourceSpan} from '../../src/repair/source/source-evidence.js'
import type {RepairRecord} from '../../src/types.js'
import {lexicon} from './lexicon-shared.js'

// CC-CEDICT's own entries (senses cut short where they are long).
const dictionary = parseCedict([
  '我 我 [wo3] /I; me; my/',
  '或 或 [huo4] /maybe; perhaps; might; possibly; or/',
  '有 有 [you3] /to have; there is; to exist; to be/',
  '但 但 [dan4] /but; yet; however; only; merely; still/',
  '作 作 [zuo4] /to do; to grow; to write or compose; to pretend; to regard as; to feel; writings or works/',
  '將 将 [jiang1] /will; shall; to use; to take; to checkmate; just a short while ago/',
  '到 到 [dao4] /to reach; to arrive; to leave for; to go to; to (a place); until (a time); up to; to (do sth)/',
  '地 地 [di4] /earth; ground; field; place; land/'
].join('\n'))

function span(text: string, sentence: string): SourceSpan {
  return {start: 0, end: text.length, sentence, block: sentence, blockStart: 0, blockEnd: text.length}
}

/** A lossy repair at `at` whose other candidates are `alternatives` (C1 stripped: the same lead byte). */
function repair(text: string, at: number, alternatives: string[]): RepairRecord {
  return {line: 1, column: at + 1, offset: at, outputOffset: at, before: 'æ', after: text[at]!, confidence: 0.5, alternatives, kind: 'lossy'}
}

/** Re-rank one slot; `specific: false` turns off the words that count anywhere in the sentence. */
function rerankOne(text: string, at: number, alternatives: string[], english: string, specific = true): {text: string; evidence: string | undefined} {
  const result = rerankRepairs(text, [repair(text, at, alternatives)], [span(text, english)], {
    dictionary,
    lexicon: lexicon(),
    ...(specific ? {} : {weights: {specificFunctionInSentence: {}}})
  })
  return {text: result.text, evidence: result.repairs[0]!.evidence}
}

describe('function words that count anywhere in the aligned sentence', () => {
  it('lists `or`, `but` and `will`, and takes `will` for evidence, not `from`', () => {
    expect(Object.keys(defaultSourceWeights.specificFunctionInSentence).sort()).toEqual(['but', 'or', 'will'])
    expect(defaultSourceWeights.functionInSentence).toBe(0)
    expect(evidentFunctionWords.has('will')).toBe(true)
    expect(evidentFunctionWords.has('from')).toBe(false)
    expect(dictionary.lookup('将')?.function).toEqual(['will'])
    expect(dictionary.lookup('或')?.function).toEqual(['or'])
  })

  it('reads `or` for 或 where the English says it, and not where it does not', () => {
    const text = '不需要上传源代码我设置任何东西'
    const english = 'There is no need to upload the source code or set up anything special'
    expect(rerankOne(text, 8, ['或', '有'], english)).toEqual({text: '不需要上传源代码或设置任何东西', evidence: 'EN "or", where the word and context models chose 我'})
    expect(rerankOne(text, 8, ['或', '有'], english, false).text).toBe(text)
    expect(rerankOne(text, 8, ['或', '有'], 'There is no need to upload the source code and set up anything special').text).toBe(text)
  })

  it('reads `will` for 将 among the characters that show the same bytes (`将`, `到`, `地`: E5 B0)', () => {
    const text = '我们到开始到 vSphere 与 Kubernetes 比较'
    const english = 'we will start comparing vSphere with Kubernetes'
    expect(rerankOne(text, 2, ['将', '地'], english)).toEqual({text: '我们将开始到 vSphere 与 Kubernetes 比较', evidence: 'EN "will", where the word and context models chose 到'})
    expect(rerankOne(text, 2, ['将', '地'], english, false).text).toBe(text)
    expect(rerankOne(text, 2, ['将', '地'], 'we start comparing vSphere with Kubernetes').text).toBe(text)
  })
})

describe('an overturn that no word of the sentence vouches for, where the damage was wide', () => {
  /** UTF-8 read as Latin-1, the C1 controls stripped: 32 byte values lost, so the English proposes and overturns stay open. */
  const c1Stripped = {lostBytes: Array.from({length: 32}, (_, index) => 0x80 + index), via: 'latin1'}
  const negating = parseCedict(['不 不 [bu4] /(negative prefix); not; no/', '與 与 [yu3] /and; to; with; together with/', '中 中 [zhong1] /within; among; in; middle; center/'].join('\n'))
  // The seed's `我的应用程序是与完整的` ("my app is broken"): 与 (E4 B8 8E), 不 (E4 B8 8D) and 中 (E4 B8 AD) differ in one lost byte.
  const text = '我的应用程序是与完整的'
  const overturn = (damage?: typeof c1Stripped): RepairRecord => {
    const record = {...repair(text, 7, ['不', '中']), confidence: 0.6}
    return rerankRepairs(text, [record], [span(text, 'my app is not complete')], {dictionary: negating, lexicon: lexicon(), ...(damage ? {damage} : {})}).repairs[0]!
  }

  it('stays below the flag threshold however sure the lattice is with the bonus (a negation alone)', () => {
    const narrow = overturn()
    expect(narrow.after).toBe('不')
    expect(narrow.confidence).toBeGreaterThanOrEqual(0.8)
    const wide = overturn(c1Stripped)
    expect(wide.after).toBe('不')
    expect(wide.confidence).toBeLessThan(0.8)
    expect(wide.evidence).toMatch(/, where the word and context models chose 与$/)
    expect(wide.alternatives[0]).toBe('与')
  })
})
