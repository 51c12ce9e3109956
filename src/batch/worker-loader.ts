/**
 * Entry of a worker thread when the worker is bundled (`npm run compile`):
 * run `worker.bundle.cjs`, the worker and everything it imports in one
 * CommonJS file, compiled with V8's code cache when there is a current one.
 *
 * Compiling the 2 MB bundle, and then each function the first article runs,
 * takes ~0.1 s of CPU per worker; `worker.bundle.cache` (made by
 * `scripts/bundle-worker.mjs`, which builds one article in a worker) holds
 * that compiled code. The cache starts with the sha256 of the bundle it was
 * made from (V8 itself only checks the source's length): a cache of another
 * bundle, or one V8 rejects (another Node version), is ignored and the
 * bundle is compiled from source, with the same behaviour.
 */
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import vm from 'node:vm'
import {parentPort, workerData} from 'node:worker_threads'
import type {WorkerReply} from './worker-protocol.js'

/** The bundle's file beside this module. */
export const bundleFile = fileURLToPath(new URL('./worker.bundle.cjs', import.meta.url))

/** Its code cache. */
export const codeCacheFile = fileURLToPath(new URL('./worker.bundle.cache', import.meta.url))

/** Bytes of the header of a code cache: the bundle's sha256, in hex, and a line feed. */
const headerBytes = 65

/**
 * Read a code cache made from `source`.
 *
 * @param source The bundle's source.
 * @param file The cache file.
 * @returns V8's cached data, or undefined when there is none for this source.
 */
export function readCodeCache(source: string, file: string): Buffer | undefined {
  let data: Buffer
  try {
    data = fs.readFileSync(file)
  } catch {
    return undefined
  }
  const header = data.subarray(0, headerBytes).toString('latin1')
  return header === `${sourceDigest(source)}\n` ? data.subarray(headerBytes) : undefined
}

/**
 * Write a code cache for `source`.
 *
 * @param source The bundle's source.
 * @param data V8's cached data (`script.createCachedData()`).
 * @param file The cache file.
 */
export function writeCodeCache(source: string, data: Buffer, file: string): void {
  fs.writeFileSync(file, Buffer.concat([Buffer.from(`${sourceDigest(source)}\n`, 'latin1'), data]))
}

function sourceDigest(source: string): string {
  return createHash('sha256').update(source).digest('hex')
}

/**
 * Compile and run a CommonJS file with a code cache, as Node's loader would
 * run it (the same wrapper arguments).
 *
 * @param file The file.
 * @param cache Its code cache file.
 * @returns The compiled script (for `createCachedData`) and its source.
 */
export function runWithCodeCache(file: string, cache: string): {script: vm.Script; source: string} {
  const source = fs.readFileSync(file, 'utf8')
  const cachedData = readCodeCache(source, cache)
  // Node's CommonJS wrapper, so that line numbers and `require` are a module's.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, {
    filename: file,
    ...(cachedData ? {cachedData} : {})
  })
  const module = {exports: {}}
  const run = script.runInThisContext() as (...args: unknown[]) => void
  run(module.exports, createRequire(file), module, file, path.dirname(file))
  return {script, source}
}

const port = parentPort
// Only in a worker a pool started (it passes a pipeline spec), not in any thread that imports this module.
if (port && typeof workerData === 'object' && workerData !== null && 'spec' in workerData) {
  const ran = runWithCodeCache(bundleFile, codeCacheFile)
  // `scripts/bundle-worker.mjs` asks for the cache once the worker has built an article.
  // Otherwise the source is not kept (V8 keeps its own copy of the wrapped text).
  const out = (workerData as {writeCodeCache?: string} | null)?.writeCodeCache
  if (out) {
    const {script, source} = ran
    const post = port.postMessage.bind(port)
    port.postMessage = (message: WorkerReply) => {
      if (message.type === 'done') writeCodeCache(source, script.createCachedData(), out)
      post(message)
    }
  }
}
