/**
 * Real version pairs: each zh-cn page of the Kubernetes website against
 * every English version of its page in the corpus (the current one, the one
 * that was current when the Chinese was last edited, older ones). The counts
 * are those of docs/sync.md; wherever the fast path decides "nothing to
 * translate", the full comparison finds nothing changed, new or removed.
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
  ['api-server-bypass-risks', 'en.md', 40, 0, 0, 2, 0],
  ['configmap', 'en.2ccaf06.md', 69, 3, 2, 0, 0],
  ['configmap', 'en.cdf1ed1.md', 57, 4, 1, 0, 12],
  ['configmap', 'en.md', 70, 3, 1, 0, 0],
  ['container-environment', 'en.50d7e85.md', 17, 0, 0, 0, 0],
  ['container-environment', 'en.dc5a1d5.md', 16, 0, 1, 0, 0],
  ['container-environment', 'en.md', 15, 0, 2, 0, 0],
  ['cron-jobs', 'en.1cf9e71.md', 65, 1, 1, 1, 0],
  ['cron-jobs', 'en.d0fa9da.md', 67, 0, 0, 0, 0],
  ['cron-jobs', 'en.md', 66, 0, 1, 2, 0],
  ['install-kubectl-linux', 'en.0299ca8.md', 85, 1, 1, 0, 2],
  ['install-kubectl-linux', 'en.3325f2e.md', 81, 1, 1, 0, 6],
  ['install-kubectl-linux', 'en.md', 87, 1, 1, 0, 0],
  ['limit-range', 'en.6767662.md', 35, 2, 2, 0, 1],
  ['limit-range', 'en.bf5ad71.md', 20, 17, 2, 0, 1],
  ['limit-range', 'en.md', 36, 2, 1, 0, 1],
  ['memory-manager', 'en.0867522.md', 136, 1, 0, 1, 0],
  ['memory-manager', 'en.ea201df.md', 132, 1, 1, 3, 3],
  ['memory-manager', 'en.md', 26, 0, 22, 31, 89],
  ['namespaces', 'en.5c58b7a.md', 36, 4, 1, 0, 0],
  ['namespaces', 'en.c1d218e.md', 37, 3, 1, 0, 0],
  ['namespaces', 'en.md', 37, 3, 1, 0, 0],
  ['pod-security-standards', 'en.5827f58.md', 44, 0, 0, 3, 0],
  ['pod-security-standards', 'en.d86a4b4.md', 44, 0, 0, 3, 0],
  ['pod-security-standards', 'en.md', 44, 0, 0, 3, 0],
  ['proxies', 'en.d6a1ba2.md', 37, 0, 0, 0, 0],
  ['proxies', 'en.ed963c6.md', 36, 0, 1, 0, 0],
  ['proxies', 'en.md', 37, 0, 0, 0, 0],
  ['quality-service-pod', 'en.cf1ef9e.md', 81, 0, 0, 1, 1],
  ['quality-service-pod', 'en.e8b136c.md', 81, 0, 0, 0, 1],
  ['quality-service-pod', 'en.md', 81, 0, 0, 1, 1],
  ['taint-and-toleration', 'en.3216dbc.md', 72, 12, 0, 23, 0],
  ['taint-and-toleration', 'en.c13b557.md', 84, 0, 0, 1, 0],
  ['taint-and-toleration', 'en.md', 83, 1, 0, 22, 0]
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
          expect(result.units.filter((unit) => unit.status !== 'current' && unit.status !== 'cosmetic')).toEqual([])
        })
      }
    }
  }

  it('gives the counts of docs/sync.md', () => {
    expect(rows).toEqual(expected)
  })
})
