/**
 * The parser tries only the GFM constructs a document can contain: its trees
 * must be exactly those of remark-parse + remark-frontmatter + remark-gfm.
 */
import fc from 'fast-check'
import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {mayUseGfm, selectGfmConstructs} from '../../src/parse/gfm-constructs.js'
import {createFragmentParser, createParser} from '../../src/parse/index.js'

const reference = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm)
const parser = createParser()

const samples = [
  '| a | b |\n| - | - |\n| 1 | 2 |\n',
  'a\n:-\n',
  'a\n-:\n',
  'a\n-\n',
  'a\n---\n',
  '> | q |\n> |:-|\n',
  'x | y\n--|--\n',
  'a\\|b and `|`',
  'mail me at a@b.co now',
  'see www.example.com. or Www.B.c',
  'go https://x.y/z?q=1) or HTTP://A.B',
  'h&#116;tp://x.y and &#64; and a&commat;b.c',
  'xmpp:a@b.c/d mailto:a@b.c <a@b.c>',
  '[link](https://example.com) and ![img](http://x.y/i.png)',
  '~~del~~ ~x~ a~b',
  '- [ ] task\n- [x] done\n',
  'text[^1]\n\n[^1]: note\n',
  '[a] [^b] [^] ![^c](d) [x][^e]\n\n[^b]: B\n[^e]: E\n',
  '[[[a](b)](c)](d) and [^x]\n\n[^x]: y\n',
  '---\ntitle: a | b\n---\n\n# 标题\n\n正文',
  '1. x\n\n   | a |\n   | - |\n',
  '[a link](https://x.y/z) and [ref][r] with no literal\n\n[r]: http://r.s\n',
  '`https://x.y` and ![www.x.y](http://i.png) and <https://a.b>',
  '[text www.x.y and a@b.co](/u) then https://a.b/c',
  'see H&#84;TPS://A.B/c',
  'see W&#119;w.X.y',
  'x&#64;y.zz and h&#x74;tps://q.r and w&#119;w.a.b'
]

describe('selectGfmConstructs', () => {
  it('turns off what a document cannot contain', () => {
    expect(selectGfmConstructs('plain text, no specials', [], []).extensions).toEqual([
      {disable: {null: ['table', 'emailAutolink', 'wwwAutolink', 'protocolAutolink', 'gfmFootnoteDefinition', 'gfmFootnoteCall', 'gfmPotentialFootnoteCall']}}
    ])
  })

  it('keeps what a document may contain', () => {
    expect(selectGfmConstructs('| a |\nwww.x.y a@b.c https://x [^1]', [], []).extensions).toEqual([])
  })
})

describe('createParser', () => {
  it.each(samples)('parses %j as remark-gfm does', (markdown) => {
    expect(parser.parse(markdown)).toEqual(reference.parse(markdown))
  })

  it('still parses every GFM construct', () => {
    const tree = parser.parse(samples.join('\n\n')) as Root
    const types = new Set<string>()
    const walk = (node: {type: string; checked?: boolean | null; children?: unknown[]}): void => {
      types.add(node.checked === true ? 'checked task' : node.type)
      for (const child of node.children ?? []) walk(child as {type: string; children?: unknown[]})
    }
    walk(tree)
    for (const type of ['table', 'delete', 'footnoteReference', 'footnoteDefinition', 'link', 'checked task']) expect(types).toContain(type)
  })

  it('gives the same tree as remark-gfm on mixes of constructs (property)', () => {
    const piece = fc.constantFrom(...samples, 'plain 中文 text', '\n\n', '\n', ' ', '|', ':-', '@', 'www.', 'http://', '-', '>', '[x]', '&#', '[^1]', '[^1]: n\n', ']', '[')
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 12}), (pieces) => {
        const markdown = pieces.join('')
        expect(parser.parse(markdown)).toEqual(reference.parse(markdown))
      }),
      {numRuns: 300}
    )
  })
})

describe('createFragmentParser', () => {
  const fragmentReference = unified().use(remarkParse).use(remarkGfm)
  const fragments = createFragmentParser()

  it('knows when a text can use GFM', () => {
    for (const text of ['a | b', 'a\n:-', 'a@b', 'WWW.x', 'see http', '[^1]', '~~x~~', '- [ ] t', '- [x] t', '[\t]', '&#64;', '&commat;']) expect(mayUseGfm(text)).toBe(true)
    for (const text of ['plain *text* with [a link](/path) and `code`', '- [a] item', '# Title\n\n> quote', '中文 text']) expect(mayUseGfm(text)).toBe(false)
  })

  it.each(samples)('parses %j as remark-gfm does', (markdown) => {
    expect(fragments.parse(markdown)).toEqual(fragmentReference.parse(markdown))
  })

  it('gives the same tree as remark-gfm, with or without GFM in the text (property)', () => {
    const piece = fc.constantFrom(...samples, 'plain 中文 text', '\n\n', '\n', ' ', '*a*', '`c`', '[l](/u)', '[r]\n\n[r]: /x\n', '- item\n', '1. one\n', '> q\n', '    code\n', '<b>x</b>', '|', '~', '[ ]', '[x]', '@', 'www', ']', '[')
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 12}), (pieces) => {
        const markdown = pieces.join('')
        expect(fragments.parse(markdown)).toEqual(fragmentReference.parse(markdown))
      }),
      {numRuns: 400}
    )
  })
})
