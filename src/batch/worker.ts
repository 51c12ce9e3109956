/**
 * Entry of a `processBatch` worker thread: build the pipeline once, then
 * process one article per request, store it in the cache and post it back.
 * Nothing is kept between articles.
 */
import {readlinkSync} from 'node:fs'
import {parentPort, workerData} from 'node:worker_threads'
import {remoteSegment} from '../check/segmenter.js'
import {createPipeline, pipelineStages} from '../pipeline.js'
import {failedResult, toResult, type ArticleResult} from './article-result.js'
import {writeEntry} from './cache.js'
import {fromPipelineSpec} from './from-pipeline-spec.js'
import type {WorkerInit, WorkerReply, WorkerRequest} from './worker-protocol.js'

const port = parentPort
if (port) {
  const init = workerData as WorkerInit
  const stage = init.stage ? new Int32Array(init.stage) : undefined
  const pipeline = createPipeline({
    ...fromPipelineSpec(init.spec),
    // jieba is the pool's: one copy for every worker, built while this one loads its modules.
    segment: remoteSegment((request) => port.postMessage(request satisfies WorkerReply)),
    ...(stage ? {onStage: (name) => Atomics.store(stage, 0, pipelineStages.indexOf(name))} : {})
  })
  port.on('message', async (request: WorkerRequest) => {
    let result: ArticleResult = toResult(await pipeline.process(request.bytes, request.path), init.keep)
    if (request.cacheFile) writeEntry(request.cacheFile, result)
    try {
      port.postMessage({type: 'done', id: request.id, result} satisfies WorkerReply)
    } catch (error) {
      // Data that cannot be cloned (a bug in a stage) fails this article only.
      result = failedResult(request.path, `Could not process this article: ${(error as Error).message}; this is a bug in bitext, please report it with the article`, 'internal-error')
      port.postMessage({type: 'done', id: request.id, result} satisfies WorkerReply)
    }
  })
  port.postMessage({type: 'ready', ...threadStat()} satisfies WorkerReply)
}

/** This thread's /proc stat file (Linux only), so the pool can count its CPU time against the deadline. */
function threadStat(): {stat?: string} {
  try {
    return {stat: `/proc/${readlinkSync('/proc/thread-self')}/stat`}
  } catch {
    return {}
  }
}
