/**
 * A pool of worker threads that each process one article at a time.
 *
 * Workers start lazily (a batch answered from the cache starts none). A
 * worker that crashes fails the article it held and is replaced; a worker
 * that cannot start at all (no compiled code, no loader) makes the pool hand
 * every task to the in-process fallback instead.
 */
import fs from 'node:fs'
import path from 'node:path'
import {createRequire} from 'node:module'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {Worker} from 'node:worker_threads'
import {failedResult, type ArticleResult} from './article-result.js'
import {pipelineStages, type PipelineStage} from '../pipeline-stages.js'
import type {WorkerInit, WorkerReply, WorkerRequest} from './worker-protocol.js'
import {answerSegment, preloadSegmenter} from '../check/segmenter.js'
import {mayNeedSegmenter} from '../check/han-repeat.js'

/** How to start a worker: a module file, or (from sources) a bootstrap script evaluated as the entry. */
export type WorkerScript = {url: URL} | {code: string}

/** A task: one article. */
export type PoolTask = Omit<WorkerRequest, 'id'>

/** The pool. */
export interface WorkerPool {
  /**
   * Process one article on a free worker (queued until one is free).
   *
   * @param task The article.
   * @returns Its result; never rejects.
   */
  run(task: PoolTask): Promise<ArticleResult>
  /** Stop every worker. */
  close(): Promise<void>
}

interface Slot {
  worker: Worker
  ready: boolean
  task: {request: WorkerRequest; resolve: (result: ArticleResult) => void} | undefined
  /** The stage the worker is in (see `WorkerInit.stage`). */
  stage: Int32Array
  /** The running task's deadline. */
  timer: NodeJS.Timeout | undefined
  /** The worker thread's /proc stat file, when the system has one. */
  stat: string | undefined
}

/** Options of `createWorkerPool`. */
export interface PoolOptions {
  /**
   * An article's deadline in ms, counted from when its worker is ready
   * (default: none). An article that overruns it fails with an
   * `article-timeout` message naming the stage, and its worker is
   * terminated and replaced. Where the system tells a thread's CPU time
   * (Linux), that is what counts, so a loaded machine does not fail
   * articles; wall-clock time is capped at `wallFactor` times the deadline.
   */
  timeoutMs?: number
  /** The cap on wall-clock time, as a multiple of `timeoutMs` (default: 10). */
  wallFactor?: number
  /** Called each time a worker has started and is ready for articles (default: nothing). */
  onWorkerReady?: () => void
}

/**
 * Find the worker entry next to this module: the compiled `worker.js`, or,
 * when `npm run compile` bundled it and the bundle is not older than any
 * compiled module, `worker-loader.js`, which runs the bundle
 * (`worker.bundle.cjs`) with its code cache: it starts ~0.4 s of CPU faster.
 * When running from sources (tsx, vitest), `worker.ts` loaded after
 * registering tsx's loader in the worker (`--import tsx` in a worker's
 * `execArgv` does not reach its entry on Node 20).
 *
 * @returns The script, or undefined when neither can run.
 */
export function findWorkerScript(): WorkerScript | undefined {
  const compiled = new URL('./worker.js', import.meta.url)
  if (fs.existsSync(fileURLToPath(compiled))) {
    const bundled = bundleIsCurrent(fileURLToPath(new URL('./worker.bundle.cjs', import.meta.url)))
    return {url: bundled ? new URL('./worker-loader.js', import.meta.url) : compiled}
  }
  const source = new URL('./worker.ts', import.meta.url)
  if (!fs.existsSync(fileURLToPath(source))) return undefined
  const loader = tsxLoader()
  if (!loader) return undefined
  return {code: `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}) })`}
}

/**
 * Whether a bundle exists and was made after every compiled module beside
 * it (a `tsc` run without the bundling step leaves it stale: then it is not used).
 *
 * @param bundle The bundle's path, `<lib>/batch/worker.bundle.cjs`.
 * @returns True when it can stand for the modules of `<lib>`.
 */
