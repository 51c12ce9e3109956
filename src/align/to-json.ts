/**
 * The JSON contract of `bitext align --json`: units with spans, sentences and
 * flags, without the internal mdast nodes.
 */
import type {Alignment, Span} from '../types.js'

/** A unit as written in JSON. */
export interface UnitJson {
  kind: 'pair' | 'source-only' | 'target-only' | 'shared'
  block: string
  en: Span | null
  zh: Span | null
  sentences: Array<{en: string; zh: string}>
  flags: string[]
}

/** The JSON document of an alignment. */
export interface AlignmentJson {
  file: string
  /** The Chinese file, in two-file mode only. */
  zhFile?: string
  units: UnitJson[]
}

/**
 * Convert an alignment to its JSON contract.
 *
 * @param file Path of the (English or bilingual) input as given by the user.
 * @param alignment The alignment.
 * @param zhFile Path of the Chinese file in two-file mode (omitted otherwise).
 * @returns A plain object ready for `JSON.stringify`.
 */
export function toAlignmentJson(file: string, alignment: Alignment, zhFile?: string): AlignmentJson {
  const json: AlignmentJson = {
    file,
    units: alignment.units.map((unit) => ({
      kind: unit.kind,
      block: unit.block,
      en: unit.en ? {...unit.en} : null,
      zh: unit.zh ? {...unit.zh} : null,
      sentences: unit.sentences.map((pair) => ({en: pair.en, zh: pair.zh})),
      flags: [...unit.flags]
    }))
  }
  if (zhFile !== undefined) json.zhFile = zhFile
  return json
}
