/**
 * `bitext sync --write`: bring the stored English up to date and mark the
 * Chinese that needs a translator, as text edits on the file (everything
 * else stays byte for byte):
 *
 * - `cosmetic`: the stored English is replaced by today's;
 * - `changed`: the stored English is replaced by today's, and an `outdated`
 *   marker (keeping the English the Chinese renders) goes right before the
 *   Chinese, which stays;
 * - `new`: today's English is inserted after the paragraph before it, in the
 *   file's convention (a `<!--` comment or a `>` quote), followed by an
 *   `untranslated` marker;
 * - `removed`: a `removed` marker goes before the Chinese; nothing is deleted.
 *
 * Running it again changes nothing: the markers say what was done.
 */
import {lineFinder} from '../parse/line-finder.js'
import {findMarkers, formatMarker, wasParagraphs} from './markers.js'
import {prefixAt} from './normalize.js'
import type {Marker, Paragraph, StoredParagraph, SyncResult} from './types.js'

/** One edit: replace `[start, end)` with `text`. */
export interface SyncEdit {
  start: number
  end: number
  text: string
  /** What the edit does, for the report (`refresh`, `update`, `mark-outdated`, `insert`, `mark-removed`, `unmark-removed`). */
  action: 'refresh' | 'update' | 'mark-outdated' | 'insert' | 'mark-removed' | 'unmark-removed'
  /** 1-based line of the edit in the file before it. */
  line: number
}

/**
 * Plan the edits of `--write`.
 *
 * @param result The statuses (`syncTranslation`).
 * @param text The translation's text.
 * @returns The edits in file order.
 */
export function planEdits(result: SyncResult, text: string): SyncEdit[] {
  const edits: SyncEdit[] = []
  const lineAt = lineFinder(text)
  const quote = result.convention === 'quote'
  // A stored or source paragraph in two units was split or merged: it is left as it is.
  const seenStored = new Map<StoredParagraph, number>()
  const seenSource = new Map<Paragraph, number>()
  for (const unit of result.units) {
    if (unit.stored) seenStored.set(unit.stored, (seenStored.get(unit.stored) ?? 0) + 1)
    if (unit.source) seenSource.set(unit.source, (seenSource.get(unit.source) ?? 0) + 1)
  }
  const outdatedUnits = new Map<number, {stored: StoredParagraph; was: string[]}>()
  // A `removed` marker names the English it marks: found by it wherever the alignment puts it.
  const removedMarkers = findMarkers(text).filter((marker) => marker.kind === 'removed')
  const removedTexts = new Set(removedMarkers.flatMap((marker) => (marker.was === undefined ? [] : wasParagraphs(marker.was).map(flat))))
  const removedStored = new Set(result.units.filter((unit) => unit.status === 'removed' && unit.stored).map((unit) => flat(unit.stored!.raw)))
  const removedUnits = new Map<number, StoredParagraph[]>()
  let anchor: StoredParagraph | undefined

  for (const unit of result.units) {
    const {stored, source} = unit
    if (stored && source && seenStored.get(stored) === 1 && seenSource.get(source) === 1 && stored.raw !== source.raw && !stored.shared) {
      edits.push({start: stored.start, end: stored.end, text: reindent(source.raw, stored.prefix, !quote), action: unit.status === 'cosmetic' ? 'refresh' : 'update', line: stored.line})
    }
    if (stored && unit.status === 'changed' && !stored.markers.some((marker) => marker.kind === 'outdated' || marker.kind === 'untranslated') && stored.zh.length > 0) {
      // `was:` keeps the English of the whole unit, so its unchanged paragraphs stay current.
      const was = stored.shared ? [] : unitParagraphs(stored, result).map((paragraph) => paragraph.raw)
      if (!outdatedUnits.has(stored.unit)) outdatedUnits.set(stored.unit, {stored, was})
    }
    if (stored && unit.status === 'removed' && !removedTexts.has(flat(stored.raw)) && !stored.markers.some((marker) => marker.kind === 'removed' && marker.was === undefined)) {
      const entry = removedUnits.get(stored.unit)
      if (entry) entry.push(stored)
      else removedUnits.set(stored.unit, [stored])
    }
    if (!stored && source && unit.status === 'new') edits.push(insertion(source, anchor, result, text, quote, lineAt))
    if (stored) anchor = stored
  }
  for (const {stored, was} of outdatedUnits.values()) {
    edits.push({...markBefore(stored, text, formatMarker('outdated', was)), action: 'mark-outdated', line: stored.zh[0].line})
  }
  for (const removed of removedUnits.values()) {
    const stored = removed[0]
    const marker = formatMarker('removed', removed.map((paragraph) => paragraph.raw))
    const place = stored.zh.length > 0 ? markBefore(stored, text, marker) : markAfter(stored, text, marker)
    edits.push({...place, action: 'mark-removed', line: lineAt(place.start)})
  }
  // A `removed` marker whose English is all in the source again goes.
  for (const marker of removedMarkers) {
    const english = marker.was === undefined ? undefined : wasParagraphs(marker.was).map(flat)
    const stale = english ? !english.some((paragraph) => removedStored.has(paragraph)) : unmarkedUnit(marker, result)
    if (!stale) continue
    let end = marker.end
    while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++
    if (text[end] === '\n') end++
    edits.push({start: marker.start, end, text: '', action: 'unmark-removed', line: marker.line})
  }
  return edits.sort((a, b) => a.start - b.start)
}

