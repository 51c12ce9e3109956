/**
 * Batch processing: parallel, cached, sharded.
 */
export {decodeOutputs, failedResult, fromResult, toResult, type ArticleResult, type ResultData, type ResultField, type ResultOutputs, type SerializedCause, type SerializedMessage} from './article-result.js'
export {batchKey, cachedPages, cacheSchema, defaultCacheDir, entryKey, entryPath, pageProblem, readEntry, stableJson, writeEntry, type CacheFs, type CacheRead} from './cache.js'
export {codeFingerprint} from './fingerprint.js'
export {toPipelineSpec, type PipelineSpec} from './pipeline-spec.js'
export {fromPipelineSpec} from './from-pipeline-spec.js'
export {cacheStats, processBatch, processBatchAll, type BatchOptions, type CacheStats} from './process-batch.js'
export {parseShard, selectShard, shardOf, type Shard} from './shard.js'
export {readRegularFile, SpecialFileError, type ReadFs} from './read-regular.js'
