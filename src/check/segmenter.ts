/**
 * Chinese word segmentation for `repeated-text`: jieba's `cut(text, false)`.
 *
 * jieba's own dictionary costs ~0.2 s to build and ~42 MB per copy, so
 * cuts are read from its `dict.txt` as stored (`dict-segmenter.ts`: ~10 ms
 * of CPU, ~6.5 MB), with jieba itself only for the rare run that reader
 * leaves to it (a near tie, a Han character outside jieba's Han blocks). In
 * a batch with worker threads, one copy serves every worker: it is built in
 * the thread that runs the pool (which is otherwise idle, and builds it
 * while the workers load their modules), and a worker asks it for each cut
 * through a `SharedArrayBuffer`, waiting with `Atomics.wait` (a cut takes
 * microseconds; the check stays synchronous). A thread without a pool loads
 * its own copy on first use.
 */
import {createRequire} from 'node:module'
import {readFileSync} from 'node:fs'
import type {Jieba} from '@node-rs/jieba'
import {createDictSegmenter, type DictSegment} from './dict-segmenter.js'

const require = createRequire(import.meta.url)

/** Cut a run of Chinese text into words (their concatenation is the text). */
export type Segment = (text: string) => readonly string[]

/**
 * The segmenters of this thread, built on first use (load-once caches of
 * immutable resources, not state): the dictionary read as it is stored
 * (`dict-segmenter.ts`, ~10 ms and ~6.5 MB), and jieba itself (~0.2 s and
 * ~42 MB), only for the rare cut the first cannot answer exactly. Only
 * jieba's dictionary is read: the package's `dict.js` also reads its 6 MB
 * IDF table, which `cut` never uses.
 */
let dictSegment: DictSegment | undefined
function localDictSegment(): DictSegment {
  dictSegment ??= createDictSegmenter(readFileSync(require.resolve('@node-rs/jieba/dict.txt')))
  return dictSegment
}

let jieba: Jieba | undefined
function localJieba(): Jieba {
  if (!jieba) {
    const {Jieba: Segmenter} = require('@node-rs/jieba') as typeof import('@node-rs/jieba')
    jieba = Segmenter.withDict(readFileSync(require.resolve('@node-rs/jieba/dict.txt')))
  }
  return jieba
}

/**
 * Segment in this thread, as jieba's `cut(text, false)` does.
 *
 * @param text A run of Chinese text.
 * @returns jieba's words, without HMM.
 */
export const localSegment: Segment = (text) => localDictSegment()(text) ?? localJieba().cut(text, false)

/**
 * Build this thread's segmenter now (a pool does it while its workers start).
 */
export function preloadSegmenter(): void {
  localDictSegment()
}

/** A worker's request for a cut, as posted to the pool's thread. */
export interface SegmentRequest {
  type: 'segment'
  text: string
  /**
   * Where the answer goes: Int32 0 is the state (0 waiting, 1 answered,
   * 2 failed), 1 the number of words, then each word's length in UTF-16
   * units.
   */
  buffer: SharedArrayBuffer
}

/**
 * Answer a worker's request with this thread's jieba (the pool's side).
 *
 * @param request The request.
 */
export function answerSegment(request: SegmentRequest): void {
  const cells = new Int32Array(request.buffer)
  try {
    const words = localSegment(request.text)
    if (words.length + 2 > cells.length) throw new Error('segment buffer too small')
    cells[1] = words.length
    words.forEach((word, index) => {
      cells[index + 2] = word.length
    })
    Atomics.store(cells, 0, 1)
  } catch {
    Atomics.store(cells, 0, 2)
  }
  Atomics.notify(cells, 0)
}

/**
 * A segmenter that asks the pool's thread (the worker's side). When no
 * answer comes within `waitMs` (the pool's thread is stuck) or the answer
 * failed, the worker cuts with its own jieba, so the result is the same.
 *
 * @param post Posts a request to the pool's thread.
 * @param waitMs How long to wait for an answer (default: 10 s).
 * @returns The segmenter.
 */
export function remoteSegment(post: (request: SegmentRequest) => void, waitMs = 10_000): Segment {
  let buffer = new SharedArrayBuffer(4096)
  let remoteBroken = false
  return (text) => {
    if (remoteBroken) return localSegment(text)
    // A word is at least one UTF-16 unit: at most text.length words.
    const needed = 4 * (text.length + 2)
    if (buffer.byteLength < needed) buffer = new SharedArrayBuffer(Math.max(needed, 2 * buffer.byteLength))
    const cells = new Int32Array(buffer)
    Atomics.store(cells, 0, 0)
    post({type: 'segment', text, buffer})
    if (Atomics.wait(cells, 0, 0, waitMs) === 'timed-out' || Atomics.load(cells, 0) !== 1) {
      remoteBroken = true
      return localSegment(text)
    }
    const words: string[] = []
    let at = 0
    for (let index = 0; index < cells[1]!; index++) {
      const length = cells[index + 2]!
      words.push(text.slice(at, at + length))
      at += length
    }
    return words
  }
}
