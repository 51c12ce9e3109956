import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import iconv from 'iconv-lite'
import {describe, expect, it} from 'vitest'
import {repairMojibake} from '../../src/repair/reconstruct/repair-mojibake.js'
import {sharedPath} from '../helpers.js'
import {lexicon} from './lexicon-shared.js'

/** Clean professional Chinese (and its English originals). */
const folders = ['zh-cn', 'en'].map((language) => sharedPath('corpus', 'cncf-glossary', language))
const documents = folders.flatMap((folder) =>
  readdirSync(folder, {recursive: true})
    .map(String)
    .filter((name) => name.endsWith('.md'))
    .map((name) => ({name: path.join(path.basename(folder), name), text: readFileSync(path.join(folder, name), 'utf8')}))
)

/** What the seed went through: UTF-8 read as windows-1252, undefined bytes and soft hyphens dropped. */
function corrupt(text: string): string {
  const dropped = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d, 0xad])
  return iconv.decode(Buffer.from(Buffer.from(text, 'utf8').filter((byte) => !dropped.has(byte))), 'windows-1252')
}

describe('the CNCF glossary corpus', () => {
  it('has documents', () => {
    expect(documents.length).toBeGreaterThan(100)
  })

  it('comes back unchanged when clean', () => {
    for (const {name, text} of documents) {
      const result = repairMojibake(text, {lexicon})
      expect({name, changed: result.text !== text, repairs: result.repairs.length}).toEqual({name, changed: false, repairs: 0})
    }
  })

  it('is restored from lossy mojibake: every length kept, ≥ 99.5% of all and ≥ 95% of damaged characters', () => {
    let total = 0
    let right = 0
    let damaged = 0
    let damagedRight = 0
    for (const {name, text} of documents.filter((document) => document.name.startsWith('zh-cn'))) {
      const repaired = [...repairMojibake(corrupt(text), {lexicon}).text]
      const original = [...text]
      expect({name, length: repaired.length}).toEqual({name, length: original.length})
      for (const [index, char] of original.entries()) {
        const hit = repaired[index] === char
        total++
        if (hit) right++
        if (corrupt(char) !== iconv.decode(Buffer.from(char, 'utf8'), 'windows-1252')) {
          damaged++
          if (hit) damagedRight++
        }
      }
    }
    expect(right / total).toBeGreaterThanOrEqual(0.995)
    expect(damagedRight / damaged).toBeGreaterThanOrEqual(0.95)
  })
})
