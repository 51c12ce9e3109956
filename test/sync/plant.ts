/**
 * Planted edits for the sync corpus tests: from a translation, build the
 * English page it stores (its stored paragraphs, in order), then edit that
 * page with a seeded random generator — cosmetic edits (rewrap, typographic
 * quotes, a link target, spaces), changes of wording (a word replaced,
 * inserted or deleted), new paragraphs and removed ones — and remember what
 * was planted where.
 */
import {createRandom} from '../../bench/corpus.js'
import {syncTranslation, type SyncStatus} from '../../src/sync/index.js'
import type {StoredParagraph} from '../../src/sync/types.js'

/** A small deterministic random generator (mulberry32, the benchmark corpus's). */
export const random = createRandom

/** The stored paragraphs of a translation, and the English page they make. */
export function storedPage(zhText: string): {paragraphs: StoredParagraph[]; page: string} {
  // Compared with an empty source, every stored paragraph is `removed`: that lists them all.
  const paragraphs = syncTranslation(zhText, '').units.flatMap((unit) => (unit.stored ? [unit.stored] : []))
  // Link reference definitions (`[4]: https://…`) are kept, so `[text][4]` stays a link.
  const definitions = zhText.split('\n').filter((line) => /^ {0,3}\[[^\]]+\]:\s/.test(line))
  return {paragraphs, page: [...paragraphs.map((paragraph) => paragraph.raw), ...(definitions.length > 0 ? [definitions.join('\n')] : [])].join('\n\n') + '\n'}
}

/** How many edits of each kind to plant. */
export interface PlantSettings {
  /** Share of paragraphs that get each kind of edit (default: 25 % cosmetic, 15 % changed, 8 % removed, 8 % followed by a new one). */
  rates?: {cosmetic: number; changed: number; removed: number; inserted: number}
  /** Word edits in a changed paragraph (default: 1). */
  wordEdits?: number
  /** Fewest words a paragraph needs to get a wording change (default: 4). */
  minWords?: number
}

/** What was planted on one stored paragraph. */
export type Planted = 'current' | 'cosmetic' | 'changed' | 'removed'

/** A planted page: the edited English, what each stored paragraph should get, and the new paragraphs' texts. */
export interface PlantedPage {
  source: string
  /** Per stored paragraph (in order): the status it must get. */
  expected: Planted[]
  /** The kind of cosmetic or wording edit made, per stored paragraph (`''` when none). */
  edits: string[]
  /** The new paragraphs inserted. */
  inserted: string[]
  /** The new English of the paragraphs whose wording was changed. */
  changedTexts: string[]
}

const fillers = ['carefully', 'always', 'cluster', 'quickly', 'several', 'reliable', 'workload', 'instead', 'network', 'usually']
const newParagraphs = [
  'Administrators can enable this feature gate on every node before they upgrade the control plane.',
  'This section was added to explain how the scheduler handles nodes that report no free memory.',
  'Before you continue, make sure that the kubelet on each node runs the same minor version.',
  'If the volume is mounted read-only, the container cannot write its logs to that path.',
  'You can also set a default value for every namespace with a LimitRange object.',
  'The API server rejects requests that exceed the configured rate limit with status 429.'
]

/**
 * Plant edits on a stored English page.
 *
 * @param paragraphs The stored paragraphs (`storedPage`).
 * @param seed Seed of the generator.
 * @param settings How many edits of each kind.
 * @returns The edited page and the truth.
 */
