import {describe, expect, it} from 'vitest'
import {commonStemsOf, parseCedict, readCedictText} from '../../src/repair/source/gloss-dictionary.js'
import {cedictCommonStems} from '../../src/repair/source/gloss-stem-counts.js'

describe('the common stems of CC-CEDICT, counted ahead', () => {
  const text = readCedictText()

  it('are what counting the dictionary gives (else run `npx tsx scripts/gloss-stem-counts.ts`)', () => {
    expect(cedictCommonStems).toEqual(commonStemsOf(text))
    expect(cedictCommonStems.stems.length).toBeGreaterThan(500)
  })

  it('give every stem the specificity that counting gives', () => {
    const ahead = parseCedict(text, cedictCommonStems)
    const counted = parseCedict(text)
    const probes = [...cedictCommonStems.stems.map(([stem]) => stem), 'architectur', 'subnetwork', 'kubernet', 'zzz']
    expect(probes.map((stem) => ahead.specificity(stem))).toEqual(probes.map((stem) => counted.specificity(stem)))
    expect(ahead.specificity('us')).toBeLessThan(0.6)
    expect(ahead.specificity('architectur')).toBe(1)
  })

  it('are not used for another dictionary', () => {
    const lines = Array.from({length: 150}, (_, index) => `字${index} 字${index} [zi4] /person ${index}/`)
    const small = parseCedict(lines.join('\n'), cedictCommonStems)
    // `person` is in all 150 entries of this text, not in the counts for CC-CEDICT.
    expect(small.specificity('person')).toBe(0)
  })
})
