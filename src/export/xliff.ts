/**
 * XLIFF 2.0 export: one `<unit>` per aligned block, one `<segment>` per
 * sentence where the alignment is sentence-level, and the review messages of
 * the block as `<note>`s.
 */
import type {VFile} from 'vfile'
import {reviewModel, type ReviewMessage} from '../review/model.js'
import {exportSegments, type ExportSegment} from './segments.js'
import {escapeXml} from './xml.js'

/** Options of the XLIFF export. */
export interface XliffOptions {
  /** Source language (default: `en`). */
  srcLang?: string
  /** Target language (default: `zh-CN`). */
  trgLang?: string
}

const priority = {error: 1, warning: 5, info: 9} as const

/**
 * The note of one review message.
 */
function note(message: ReviewMessage): string {
  const appliesTo = message.side === 'en' ? ' appliesTo="source"' : message.side === 'zh' ? ' appliesTo="target"' : ''
  const where = message.line === null ? '' : ` (${message.line}:${message.column ?? 1})`
  const expected = message.expected.length > 0 ? `; expected: ${message.expected.join(' | ')}` : ''
  return `        <note id="${escapeXml(message.id)}" category="${escapeXml(message.ruleId)}" priority="${priority[message.severity]}"${appliesTo}>${escapeXml(`${message.severity}: ${message.reason}${where}${expected}`)}</note>`
}

/**
 * Render a processed article as an XLIFF 2.0 document.
 *
 * @param file A file from the pipeline with `data.alignment`.
 * @param options Languages.
 * @returns The XLIFF document (UTF-8 XML); English blocks without a
 *   translation are units with a source and no target.
 * @throws Error when the file has no alignment or no English block.
 */
export function toXliff(file: VFile, options: XliffOptions = {}): string {
  const alignment = file.data.alignment
  if (!alignment) throw new Error('Cannot export an article that was not aligned')
  const review = reviewModel(file)
  const byUnit = new Map<number, ExportSegment[]>()
  for (const segment of exportSegments(alignment, {sourceOnly: true})) {
    const list = byUnit.get(segment.unit) ?? []
    list.push(segment)
    byUnit.set(segment.unit, list)
  }
  if (byUnit.size === 0) throw new Error('Nothing to export: the article has no English block')
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="${escapeXml(options.srcLang ?? 'en')}" trgLang="${escapeXml(options.trgLang ?? 'zh-CN')}">`,
    `  <file id="f1" original="${escapeXml(file.path ?? '')}">`
  ]
  const documentNotes = review.documentMessages.flatMap((id) => review.messages.filter((message) => message.id === id))
  if (documentNotes.length > 0) {
    lines.push('    <notes>', ...documentNotes.map((message) => note(message).slice(4)), '    </notes>')
  }
  for (const [unitIndex, segments] of byUnit) {
    const messages = review.rows[unitIndex].messages.flatMap((id) => review.messages.filter((message) => message.id === id))
    lines.push(`    <unit id="u${unitIndex}" name="${escapeXml(segments[0].block)}">`)
    if (messages.length > 0) lines.push('      <notes>', ...messages.map((message) => note(message)), '      </notes>')
    for (const segment of segments) {
      const state = segment.zh === '' ? 'initial' : 'translated'
      lines.push(`      <segment id="${escapeXml(segment.id)}" state="${state}">`, `        <source>${escapeXml(segment.en)}</source>`)
      if (segment.zh !== '') lines.push(`        <target>${escapeXml(segment.zh)}</target>`)
      lines.push('      </segment>')
    }
    lines.push('    </unit>')
  }
  lines.push('  </file>', '</xliff>', '')
  return lines.join('\n')
}
