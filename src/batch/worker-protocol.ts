/**
 * Messages between `processBatch` and its worker threads.
 */
import type {ArticleResult, ResultField} from './article-result.js'
import type {SegmentRequest} from '../check/segmenter.js'
import type {PipelineSpec} from './pipeline-spec.js'

/** `workerData` of a worker. */
export interface WorkerInit {
  spec: PipelineSpec
  /** The result fields to post back and cache (default: all). */
  keep?: ResultField[]
  /**
   * One Int32 the worker sets to the index (in `pipelineStages`) of the
   * stage it is in, so the pool can name it when an article overruns its
   * deadline (set by the pool for each worker).
   */
  stage?: SharedArrayBuffer
}

/** One article to process. */
export interface WorkerRequest {
  id: number
  /** The path messages show. */
  path: string
  bytes: Uint8Array
  /** Where to store the result in the cache, if anywhere. */
  cacheFile?: string
}

/**
 * What a worker posts: once `ready`, then one `done` per request, and while
 * it processes an article, `segment` requests for the pool's jieba (see
 * `check/segmenter.ts`).
 */
export type WorkerReply =
  /** `stat`: the worker thread's /proc stat file (Linux), from which the pool reads its CPU time. */
  | {type: 'ready'; stat?: string}
  | {type: 'done'; id: number; result: ArticleResult}
  | SegmentRequest
