/**
 * `sync --write` on real translations: on the 12 Kubernetes zh-cn pages and
 * the seed, with planted edits, a second run changes nothing and gives the
 * statuses the markers imply (cosmetic pairs refreshed become current; every
 * changed, new and removed paragraph stays so).
 */
import fs from 'node:fs'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {decode} from '../../src/decode/index.js'
import {repair} from '../../src/repair/index.js'
import {applyEdits, planEdits, syncTranslation, type SyncResult} from '../../src/sync/index.js'
import {sharedPath} from '../helpers.js'
import {plant, storedPage} from './plant.js'

function page(name: string): string {
  if (name === 'seed') {
    const file = new VFile({path: 'seed.md', value: fs.readFileSync(sharedPath('seeds', 'kubernetes-intro-for-vmware-users.zh.mojibake.md'))})
    decode(file)
    repair(file)
    return String(file.value)
  }
  return fs.readFileSync(sharedPath('corpus', 'k8s-website', name, 'zh-cn.md'), 'utf8')
}

/** The statuses, cosmetic counted as current (a refreshed pair is current). */
const statuses = (result: SyncResult): string[] => result.units.map((unit) => (unit.status === 'cosmetic' ? 'current' : unit.status)).sort()

describe('sync --write on planted edits', () => {
  const root = sharedPath('corpus', 'k8s-website')
  const names = [...fs.readdirSync(root).filter((name) => fs.statSync(`${root}/${name}`).isDirectory()).sort(), 'seed']
  for (const name of names) {
    it(`${name}: a second write changes nothing`, () => {
      const text = page(name)
      const {paragraphs} = storedPage(text)
      for (const seed of [1, 2, 3]) {
        const {source} = plant(paragraphs, seed)
        const first = syncTranslation(text, source)
        const edits = planEdits(first, text)
        expect(edits.length).toBeGreaterThan(0)
        const written = applyEdits(text, edits).text
        const second = syncTranslation(written, source)
        expect(planEdits(second, written), `${name} seed ${seed}`).toEqual([])
        expect(statuses(second)).toEqual(statuses(first))
      }
    })
  }
})
