/**
 * `sync --write` on real translations: on the 12 Kubernetes zh-cn pages and
 * the seed, with planted edits, a second run changes nothing and gives the
 * statuses the markers imply (cosmetic pairs refreshed become current; every
 * changed, new and removed paragraph stays so).
 */
import fs from 'node:fs'
import {describe, expect, it} from 'vitest'
import {applyEdits, planEdits, syncTranslation, type SyncResult} from '../../src/sync/index.js'
import {sharedPath} from '../helpers.js'
import {translationPage} from './corpus-pages.js'
import {plant, storedPage} from './plant.js'

/** The statuses, cosmetic counted as current (a refreshed pair is current). */
const statuses = (result: SyncResult): string[] => result.units.map((unit) => (unit.status === 'cosmetic' ? 'current' : unit.status)).sort()

describe('sync --write on planted edits', () => {
  const root = sharedPath('corpus', 'k8s-website')
  const names = [...fs.readdirSync(root).filter((name) => fs.statSync(`${root}/${name}`).isDirectory()).sort(), 'seed']
  for (const name of names) {
    it(`${name}: a second write changes nothing`, () => {
      const text = translationPage(name)
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
