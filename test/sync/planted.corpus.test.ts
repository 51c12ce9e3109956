/**
 * Planted edits on real translations: the Kubernetes website's zh-cn pages
 * (English in comments) and the seed article (English in `>` quotes). Every
 * planted wording change, new paragraph and removed paragraph must be found
 * with its exact status, and no unchanged or cosmetically edited paragraph
 * may be reported as changed, new or removed. Numbers in docs/sync.md.
 */
import {describe, expect, it} from 'vitest'
import {syncTranslation, unchangedByLines} from '../../src/sync/index.js'
import {translationPage} from './corpus-pages.js'
import {evaluate, plant, storedPage, type PlantSettings} from './plant.js'

/** The pages the sync code was developed on, and those it was first measured on afterwards. */
const development = ['api-server-bypass-risks', 'configmap', 'install-kubectl-linux', 'memory-manager', 'namespaces', 'pod-security-standards', 'quality-service-pod']
const heldOut = ['container-environment', 'cron-jobs', 'limit-range', 'proxies', 'taint-and-toleration']

const seeds = [1, 2, 3, 4, 5]
const stress: PlantSettings = {wordEdits: 3, minWords: 1, rates: {cosmetic: 0.3, changed: 0.3, removed: 0.15, inserted: 0.15}}

describe('sync on planted edits', () => {
  for (const name of [...development, ...heldOut, 'seed']) {
    it(`${name}: every planted change found, no false alarm`, () => {
      const text = translationPage(name)
      // The stored English as the source: nothing to report.
      const {page: unchanged} = storedPage(text)
      expect(syncTranslation(text, unchanged).units.every((unit) => unit.status === 'current')).toBe(true)
      for (const seed of seeds) {
        const score = evaluate(text, seed)
        expect(score.problems, `${name} seed ${seed}`).toEqual([])
        expect(score.found).toEqual(score.planted)
        expect(score.falseAlarms).toBe(0)
        expect(score.planted.changed + score.planted.removed + score.planted.new).toBeGreaterThan(0)
      }
    })

    it(`${name}: dense edits (three words per changed paragraph, short ones too) are all reported stale, no false alarm`, () => {
      const text = translationPage(name)
      for (const seed of seeds.slice(0, 2)) {
        const score = evaluate(text, seed, stress)
        expect(score.falseAlarms, score.problems.join('\n')).toBe(0)
        expect(score.staleChanged).toBe(score.planted.changed)
        expect(score.found.new).toBe(score.planted.new)
        expect(score.found.removed).toBe(score.planted.removed)
        expect(score.found.cosmetic).toBe(score.planted.cosmetic)
      }
    })
  }

  it('the fast path never calls a planted page unchanged', () => {
    for (const name of [...development, ...heldOut]) {
      const text = translationPage(name)
      const {paragraphs} = storedPage(text)
      for (const seed of seeds) expect(unchangedByLines(text, plant(paragraphs, seed).source), `${name} seed ${seed}`).toBe(false)
    }
  })
})
