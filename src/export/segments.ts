/**
 * The translation units to export from an alignment: sentence-level where the
 * alignment is sentence-level, paragraph-level otherwise.
 */
import type {Alignment, AlignUnit} from '../types.js'
import {segmentText} from './xml.js'

/** One exported segment pair. */
export interface ExportSegment {
  /** Stable id: `u<unit>` or `u<unit>-s<sentence>`. */
  id: string
  /** Index of the alignment unit. */
  unit: number
  level: 'sentence' | 'paragraph'
  block: string
  en: string
  /** `''` when the unit has no translation. */
  zh: string
}

/**
 * Whether every sentence of a pair has text on both sides (a clean 1:1 list).
 */
function sentenceLevel(unit: AlignUnit): boolean {
  return unit.sentences.length > 1 && unit.sentences.every((sentence) => sentence.en.trim() !== '' && sentence.zh.trim() !== '')
}

/**
 * The segments of an alignment.
 *
 * @param alignment The alignment.
 * @param options `sourceOnly`: also export English blocks without translation (default: false).
 * @returns Segments in document order; shared and target-only units are skipped.
 */
export function exportSegments(alignment: Alignment, options: {sourceOnly?: boolean} = {}): ExportSegment[] {
  const segments: ExportSegment[] = []
  for (const [index, unit] of alignment.units.entries()) {
    if (unit.kind === 'pair' && unit.en && unit.zh) {
      if (sentenceLevel(unit)) {
        for (const [position, sentence] of unit.sentences.entries()) {
          segments.push({id: `u${index}-s${position + 1}`, unit: index, level: 'sentence', block: unit.block, en: segmentText(sentence.en), zh: segmentText(sentence.zh)})
        }
      } else {
        segments.push({id: `u${index}`, unit: index, level: 'paragraph', block: unit.block, en: segmentText(unit.en.text), zh: segmentText(unit.zh.text)})
      }
    } else if (unit.kind === 'source-only' && unit.en && options.sourceOnly === true) {
      segments.push({id: `u${index}`, unit: index, level: 'paragraph', block: unit.block, en: segmentText(unit.en.text), zh: ''})
    }
  }
  return segments.filter((segment) => segment.en !== '')
}
