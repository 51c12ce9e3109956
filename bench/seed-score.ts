/**
 * The seed article against the places read by hand
 * (`test/fixtures/seed/expected.json`): how many rebuilt characters there
 * are wrong, how many of those no flag reports, and what is flagged in all.
 * Used by `bench/repair-seed.ts` and `test/repair/seed-flags.test.ts`.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Root} from 'mdast'
import {unified} from 'unified'
import {VFile} from 'vfile'
import bitextAlign from '../src/align/index.js'
import {isUncertain, twinGroups} from '../src/decisions/index.js'
import {createParser} from '../src/parse/index.js'
import {repair, rerankWithSource} from '../src/repair/index.js'
import type {RepairRecord} from '../src/types.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** The seed article, as committed. */
export const seedFile = path.join(root, 'articles', 'kubernetes-intro-for-vmware-users.md')

/** A damaged place and what it should read, from `expected.json`. */
export interface ExpectedPlace {
  /** Line in the article (repair never moves lines). */
  line: number
  /** The stretch as it should read; `?` for a rebuilt character the reading cannot decide. */
  expected: string
  note?: string
}

/** One rebuilt character inside an expected place. */
export interface CheckedCharacter {
  line: number
  /** The place's expected stretch. */
  place: string
  /** The chosen character. */
  chosen: string
  /** The expected one, or `?`. */
  expected: string
  flagged: boolean
  confidence: number
}

/** The score of the seed. */
export interface SeedScore {
  /** Rebuilt characters checked (inside the expected places). */
  checked: CheckedCharacter[]
  /** Of those, the wrong ones (expected known and different). */
  wrong: CheckedCharacter[]
  /** Wrong ones that no flag reports: the worst outcome. */
  wrongUnflagged: CheckedCharacter[]
  /** Undecidable ones (`?`) that no flag reports. */
  unknownUnflagged: CheckedCharacter[]
  /** Right ones that are flagged anyway. */
  rightFlagged: CheckedCharacter[]
  /** Every uncertain repair in the article. */
  uncertain: number
  /**
   * The flags `mojibake-uncertain` raises: one per decision a person makes,
   * twins (the same character rebuilt the same way in the same word) counted once.
   */
  flags: number
  /** Expected places not found (or found more than once) on their line: errors of the fixture. */
  missing: ExpectedPlace[]
}

/**
 * Read the hand-made expected places.
 *
 * @param file The fixture (default `test/fixtures/seed/expected.json`).
 * @returns The places.
 */
export function readExpected(file = path.join(root, 'test', 'fixtures', 'seed', 'expected.json')): ExpectedPlace[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as {places: ExpectedPlace[]}).places
}

/**
 * Repair the seed and re-rank it with its English, as build does.
 *
 * @param name The article (default: the seed).
 * @returns The final text, the repairs after the re-rank, and the repair stage's.
 */
export function seedThroughBuild(name = seedFile): {text: string; repairs: RepairRecord[]; before: RepairRecord[]} {
  const file = new VFile({path: name, value: readFileSync(name, 'utf8')})
  repair(file)
  const before = (file.data.repairs ?? []).map((record) => ({...record}))
  unified().use(bitextAlign, {messages: false}).runSync(createParser().parse(file) as Root, file)
  rerankWithSource(file)
  return {text: String(file.value), repairs: file.data.repairs ?? [], before}
}

/**
 * Score a repaired text against the expected places: each place is found on
 * its line where its intact characters match (rebuilt ones may differ), and
 * its rebuilt characters are compared.
 *
 * @param text The repaired text.
 * @param repairs Its repairs (`outputOffset` into `text`).
 * @param places The expected places.
 * @returns The score.
 */
export function scoreSeed(text: string, repairs: readonly RepairRecord[], places: readonly ExpectedPlace[]): SeedScore {
  const rebuilt = new Map<number, RepairRecord>()
  for (const record of repairs) if (record.kind === 'lossy') rebuilt.set(record.outputOffset, record)
  const lineStarts = [0]
  for (let index = 0; index < text.length; index++) if (text[index] === '\n') lineStarts.push(index + 1)
  const uncertain = repairs.filter(isUncertain).map((record) => ({choice: record.after, others: record.alternatives, start: record.outputOffset, end: record.outputOffset + record.after.length}))
  const score: SeedScore = {checked: [], wrong: [], wrongUnflagged: [], unknownUnflagged: [], rightFlagged: [], uncertain: uncertain.length, flags: twinGroups(text, uncertain).length, missing: []}
  for (const place of places) {
    const start = lineStarts[place.line - 1]
    if (start === undefined) {
      score.missing.push(place)
      continue
    }
    const end = lineStarts[place.line] ?? text.length + 1
    // The line as units: a rebuilt character (one code point, maybe two UTF-16 units) or an intact one.
    const units: Array<{char: string; record?: RepairRecord}> = []
    for (let offset = start; offset < end - 1;) {
      const record = rebuilt.get(offset)
      const char = record?.after ?? String.fromCodePoint(text.codePointAt(offset)!)
      units.push(record === undefined ? {char} : {char, record})
      offset += char.length
    }
    const expected = [...place.expected]
    const matches: number[] = []
    for (let at = 0; at + expected.length <= units.length; at++) {
      if (expected.every((char, index) => units[at + index]!.record !== undefined || units[at + index]!.char === char)) matches.push(at)
    }
    if (matches.length !== 1) {
      score.missing.push(place)
      continue
    }
    expected.forEach((char, index) => {
      const unit = units[matches[0]! + index]!
      if (unit.record === undefined) return
      const checked: CheckedCharacter = {line: place.line, place: place.expected, chosen: unit.char, expected: char, flagged: isUncertain(unit.record), confidence: unit.record.confidence}
      score.checked.push(checked)
      if (char === '?') {
        if (!checked.flagged) score.unknownUnflagged.push(checked)
      } else if (char !== unit.char) {
        score.wrong.push(checked)
        if (!checked.flagged) score.wrongUnflagged.push(checked)
      } else if (checked.flagged) score.rightFlagged.push(checked)
    })
  }
  return score
}
