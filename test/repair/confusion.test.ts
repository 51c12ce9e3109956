/**
 * Function-character confusions (`src/repair/reconstruct/confusion.ts`): a
 * choice between two common function characters with the same damaged bytes
 * (`不`/`中`/`与`) gets a tempered confidence, unless the English confirms it.
 */
import {describe, expect, it} from 'vitest'
import {confusionTemperature, functionConfusion, isFunctionCharacter, temperedConfidence} from '../../src/repair/reconstruct/confusion.js'
import {rebuild} from '../../src/repair/reconstruct/lossy.js'
import {confirms} from '../../src/repair/source/rerank.js'
import {lexicon} from './lexicon-shared.js'

const candidates = (chars: string) => [...chars].map((char) => ({char, filled: []}))

describe('function characters', () => {
  it('are the common single-character function words of the lexicon', () => {
    const all = [...'不中与从在的了和向也发卷号仍丁丐']
    expect(all.filter((char) => isFunctionCharacter(char, lexicon()))).toEqual([...'不中与从在的了和向也'])
  })

  it('make a confusion only in pairs', () => {
    expect(functionConfusion('不', '中', lexicon())).toBe('中')
    expect(functionConfusion('中', '丁', lexicon())).toBeUndefined()
    expect(functionConfusion('号', '卷', lexicon())).toBeUndefined()
    expect(functionConfusion('中', undefined, lexicon())).toBeUndefined()
  })
})

describe('temperedConfidence', () => {
  it('divides the log-odds by the temperature', () => {
    expect(confusionTemperature).toBe(1.5)
    expect(temperedConfidence(0.95)).toBeCloseTo(1 / (1 + Math.exp(-Math.log(19) / 1.5)), 12)
    // 0.889 is the confidence a confused choice needs to stay above the flag threshold of 0.8.
    expect(temperedConfidence(0.889)).toBeCloseTo(0.8, 3)
  })

  it('never raises a confidence', () => {
    expect([0, 0.3, 0.5, 1].map(temperedConfidence)).toEqual([0, 0.3, 0.5, 1])
  })
})

describe('rebuild', () => {
  it('tempers a choice between two function characters and says which', () => {
    const [result] = rebuild(['在这个例子', {candidates: candidates('中与不')}, '，我们可以'], lexicon())
    expect(result!.char).toBe('中')
    expect(result!.confusion).toBe(result!.alternatives[0])
    expect(result!.confidence).toBe(temperedConfidence(result!.latticeConfidence))
    expect(result!.confidence).toBeLessThan(result!.latticeConfidence)
  })

  it('leaves any other choice as the lattice scored it', () => {
    const [result] = rebuild(['数据', {candidates: candidates('卷号偷')}, '挂载到容器'], lexicon())
    expect(result!.confusion).toBeUndefined()
    expect(result!.confidence).toBe(result!.latticeConfidence)
  })
})

describe('confirms', () => {
  it('takes any English evidence for the choice, and a sentence without negation only against 不', () => {
    expect(confirms('framed-function', '不')).toBe(true)
    expect(confirms('function', '与')).toBe(true)
    expect(confirms('word', '中')).toBe(true)
    expect(confirms('no-negation', '不')).toBe(true)
    expect(confirms('no-negation', '与')).toBe(false)
    expect(confirms(undefined, '与')).toBe(false)
    expect(confirms('word', undefined)).toBe(false)
  })
})
