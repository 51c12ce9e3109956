/**
 * Process many articles: in parallel on worker threads, answered from a
 * content-addressed cache when nothing they depend on changed, optionally
 * one shard of a CI matrix. Results come back in input order, and only a
 * small window of them is in memory at any time.
 */
import {availableParallelism} from 'node:os'
import type {Pipeline, PipelineOptions} from '../pipeline.js'
import {failedResult, toResult, type ArticleResult, type ResultField} from './article-result.js'
import {batchKey, cachedPages, entryKey, entryPath, pageProblem, readEntry, writeEntry, type CacheFs, type CacheRead} from './cache.js'
import {codeFingerprint} from './fingerprint.js'
import {SpecialFileError} from './read-regular.js'
import {toPipelineSpec} from './pipeline-spec.js'
import {selectShard, type Shard} from './shard.js'
import {createWorkerPool, findWorkerScript, type PoolTask, type WorkerPool} from './worker-pool.js'

/** Options of `processBatch`. */
export interface BatchOptions {
  /** Pipeline configuration (default: `{}`). */
  pipeline?: PipelineOptions
  /**
   * Worker threads (default: `os.availableParallelism()`; 1 processes in
   * this thread). Custom rules, which cannot cross threads, force 1.
   */
  jobs?: number
  /** Cache folder, or `false` for no cache (default: `false`; the CLI passes `defaultCacheDir`). */
  cacheDir?: string | false
  /** Reads an article (node's `fs.readFileSync` or a fake); its errors fail that article only. */
  readFile: (path: string) => Uint8Array
  /** The path messages show for an article (default: the path as given). */
  displayPath?: (path: string) => string
  /** Process only this shard of the articles (default: all). */
  shard?: Shard
  /** The code's fingerprint in cache keys (default: `codeFingerprint()`, computed once per batch). */
  fingerprint?: string
  /** File system of the cache (default: node's `fs`). */
  fs?: CacheFs
  /**
   * Called once when worker threads cannot start and the batch goes on in
   * this thread (default: nothing; the CLI prints it with `--debug`).
   */
  onFallback?: (reason: string) => void
  /**
   * Results computed ahead of the one being consumed, per job (default: 16
   * with worker threads, so that one slow article does not leave the other
   * workers idle; 4 in this thread).
   */
  lookahead?: number
  /**
   * Each article's deadline in ms (default: none). An article that overruns
   * it fails with an `article-timeout` error naming its stage, and the rest
   * of the batch goes on. Articles then run on worker threads even with
   * `jobs: 1`, since only a worker can be stopped in the middle of a stage;
   * custom rules (which force this thread) run without a deadline.
   */
  timeoutMs?: number
  /**
   * The result fields the consumer reads (default: all). Results, worker
   * replies and cache entries carry only these (with messages, path and
   * `failed`); `build` leaves out the alignment.
   */
  keep?: readonly ResultField[]
  /**
   * Called when a cache entry is there but cannot be trusted (damaged,
   * tampered with, a special file): the article is built again and its
   * entry rewritten, so each damage is reported once (default: nothing).
   */
  onDamagedEntry?: (path: string, reason: string) => void
  /**
   * Pages known to be bitext's own (for `build`: the pages it published last
   * time, unchanged), which a cache entry may hold without being checked
   * against the sanitizer again (default: none). A page read from the cache
   * comes as its UTF-8 bytes.
   */
  trustedPage?: (html: string | Uint8Array) => boolean
  /**
   * Results whose pages the caller will not publish (for `build`: articles
   * that failed or that a blocking error refuses). Nothing of their pages is
   * written, so a cache entry's pages are not checked against the sanitizer
   * for them (default: every result's pages are checked).
   */
  unpublished?: (result: ArticleResult) => boolean
  /**
   * Called once, just before the first article the cache does not answer is
   * processed (in this thread or on a worker, before any worker starts); a
   * batch answered whole by the cache never calls it (default: nothing; the
   * CLI limits the heap's growth then).
   */
  beforeProcessing?: () => void
  /**
   * Called each time a worker thread has started and is ready for articles
   * (default: nothing; the command line stops this thread's young
   * generation from growing then, see `src/cli/heap-growth.ts`).
   */
  onWorkerReady?: () => void
}

/** Counts over a batch, for the summary line. */
export interface CacheStats {
  hits: number
  misses: number
}

/**
 * Process articles.
 *
 * @param paths The articles (sorted, as `findArticles` returns them).
 * @param options Configuration.
 * @returns The results, in input order (only the shard's, with `shard`).
 */
