import type {Root} from 'mdast'
import {describe, expect, it} from 'vitest'
import {maskedSource, sideOf} from '../../src/check/qa-helpers.js'
import {createParser} from '../../src/parse/index.js'
import type {AlignUnit} from '../../src/types.js'

const parser = createParser()

/** The side of a document's blocks, as the rules get it from a unit. */
function sideOfText(text: string) {
  const tree = parser.parse(text) as Root
  const side = sideOf({enNodes: tree.children, zhNodes: []} as unknown as AlignUnit, 'en')
  if (!side) throw new Error('no side')
  return side
}

describe('maskedSource', () => {
  const text = 'See [the `kubectl` docs](https://k8s.io/docs) and `run` ![x](a.png) <b>b</b>.\n\n```sh\nls\n```\n'
  const side = sideOfText(text)

  it('blanks link targets (from the end of the link text), images, HTML, code blocks and inline code by default', () => {
    expect(maskedSource(text, side)).toBe('See [the           docs                       and                      b    .\n\n            ')
  })

  it('keeps inline code with `code: false`, and blanks link text with `linkText: true`, whatever was asked before', () => {
    expect(maskedSource(text, side, {code: false})).toBe('See [the `kubectl` docs                       and `run`                b    .\n\n            ')
    expect(maskedSource(text, side, {linkText: true})).toBe('See                                           and                      b    .\n\n            ')
    expect(maskedSource(text, side, {code: false, linkText: true})).toBe('See                                           and `run`                b    .\n\n            ')
    expect(maskedSource(text, side)).toBe('See [the           docs                       and                      b    .\n\n            ')
  })

  it('keeps the length of the side, so offsets stay exact', () => {
    expect(maskedSource(text, side, {linkText: true})).toHaveLength(side.range[1] - side.range[0])
  })
})