export function plant(paragraphs: readonly StoredParagraph[], seed: number, settings: PlantSettings = {}): PlantedPage {
  const rates = settings.rates ?? {cosmetic: 0.25, changed: 0.15, removed: 0.08, inserted: 0.08}
  const wordEdits = settings.wordEdits ?? 1
  const minWords = settings.minWords ?? 4
  const next = random(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]
  const out: string[] = []
  const expected: Planted[] = []
  const edits: string[] = []
  const inserted: string[] = []
  const changedTexts: string[] = []
  const seen = new Set<string>()
  for (const paragraph of paragraphs) {
    // A paragraph repeated word for word ("For example:") is left alone: its copies are interchangeable.
    const repeated = paragraphs.filter((other) => other.key === paragraph.key).length > 1
    seen.add(paragraph.key)
    const text = paragraph.raw
    const editable = !repeated && !paragraph.shared && paragraph.kind !== 'code' && paragraph.kind !== 'table'
    const words = text.split(/\s+/).filter((word) => /^[A-Za-z]{3,}[,.:;]?$/.test(word))
    const roll = next()
    if (editable && roll < rates.removed) {
      expected.push('removed')
      edits.push('removed')
    } else if (editable && words.length >= minWords && roll < rates.removed + rates.changed) {
      let changed = text
      const kinds: string[] = []
      for (let count = 0; count < wordEdits; count++) {
        const kind = pick(['replace', 'insert', 'delete'] as const)
        // Deleting the only word would leave nothing to compare.
        const safe = kind === 'delete' && changed.split(/\s+/).length < 2 ? 'replace' : kind
        changed = changeWording(changed, safe, pick, next)
        kinds.push(safe)
      }
      out.push(changed)
      // Edits that undo each other plant nothing.
      if (changed !== text) changedTexts.push(changed)
      expected.push(changed === text ? 'current' : 'changed')
      edits.push(changed === text ? '' : kinds.join('+'))
    } else if (editable && roll < rates.removed + rates.changed + rates.cosmetic) {
      const options = cosmeticEdits(text)
      if (options.length === 0) {
        out.push(text)
        expected.push('current')
        edits.push('')
      } else {
        const [kind, edit] = pick(options)
        const edited = edit(pick, next)
        out.push(edited)
        // An edit that happened to change nothing (a rewrap that broke no line) plants nothing.
        expected.push(edited === text ? 'current' : 'cosmetic')
        edits.push(edited === text ? '' : kind)
      }
    } else {
      out.push(text)
      expected.push('current')
      edits.push('')
    }
    if (next() < rates.inserted) {
      const paragraph = newParagraphs[inserted.length % newParagraphs.length]
      inserted.push(paragraph)
      out.push(paragraph)
    }
  }
  return {source: out.join('\n\n') + '\n', expected, edits, inserted, changedTexts}
}

type Pick = <T>(items: readonly T[]) => T

/** One wording change: a word replaced, a word inserted, or a word deleted (outside code, links and markup). */
function changeWording(text: string, kind: 'replace' | 'insert' | 'delete', pick: Pick, next: () => number): string {
  const tokens = text.split(/(\s+)/)
  const candidates = tokens.map((token, index) => ({token, index})).filter(({token}) => /^[A-Za-z]{3,}[,.:;]?$/.test(token))
  if (candidates.length === 0) return `${text} ${fillers[0]}`
  const {token, index} = pick(candidates)
  const [, word, tail] = /^([A-Za-z]+)(.*)$/.exec(token)!
  const filler = fillers.find((candidate) => candidate !== word.toLowerCase() && next() < 0.5) ?? fillers[0]
  if (kind === 'replace') tokens[index] = filler + tail
  else if (kind === 'insert') tokens[index] = `${filler} ${token}`
  else tokens[index] = tail
  return tokens.join('').replace(/ {2,}/g, ' ')
}

