import {describe, expect, it} from 'vitest'
import {chooseInLattice, type Slot, type Unit} from '../../src/repair/reconstruct/choose.js'
import {documentCache} from '../../src/repair/model/document-cache.js'
import {lexicon} from './lexicon-shared.js'

const slot = (...candidates: string[]): Slot => ({candidates, priors: candidates.map(() => 0)})
const picked = (units: readonly Unit[], choices: ReturnType<typeof chooseInLattice>): string =>
  choices.map((choice, index) => (units.filter((unit) => typeof unit !== 'string')[index] as Slot).candidates[choice.best]).join('')

describe('the document cache', () => {
  it('lets a word the document uses elsewhere win a coin toss', () => {
    const units: Unit[] = [...'分布式架构和', '\n', ...'主从式', slot('恶', '架'), slot('意', '构')]
    const plain = chooseInLattice(units, lexicon())
    expect(picked(units, plain)).toBe('恶意')
    const cached = chooseInLattice(units, lexicon(), documentCache(units, plain, lexicon()))
    expect(picked(units, cached)).toBe('架构')
  })

  it('never lets a choice vouch for itself, nor count uncertain ones', () => {
    const units: Unit[] = [slot('恶', '架'), slot('意', '构')]
    const sure = [0, 1].map(() => ({best: 0, order: [0, 1], scores: [0, -1], confidence: 1}))
    expect(documentCache(units, sure, lexicon()).bonus(0, '恶意', -12)).toBe(0)
    const twice: Unit[] = [...units, '。', slot('恶', '架'), slot('意', '构')]
    const unsure = [0, 1, 2, 3].map((index) => ({best: 0, order: [0, 1], scores: [0, -1], confidence: index < 2 ? 1 : 0.6}))
    const cache = documentCache(twice, unsure, lexicon())
    // The first two count for the second place, the uncertain second ones not for the first.
    expect(cache.bonus(3, '恶意', -12)).toBeGreaterThan(1)
    expect(cache.bonus(0, '恶意', -12)).toBe(0)
  })

  it('scales its bonus by what the caller says of the word at those slots', () => {
    const units: Unit[] = [slot('恶', '架'), slot('意', '构'), '。', slot('恶', '架'), slot('意', '构')]
    const sure = [0, 1, 2, 3].map(() => ({best: 0, order: [0, 1], scores: [0, -1], confidence: 1}))
    const seen: number[][] = []
    const full = documentCache(units, sure, lexicon()).bonus(3, '恶意', -12)
    const half = documentCache(units, sure, lexicon(), {scale: (_, slots) => (seen.push([...slots]), 0.5)}).bonus(3, '恶意', -12)
    expect(half).toBeCloseTo(full / 2)
    expect(seen).toEqual([[2, 3]])
  })

  it('counts words of two or more characters only', () => {
    const units: Unit[] = [...'中中中中', slot('中', '不')]
    const plain = chooseInLattice(units, lexicon())
    expect(documentCache(units, plain, lexicon()).bonus(4, '中', -6)).toBe(0)
  })
})