/**
 * Apply edits (in file order; an edit overlapping the one before is skipped).
 *
 * @param text The file's text.
 * @param edits The edits, sorted by start.
 * @returns The new text and the edits applied.
 */
export function applyEdits(text: string, edits: readonly SyncEdit[]): {text: string; applied: SyncEdit[]} {
  const applied: SyncEdit[] = []
  let out = ''
  let at = 0
  for (const edit of edits) {
    if (edit.start < at) continue
    out += text.slice(at, edit.start) + edit.text
    at = edit.end
    applied.push(edit)
  }
  return {text: out + text.slice(at), applied}
}

/** The prefix that continuation lines repeat: `>` and indentation, a list item's marker as spaces. */
function continuation(prefix: string): string {
  const open = prefix.indexOf('<!--')
  const kept = open === -1 ? prefix : prefix.slice(0, open)
  return kept.replace(/[^\s>]/g, ' ')
}

/** Today's English in the place of the stored English: continuation lines get the container's prefix. */
function reindent(raw: string, prefix: string, inComment: boolean): string {
  const safe = inComment ? raw.replace(/--(!?)>/g, '--$1&gt;') : raw
  const lead = continuation(prefix)
  return safe
    .split('\n')
    .map((line, index) => (index === 0 || line === '' ? line : lead + line))
    .join('\n')
}

/** A marker on its own line right before the first Chinese block of a paragraph's unit. */
function markBefore(stored: StoredParagraph, text: string, marker: string): {start: number; end: number; text: string} {
  const start = stored.zh[0].start
  return {start, end: start, text: `${marker}\n${continuation(prefixAt(text, start))}`}
}

/** A marker on its own line right after what holds a paragraph's English. */
function markAfter(stored: StoredParagraph, text: string, marker: string): {start: number; end: number; text: string} {
  const end = stored.container.end
  return {start: end, end, text: `\n${continuation(prefixAt(text, stored.container.start))}${marker}`}
}

/**
 * Today's English inserted after the unit of the stored paragraph before it
 * (or before the first stored paragraph), in the file's convention, with an
 * `untranslated` marker.
 */
function insertion(
  source: Paragraph,
  anchor: StoredParagraph | undefined,
  result: SyncResult,
  text: string,
  quote: boolean,
  lineAt: (offset: number) => number
): SyncEdit {
  const marker = formatMarker('untranslated')
  // After a quote, a blank line, so that nobody reads the marker as part of it.
  const gap = quote ? '\n' : ''
  if (!anchor) {
    const first = result.units.find((unit) => unit.stored)?.stored
    const start = first ? first.container.start : bodyStart(text)
    const lead = first ? continuation(prefixAt(text, start)) : ''
    return {start, end: start, text: `${block(source, lead, quote)}\n${gap}${lead}${marker}\n\n${lead}`, action: 'insert', line: lineAt(start)}
  }
  const end = unitEnd(anchor, result)
  const lead = continuation(prefixAt(text, anchor.zh[0]?.start ?? anchor.container.start))
  return {start: end, end, text: `\n\n${lead}${block(source, lead, quote)}\n${gap}${lead}${marker}`, action: 'insert', line: lineAt(end)}
}

/** The English of a new paragraph written in the file's convention. */
function block(source: Paragraph, lead: string, quote: boolean): string {
  const lines = source.raw.split('\n')
  if (source.kind === 'code') return lines.map((line, index) => (index === 0 ? line : lead + line)).join('\n')
  if (quote) return lines.map((line, index) => `${index === 0 ? '' : lead}> ${line}`.trimEnd()).join('\n')
  const body = lines.map((line) => lead + line.replace(/--(!?)>/g, '--$1&gt;')).join('\n')
  return `<!--\n${body}\n${lead}-->`
}

/**
 * Where the unit of a stored paragraph ends: its Chinese, its English, its
 * markers, and those of every paragraph kept in the same comment (new English
 * inserted between a comment's paragraphs and their Chinese would take that
 * Chinese away from them).
 */
function unitEnd(stored: StoredParagraph, result: SyncResult): number {
  let end = stored.container.end
  for (const unit of result.units) {
    const other = unit.stored
    if (!other || (other.unit !== stored.unit && other.container.start !== stored.container.start)) continue
    end = Math.max(end, other.container.end, ...other.zh.map((zh) => zh.end), ...other.markers.map((marker) => marker.end))
  }
  return end
}

/** Whether a `removed` marker without `was:` marks a unit none of whose paragraphs is removed any more. */
function unmarkedUnit(marker: Marker, result: SyncResult): boolean {
  const units = result.units.filter((unit) => unit.stored?.markers.includes(marker))
  return units.length > 0 && !units.some((unit) => unit.status === 'removed')
}

/** Text on one line, for comparing the English a marker names. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** The stored paragraphs of a paragraph's unit, in file order. */
function unitParagraphs(stored: StoredParagraph, result: SyncResult): StoredParagraph[] {
  const found = new Set<StoredParagraph>()
  for (const unit of result.units) if (unit.stored && unit.stored.unit === stored.unit) found.add(unit.stored)
  return [...found].sort((a, b) => a.start - b.start)
}

/** Where the body starts: after the front matter. */
function bodyStart(text: string): number {
  const match = /^---\r?\n[^]*?\n---[ \t]*(?:\r?\n|$)/.exec(text)
  return match ? match[0].length : 0
}
