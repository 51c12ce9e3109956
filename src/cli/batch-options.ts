/**
 * The batch options that `build`, `lint` and `review` share: worker threads,
 * the cache and sharding.
 */
import {availableParallelism} from 'node:os'
import path from 'node:path'
import {defaultCacheDir} from '../batch/cache.js'
import type {BatchOptions} from '../batch/process-batch.js'
import {readRegularFile} from '../batch/read-regular.js'
import {parseShard} from '../batch/shard.js'
import type {PipelineOptions} from '../pipeline.js'
import {displayPath} from './articles.js'
import {UsageError} from './command.js'
import type {CliIo} from './io.js'
import {keepYoungGenerationSmall, limitHeapGrowth, minArticles} from './heap-growth.js'

/** `parseArgs` definitions of the shared options. */
export const batchArgs = {
  jobs: {type: 'string'},
  'cache-dir': {type: 'string'},
  'no-cache': {type: 'boolean', default: false},
  shard: {type: 'string'},
  'article-timeout': {type: 'string'}
} as const

/** Usage lines of the shared options. */
export const batchUsage = `  --jobs N          worker threads (default: one fewer than the cores, at
                    least 1, when there are 8 articles or more, else 1)
  --cache-dir DIR   cache folder (default: node_modules/.cache/bitext)
  --no-cache        process every article even if nothing changed
  --shard I/N       process only shard I of N (for a CI matrix), e.g. 1/4
  --article-timeout S  give up on an article after S seconds, and build the
                    rest (default: 30; 0 for no deadline)
`

/** Parsed values of the shared options. */
export interface BatchArgValues {
  jobs?: string | undefined
  'cache-dir'?: string | undefined
  'no-cache'?: boolean | undefined
  shard?: string | undefined
  'article-timeout'?: string | undefined
  debug?: boolean | undefined
}

/**
 * Turn the shared options into `processBatch` options.
 *
 * @param values Parsed option values.
 * @param pipeline Pipeline configuration.
 * @param count How many articles there are (for the default of `--jobs`;
 *   from `minArticles` on, the process's heap growth is limited once the
 *   first article the cache does not answer is processed).
 * @param io File system, streams and working directory.
 * @returns Batch options.
 * @throws UsageError for a malformed `--jobs` or `--shard`.
 */
export function toBatchOptions(values: BatchArgValues, pipeline: PipelineOptions, count: number, io: CliIo): BatchOptions {
  const options: BatchOptions = {
    pipeline,
    jobs: parseJobs(values.jobs, count),
    cacheDir: values['no-cache'] ? false : path.resolve(io.cwd, values['cache-dir'] ?? defaultCacheDir(io.cwd)),
    readFile: (file) => readRegularFile(file, io.fs),
    displayPath: (file) => displayPath(file, io)
  }
  // A large batch keeps its heaps small; a small one starts faster without
  // (see heap-growth.ts), and so does one the cache answers whole: reading
  // entries allocates fast and keeps little, and more frequent collections
  // cost a warm rebuild of 300 posts ~9 % of its CPU.
  if (count >= minArticles) options.beforeProcessing = () => limitHeapGrowth(process.execArgv)
  const timeoutMs = parseTimeout(values['article-timeout'])
  if (timeoutMs !== undefined) options.timeoutMs = timeoutMs
  if (values.shard !== undefined) {
    try {
      options.shard = parseShard(values.shard)
    } catch (error) {
      throw new UsageError((error as Error).message)
    }
  }
  // Workers get their full young generation at start; this thread, which
  // only hands out articles and writes outputs, keeps a small one.
  if (count >= minArticles) options.onWorkerReady = keepYoungGenerationSmall
  if (values.debug) options.onFallback = (reason) => io.stderr.write(`bitext: running in one thread: ${reason}\n`)
  return options
}

function parseJobs(value: string | undefined, count: number): number {
  // Starting a worker costs about as much as a few articles: small batches stay in this thread.
  // A large batch gets a worker per core but one: this thread (results, outputs,
  // the report) and the garbage collector keep ~half a core busy, so on 2 cores
  // a second worker took as long as one for +30 % CPU (docs/performance.md).
  if (value === undefined) return count >= 8 ? Math.max(1, availableParallelism() - 1) : 1
  if (!/^[1-9]\d*$/.test(value)) throw new UsageError(`--jobs takes a whole number of 1 or more, such as 2, not \`${value}\``)
  return Number(value)
}

/** The default deadline of one article: far above any real article (the seed takes about 1 s). */
export const defaultArticleTimeoutMs = 30_000

function parseTimeout(value: string | undefined): number | undefined {
  if (value === undefined) return defaultArticleTimeoutMs
  if (!/^\d+(?:\.\d+)?$/.test(value)) throw new UsageError(`--article-timeout takes a number of seconds, such as 30 (0 for no deadline), not \`${value}\``)
  const seconds = Number(value)
  return seconds === 0 ? undefined : Math.max(1, Math.round(seconds * 1000))
}
