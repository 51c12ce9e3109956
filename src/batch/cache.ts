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
import {brotliCompressSync, brotliDecompressSync, constants as zlibConstants} from 'node:zlib'
import type {ArticleResult} from './article-result.js'
import {readRegularFile, SpecialFileError, type ReadFs} from './read-regular.js'

/** The file system calls the cache uses (node's `fs` or a compatible fake). */
export type CacheFs = Pick<typeof nodeFs, 'writeFileSync' | 'renameSync' | 'mkdirSync' | 'rmSync' | 'lstatSync'> & ReadFs

/** Bump when the shape of `ArticleResult` or of cache entries changes. */
export const cacheSchema = 4

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

/** What reading an entry found. */
export type CacheRead =
  | {status: 'hit'; result: ArticleResult}
  | {status: 'miss'}
  /** An entry that is there but cannot be trusted: a miss, to be rebuilt, and reported. */
  | {status: 'damaged'; reason: string}

/** The first line of every entry: the format and the digest of the rest. */
const header = /^bitext-cache (\d+) sha256=([\da-f]{64})\n/

/**
 * The body of an entry, packed with brotli at quality 3. Against gzip at
 * level 1 (format 3) on 300 clean posts: entries 1.0× the input instead of
 * 1.48×, and unpacked faster; writing one costs about a millisecond.
 */
const brotliOptions = {params: {[zlibConstants.BROTLI_PARAM_QUALITY]: 3}}

/** Most bytes an entry may unpack to: an article is at most 4 MiB, and its outputs and messages a few times that. */
const maxBodyBytes = 256 * 1024 * 1024

/**
 * Read an entry, trusting nothing in it: the cache may come from another
 * machine or branch (CI caches are shared), so it is input like any other.
 * A special file (FIFO, device, socket, symbolic link) is refused without
 * being opened for reading; the digest in the first line must match the
 * rest (it also covers the key, so an entry cannot be moved to another
 * article); the rest must unpack (brotli) to at most 256 MiB: a line of
 * JSON, then the outputs' bytes, whose names and lengths the JSON lists and
 * which must add up to the rest exactly; the data must have the shape of a
 * result, with a slug and output names that stay inside the output folder;
 * and an HTML page must be one bitext could have written (`verify`).
 *
 * The outputs are not JSON strings but their UTF-8 bytes, handed back as
 * `Uint8Array`s: `build` compares them with the published files and writes
 * them as they are, so a warm rebuild never decodes them (decoding them and
 * parsing them as JSON was a third of reading an entry).
 *
 * @param file The entry's path.
 * @param fs File system.
 * @param verify Checks an HTML output of the result, decoded (default: none; `processBatch` checks the
 *   pages of a hit itself, with `cachedPages`, so that it loads the sanitizer only for a page that needs it).
 * @returns A hit, a miss (no entry), or a damaged entry with the reason.
 */
export function readEntry(file: string, fs: CacheFs = nodeFs, verify?: (html: string, result: ArticleResult) => boolean): CacheRead {
  let stats: nodeFs.Stats
  try {
    stats = fs.lstatSync(file)
  } catch {
    return {status: 'miss'}
  }
  if (stats.isSymbolicLink()) return {status: 'damaged', reason: 'it is a symbolic link'}
  let bytes: Buffer
  try {
    bytes = readRegularFile(file, fs)
  } catch (error) {
    return {status: 'damaged', reason: error instanceof SpecialFileError ? `it is ${error.kind}` : `unreadable (${(error as NodeJS.ErrnoException).code ?? 'error'})`}
  }
  const newline = bytes.indexOf(0x0a)
  const match = newline === -1 || newline > 100 ? null : header.exec(bytes.toString('latin1', 0, newline + 1))
  if (!match || Number(match[1]) !== cacheSchema) return {status: 'damaged', reason: 'not an entry of this bitext'}
  const packed = bytes.subarray(newline + 1)
  if (digest(path.basename(file, '.json'), packed) !== match[2]) return {status: 'damaged', reason: 'its digest does not match its content'}
  let body: Buffer
  try {
    body = brotliDecompressSync(packed, {maxOutputLength: maxBodyBytes})
  } catch {
    return {status: 'damaged', reason: 'not packed with brotli, or more than 256 MiB'}
  }
  const end = body.indexOf(0x0a)
  let value: unknown
  try {
    const json = body.toString('utf8', 0, end === -1 ? body.length : end)
    // A reviver makes JSON.parse about 3× slower, and only front matter dates
    // need one: entries without a `"$date"` key (JSON.stringify never escapes
    // `$`) are parsed plainly.
    value = json.includes('"$date"') ? JSON.parse(json, revive) : JSON.parse(json)
  } catch {
    return {status: 'damaged', reason: 'not JSON'}
  }
  if (end === -1) return {status: 'damaged', reason: 'not a result'}
  const problem = resultProblem(value) ?? outputsProblem(value as Record<string, unknown>, body.length - end - 1)
  if (problem) return {status: 'damaged', reason: problem}
  const {outputBytes, ...result} = value as StoredResult
  if (outputBytes.length > 0) {
    const outputs: Record<string, Uint8Array> = {}
    let at = end + 1
    for (const [name, length] of outputBytes) {
      outputs[name] = body.subarray(at, at + length)
      at += length
    }
    result.data.outputs = outputs
  }
  const page = verify && cachedPages(result).find(([, html]) => !verify(typeof html === 'string' ? html : Buffer.from(html.buffer, html.byteOffset, html.byteLength).toString('utf8'), result))
  return page ? {status: 'damaged', reason: pageProblem(page[0])} : {status: 'hit', result}
}