export async function* processBatch(paths: readonly string[], options: BatchOptions): AsyncGenerator<ArticleResult> {
  const show = options.displayPath ?? ((file: string) => file)
  const articles = options.shard ? selectShard(paths, options.shard, show) : [...paths]
  const pipelineOptions = options.pipeline ?? {}
  // bitext's rules are loaded only to recognise rules the caller names.
  const spec = toPipelineSpec(pipelineOptions, pipelineOptions.rules ? (await import('../check/rules.js')).allRules : [])
  const jobs = spec ? Math.max(1, Math.floor(options.jobs ?? availableParallelism())) : 1
  const cacheDir = options.cacheDir === undefined ? false : options.cacheDir
  const cacheFs = options.fs
  // Custom rules are code the fingerprint does not cover: no cache for them.
  const keep = options.keep ? [...new Set(options.keep)].sort() : undefined
  const batch = cacheDir === false || !spec ? undefined : batchKey(options.fingerprint ?? codeFingerprint(), keep ? {spec, keep} : spec)
  // Pages from the cache pass the same sanitizer as fresh ones. It is loaded
  // (~0.1 s of CPU: an HTML parser and the page's schema) on the first page
  // that needs it: a warm rebuild whose pages are all vouched for never does.
  let verifier: Promise<(html: string) => boolean> | undefined
  const checkPages = async (read: CacheRead): Promise<CacheRead> => {
    if (read.status !== 'hit' || options.unpublished?.(read.result) === true) return read
    const trusted = options.trustedPage
    const pages = cachedPages(read.result).filter(([, html]) => trusted?.(html) !== true)
    if (pages.length === 0) return read
    verifier ??= import('../emit/verify-page.js').then((module) => module.verifyPage)
    const verify = await verifier
    const page = pages.find(([, html]) => !verify(typeof html === 'string' ? html : Buffer.from(html.buffer, html.byteOffset, html.byteLength).toString('utf8')))
    return page ? {status: 'damaged', reason: pageProblem(page[0])} : read
  }

  // Loaded on first use: a batch answered by workers or the cache never
  // builds a pipeline (nor loads its dictionaries) in this thread.
  let local: Promise<Pipeline> | undefined
  const inProcess = async (task: PoolTask): Promise<ArticleResult> => {
    local ??= import('../pipeline.js').then((module) => module.createPipeline(pipelineOptions))
    const result = toResult(await (await local).process(task.bytes, task.path), keep)
    if (task.cacheFile) writeEntry(task.cacheFile, result, cacheFs)
    return result
  }
  const timeoutMs = options.timeoutMs
  const wantPool = spec !== undefined && (jobs > 1 || timeoutMs !== undefined)
  const script = wantPool ? findWorkerScript() : undefined
  if (wantPool && !script) options.onFallback?.('no compiled worker (lib/batch/worker.js) and no tsx to run its source')
  const onBroken = (error: Error) => options.onFallback?.(`worker threads cannot start: ${error.message}`)
  const poolOptions = {...(timeoutMs === undefined ? {} : {timeoutMs}), ...(options.onWorkerReady ? {onWorkerReady: options.onWorkerReady} : {})}
  const pool: WorkerPool | undefined = script && spec ? createWorkerPool(script, keep ? {spec, keep} : {spec}, jobs, inProcess, onBroken, poolOptions) : undefined

  let processing = false
  async function start(file: string): Promise<ArticleResult> {
    const shown = show(file)
    let bytes: Uint8Array
    try {
      bytes = options.readFile(file)
    } catch (error) {
      if (error instanceof SpecialFileError) return failedResult(shown, error.message, 'read')
      const code = (error as NodeJS.ErrnoException).code ?? 'error'
      return failedResult(shown, code === 'EISDIR'
        ? 'Cannot read this file (EISDIR): it is a folder, not an article (the articles inside it are built); rename it so that its name does not end in `.md`'
        : `Cannot read this file (${code}); check that it exists and that you may read it`, 'read')
    }
    let cacheFile: string | undefined
    if (batch !== undefined && cacheDir !== false) {
      cacheFile = entryPath(cacheDir, entryKey(batch, shown, bytes))
      const read = await checkPages(readEntry(cacheFile, cacheFs))
      if (read.status === 'hit' && read.result.path === shown) return {...read.result, cache: 'hit'}
      if (read.status !== 'miss') options.onDamagedEntry?.(shown, read.status === 'damaged' ? read.reason : 'it belongs to another article')
    }
    const task: PoolTask = {path: shown, bytes, ...(cacheFile ? {cacheFile} : {})}
    if (!processing) {
      processing = true
      options.beforeProcessing?.()
    }
    const result = pool ? await pool.run(task) : await inProcess(task)
    return cacheFile ? {...result, cache: 'miss'} : result
  }

  // A sliding window: articles ahead of the consumer are in flight, the rest
  // wait, so memory does not grow with the number of articles.
  const window = Math.max(2, jobs * Math.max(1, options.lookahead ?? (pool ? 16 : 4)))
  const inFlight: Array<Promise<ArticleResult>> = []
  let next = 0
  try {
    while (next < articles.length || inFlight.length > 0) {
      while (inFlight.length < window && next < articles.length) {
        const file = articles[next++]
        if (file !== undefined) inFlight.push(start(file))
      }
      const head = inFlight.shift()
      if (head) yield await head
    }
  } finally {
    await pool?.close()
  }
}

/**
 * Process articles and collect every result (for small batches and tests;
 * `processBatch` streams).
 *
 * @param paths The articles.
 * @param options Configuration.
 * @returns The results in input order.
 */
export async function processBatchAll(paths: readonly string[], options: BatchOptions): Promise<ArticleResult[]> {
  const results: ArticleResult[] = []
  for await (const result of processBatch(paths, options)) results.push(result)
  return results
}

/**
 * Count cache hits and misses in results.
 *
 * @param results Results of `processBatch`.
 * @returns The counts.
 */
export function cacheStats(results: Iterable<Pick<ArticleResult, 'cache'>>): CacheStats {
  const stats: CacheStats = {hits: 0, misses: 0}
  for (const result of results) {
    if (result.cache === 'hit') stats.hits++
    else if (result.cache === 'miss') stats.misses++
  }
  return stats
}
