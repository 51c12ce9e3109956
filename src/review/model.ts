/**
 * The review model of one article: every alignment unit as a row, EN and ZH
 * side by side (sentence by sentence inside pairs), each message attached to
 * the row and span it points at, and the mojibake repairs. The HTML and JSON
 * renderers both read this model, so they carry the same content.
 */
import type {VFile} from 'vfile'
import type {Point} from 'unist'
import type {VFileMessage} from 'vfile-message'
import {location} from 'vfile-location'
import {openDecisionGroups, pointMap, type OpenChoice, type PointMap} from '../decisions/index.js'
import {nodesRange} from '../parse/nodes-range.js'
import type {AlignUnit, Severity, UnitKind} from '../types.js'

/** A run of the article's text with its 0-based file offsets. */
export interface ReviewSlice {
  start: number
  end: number
  text: string
}

/** One side of a row or of a sentence. */
export interface ReviewSide extends ReviewSlice {
  /** 1-based line of `start`. */
  line: number
}

/** A sentence pair inside a pair row. */
export interface ReviewSentence {
  en: ReviewSide | null
  zh: ReviewSide | null
  flags: string[]
}

/** One alignment unit. */
export interface ReviewRow {
  /** 0-based index of the unit. */
  index: number
  kind: UnitKind
  block: string
  flags: string[]
  en: ReviewSide | null
  zh: ReviewSide | null
  /** Sentence pairs (pairs with sentence offsets only; otherwise empty). */
  sentences: ReviewSentence[]
  /** Ids of the messages inside this unit. */
  messages: string[]
}

/** A message, flattened for reviewers and other tools. */
export interface ReviewMessage {
  /** `m1`, `m2`, … in document order. */
  id: string
  ruleId: string
  severity: Severity
  reason: string
  line: number | null
  column: number | null
  /** 0-based offsets of the span, when the message has a place. */
  start: number | null
  end: number | null
  /** The side of the row the message points into. */
  side: 'en' | 'zh' | null
  /** Index of the row, or null for document-level messages. */
  row: number | null
  actual: string | null
  expected: string[]
  note: string | null
  url: string | null
  /** For an uncertain repaired character: the likeliest candidate, why, and the others. */
  choice: ReviewChoice | null
}

/** A place in the text shown, with its line and column in the file on disk. */
export interface ReviewPlace {
  /** 0-based offsets in the text shown. */
  start: number
  end: number
  /** 1-based line and column in the file on disk. */
  line: number
  column: number
}

/**
 * An uncertain character: the candidate chosen as likeliest and the other
 * candidates, and the twins decided with it.
 */
export interface ReviewChoice {
  /** The likeliest candidate, which the text has now. */
  choice: string
  /** The other candidates, most likely first. */
  others: string[]
  /** 0–1: how sure the repair was of `choice`. */
  confidence: number
  /** What in the English supports `choice`, or null when the Chinese models alone chose. */
  evidence: string | null
  /** `repair`: repaired now, in memory; `block`: kept open in the article's decision block. */
  origin: 'repair' | 'block'
  /**
   * The other places of the same decision, in text order: the same choice
   * with the same candidates in the same word (`decisions/twins.ts`). One
   * `bitext repair --accept` or `--choose` at any of them settles them all,
   * and `mojibake-uncertain` reports them in one message, at the first.
   * Empty when the choice has no twin.
   */
  twins: ReviewPlace[]
}

/** An open decision of the article's decision block, at its place. */
export interface ReviewDecision extends ReviewChoice {
  /** 0-based offsets in the text shown. */
  start: number
  end: number
  /** 1-based line and column in the file on disk. */
  line: number
  column: number
}

/** A mojibake repair: its span in the repaired text, its line and column in the file on disk. */
export interface ReviewRepair {
  start: number
  end: number
  line: number
  column: number
  before: string
  after: string
  confidence: number
  /** The other candidates, most likely first. */
  alternatives: string[]
  kind: 'lossless' | 'lossy'
  /** What in the English supports `after`, or null. */
  evidence: string | null
}

/**
 * What waits for a person in an article's repair: the decisions, as
 * `mojibake-uncertain` reports them (twins are one decision), and the
 * characters they cover.
 */
export interface ReviewUncertainCounts {
  /** Decisions to make: uncertain repairs and open decisions, twins counted once. */
  decisions: number
  /** Uncertain characters these decisions cover (each twin counted). */
  characters: number
  /** Decision block lines that cannot be used (malformed, or their place is lost). */
  problems: number
}

