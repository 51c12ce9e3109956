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

/**
 * Cases where bitext does better than ftfy, with what it gives: a lost byte
 * after `â€` is `”` when a `“` opened before it on the line (the issue asks
 * for it; ftfy leaves U+FFFD).
 */
const better: Record<string, string> = {
  'Synthetic: lossy decoding in sloppy-windows-1252': '“lossy decoding”',
  'Lossy decoding can have plain ASCII question marks, as well': 'The ICR has been upgraded to “bb+” from “bb”'
}

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
          const expected = better[item.label] ?? item['fixed-encoding'] ?? item.fixed
          expect(repairMojibake(item.original, {lexicon}).text).toBe(expected)
        })
      }
    })
  }
})

describe('ftfy conformance, counted', () => {
  it('passes at least 148 of the pass cases as ftfy does, and every negative case', () => {
    let total = 0
    let same = 0
    for (const file of files) {
      const cases = JSON.parse(readFileSync(`${folder}/${file}`, 'utf8')) as Case[]
      for (const item of cases) {
        if (item.expect !== 'pass') continue
        total++
        const output = repairMojibake(item.original, {lexicon}).text
        if (output === (item['fixed-encoding'] ?? item.fixed)) same++
        else if (file === 'negative.json') expect({label: item.label, output}).toEqual({label: item.label, output: item.fixed})
      }
    }
    expect(total).toBe(151)
    expect(same).toBeGreaterThanOrEqual(148)
    expect(total - same).toBe(Object.keys(better).length)
  })
})
