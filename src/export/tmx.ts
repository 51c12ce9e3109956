/**
 * TMX 1.4 export: one translation unit per aligned sentence (or paragraph
 * where the alignment is not sentence-level).
 */
import type {VFile} from 'vfile'
import {exportSegments} from './segments.js'
import {escapeXml} from './xml.js'

/** Options of the TMX export. */
export interface TmxOptions {
  /** Source language (default: `en`). */
  srcLang?: string
  /** Target language (default: `zh-CN`). */
  trgLang?: string
  /** Tool version in the header (default: `0.1.0`). */
  toolVersion?: string
}

/**
 * Render a processed article as a TMX 1.4 document.
 *
 * @param file A file from the pipeline with `data.alignment`.
 * @param options Languages.
 * @returns The TMX document (UTF-8 XML).
 * @throws Error when the file has no alignment.
 */
export function toTmx(file: VFile, options: TmxOptions = {}): string {
  const alignment = file.data.alignment
  if (!alignment) throw new Error('Cannot export an article that was not aligned')
  const srcLang = options.srcLang ?? 'en'
  const trgLang = options.trgLang ?? 'zh-CN'
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
    '<tmx version="1.4">',
    `  <header creationtool="bitext" creationtoolversion="${escapeXml(options.toolVersion ?? '0.1.0')}" segtype="sentence" o-tmf="bitext" adminlang="en" srclang="${escapeXml(srcLang)}" datatype="plaintext">`,
    `    <prop type="x-bitext-source">${escapeXml(file.path ?? '')}</prop>`,
    '  </header>',
    '  <body>'
  ]
  for (const segment of exportSegments(alignment)) {
    lines.push(
      `    <tu tuid="${escapeXml(segment.id)}"${segment.level === 'paragraph' ? ' segtype="paragraph"' : ''}>`,
      `      <prop type="x-bitext-block">${escapeXml(segment.block)}</prop>`,
      `      <tuv xml:lang="${escapeXml(srcLang)}"><seg>${escapeXml(segment.en)}</seg></tuv>`,
      `      <tuv xml:lang="${escapeXml(trgLang)}"><seg>${escapeXml(segment.zh)}</seg></tuv>`,
      '    </tu>'
    )
  }
  lines.push('  </body>', '</tmx>', '')
  return lines.join('\n')
}
