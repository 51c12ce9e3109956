/**
 * A content-addressed cache of processed articles. An entry's key is the
 * sha256 of everything the result depends on (article bytes and path, the
 * pipeline spec with the glossary's content, and the code's fingerprint), so
 * entries are never stale: a change makes a new key, and old entries are
 * simply not read again.
 */
import {createHash, randomBytes} from 'node:crypto'
import * as nodeFs from 'node:fs'
import path from 'node:path'
import type {ArticleResult} from './article-result.js'

/** The file system calls the cache uses (node's `fs` or a compatible fake). */
export type CacheFs = Pick<typeof nodeFs, 'readFileSync' | 'writeFileSync' | 'renameSync' | 'mkdirSync' | 'rmSync'>

/** Bump when the shape of `ArticleResult` or of cache entries changes. */
export const cacheSchema = 1

/**
 * The default cache folder of a project.
 *
 * @param cwd The project folder.
 * @returns `<cwd>/node_modules/.cache/bitext`.
 */
export function defaultCacheDir(cwd: string): string {
  return path.join(cwd, 'node_modules', '.cache', 'bitext')
}

/**
 * Hash what every entry of a batch depends on.
 *
 * @param fingerprint The code's fingerprint (`codeFingerprint()`).
 * @param spec The pipeline spec (JSON data).
 * @returns A hex digest to pass to `entryKey`.
 */
export function batchKey(fingerprint: string, spec: unknown): string {
  return createHash('sha256').update(`bitext-cache ${cacheSchema}\n${fingerprint}\n`).update(stableJson(spec)).digest('hex')
}

/**
 * The key of one article.
 *
 * @param batch The batch key.
 * @param shownPath The path messages show (it is part of the result).
 * @param bytes The article's bytes.
 * @returns A hex digest.
 */
export function entryKey(batch: string, shownPath: string, bytes: Uint8Array): string {
  return createHash('sha256').update(`${batch}\n${shownPath}\n`).update(bytes).digest('hex')
}

/**
 * Where an entry lives.
 *
 * @param dir The cache folder.
 * @param key The entry key.
 * @returns The entry's file path (`<dir>/<2 hex>/<key>.json`).
 */
export function entryPath(dir: string, key: string): string {
  return path.join(dir, key.slice(0, 2), `${key}.json`)
}

/**
 * Read an entry.
 *
 * @param file The entry's path.
 * @param fs File system.
 * @returns The result, or undefined when it is missing or unreadable (a
 *   damaged entry is a miss, and is overwritten).
 */
export function readEntry(file: string, fs: CacheFs = nodeFs): ArticleResult | undefined {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
  try {
    // A reviver makes JSON.parse about 3× slower, and only front matter dates
    // need one: entries without a `"$date"` key (JSON.stringify never escapes
    // `$`) are parsed plainly.
    const value = (text.includes('"$date"') ? JSON.parse(text, revive) : JSON.parse(text)) as unknown
    return isResult(value) ? value : undefined
  } catch {
    return undefined
  }
}

/**
 * Write an entry atomically (a temporary file renamed into place), so that a
 * crash or a concurrent run never leaves half an entry.
 *
 * @param file The entry's path.
 * @param result The result (its `cache` field is not stored).
 * @param fs File system.
 */
export function writeEntry(file: string, result: ArticleResult, fs: CacheFs = nodeFs): void {
  const {cache, ...stored} = result
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
  try {
    fs.mkdirSync(path.dirname(file), {recursive: true})
    fs.writeFileSync(temporary, JSON.stringify(stored, replace))
    fs.renameSync(temporary, file)
  } catch {
    // A cache that cannot be written (read-only disk, full disk) only costs time.
    try {
      fs.rmSync(temporary, {force: true})
    } catch {
      // Nothing left to clean.
    }
  }
}

/**
 * JSON with sorted keys: equal data gives equal text, whatever the key order.
 *
 * @param value JSON data.
 * @returns The text.
 */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item
    const sorted: Record<string, unknown> = {}
    for (const key of Object.keys(item).sort()) sorted[key] = (item as Record<string, unknown>)[key]
    return sorted
  })
}

/** Dates (front matter may hold them) survive JSON as `{$date: iso}`. */
function replace(this: unknown, key: string, value: unknown): unknown {
  const raw = (this as Record<string, unknown>)[key]
  return raw instanceof Date ? {$date: raw.toISOString()} : value
}

function revive(_key: string, value: unknown): unknown {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>
    const keys = Object.keys(record)
    if (keys.length === 1 && typeof record['$date'] === 'string') return new Date(record['$date'])
  }
  return value
}

function isResult(value: unknown): value is ArticleResult {
  if (value === null || typeof value !== 'object') return false
  const record = value as Record<string, unknown>
  return typeof record['path'] === 'string' && Array.isArray(record['messages']) && typeof record['data'] === 'object' && record['data'] !== null
}
