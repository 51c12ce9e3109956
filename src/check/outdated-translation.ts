/**
 * `outdated-translation`: Chinese whose English changed. It reads the
 * markers `bitext sync --write` leaves (`<!-- bitext: outdated … -->` before
 * stale Chinese, `untranslated` after English inserted from the source,
 * `removed` before a pair the source no longer has), and, when the English
 * source is given (`bitext lint --source EN_FILE`), compares the stored
 * English with it as `bitext sync` does and reports every changed pair.
 */
import type {Nodes, Parent, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {createParser} from '../parse/index.js'
import {findMarkers, readSource, syncAligned, wasParagraphs, wordDiff} from '../sync/index.js'
import type {Marker} from '../sync/index.js'
import type {Finding, Rule, RuleContext} from './rule.js'
import {excerpt} from './qa-helpers.js'

const markerRe = /^<!--\s*bitext:\s*(outdated|untranslated|removed)\b/

/** A marker in the tree, with the blocks around it. */
interface PlacedMarker {
  marker: Marker
  before: RootContent | undefined
  after: RootContent | undefined
}

/**
 * Report marked and (with the source) changed pairs.
 *
 * @param context The document's data.
 * @returns One finding per marker, and per changed pair not yet marked.
 */
function check(context: RuleContext): Finding[] {
  const findings: Finding[] = []
  const markers = context.text.includes('bitext:') ? findMarkers(context.text) : []
  const placed = placeMarkers(context.tree, markers)
  for (const {marker, before, after} of placed) findings.push(markerFinding(marker, before, after, context.text))
  if (context.syncSource !== undefined) findings.push(...sourceFindings(context, context.syncSource))
  return findings
}

function markerFinding(marker: Marker, before: RootContent | undefined, after: RootContent | undefined, text: string): Finding {
  const chinese = (node: RootContent | undefined): boolean => node !== undefined && /\p{Script=Han}/u.test(toString(node))
  if (marker.kind === 'outdated') {
    const target = after ?? before
    const now = before ? storedEnglish(before, text) : undefined
    const diff = marker.was === undefined || now === undefined ? undefined : diffNote(wasParagraphs(marker.was), now)
    return {
      reason: `Outdated translation \`${excerpt(target ? toString(target) : '')}\`: its English changed, translate the new English and remove the \`bitext: outdated\` marker`,
      ...range(target, marker),
      ...(diff ? {note: diff} : {})
    }
  }
  if (marker.kind === 'untranslated') {
    const target = before ?? after
    return {
      reason: `Untranslated English \`${excerpt(target ? englishOf(target) : '')}\` added from the source, translate it and remove the \`bitext: untranslated\` marker`,
      ...range(target, marker, text)
    }
  }
  const target = chinese(after) ? after : before ?? after
  const english = before ?? after
  return {
    reason: `Removed from the English source: \`${excerpt(english ? englishOf(english) : '')}\`, remove this pair and its \`bitext: removed\` marker`,
    ...range(target, marker)
  }
}

/** The pairs whose stored English differs from the source and carry no marker yet. */
function sourceFindings(context: RuleContext, sourceText: string): Finding[] {
  const source = readSource(createParser().parse(sourceText) as Root, sourceText)
  const result = syncAligned(context.alignment, context.text, source)
  const findings: Finding[] = []
  const reported = new Set<number>()
  for (const unit of result.units) {
    const stored = unit.stored
    if (unit.status !== 'changed' || !stored || !unit.source || reported.has(stored.unit)) continue
    if (stored.markers.some((marker) => marker.kind === 'outdated' || marker.kind === 'untranslated')) continue
    reported.add(stored.unit)
    const zh = stored.zh[0]
    findings.push({
      reason: `Outdated translation \`${excerpt(zh?.text ?? stored.raw)}\`: its English changed in the source, translate the new English (\`bitext sync --write\` marks it)`,
      start: zh?.start ?? stored.start,
      end: zh?.end ?? stored.end,
      actual: stored.raw,
      expected: [unit.source.raw],
      note: `${diffPrefix}${unit.diff ?? wordDiff(stored.raw, unit.source.raw)}`
    })
  }
  return findings
}

/** How a finding's note starts when it holds the English word diff (the review report draws it). */
export const diffPrefix = 'English diff: '

/** The note of an outdated pair: the word diff from the English its Chinese renders to today's. */
function diffNote(was: readonly string[], now: string): string {
  return `${diffPrefix}${wordDiff(was.join('\n\n'), now)}`
}

/** The stored English before a marker as written: a comment's content, or a quote without its `>`. */
function storedEnglish(node: RootContent, text: string): string | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return undefined
  const raw = text.slice(start, end)
  if (node.type === 'html') return raw.replace(/^\s*<!--/, '').replace(/-->\s*$/, '').trim()
  if (node.type === 'blockquote') return raw.replace(/^[ \t]*> ?/gm, '').trim()
  return raw.trim()
}

/** Where a finding goes: the block it is about, else the marker. */
function range(node: RootContent | undefined, marker: Marker, text?: string): {start: number; end: number} {
  let start = node?.position?.start.offset
  const end = node?.position?.end.offset
  if (start === undefined || end === undefined) return {start: marker.start, end: marker.end}
  // In a comment, the English itself (not the `<!--` line).
  if (text !== undefined && node?.type === 'html' && text.startsWith('<!--', start)) {
    start += 4
    while (start < end && /\s/.test(text[start])) start++
  }
  return {start, end}
}

/** The English of a block: a comment's content, else its text. */
function englishOf(node: RootContent): string {
  if (node.type === 'html') {
    const value = node.value.replace(/^<!--/, '').replace(/-->$/, '')
    return value
  }
  if (node.type === 'code') return node.value
  return toString(node)
}

/** Find each marker's `html` node in the tree, with its neighbours. */
function placeMarkers(tree: Root, markers: readonly Marker[]): PlacedMarker[] {
  if (markers.length === 0) return []
  const placed: PlacedMarker[] = []
  const walk = (parent: Parent): void => {
    parent.children.forEach((child, index) => {
      const node = child as Nodes
      if (node.type === 'html' && markerRe.test(node.value)) {
        // A marker may share its html block with others (written on consecutive lines).
        for (const marker of markers) {
          const start = node.position?.start.offset ?? -1
          const end = node.position?.end.offset ?? -1
          if (marker.start < start || marker.end > end) continue
          placed.push({marker, before: siblingBefore(parent, index), after: siblingAfter(parent, index)})
        }
      } else if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading') {
        walk(node as Parent)
      }
    })
  }
  walk(tree)
  return placed
}

function isMarkerNode(node: RootContent | undefined): boolean {
  return node?.type === 'html' && markerRe.test(node.value)
}

function siblingBefore(parent: Parent, index: number): RootContent | undefined {
  for (let i = index - 1; i >= 0; i--) if (!isMarkerNode(parent.children[i] as RootContent)) return parent.children[i] as RootContent
  return undefined
}

function siblingAfter(parent: Parent, index: number): RootContent | undefined {
  for (let i = index + 1; i < parent.children.length; i++) if (!isMarkerNode(parent.children[i] as RootContent)) return parent.children[i] as RootContent
  return undefined
}

/** The `outdated-translation` rule. */
export const outdatedTranslation: Rule = {
  id: 'outdated-translation',
  group: 'align',
  defaultSetting: 'warn',
  description: 'Chinese whose English changed, English to translate, or a pair the English source removed (markers of `bitext sync --write`, or `lint --source`)',
  check
}