export function bundleIsCurrent(bundle: string): boolean {
  let made: number
  try {
    made = fs.statSync(bundle).mtimeMs
  } catch {
    return false
  }
  const lib = path.dirname(path.dirname(bundle))
  for (const entry of fs.readdirSync(lib, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue
    const file = path.join(entry.parentPath, entry.name)
    if (file !== bundle && fs.statSync(file).mtimeMs > made) return false
  }
  return true
}

/** The URL of tsx's ESM register API, if tsx is installed. */
function tsxLoader(): string | undefined {
  try {
    const require = createRequire(import.meta.url)
    const manifestPath = require.resolve('tsx/package.json')
    const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as {exports?: Record<string, {import?: {default?: string}}>}
    const entry = manifest.exports?.['./esm/api']?.import?.default
    return entry ? pathToFileURL(path.join(path.dirname(manifestPath), entry)).href : undefined
  } catch {
    return undefined
  }
}

/**
 * Create a pool.
 *
 * @param script The worker entry.
 * @param init Data every worker starts with.
 * @param size Maximum number of workers.
 * @param fallback Runs a task in this thread when workers cannot start.
 * @param onBroken Called once, with the error, when workers cannot start.
 * @returns The pool.
 */
export function createWorkerPool(
  script: WorkerScript,
  init: WorkerInit,
  size: number,
  fallback: (task: PoolTask) => Promise<ArticleResult>,
  onBroken?: (error: Error) => void,
  options: PoolOptions = {}
): WorkerPool {
  const slots: Slot[] = []
  const queue: Array<{request: WorkerRequest; resolve: (result: ArticleResult) => void}> = []
  let nextId = 0
  let broken = false
  let closed = false
  // The workers' jieba lives here. It is built ahead (while the first worker
  // loads its modules) once an article may need it; otherwise on a worker's
  // first request, if one comes (a post without a doubled Han word never asks).
  let segmenterLoading = !runsRepeatedText(init.spec)
  const preload = (task: PoolTask): void => {
    if (segmenterLoading || (init.spec.encoding === undefined && !mayNeedSegmenter(task.bytes))) return
    segmenterLoading = true
    setImmediate(() => {
      try {
        preloadSegmenter()
      } catch {
        // A worker's request then fails and the worker loads its own, which reports the error.
      }
    })
  }

  function spawn(): Slot {
    const stage = new SharedArrayBuffer(4)
    const workerData: WorkerInit = {...init, stage}
    const worker = 'url' in script ? new Worker(script.url, {workerData}) : new Worker(script.code, {eval: true, workerData})
    const slot: Slot = {worker, ready: false, task: undefined, stage: new Int32Array(stage), timer: undefined, stat: undefined}
    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'segment') {
        answerSegment(reply)
        return
      }
      if (reply.type === 'ready') {
        slot.ready = true
        slot.stat = reply.stat
        options.onWorkerReady?.()
        if (slot.task) startDeadline(slot)
        return
      }
      clearTimeout(slot.timer)
      const task = slot.task
      slot.task = undefined
      task?.resolve(reply.result)
      dispatch()
    })
    worker.on('error', (error) => lose(slot, error))
    worker.on('exit', (code) => lose(slot, new Error(`worker stopped with exit code ${code}`)))
    slots.push(slot)
    return slot
  }

  /** Start the deadline of a ready slot's task. */
  function startDeadline(slot: Slot): void {
    const timeoutMs = options.timeoutMs
    if (timeoutMs === undefined) return
    Atomics.store(slot.stage, 0, 0)
    const task = slot.task
    const wallStart = performance.now()
    const cpuStart = threadCpuMs(slot.stat)
    const check = (): void => {
      if (slot.task !== task) return
      const wall = performance.now() - wallStart
      const cpuNow = threadCpuMs(slot.stat)
      const used = cpuStart === undefined || cpuNow === undefined ? wall : cpuNow - cpuStart
      if (used >= timeoutMs || wall >= timeoutMs * (options.wallFactor ?? 10)) overrun(slot, timeoutMs)
      else slot.timer = setTimeout(check, Math.max(50, timeoutMs - used))
    }
    slot.timer = setTimeout(check, timeoutMs)
  }

  /** A task overran its deadline: fail it, and stop its worker (a synchronous stage cannot be interrupted otherwise). */
  function overrun(slot: Slot, timeoutMs: number): void {
    const task = slot.task
    const index = slots.indexOf(slot)
    if (!task || index === -1) return
    slots.splice(index, 1)
    slot.task = undefined
    const stage = pipelineStages[Atomics.load(slot.stage, 0)] ?? pipelineStages[0]
    task.resolve(timedOutResult(task.request.path, stage, timeoutMs))
    void slot.worker.terminate()
    dispatch()
  }

  /** A worker died: fail (or, if it never started, re-route) its task, drop it. */
  function lose(slot: Slot, error: Error): void {
    clearTimeout(slot.timer)
    const index = slots.indexOf(slot)
    if (index === -1) return
    slots.splice(index, 1)
    const task = slot.task
    slot.task = undefined
    if (closed) return
    if (!slot.ready) {
      if (!broken) onBroken?.(error)
      broken = true
      if (task) queue.unshift(task)
    } else if (task) {
      const reason = `Could not process this article: ${error.message}; this is a bug in bitext, please report it with the article`
      task.resolve(failedResult(task.request.path, reason, 'internal-error'))
    }
    void slot.worker.terminate()
    dispatch()
  }

  function dispatch(): void {
    if (broken) {
      for (const task of queue.splice(0)) {
        const {id, ...rest} = task.request
        void fallback(rest).then(task.resolve)
      }
      return
    }
    while (queue.length > 0) {
      const free = slots.find((slot) => slot.task === undefined) ?? (slots.length < size ? spawn() : undefined)
      if (!free) return
      const task = queue.shift()
      if (!task) return
      free.task = task
      free.worker.postMessage(task.request)
      if (free.ready) startDeadline(free)
    }
  }

  return {
    run(task) {
      preload(task)
      return new Promise((resolve) => {
        queue.push({request: {id: nextId++, ...task}, resolve})
        dispatch()
      })
    },
    async close() {
      closed = true
      for (const slot of slots) clearTimeout(slot.timer)
      await Promise.all(slots.splice(0).map((slot) => slot.worker.terminate()))
    }
  }
}