/** Message counts. */
export interface ReviewCounts {
  error: number
  warning: number
  info: number
  /** Rule id → counts per severity. */
  byRule: Record<string, {error: number; warning: number; info: number}>
}

/** The review of one article. */
export interface ReviewDocument {
  /** Format version of this model. */
  version: 1
  path: string
  slug: string
  title: string
  /** The alignment's ZH:EN ratio and quoted side, or null when alignment failed. */
  ratio: number | null
  quoted: 'en' | 'zh' | 'none' | null
  counts: ReviewCounts
  rows: ReviewRow[]
  messages: ReviewMessage[]
  repairs: ReviewRepair[]
  /** Open decisions kept in the article's decision block, one per character. */
  decisions: ReviewDecision[]
  /** The decisions a person has to make, twins counted once. */
  uncertain: ReviewUncertainCounts
  /** Ids of messages not inside any row (front matter, whole file, fatal). */
  documentMessages: string[]
}

/**
 * Severity of a vfile message.
 *
 * @param message The message.
 * @returns `error` for fatal, `warning` for non-fatal, `info` otherwise.
 */
export function severityOfMessage(message: VFileMessage): Severity {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
}

/**
 * Build the review model of a processed article.
 *
 * @param file A file from the pipeline (`data.alignment` may be missing when it failed).
 * @returns The model.
 */