/** The cosmetic edits that apply to a paragraph, each as a function that makes it. */
function cosmeticEdits(text: string): Array<[string, (pick: Pick, next: () => number) => string]> {
  const edits: Array<[string, (pick: Pick, next: () => number) => string]> = []
  const heading = /^#{1,6} /.test(text)
  if (!heading && / /.test(text)) {
    edits.push([
      'rewrap',
      (_pick, next) =>
        text
          .replace(/\n/g, ' ')
          .split(' ')
          // A line must not start with what would make it a list item, a heading, a quote or HTML.
          .map((word, index) => (index > 0 && next() < 0.15 && !/^(?:[-*+#>|=<]|\d+[.)])/.test(word) ? `\n${word}` : index > 0 ? ` ${word}` : word))
          .join('')
    ])
    edits.push(['spaces', () => text.replace(/\. (?=[A-Z])/g, '.  ').replace(/ $/, '') + (text.includes('. ') ? '' : ' ')])
  }
  if (/"[^"\n]+"/.test(text)) edits.push(['quotes', () => text.replace(/"([^"\n]+)"/g, '“$1”')])
  if (/[A-Za-z]'[a-z]/.test(text)) edits.push(['apostrophe', () => text.replace(/([A-Za-z])'([a-z])/g, '$1’$2')])
  if (/\]\((?!#)[^)\s]+\)/.test(text)) edits.push(['link-target', () => text.replace(/\]\((?!#)([^)\s]+)\)/, (_match, url: string) => `](${url.replace(/\/?$/, '/moved/')})`)])
  return edits
}

/** Whether a planted truth and a reported status agree. */
export function agrees(planted: Planted, status: SyncStatus): boolean {
  return planted === status
}

/** Counts of one evaluation. */
export interface Score {
  /** Per planted kind: how many were planted, and how many got exactly their status. */
  planted: Record<Planted | 'new', number>
  found: Record<Planted | 'new', number>
  /** Planted wording changes reported as stale at all: `changed`, or `removed` (with the new English as `new`). */
  staleChanged: number
  /** Unchanged or cosmetic paragraphs reported changed, new or removed. */
  falseAlarms: number
  /** What went wrong, for the test's message. */
  problems: string[]
}

/**
 * Plant edits on a translation's stored English and score sync on it.
 *
 * @param zhText The translation.
 * @param seed Seed of the generator.
 * @param settings How many edits of each kind.
 * @returns The score.
 */
export function evaluate(zhText: string, seed: number, settings: PlantSettings = {}): Score {
  const {paragraphs} = storedPage(zhText)
  const planted = plant(paragraphs, seed, settings)
  const definitions = zhText.split('\n').filter((line) => /^ {0,3}\[[^\]]+\]:\s/.test(line))
  const source = definitions.length > 0 ? `${planted.source}\n${definitions.join('\n')}\n` : planted.source
  const result = syncTranslation(zhText, source)
  const score: Score = {
    planted: {current: 0, cosmetic: 0, changed: 0, removed: 0, new: planted.inserted.length},
    found: {current: 0, cosmetic: 0, changed: 0, removed: 0, new: 0},
    staleChanged: 0,
    falseAlarms: 0,
    problems: []
  }
  const byStored = new Map(paragraphs.map((paragraph, index) => [paragraph.start, index]))
  // The new English of a changed paragraph reported as removed + new is not a false alarm.
  const flat = (text: string): string => text.replace(/\s+/g, ' ').trim()
  const changedSources = planted.changedTexts.map(flat)
  // (a changed list item or definition may parse as a block of its own, so a part counts too)
  const fromChanged = (raw: string): boolean => changedSources.some((text) => text.includes(flat(raw)))
  const statusOf = new Map<number, SyncStatus>()
  for (const unit of result.units) {
    if (unit.stored) statusOf.set(byStored.get(unit.stored.start) ?? -1, unit.status)
    else if (unit.status === 'new' && unit.source && planted.inserted.includes(unit.source.raw)) score.found.new++
    else if (unit.status === 'new' && unit.source && fromChanged(unit.source.raw)) continue
    else if (unit.status === 'new') {
      score.falseAlarms++
      score.problems.push(`new but not planted: ${unit.source?.raw.slice(0, 80)}`)
    }
  }
  planted.expected.forEach((expected, index) => {
    score.planted[expected]++
    const status = statusOf.get(index)
    if (expected === 'changed' && (status === 'changed' || status === 'removed')) score.staleChanged++
    if (status === expected) score.found[expected]++
    else {
      if ((expected === 'current' || expected === 'cosmetic') && status !== 'current' && status !== 'cosmetic') score.falseAlarms++
      score.problems.push(`seed ${seed}, stored line ${paragraphs[index].line}: planted ${expected}${planted.edits[index] ? ` (${planted.edits[index]})` : ''}, got ${status}: ${paragraphs[index].raw.slice(0, 80)}`)
    }
  })
  return score
}
