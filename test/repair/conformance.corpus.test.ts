import {readFileSync, readdirSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {repairMojibake} from '../../src/repair/reconstruct/repair-mojibake.js'
import {sharedPath} from '../helpers.js'
import {lexicon} from './lexicon-shared.js'

interface Case {
  label: string
  comment?: string
  original: string
  'fixed-encoding'?: string
  fixed: string
  expect: 'pass' | 'fail'
}

/**
 * Cases whose expectation differs from bitext only by ftfy's other fixes,
 * which bitext deliberately does not make, with the reason.
 */
const exceptions: Record<string, string> = {}

const folder = sharedPath('conformance', 'ftfy')
const files = readdirSync(folder).filter((name) => name.endsWith('.json'))

describe('ftfy conformance', () => {
  it('finds the case files', () => {
    expect(files.sort()).toEqual(['in-the-wild.json', 'known-failures.json', 'language-names.json', 'negative.json', 'synthetic.json'])
  })

  for (const file of files) {
    const cases = JSON.parse(readFileSync(`${folder}/${file}`, 'utf8')) as Case[]
    if (!cases.some((item) => item.expect === 'pass')) continue
    describe(file, () => {
      for (const item of cases) {
        if (item.expect !== 'pass' || item.label in exceptions) continue
        it(item.label, () => {
          const expected = item['fixed-encoding'] ?? item.fixed
          expect(repairMojibake(item.original, {lexicon}).text).toBe(expected)
        })
      }
    })
  }
})