/**
 * The HTML pages among a result's outputs, which a cache hit must pass
 * through the sanitizer (unless the caller vouches for them).
 *
 * @param result A result read from the cache.
 * @returns Pairs of output name and page, in output order.
 */
export function cachedPages(result: ArticleResult): Array<[name: string, html: string | Uint8Array]> {
  return Object.entries(result.data.outputs ?? {}).filter(([name]) => name.endsWith('.html'))
}

/**
 * Why a cached page is refused.
 *
 * @param name The output's name (`index.html`).
 * @returns The reason `onDamagedEntry` reports.
 */
export function pageProblem(name: string): string {
  return `its ${name} is not a page bitext writes (the sanitizer would change it)`
}

/**
 * Write an entry atomically (a temporary file renamed into place), so that a
 * crash or a concurrent run never leaves half an entry: a first line with
 * the digest `readEntry` checks, then, packed with brotli, the result's JSON
 * on one line (its outputs replaced by their names and byte lengths) and the
 * outputs' UTF-8 bytes.
 *
 * @param file The entry's path.
 * @param result The result (its `cache` field is not stored).
 * @param fs File system.
 */
export function writeEntry(file: string, result: ArticleResult, fs: CacheFs = nodeFs): void {
  const {cache, ...rest} = result
  const {outputs, ...data} = rest.data
  const blobs = Object.entries(outputs ?? {}).map(([name, content]): [string, Uint8Array] => [name, typeof content === 'string' ? Buffer.from(content, 'utf8') : content])
  const stored: StoredResult = {...rest, data, outputBytes: blobs.map(([name, bytes]) => [name, bytes.byteLength])}
  // JSON.stringify escapes line feeds in strings: the first one ends the JSON.
  const body = Buffer.concat([Buffer.from(JSON.stringify(stored, replace) + '\n', 'utf8'), ...blobs.map(([, bytes]) => bytes)])
  const packed = brotliCompressSync(body, {params: {...brotliOptions.params, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length}})
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
  try {
    fs.mkdirSync(path.dirname(file), {recursive: true})
    fs.writeFileSync(temporary, Buffer.concat([Buffer.from(`bitext-cache ${cacheSchema} sha256=${digest(path.basename(file, '.json'), packed)}\n`, 'latin1'), packed]))
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

/** A result as an entry's JSON holds it: the outputs' bytes follow the JSON, in this order. */
interface StoredResult extends ArticleResult {
  outputBytes: Array<[name: string, length: number]>
}

function digest(key: string, body: Uint8Array): string {
  return createHash('sha256').update(`${key}\n`).update(body).digest('hex')
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

/** What is wrong with data read as a result, if anything. */
function resultProblem(value: unknown): string | undefined {
  if (!isRecord(value) || typeof value['path'] !== 'string' || !Array.isArray(value['messages']) || !isRecord(value['data'])) return 'not a result'
  if (!value['messages'].every((message) => isRecord(message) && typeof message['reason'] === 'string')) return 'not a result'
  const data = value['data']
  if (data['slug'] !== undefined && (typeof data['slug'] !== 'string' || !isSafeSegment(data['slug']))) return 'its slug would write outside the output folder'
  if (data['outputs'] !== undefined) return 'not a result'
  if (data['frontMatter'] !== undefined && !isRecord(data['frontMatter'])) return 'not a result'
  return undefined
}

/** What is wrong with the list of outputs of a result read as data, given the bytes that follow its JSON. */
function outputsProblem(value: Record<string, unknown>, bytes: number): string | undefined {
  const list = value['outputBytes']
  if (!Array.isArray(list)) return 'not a result'
  const names = new Set<string>()
  let total = 0
  for (const item of list) {
    if (!Array.isArray(item) || item.length !== 2 || typeof item[0] !== 'string' || !Number.isSafeInteger(item[1]) || (item[1] as number) < 0 || names.has(item[0])) return 'not a result'
    if (!isSafeSegment(item[0])) return 'an output name would write outside the output folder'
    names.add(item[0])
    total += item[1] as number
  }
  return total === bytes ? undefined : 'its outputs do not add up to its content'
}

/** One path segment, not `.` or `..`, no separator, no NUL: it stays inside the folder it is joined to. */
function isSafeSegment(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\\\0]/.test(name)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