/**
 * CPU time of a thread (user + system) from its /proc stat file.
 *
 * @param stat The file, or undefined.
 * @returns Milliseconds, or undefined when unknown.
 */
function threadCpuMs(stat: string | undefined): number | undefined {
  if (stat === undefined) return undefined
  try {
    const text = fs.readFileSync(stat, 'utf8')
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
    // utime and stime are fields 14 and 15, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return undefined
  }
}

/**
 * The result of an article abandoned at its deadline.
 *
 * @param path The path messages show.
 * @param stage The stage it was in.
 * @param timeoutMs The deadline.
 * @returns A failed result with one `article-timeout` error.
 */
export function timedOutResult(path: string, stage: PipelineStage, timeoutMs: number): ArticleResult {
  const seconds = timeoutMs >= 1000 ? `${Number((timeoutMs / 1000).toFixed(1))} s` : `${timeoutMs} ms`
  return failedResult(
    path,
    `Gave up on this article after ${seconds} in the ${stage} stage: it takes too long to process; simplify what it nests or repeats, or raise --article-timeout`,
    'article-timeout'
  )
}

/** Whether `repeated-text`, the rule that segments Chinese, runs with this spec. */
function runsRepeatedText(spec: WorkerInit['spec']): boolean {
  return (spec.rules === undefined || spec.rules.includes('repeated-text')) && spec.settings?.['repeated-text'] !== 'off'
}
