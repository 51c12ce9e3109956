/**
 * A processed article as plain data: what crosses a worker boundary and what
 * the cache stores. `toResult` and `fromResult` convert between a processed
 * `VFile` and this shape without losing messages or `file.data`.
 */
import type {Point, Position} from 'unist'
import {VFile} from 'vfile'
import type {Options as MessageOptions, VFileMessage} from 'vfile-message'
import type {Alignment, DamageReport, DecisionProblem, EncodingInfo, Fix, FrontMatter, LocalFile, OpenDecision, Outputs, RepairRecord, TermUse} from '../types.js'

/** The error behind an internal-error message, as data. */
export interface SerializedCause {
  name: string
  message: string
  stack?: string
}

/** One vfile message as data. */
export interface SerializedMessage {
  reason: string
  /** `null` when the message has no place. */
  place: Point | Position | null
  ruleId: string | null
  source: string | null
  /** `true` error, `false` warning, `null` info. */
  fatal: boolean | null
  actual: string | null
  expected: string[] | null
  note: string | null
  url: string | null
  cause: SerializedCause | null
}

/**
 * Outputs in a result: name → content, as the emit stage makes them (strings),
 * or as their UTF-8 bytes when the result comes from the cache (which stores
 * them so, and `build` writes them so without decoding them).
 */
export type ResultOutputs = Record<string, string | Uint8Array>

/** The `file.data` fields a result carries (each absent when the pipeline did not set it). */
export interface ResultData {
  slug?: string
  frontMatter?: FrontMatter
  localFiles?: LocalFile[]
  outputs?: ResultOutputs
  titleEn?: string
  repairs?: RepairRecord[]
  damage?: DamageReport | null
  decisions?: OpenDecision[]
  decisionProblems?: DecisionProblem[]
  alignment?: Alignment
  termUses?: TermUse[]
  fixes?: Fix[]
  failed?: boolean
  encoding?: EncodingInfo
}

/** A processed article as structured-clone and JSON safe data. */
export interface ArticleResult {
  /** The path messages show. */
  path: string
  /** The text after decode and repair (absent when the bytes could not be decoded). */
  value?: string
  messages: SerializedMessage[]
  data: ResultData
  /** Whether the cache answered (`hit`) or the pipeline ran (`miss`); absent without a cache. */
  cache?: 'hit' | 'miss'
}

const dataKeys = ['slug', 'frontMatter', 'localFiles', 'outputs', 'titleEn', 'repairs', 'damage', 'decisions', 'decisionProblems', 'alignment', 'termUses', 'fixes', 'failed', 'encoding'] as const

/** A field a result can carry: one of `ResultData`'s, or the text (`value`). */
export type ResultField = keyof ResultData | 'value'

/**
 * Turn a processed file into data.
 *
 * @param file A file returned by the pipeline.
 * @param keep The fields its consumer reads (default: all); messages, the
 *   path and `failed` are always kept. `build` needs no alignment, and
 *   leaving it out makes results and cache entries several times smaller.
 * @returns The result; `file.data.tree` is left out (it can be rebuilt from `value`).
 */
export function toResult(file: VFile, keep?: readonly ResultField[]): ArticleResult {
  const wanted = keep ? new Set<ResultField>([...keep, 'failed']) : undefined
  const data: Record<string, unknown> = {}
  for (const key of dataKeys) {
    if (file.data[key] !== undefined && (!wanted || wanted.has(key))) data[key] = file.data[key]
  }
  const result: ArticleResult = {
    path: file.path,
    messages: file.messages.map((message) => ({
      reason: message.reason,
      place: message.place ?? null,
      ruleId: message.ruleId ?? null,
      source: message.source ?? null,
      fatal: message.fatal ?? null,
      actual: message.actual ?? null,
      expected: message.expected ?? null,
      note: message.note ?? null,
      url: message.url ?? null,
      cause: serializeCause(message.cause)
    })),
    data: data as ResultData
  }
  if (typeof file.value === 'string' && (!wanted || wanted.has('value'))) result.value = file.value
  return result
}

/**
 * Rebuild a file from a result, with messages equal to the original ones.
 *
 * @param result The result.
 * @returns A new `VFile`.
 */
export function fromResult(result: ArticleResult): VFile {
  const file = new VFile(result.value === undefined ? {path: result.path} : {path: result.path, value: result.value})
  const {outputs, ...data} = result.data
  Object.assign(file.data, data)
  if (outputs) file.data.outputs = decodeOutputs(outputs)
  for (const serialized of result.messages) {
    const cause = serialized.cause ? rebuildCause(serialized.cause) : undefined
    const message = messageWithoutTrace(file, serialized.reason, {
      ...(serialized.place ? {place: serialized.place} : {}),
      ...(serialized.ruleId === null ? {} : {ruleId: serialized.ruleId}),
      ...(serialized.source === null ? {} : {source: serialized.source}),
      ...(cause ? {cause} : {})
    })
    message.fatal = serialized.fatal ?? undefined
    if (serialized.actual !== null) message.actual = serialized.actual
    if (serialized.expected !== null) message.expected = serialized.expected
    if (serialized.note !== null) message.note = serialized.note
    if (serialized.url !== null) message.url = serialized.url
  }
  return file
}

/**
 * `file.message`, without the stack trace: a VFileMessage is an Error, and
 * making one captures a trace that its constructor then overwrites. That was
 * a third of the cost of rebuilding the thousands of messages of a warm build.
 */
function messageWithoutTrace(file: VFile, reason: string, options: MessageOptions): VFileMessage {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    return file.message(reason, options)
  } finally {
    Error.stackTraceLimit = limit
  }
}

/**
 * A result for an article that failed outside the pipeline (unreadable file,
 * crashed worker): one fatal message, `failed` set.
 *
 * @param path The path messages show.
 * @param reason The message.
 * @param ruleId The rule id (`read`, `internal-error`).
 * @returns The result.
 */
export function failedResult(path: string, reason: string, ruleId: string): ArticleResult {
  return {
    path,
    messages: [
      {reason, place: null, ruleId, source: 'bitext', fatal: true, actual: null, expected: null, note: null, url: null, cause: null}
    ],
    data: {failed: true}
  }
}

/**
 * Outputs as strings, whether they are strings or UTF-8 bytes.
 *
 * @param outputs A result's outputs.
 * @returns The same outputs, each a string.
 */
export function decodeOutputs(outputs: ResultOutputs): Outputs {
  const decoded: Outputs = {}
  for (const [name, content] of Object.entries(outputs)) decoded[name] = typeof content === 'string' ? content : Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('utf8')
  return decoded
}

function serializeCause(cause: unknown): SerializedCause | null {
  if (cause === undefined || cause === null) return null
  if (cause instanceof Error) return {name: cause.name, message: cause.message, ...(cause.stack ? {stack: cause.stack} : {})}
  return {name: 'Error', message: String(cause)}
}

function rebuildCause(cause: SerializedCause): Error {
  const error = new Error(cause.message)
  error.name = cause.name
  if (cause.stack !== undefined) error.stack = cause.stack
  return error
}
