import {describe, expect, it} from 'vitest'
import {repairMojibake} from '../../src/repair/reconstruct/repair-mojibake.js'
import {lexicon} from './lexicon-shared.js'

const chinese = '我们在生产环境中使用 Kubernetes 已经三年了，集群一直运行得很稳定。'

describe('Latin-1 letters in a page of intact Chinese', () => {
  // Text a post about encodings, or a post quoting European words, may hold.
  // GBK read as windows-1252 would turn all of a page's Chinese into such
  // letters, never leave most of it intact.
  const clean = [
    'Latin-1 的大写字母：ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞß',
    'ÀÁÂÃÄÅÆÇÈÉÊË',
    'ÉÉÉÉ',
    'ÑÑÑÑ',
    'ÐÒÓÔ',
    'ÓÐÌÃ',
    'Größe und Maße: 10 µs, 25 °C ± 0.5, ½ Tasse, 3 × 4 = 12.',
    'Ça coûte 5 € — très cher, n’est-ce pas? « Oui » dit-il.',
    'São Paulo não é a capital; ação, coração, pão.',
    '¿Qué tal? ¡Muy bien! Año nuevo, niño, señor.',
    'Æble, Øre, Åland; Smørrebrød; ÞÓRÐUR; ÍSLAND.',
    'Ã is a letter in Guaraní; Ñandutí; Â in Romanian: România, câine.'
  ]
  for (const line of clean) {
    it(`leaves "${line.slice(0, 24)}" as it is`, () => {
      const text = `${chinese}\n\n${line}\n\n${chinese}\n`
      const result = repairMojibake(text, {lexicon})
      expect(result.text).toBe(text)
      expect(result.repairs).toEqual([])
    })
  }

  it('still repairs a paragraph of GBK read as windows-1252 in such a page', () => {
    // The same sentence, as GBK read as windows-1252.
    const damaged = 'ÎÒÃÇÔÚÉú²ú»·¾³ÖÐÊ¹ÓÃ Kubernetes£¬¼¯ÈºÒ»Ö±ÔËÐÐµÃºÜÎÈ¶¨¡£'
    const result = repairMojibake(`${chinese}\n\n${damaged}\n`, {lexicon})
    expect(result.text).toBe(`${chinese}\n\n${chinese.replace(' 已经三年了', '')}\n`)
  })
})
