/**
 * The glossary analysis of a whole aligned document: every pair is checked
 * for terms, every Chinese-only block for forbidden renderings. Code, URLs,
 * link targets, images and HTML are never searched.
 */
import type {RootContent} from 'mdast'
import {blockText, Mask} from '../align/block-text.js'
import type {Alignment, AlignUnit} from '../types.js'
import {analyzeUnit, type GlossaryAnalysis, type SideText} from './analyze.js'
import {buildGlossaryIndex, type GlossaryIndex} from './build-index.js'
import type {Segment} from './normalize.js'
import type {Glossary} from './types.js'

/**
 * The compiled index of a glossary (built now when the glossary has none).
 *
 * @param glossary The glossary.
 * @returns Its index.
 */
export function indexOf(glossary: Glossary): GlossaryIndex {
  return glossary.index ?? buildGlossaryIndex(glossary.terms)
}

/**
 * Analyze an aligned document.
 *
 * @param text The document text (what the tree was parsed from).
 * @param alignment Its alignment.
 * @param glossary The glossary.
 * @returns All glossary facts, with offsets into `text`.
 */
export function analyzeDocument(text: string, alignment: Alignment, glossary: Glossary): GlossaryAnalysis {
  const index = indexOf(glossary)
  const result: GlossaryAnalysis = {forbidden: [], missing: [], keep: [], uses: []}
  for (const unit of alignment.units) {
    const sides = sidesOf(unit, text)
    if (!sides) continue
    const found = analyzeUnit(sides.en, sides.zh, glossary.terms, index)
    result.forbidden.push(...found.forbidden)
    result.missing.push(...found.missing)
    result.keep.push(...found.keep)
    result.uses.push(...found.uses)
  }
  return result
}

function sidesOf(unit: AlignUnit, text: string): {en: SideText | null; zh: SideText} | undefined {
  if (unit.kind === 'pair') {
    const zh = sideText(unit.zhNodes, text)
    return zh ? {en: sideText(unit.enNodes, text) ?? null, zh} : undefined
  }
  if (unit.kind === 'target-only') {
    const zh = sideText(unit.zhNodes, text)
    return zh ? {en: null, zh} : undefined
  }
  return undefined
}

/**
 * The searchable text of some blocks: prose and link text, cut into segments
 * at code, URLs and block boundaries.
 */
function sideText(nodes: readonly RootContent[], source: string): SideText | undefined {
  const first = nodes[0]?.position?.start.offset
  const last = nodes[nodes.length - 1]?.position?.end.offset
  if (first === undefined || last === undefined) return undefined
  const block = blockText(nodes, source)
  const segments: Segment[] = []
  let begin = -1
  for (let i = 0; i <= block.text.length; i++) {
    const searchable = i < block.text.length && (block.mask[i] === Mask.Text || block.mask[i] === Mask.Link) && block.offsets[i] >= 0
    if (searchable && begin === -1) begin = i
    if (!searchable && begin !== -1) {
      segments.push({text: block.text.slice(begin, i), offsets: block.offsets.slice(begin, i)})
      begin = -1
    }
  }
  return {segments, source, start: first, end: last}
}
