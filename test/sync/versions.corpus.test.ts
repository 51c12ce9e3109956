/**
 * Real version pairs: each zh-cn page of the Kubernetes website against
 * every English version of its page in the corpus (the current one, the one
 * that was current when the Chinese was last edited, older ones). The counts
 * are those of docs/sync.md; the fast path must agree with the full
 * comparison wherever it decides.
 */
import fs from 'node:fs'
import {describe, expect, it} from 'vitest'
import {countStatuses, syncTranslation, unchangedByLines, type SyncStatus} from '../../src/sync/index.js'
import {sharedPath} from '../helpers.js'

type Row = [page: string, file: string, ...counts: number[]]

/** Page, English file, then current, cosmetic, changed, new, removed. */
const expected: Row[] = [
  ['api-server-bypass-risks', 'en.42e746a.md', 40, 0, 0, 0, 0],
  ['api-server-bypass-risks', 'en.a437285.md', 28, 12, 0, 0, 0],
  ['api-server-bypass-risks', 'en.md', 40, 0, 0, 2, 0]
]

const statuses: SyncStatus[] = ['current', 'cosmetic', 'changed', 'new', 'removed']

describe('sync on the real English versions of the Kubernetes pages', () => {
  const root = sharedPath('corpus', 'k8s-website')
  const pages = fs.readdirSync(root).filter((name) => fs.statSync(`${root}/${name}`).isDirectory()).sort()
  const rows: Row[] = []
  for (const name of pages) {
    const zh = fs.readFileSync(`${root}/${name}/zh-cn.md`, 'utf8')
    for (const file of fs.readdirSync(`${root}/${name}`).filter((entry) => entry.startsWith('en')).sort()) {
      const en = fs.readFileSync(`${root}/${name}/${file}`, 'utf8')
      const result = syncTranslation(zh, en)
      const counts = countStatuses(result.units)
      rows.push([name, file, ...statuses.map((status) => counts[status])])
      if (unchangedByLines(zh, en)) {
        it(`${name}/${file}: the fast path agrees with the full comparison`, () => {
          expect(result.units.filter((unit) => unit.status !== 'current')).toEqual([])
        })
      }
    }
  }

  it('gives the counts of docs/sync.md', () => {
    for (const row of expected) expect(rows).toContainEqual(row)
    expect(rows).toMatchSnapshot()
  })
})
