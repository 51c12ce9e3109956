/**
 * Re-rank lossy repairs with the English source: a bilingual article has the
 * English of every damaged Chinese paragraph next to it, and "Kubernetes in
 * the Enterprise" tells `在企业中应用` from `在企业不应用` where a unigram
 * lexicon cannot. The evidence of each candidate becomes a log-linear bonus in
 * the same lattice the repair chose with, so the source decides only where it
 * discriminates and the lexicon keeps deciding everywhere else.
 */
import type {RepairRecord} from '../types.js'
import type {Candidate} from './candidates.js'
import type {GlossDictionary} from './gloss-dictionary.js'
import type {Lexicon} from './lexicon.js'
import {rebuild, type Part} from './lossy.js'
import {candidateEvidence, defaultSourceWeights, prepareSource, renderedStems, type PreparedSource, type SourceWeights} from './source-bonus.js'
import {sourceAt, type SourceSpan} from './source-evidence.js'

/** Options of {@link rerankRepairs}. */
export interface RerankOptions {
  /** The Chinese–English dictionary. */
  dictionary: GlossDictionary
  /** The lexicon the repair chose with. */
  lexicon: Lexicon
  /** Weights of the evidence (default {@link defaultSourceWeights}). */
  weights?: Partial<SourceWeights>
}

/** Result of {@link rerankRepairs}. */
export interface RerankResult {
  /** The text with the re-ranked choices (the input itself when nothing changed). */
  text: string
  /** The repairs, with `after`, `confidence`, `alternatives`, `evidence` and `outputOffset` updated. */
  repairs: RepairRecord[]
  /** How many repairs chose another character. */
  changed: number
}

/**
 * Whether a repair can be re-ranked: a rebuilt single character with
 * runner-ups of the same length.
 *
 * @param record A repair.
 * @returns True for a re-rankable lossy repair.
 */
export function isRerankable(record: RepairRecord): boolean {
  if (record.kind !== 'lossy' || record.alternatives.length === 0) return false
  const length = record.after.length
  return [...record.after].length === 1 && record.alternatives.every((alternative) => [...alternative].length === 1 && alternative.length === length)
}

/** A re-rankable repair and where it is. */
interface Target {
  index: number
  record: RepairRecord
  source: PreparedSource | undefined
}

/**
 * Re-rank the lossy repairs of a text against its English source.
 *
 * Pure: returns new records and text, never changes its arguments.
 *
 * @param text The repaired text (the output of the repair).
 * @param repairs Its repairs (offsets into `text` by `outputOffset`).
 * @param spans The English source of stretches of `text` (see `sourceSpans`).
 * @param options Dictionary, lexicon and weights.
 * @returns The text and repairs after re-ranking, and how many changed.
 */
export function rerankRepairs(text: string, repairs: readonly RepairRecord[], spans: readonly SourceSpan[], options: RerankOptions): RerankResult {
  const weights = {...defaultSourceWeights, ...options.weights}
  const prepared = new Map<SourceSpan, PreparedSource>()
  const targets: Target[] = []
  // Rebuilt characters do not vouch for what the sentence already says.
  const damaged = new Set(repairs.filter(isRerankable).map((record) => record.outputOffset))
  repairs.forEach((record, index) => {
    if (!isRerankable(record)) return
    const span = sourceAt(spans, record.outputOffset)
    let source: PreparedSource | undefined
    if (span !== undefined) {
      source = prepared.get(span)
      if (source === undefined) {
        source = prepareSource(
          span.sentence,
          span.block,
          span.sentence === '' ? new Set() : coveredIn(text, span.start, span.end, damaged, options.dictionary),
          coveredIn(text, span.blockStart, span.blockEnd, damaged, options.dictionary)
        )
        prepared.set(span, source)
      }
    }
    targets.push({index, record, source})
  })
  const updated = repairs.map((record) => ({...record}))
  let changed = 0
  for (const group of byParagraph(text, targets)) {
    if (!group.targets.some((target) => target.source !== undefined)) continue
    changed += rerankParagraph(text, group, updated, options, weights)
  }
  if (changed === 0) return {text, repairs: updated, changed}
  return {...applyChoices(text, repairs, updated), changed}
}

/** What the intact Chinese of `text.slice(start, end)` already renders. */
function coveredIn(text: string, start: number, end: number, damaged: ReadonlySet<number>, dictionary: GlossDictionary): Set<string> {
  const chars: string[] = []
  const indices = new Set<number>()
  let offset = start
  for (const char of text.slice(start, end)) {
    if (damaged.has(offset)) indices.add(chars.length)
    chars.push(char)
    offset += char.length
  }
  return renderedStems(chars, indices, dictionary)
}

