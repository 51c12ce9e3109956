/**
 * Settling decisions: accept the choice (the decision goes, the text stays)
 * or choose another text (the text changes, the decision goes). Pure: text
 * and decisions in, text and the decisions still open out.
 */
import {location} from 'vfile-location'
import type {OpenDecision, RepairDecision} from '../types.js'
import {anchorAt} from './locate.js'
import {twinGroups} from './twins.js'

/** A place given on the command line, as `lint` prints it (the file on disk). */
export interface Target {
  /** 1-based line. */
  line: number
  /** 1-based column; absent: every decision on the line. */
  column?: number
  /** The text to put in place of the choice (`--choose`); absent: accept the choice. */
  text?: string
}

/** A decision with its place on disk (what targets are matched against). */
export interface SettleRequest {
  decision: OpenDecision
  /** 1-based line and column of the choice on disk, and the column after it. */
  line: number
  column: number
  endColumn: number
}

/** What settling did. */
export interface SettleResult {
  /** The text with the chosen replacements made. */
  text: string
  /** The decisions still open, anchored in `text`, in text order (lost ones last, as they were). */
  remaining: RepairDecision[]
  /** The decisions settled, with what now stands in their place. */
  settled: Array<{decision: OpenDecision; line: number; column: number; text: string}>
  /** Targets that matched no open decision. */
  unmatched: Target[]
}

/**
 * Parse a place given on the command line.
 *
 * @param spec `FILE`, `FILE:LINE`, `FILE:LINE:COLUMN`, or with `choose` `FILE:LINE:COLUMN=TEXT`.
 * @param choose Whether a replacement text is required.
 * @returns The file and the target, or undefined when the spec is malformed.
 */
export function parseTarget(spec: string, choose: boolean): {file: string; target: Target | undefined} | undefined {
  if (choose) {
    const match = /^(.+?):(\d+):(\d+)=(.+)$/su.exec(spec)
    if (!match || match[4].includes('\n')) return undefined
    return {file: match[1], target: {line: Number(match[2]), column: Number(match[3]), text: match[4]}}
  }
  const match = /^(.+?)(?::(\d+)(?::(\d+))?)?$/su.exec(spec)
  if (!match) return undefined
  if (match[2] === undefined) return {file: match[1], target: undefined}
  return {file: match[1], target: {line: Number(match[2]), ...(match[3] === undefined ? {} : {column: Number(match[3])})}}
}

/**
 * Settle the decisions that targets point at, and their twins (`twins.ts`):
 * one `--accept` or `--choose` decides every place where the same character
 * was rebuilt the same way in the same word.
 *
 * @param text The repaired text (without a decision block).
 * @param requests The open decisions with their places on disk.
 * @param lost Decisions whose place is lost: kept open, unchanged.
 * @param targets The places to settle, or `all` to accept every open decision.
 * @returns The new text, the decisions left open, what was settled, and targets that matched nothing.
 */
export function settleDecisions(text: string, requests: readonly SettleRequest[], lost: readonly RepairDecision[], targets: readonly Target[] | 'all'): SettleResult {
  const replacement = new Map<SettleRequest, string>()
  const unmatched: Target[] = []
  const twinsOf = new Map<SettleRequest, SettleRequest[]>()
  for (const group of twinGroups(text, requests.map((request) => ({...request.decision, request})))) {
    for (const item of group) twinsOf.set(item.request, group.map((twin) => twin.request))
  }
  if (targets === 'all') {
    for (const request of requests) replacement.set(request, request.decision.choice)
  } else {
    for (const target of targets) {
      const matched = requests.filter((request) =>
        request.line === target.line && (target.column === undefined || (target.column >= request.column && target.column < Math.max(request.endColumn, request.column + 1))))
      if (matched.length === 0) unmatched.push(target)
      // A decision's twins (the same character rebuilt the same way in the same word) are decided with it.
      for (const request of matched) for (const twin of twinsOf.get(request) ?? [request]) replacement.set(twin, target.text ?? request.decision.choice)
    }
  }
  // Replace from the end, so earlier offsets stay valid; remember each shift.
  const ordered = [...requests].sort((a, b) => a.decision.start - b.decision.start)
  let result = text
  for (const request of [...ordered].reverse()) {
    const chosen = replacement.get(request)
    if (chosen === undefined || chosen === request.decision.choice) continue
    result = result.slice(0, request.decision.start) + chosen + result.slice(request.decision.end)
  }
  const place = location(result)
  const remaining: RepairDecision[] = []
  const settled: SettleResult['settled'] = []
  let shift = 0
  for (const request of ordered) {
    const {decision} = request
    const chosen = replacement.get(request)
    const start = decision.start + shift
    if (chosen !== undefined) {
      settled.push({decision, line: request.line, column: request.column, text: chosen})
      shift += chosen.length - decision.choice.length
      continue
    }
    const end = start + decision.choice.length
    const point = place.toPoint(start)
    remaining.push({
      choice: decision.choice,
      others: decision.others,
      confidence: decision.confidence,
      ...(decision.evidence === undefined ? {} : {evidence: decision.evidence}),
      ...anchorAt(result, start, end),
      line: point?.line ?? decision.line,
      column: point?.column ?? decision.column
    })
  }
  return {text: result, remaining: [...remaining, ...lost], settled, unmatched}
}
