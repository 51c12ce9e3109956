/**
 * The stylish reporter's own width function and report writer give
 * byte for byte what string-width 6 and vfile-reporter give.
 */
import fc from 'fast-check'
import stringWidth from 'string-width'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import {displayWidth, isPlainCharacter, narrowRanges, wideRanges} from '../../src/report/display-width.js'
import {wrap} from '../../src/report/stylish.js'
import {vfileReport} from '../../src/report/vfile-report.js'
import {fuzzParameters} from '../fuzz/arbitraries.js'

/** Text as messages hold it: ASCII, CJK, punctuation, and what string-width handles specially. */
const pieces = ['a', 'Z', ' ', '`', '集群', '，', '“', '”', '…', '—', '·', 'é', '\u0301', '\u20dd', '\ufe0f', '👍', '👍🏽', '👨‍👩‍👧', '\u0600', '\u200b', '\t', '\n', '\u001b[31m', '\u001b[39m', 'ｱ', '한']
const messageText = fc.array(fc.constantFrom(...pieces), {maxLength: 40}).map((parts) => parts.join(''))

describe('displayWidth', () => {
  it('counts every listed character as string-width does, alone and between others', () => {
    const segmenter = new Intl.Segmenter()
    for (const [from, to] of [...narrowRanges, ...wideRanges]) {
      for (let code = from; code <= to; code++) {
        const character = String.fromCharCode(code)
        expect(isPlainCharacter(code)).toBe(true)
        expect(displayWidth(character), code.toString(16)).toBe(stringWidth(character))
        expect([...segmenter.segment(`a${character}集`)], code.toString(16)).toHaveLength(3)
      }
    }
  })

  it('gives string-width on any text', () => {
    fc.assert(
      fc.property(messageText, (text) => {
        expect(displayWidth(text)).toBe(stringWidth(text))
      }),
      fuzzParameters
    )
  })
})

/** wrap as it was, measuring every candidate with string-width. */
function wrapWithStringWidth(text: string, width: number): string[] {
  if (stringWidth(text) <= width) return [text]
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    let rest = word
    const candidate = line === '' ? rest : `${line} ${rest}`
    if (stringWidth(candidate) <= width) {
      line = candidate
      continue
    }
    if (line !== '') lines.push(line)
    line = ''
    while (stringWidth(rest) > width) {
      let cut = ''
      for (const character of rest) {
        if (stringWidth(cut + character) > width) break
        cut += character
      }
      lines.push(cut)
      rest = rest.slice(cut.length)
    }
    line = rest
  }
  if (line !== '') lines.push(line)
  return lines
}

describe('wrap', () => {
  it('breaks lines where measuring each candidate with string-width does', () => {
    fc.assert(
      fc.property(messageText, fc.integer({min: 2, max: 30}), (text, width) => {
        expect(wrap(text, width)).toEqual(wrapWithStringWidth(text, width))
      }),
      fuzzParameters
    )
  })
})

/** Files with every kind of message and file line vfile-reporter writes. */
function files(reasons: readonly string[]): VFile[] {
  const a = new VFile({path: 'articles/a.md', value: ''})
  const b = new VFile({path: 'articles/中文 b.md', value: ''})
  const c = new VFile({path: 'articles/c.md', value: ''})
  const stored = new VFile({path: 'articles/d.md', value: ''})
  stored.stored = true
  stored.path = 'dist/d.md'
  for (const [index, reason] of reasons.entries()) {
    const file = [a, b, stored][index % 3] as VFile
    const line = 1 + (index % 4)
    const message = file.message(reason, {place: index % 5 === 4 ? undefined : {start: {line, column: 1 + index}, end: {line, column: 9 + 2 * index}}, ruleId: index % 6 === 5 ? undefined : `rule-${index % 3}`, source: 'bitext'})
    message.fatal = index % 3 === 0 ? true : index % 3 === 1 ? false : undefined
  }
  const failed = a.message('Could not process this article', {ruleId: 'internal-error', source: 'bitext', cause: new Error('boom\nsecond line')})
  failed.fatal = true
  failed.stack = ''
  return [c, b, a, stored]
}

describe('vfileReport', () => {
  const reasons = ['Unexpected `群集` for `cluster`, expected `集群`', 'Missing `集群`, with\nsecond line', 'Unexpected ``x`` and `y', 'A warning 👍🏽 with emoji', '中文原因很长很长很长']

  it.each([
    {color: false, silent: false, quiet: false},
    {color: false, silent: true, quiet: false},
    {color: false, silent: false, quiet: true},
    {color: true, silent: false, quiet: true}
  ])('writes what vfile-reporter writes (%o)', (options) => {
    const sample = files(reasons)
    expect(vfileReport(sample, options)).toBe(reporter(sample, options))
  })

  it('writes what vfile-reporter writes for any messages', () => {
    fc.assert(
      fc.property(fc.array(messageText, {maxLength: 12}), fc.boolean(), fc.boolean(), (texts, silent, quiet) => {
        const sample = files(texts)
        expect(vfileReport(sample, {silent, quiet})).toBe(reporter(sample, {color: false, silent, quiet}))
      }),
      fuzzParameters
    )
  })
})
