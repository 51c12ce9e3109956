/**
 * The vfile messages of the aligner, made in one place so that a check
 * framework can take them over: `missing-translation`, `omission`,
 * `untranslated` (all warnings).
 */
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import type {Alignment, AlignUnit} from '../types.js'

/**
 * Report the findings of an alignment on its file.
 *
 * @param file The file that was aligned (its value is the aligned text); in
 *   two-file mode, the English file.
 * @param alignment The alignment of the file.
 * @param zhFile The Chinese file in two-file mode (default: `file`).
 * @returns Nothing; messages are added to the files' `messages`.
 */
export function reportAlignment(file: VFile, alignment: Alignment, zhFile: VFile = file): void {
  const enPlace = location(file)
  const zhPlace = zhFile === file ? enPlace : location(zhFile)
  const range = (
    place: ReturnType<typeof location>,
    start: number | undefined,
    end: number | undefined,
    fallback: Position | undefined
  ): Position | undefined => {
    const from = start === undefined ? undefined : place.toPoint(start)
    const to = end === undefined ? undefined : place.toPoint(end)
    return from && to ? {start: from as Point, end: to as Point} : fallback
  }

  for (const unit of alignment.units) {
    if (unit.kind === 'source-only') {
      const text = unit.en?.text ?? ''
      const message = file.message(`Missing translation of ${unit.block} \`${excerpt(text)}\``, {
        place: nodesPosition(unit.enNodes),
        ruleId: 'missing-translation',
        source: 'bitext'
      })
      message.actual = text
      message.note = 'No Chinese block renders this English block'
      continue
    }
    if (unit.kind !== 'pair') continue
    for (const sentence of unit.sentences) {
      if (sentence.flags?.includes('omission')) {
        const message = file.message(`Missing translation of sentence \`${excerpt(sentence.en)}\``, {
          place: range(enPlace, sentence.enStart, sentence.enEnd, nodesPosition(unit.enNodes)),
          ruleId: 'omission',
          source: 'bitext'
        })
        message.actual = sentence.en
        message.note = 'No Chinese sentence of the pair renders this English sentence'
      }
      if (sentence.flags?.includes('untranslated')) {
        const text = sentence.zh
        const message = zhFile.message(`Unexpected English sentence \`${excerpt(text)}\` in Chinese text`, {
          place: range(zhPlace, sentence.zhStart, sentence.zhEnd, nodesPosition(unit.zhNodes)),
          ruleId: 'untranslated',
          source: 'bitext'
        })
        message.actual = text
        if (sentence.en !== '') message.expected = [`a translation of \`${excerpt(sentence.en)}\``]
      }
    }
  }
}

function nodesPosition(nodes: AlignUnit['enNodes']): Position | undefined {
  const first = nodes[0]?.position
  const last = nodes[nodes.length - 1]?.position
  return first && last ? {start: first.start, end: last.end} : undefined
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat
}