/** Targets grouped by paragraph (text between blank lines). */
function byParagraph(text: string, targets: readonly Target[]): Array<{start: number; end: number; targets: Target[]}> {
  const breaks: Array<[number, number]> = []
  for (const match of text.matchAll(/\n[ \t]*\n/g)) breaks.push([match.index + 1, match.index + match[0].length - 1])
  const groups: Array<{start: number; end: number; targets: Target[]}> = []
  let next = 0
  for (const target of targets) {
    const at = target.record.outputOffset
    while (next < breaks.length && breaks[next]![1] <= at) next++
    const start = next === 0 ? 0 : breaks[next - 1]![1]
    const end = next < breaks.length ? breaks[next]![0] : text.length
    const last = groups.at(-1)
    if (last !== undefined && last.start === start) last.targets.push(target)
    else groups.push({start, end, targets: [target]})
  }
  return groups
}

/** Choose again in one paragraph; returns how many repairs changed. */
function rerankParagraph(
  text: string,
  group: {start: number; end: number; targets: Target[]},
  updated: RepairRecord[],
  options: RerankOptions,
  weights: SourceWeights
): number {
  const paragraph = text.slice(group.start, group.end)
  const chars = [...paragraph]
  // Character index of each target, by UTF-16 offset within the paragraph.
  const charIndex = new Map<number, number>()
  let offset = 0
  chars.forEach((char, index) => {
    charIndex.set(offset, index)
    offset += char.length
  })
  const slots = new Map<number, string[]>()
  const placed = group.targets.map((target) => {
    const index = charIndex.get(target.record.outputOffset - group.start)!
    slots.set(index, [target.record.after, ...target.record.alternatives])
    return {target, index}
  })
  const around = {chars, slots}
  let discriminates = false
  const evidence = placed.map(({target, index}) => {
    const {source} = target
    const found = slots.get(index)!.map((char) =>
      source === undefined ? {bonus: 0, note: ''} : candidateEvidence(around, index, char, source, options.dictionary, weights)
    )
    if (found.some((item) => item.bonus !== found[0]!.bonus)) discriminates = true
    return found
  })
  if (!discriminates) return 0

  const parts: Part[] = []
  let cursor = 0
  placed.forEach(({index}, position) => {
    if (index > cursor) parts.push(chars.slice(cursor, index).join(''))
    const candidates: Candidate[] = slots.get(index)!.map((char, option) => ({char, filled: [], bonus: evidence[position]![option]!.bonus}))
    parts.push({candidates})
    cursor = index + 1
  })
  if (cursor < chars.length) parts.push(chars.slice(cursor).join(''))
  const rebuilt = rebuild(parts, options.lexicon)

  let changed = 0
  placed.forEach(({target, index}, position) => {
    const result = rebuilt[position]!
    const found = evidence[position]!
    const choices = slots.get(index)!
    const mattered = found.some((item) => item.bonus !== found[0]!.bonus)
    if (!mattered && result.char === target.record.after) return
    const record = updated[target.index]!
    if (result.char !== record.after) changed++
    record.after = result.char
    record.confidence = Math.round(result.confidence * 1000) / 1000
    record.alternatives = choices.filter((char) => char !== result.char).sort((a, b) => rank(result.alternatives, a) - rank(result.alternatives, b))
    const note = found[choices.indexOf(result.char)]?.note ?? ''
    if (note === '') delete record.evidence
    else record.evidence = note
  })
  return changed
}

/** Position of a runner-up in the lattice's order (unlisted ones last, in their old order). */
function rank(order: readonly string[], char: string): number {
  const position = order.indexOf(char)
  return position === -1 ? order.length : position
}

/** Apply the new choices to the text and shift output offsets where lengths differ. */
function applyChoices(text: string, before: readonly RepairRecord[], after: RepairRecord[]): {text: string; repairs: RepairRecord[]} {
  let output = ''
  let cursor = 0
  let shift = 0
  before.forEach((old, index) => {
    const record = after[index]!
    output += text.slice(cursor, old.outputOffset)
    record.outputOffset = old.outputOffset + shift
    output += record.after
    cursor = old.outputOffset + old.after.length
    shift += record.after.length - old.after.length
  })
  output += text.slice(cursor)
  return {text: output, repairs: after}
}
