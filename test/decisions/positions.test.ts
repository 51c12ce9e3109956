import fc from 'fast-check'
import iconv from 'iconv-lite'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {location} from 'vfile-location'
import {mapMessagesToDisk, pointMap, positionMap} from '../../src/decisions/index.js'
import {repairMojibake} from '../../src/repair/index.js'
import type {RepairRecord} from '../../src/types.js'

/** Han characters whose UTF-8 bytes windows-1252 all defines: their mojibake is lossless. */
const han = fc.integer({min: 0x4e00, max: 0x9fa5}).map((code) => String.fromCodePoint(code)).filter((character) =>
  [...Buffer.from(character, 'utf8')].every((byte) => ![0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(byte)))
const clean = fc.stringMatching(/^[a-z \n，。的是在中国集群]{0,12}$/)
const damaged = fc.array(han, {minLength: 2, maxLength: 6}).map((characters) => iconv.decode(Buffer.from(characters.join(''), 'utf8'), 'windows-1252'))
const documents = fc.array(fc.oneof(clean, damaged), {minLength: 1, maxLength: 12}).map((parts) => parts.join(''))

/** The text of a message's place, read from a text by line and column. */
function spanText(text: string, place: {start: {line: number; column: number}; end: {line: number; column: number}}): string | undefined {
  const where = location(text)
  const start = where.toOffset(place.start)
  const end = where.toOffset(place.end)
  return start === undefined || end === undefined ? undefined : text.slice(start, end)
}

/** A file repaired in memory with one message on every repair and on some stretches of clean text. */
function checkedFile(disk: string, stretches: Array<[number, number]>): {file: VFile; repairs: RepairRecord[]; clean: Array<[number, number]>} {
  const result = repairMojibake(disk, {lossy: false})
  const file = new VFile({path: 'a.md', value: result.text})
  file.data.repairs = result.repairs
  const place = location(file)
  const at = (start: number, end: number, reason: string) => {
    const from = place.toPoint(start)
    const to = place.toPoint(end)
    if (from && to) file.message(reason, {place: {start: from, end: to}, ruleId: 'test'})
  }
  for (const [index, record] of result.repairs.entries()) at(record.outputOffset, record.outputOffset + record.after.length, `repair ${index}`)
  // Stretches that touch no repair keep their text on disk.
  const kept = stretches
    .map(([a, b]): [number, number] => [Math.min(a % (result.text.length + 1), b % (result.text.length + 1)), Math.max(a % (result.text.length + 1), b % (result.text.length + 1))])
    .filter(([a, b]) => result.repairs.every((record) => b <= record.outputOffset || a >= record.outputOffset + record.after.length))
  for (const [index, [a, b]] of kept.entries()) at(a, b, `clean ${index}`)
  return {file, repairs: result.repairs, clean: kept}
}

describe('positions on disk', () => {
  it('sends every message to the place on disk whose text is what it pointed at (property)', () => {
    fc.assert(fc.property(documents, fc.array(fc.tuple(fc.nat(400), fc.nat(400)), {maxLength: 6}), (disk, stretches) => {
      const {file, repairs, clean: kept} = checkedFile(disk, stretches)
      const repaired = String(file.value)
      const before = new Map(file.messages.map((message) => [message.reason, spanText(repaired, message.place as never)]))
      mapMessagesToDisk(file)
      for (const message of file.messages) {
        const onDisk = spanText(disk, message.place as never)
        const index = Number(message.reason.split(' ')[1])
        // A repair's message covers exactly the damaged text; a clean stretch, the same text as before.
        expect(onDisk).toBe(message.reason.startsWith('repair') ? repairs[index].before : before.get(message.reason))
        expect(message.line).toBe((message.place as {start: {line: number}}).start.line)
      }
      expect(file.messages.length).toBe(repairs.length + kept.length)
    }), {numRuns: 300})
  })

  it('sends a message on one character of a repaired run to that character\'s mojibake (property)', () => {
    fc.assert(fc.property(documents, (disk) => {
      const result = repairMojibake(disk, {lossy: false})
      const file = new VFile({path: 'a.md', value: result.text})
      file.data.repairs = result.repairs
      const place = location(file)
      const expected: string[] = []
      for (const record of result.repairs) {
        let at = record.outputOffset
        for (const character of record.after) {
          file.message(character, {place: {start: place.toPoint(at)!, end: place.toPoint(at + character.length)!}})
          expected.push(iconv.decode(Buffer.from(character, 'utf8'), 'windows-1252'))
          at += character.length
        }
      }
      mapMessagesToDisk(file)
      expect(file.messages.map((message) => spanText(disk, message.place as never))).toEqual(expected)
    }), {numRuns: 200})
  })

  it('maps offsets both ways: to disk and back lands on the same place outside repairs', () => {
    fc.assert(fc.property(documents, (disk) => {
      const result = repairMojibake(disk, {lossy: false})
      const map = positionMap(result.repairs)
      for (let offset = 0; offset <= result.text.length; offset++) {
        const there = map.toDisk(offset)
        expect(there).toBeGreaterThanOrEqual(0)
        expect(there).toBeLessThanOrEqual(disk.length)
        const inside = result.repairs.some((record) => offset > record.outputOffset && offset < record.outputOffset + record.after.length)
        if (!inside) expect(map.toText(there)).toBe(offset)
      }
    }), {numRuns: 200})
  })

  it('moves columns on a damaged line, not lines, and says so', () => {
    const disk = 'title: Ã©tÃ©\nsecond line: Ã© and word\n'
    const {file} = checkedFile(disk, [])
    file.info('Repaired mojibake (UTF-8 read as windows-1252): 3 repairs', {ruleId: 'mojibake-repaired'})
    const place = location(file)
    const word = String(file.value).indexOf('word')
    file.message('a word', {place: {start: place.toPoint(word)!, end: place.toPoint(word + 4)!}, ruleId: 'x'})
    expect(mapMessagesToDisk(file)).toBe(4)
    expect(file.messages.map((message) => `${message.line}:${message.column} ${message.reason}`)).toEqual([
      '1:8 repair 0',
      '1:11 repair 1',
      '2:14 repair 2',
      'undefined:undefined Repaired mojibake (UTF-8 read as windows-1252): 3 repairs; message positions refer to the file on disk',
      '2:21 a word'
    ])
    expect(spanText(disk, file.messages[4].place as never)).toBe('word')
  })

  it('changes nothing for a file that needed no repair', () => {
    const file = new VFile({path: 'a.md', value: '在中国\n'})
    file.message('x', {place: {line: 1, column: 2}})
    expect(mapMessagesToDisk(file)).toBe(0)
    expect(file.messages[0].column).toBe(2)
    expect(pointMap('在中国\n', []).toDisk({line: 1, column: 2})).toEqual({line: 1, column: 2, offset: 1})
  })
})
