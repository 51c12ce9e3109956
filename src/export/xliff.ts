/**
 * XLIFF export, 2.0 (the default) and 1.2: one unit per segment (a sentence
 * where the alignment is sentence-level, else the block), named after its
 * block, with the review messages of the block as notes on the block's first
 * unit. One segment per unit is the shape every consumer reads whole: tools
 * that take one source and one target per unit (the npm `xliff` package,
 * translate-toolkit) would otherwise keep one segment of several.
 */
import type {VFile} from 'vfile'
import {reviewModel, type ReviewMessage} from '../review/model.js'
import {exportSegments, type ExportSegment} from './segments.js'
import {escapeXml} from './xml.js'

/** XLIFF versions bitext writes. */
export const xliffVersions = ['2.0', '1.2'] as const

/** An XLIFF version. */
export type XliffVersion = (typeof xliffVersions)[number]

/** Options of the XLIFF export. */
export interface XliffOptions {
  /** Source language (default: `en`). */
  srcLang?: string
  /** Target language (default: `zh-CN`). */
  trgLang?: string
  /** XLIFF version (default: `2.0`). */
  version?: XliffVersion
}

const priority = {error: 1, warning: 5, info: 9} as const

/** The text of a note: severity, message, place and expected text. */
function noteText(message: ReviewMessage): string {
  const where = message.line === null ? '' : ` (${message.line}:${message.column ?? 1})`
  const expected = message.expected.length > 0 ? `; expected: ${message.expected.join(' | ')}` : ''
  return escapeXml(`${message.severity}: ${message.reason}${where}${expected}`)
}

/** An XLIFF 2.0 note. */
function note20(message: ReviewMessage, indent: string): string {
  const appliesTo = message.side === 'en' ? ' appliesTo="source"' : message.side === 'zh' ? ' appliesTo="target"' : ''
  return `${indent}<note id="${escapeXml(message.id)}" category="${escapeXml(message.ruleId)}" priority="${priority[message.severity]}"${appliesTo}>${noteText(message)}</note>`
}

/** An XLIFF 1.2 note (1.2 notes have no id or category: the rule leads the text). */
function note12(message: ReviewMessage, indent: string): string {
  const annotates = message.side === 'en' ? 'source' : message.side === 'zh' ? 'target' : 'general'
  return `${indent}<note from="bitext ${escapeXml(message.ruleId)}" priority="${priority[message.severity]}" annotates="${annotates}">${noteText(message)}</note>`
}

/**
 * Render a processed article as an XLIFF document.
 *
 * @param file A file from the pipeline with `data.alignment`.
 * @param options Languages and version.
 * @returns The XLIFF document (UTF-8 XML); English blocks without a
 *   translation are units with a source and no target.
 * @throws Error when the file has no alignment or no English block.
 */
export function toXliff(file: VFile, options: XliffOptions = {}): string {
  const alignment = file.data.alignment
  if (!alignment) throw new Error('Cannot export an article that was not aligned')
  const review = reviewModel(file)
  const segments = exportSegments(alignment, {sourceOnly: true})
  if (segments.length === 0) throw new Error('Nothing to export: the article has no English block')
  const srcLang = escapeXml(options.srcLang ?? 'en')
  const trgLang = escapeXml(options.trgLang ?? 'zh-CN')
  const messagesOf = (ids: readonly string[]): ReviewMessage[] => ids.flatMap((id) => review.messages.filter((message) => message.id === id))
  const documentNotes = messagesOf(review.documentMessages)
  // The block's messages go with its first segment.
  const notesOf = (segment: ExportSegment, index: number): ReviewMessage[] =>
    index > 0 && segments[index - 1]?.unit === segment.unit ? [] : messagesOf(review.rows[segment.unit]?.messages ?? [])

  if (options.version === '1.2') {
    const lines = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">',
      `  <file original="${escapeXml(file.path ?? '')}" source-language="${srcLang}" target-language="${trgLang}" datatype="plaintext">`
    ]
    if (documentNotes.length > 0) lines.push('    <header>', ...documentNotes.map((message) => note12(message, '      ')), '    </header>')
    lines.push('    <body>')
    for (const [index, segment] of segments.entries()) {
      // xml:space="preserve": text is exact, consumers must not collapse its spaces.
      lines.push(`      <trans-unit id="${escapeXml(segment.id)}" resname="${escapeXml(segment.block)}" xml:space="preserve">`, `        <source xml:lang="${srcLang}">${escapeXml(segment.en)}</source>`)
      if (segment.zh !== '') lines.push(`        <target xml:lang="${trgLang}" state="translated">${escapeXml(segment.zh)}</target>`)
      lines.push(...notesOf(segment, index).map((message) => note12(message, '        ')), '      </trans-unit>')
    }
    lines.push('    </body>', '  </file>', '</xliff>', '')
    return lines.join('\n')
  }

  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="${srcLang}" trgLang="${trgLang}">`,
    `  <file id="f1" original="${escapeXml(file.path ?? '')}">`
  ]
  if (documentNotes.length > 0) lines.push('    <notes>', ...documentNotes.map((message) => note20(message, '      ')), '    </notes>')
  for (const [index, segment] of segments.entries()) {
    const notes = notesOf(segment, index)
    lines.push(`    <unit id="${escapeXml(segment.id)}" name="${escapeXml(segment.block)}">`)
    if (notes.length > 0) lines.push('      <notes>', ...notes.map((message) => note20(message, '        ')), '      </notes>')
    lines.push(`      <segment state="${segment.zh === '' ? 'initial' : 'translated'}">`, `        <source>${escapeXml(segment.en)}</source>`)
    if (segment.zh !== '') lines.push(`        <target>${escapeXml(segment.zh)}</target>`)
    lines.push('      </segment>', '    </unit>')
  }
  lines.push('  </file>', '</xliff>', '')
  return lines.join('\n')
}