export function reviewModel(file: VFile): ReviewDocument {
  const text = String(file.value ?? '')
  const place = location(text)
  const units = file.data.alignment?.units ?? []
  const rows = units.map((unit, index) => rowOf(unit, index, text, place))
  const ranges = units.map((unit) => ({en: nodesRange(unit.enNodes), zh: nodesRange(unit.zhNodes)}))

  // Messages point at the file on disk; the text shown is repaired: map back.
  const repairRecords = file.data.repairs ?? []
  const map = pointMap(text, repairRecords)
  // The same groups as the `mojibake-uncertain` rule: one decision per group of twins.
  const groups = openDecisionGroups(text, repairRecords, file.data.decisions ?? [])
  const choices = new Map<number, ReviewChoice>()
  for (const group of groups) {
    const places = group.map((item) => placeOf(item, map, place))
    group.forEach((item, index) => choices.set(item.start, choiceOf(item, places.filter((_, other) => other !== index))))
  }
  const decisions: ReviewDecision[] = (file.data.decisions ?? []).map((decision) => {
    const choice = choices.get(decision.start) ?? choiceOf({...decision, origin: 'block'}, [])
    const point = map.toDisk(place.toPoint(decision.start) ?? {line: decision.line, column: decision.column})
    return {...choice, start: decision.start, end: decision.end, line: point.line, column: point.column}
  })

  const ordered = [...file.messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
  const messages: ReviewMessage[] = []
  const documentMessages: string[] = []
  const counts: ReviewCounts = {error: 0, warning: 0, info: 0, byRule: {}}
  for (const [index, message] of ordered.entries()) {
    const id = `m${index + 1}`
    const severity = severityOfMessage(message)
    const ruleId = message.ruleId ?? message.source ?? 'bitext'
    const start = offsetOf(message.place && 'start' in message.place ? message.place.start : message.place, map, 'start')
    const endPoint = message.place && 'end' in message.place ? message.place.end : undefined
    const end = offsetOf(endPoint, map, 'end') ?? start
    let row: number | null = null
    let side: 'en' | 'zh' | null = null
    if (start !== undefined) {
      for (const [unitIndex, range] of ranges.entries()) {
        if (range.zh && start >= range.zh[0] && start < range.zh[1] && units[unitIndex].kind !== 'shared') side = 'zh'
        else if (range.en && start >= range.en[0] && start < range.en[1]) side = 'en'
        else continue
        row = unitIndex
        break
      }
    }
    messages.push({
      id,
      ruleId,
      severity,
      reason: message.reason,
      line: message.line ?? null,
      column: message.column ?? null,
      start: start ?? null,
      end: end ?? null,
      side,
      row,
      actual: message.actual ?? null,
      expected: message.expected ?? [],
      note: message.note ?? null,
      url: message.url ?? null,
      choice: ruleId === 'mojibake-uncertain' && start !== undefined ? choices.get(start) ?? null : null
    })
    if (row === null) documentMessages.push(id)
    else rows[row].messages.push(id)
    counts[severity]++
    counts.byRule[ruleId] ??= {error: 0, warning: 0, info: 0}
    counts.byRule[ruleId][severity]++
  }

  const repairs: ReviewRepair[] = repairRecords.map((repair) => ({
    start: repair.outputOffset,
    end: repair.outputOffset + repair.after.length,
    line: repair.line,
    column: repair.column,
    before: repair.before,
    after: repair.after,
    confidence: repair.confidence,
    alternatives: [...repair.alternatives],
    kind: repair.kind,
    evidence: repair.evidence ?? null
  }))

  const frontMatterTitle = file.data.frontMatter?.title
  return {
    version: 1,
    path: file.path ?? '',
    slug: file.data.slug ?? file.stem ?? 'article',
    title: typeof frontMatterTitle === 'string' && frontMatterTitle.trim() !== '' ? frontMatterTitle : file.data.slug ?? file.stem ?? 'article',
    ratio: file.data.alignment?.ratio ?? null,
    quoted: file.data.alignment?.quoted ?? null,
    counts,
    rows,
    messages,
    repairs,
    decisions,
    uncertain: {
      decisions: groups.length,
      characters: groups.reduce((total, group) => total + group.length, 0),
      problems: file.data.decisionProblems?.length ?? 0
    },
    documentMessages
  }
}

/** The 0-based offset in the shown (repaired) text of a point on disk. */
function offsetOf(point: Point | undefined, map: PointMap, side: 'start' | 'end'): number | undefined {
  if (!point) return undefined
  return map.toText(point, side).offset
}

/** A review choice, with the places of its twins. */
function choiceOf(item: Pick<OpenChoice, 'choice' | 'others' | 'confidence' | 'evidence' | 'origin'>, twins: ReviewPlace[]): ReviewChoice {
  return {choice: item.choice, others: [...item.others], confidence: item.confidence, evidence: item.evidence ?? null, origin: item.origin, twins}
}

/** The place of a choice: its span in the text shown, its line and column on disk (where lint reports it). */
function placeOf(item: Pick<OpenChoice, 'start' | 'end'>, map: PointMap, place: ReturnType<typeof location>): ReviewPlace {
  const point = map.toDisk(place.toPoint(item.start) ?? {line: 1, column: 1})
  return {start: item.start, end: item.end, line: point.line, column: point.column}
}

/**
 * A side of a unit as a slice of the text.
 */
function sideOf(range: [number, number] | undefined, text: string, place: ReturnType<typeof location>): ReviewSide | null {
  if (!range) return null
  return {start: range[0], end: range[1], text: text.slice(range[0], range[1]), line: place.toPoint(range[0])?.line ?? 0}
}

/**
 * A slice of the text between optional offsets.
 */
function sliceOf(start: number | undefined, end: number | undefined, text: string, place: ReturnType<typeof location>): ReviewSide | null {
  if (start === undefined || end === undefined || end < start) return null
  return sideOf([start, end], text, place)
}

/**
 * The row of one unit.
 */
function rowOf(unit: AlignUnit, index: number, text: string, place: ReturnType<typeof location>): ReviewRow {
  const sentences: ReviewSentence[] = []
  const exact = unit.kind === 'pair' && unit.sentences.length > 0 &&
    unit.sentences.every((sentence) => (sentence.en === '' || sentence.enStart !== undefined) && (sentence.zh === '' || sentence.zhStart !== undefined))
  if (exact) {
    for (const sentence of unit.sentences) {
      sentences.push({
        en: sliceOf(sentence.enStart, sentence.enEnd, text, place),
        zh: sliceOf(sentence.zhStart, sentence.zhEnd, text, place),
        flags: 'flags' in sentence && Array.isArray(sentence.flags) ? sentence.flags.filter((flag): flag is string => typeof flag === 'string') : []
      })
    }
  }
  return {
    index,
    kind: unit.kind,
    block: unit.block,
    flags: [...unit.flags],
    en: unit.kind === 'target-only' ? null : sideOf(nodesRange(unit.enNodes), text, place),
    zh: unit.kind === 'source-only' || unit.kind === 'shared' ? null : sideOf(nodesRange(unit.zhNodes), text, place),
    sentences,
    messages: []
  }
}
