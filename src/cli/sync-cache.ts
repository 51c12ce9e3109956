/**
 * The cache of `bitext sync`'s tree mode: the verdict "nothing to translate"
 * for a translation and its source, by the hash of both texts and of
 * bitext's code. A tree where nothing changed is then compared at the cost of
 * reading and hashing its files. Only clean verdicts are kept (a stale page
 * is compared again, since its report is wanted); an entry that cannot be
 * read is a miss.
 */
import {createHash} from 'node:crypto'
import type * as nodeFs from 'node:fs'
import path from 'node:path'
import type {SyncStatus} from '../sync/index.js'

/** The part of `node:fs` the cache uses. */
export type SyncCacheFs = Pick<typeof nodeFs, 'readFileSync' | 'writeFileSync' | 'mkdirSync' | 'renameSync'>

/** A clean verdict: how many paragraphs got each status. */
export type CachedCounts = Record<SyncStatus, number>

/** The cache of one run. */
export interface SyncCache {
  /** The key of a pair of texts. */
  key(zhText: string, enText: string): string
  /** The counts of a clean verdict, or undefined. */
  get(key: string): CachedCounts | undefined
  /** Keep a clean verdict (errors are ignored: the cache only saves time). */
  set(key: string, counts: CachedCounts): void
}

/**
 * Open the sync cache in a folder.
 *
 * @param fs File system.
 * @param dir The cache folder (its `sync/` subfolder is used).
 * @param fingerprint The code's fingerprint (`codeFingerprint()`).
 * @returns The cache.
 */
export function openSyncCache(fs: SyncCacheFs, dir: string, fingerprint: string): SyncCache {
  const folder = path.join(dir, 'sync')
  const statuses: SyncStatus[] = ['current', 'cosmetic', 'changed', 'new', 'removed']
  return {
    key(zhText, enText) {
      return createHash('sha256').update(`bitext-sync 1\n${fingerprint}\n`).update(zhText).update('\u0000').update(enText).digest('hex')
    },
    get(key) {
      try {
        const value: unknown = JSON.parse(fs.readFileSync(path.join(folder, key.slice(0, 2), key), 'utf8'))
        if (typeof value !== 'object' || value === null) return undefined
        const record = value as Record<string, unknown>
        if (!statuses.every((status) => Number.isInteger(record[status]))) return undefined
        if (record['changed'] !== 0 || record['new'] !== 0 || record['removed'] !== 0) return undefined
        return Object.fromEntries(statuses.map((status) => [status, record[status]])) as CachedCounts
      } catch {
        return undefined
      }
    },
    set(key, counts) {
      try {
        const sub = path.join(folder, key.slice(0, 2))
        fs.mkdirSync(sub, {recursive: true})
        const temporary = path.join(sub, `.${key}.${process.pid}.tmp`)
        fs.writeFileSync(temporary, JSON.stringify(counts))
        fs.renameSync(temporary, path.join(sub, key))
      } catch {
        // A cache that cannot be written only costs time.
      }
    }
  }
}
