import type {Root} from 'mdast'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {describe, expect, it} from 'vitest'
import {protectTemplateBraces, wrapBraces} from '../../src/emit/template-braces.js'

describe('protectTemplateBraces', () => {
  const source = '# Title\n\nUse {{ .Values.image }} here.\n\nNo braces in this one.\n\n![a {% x %} b](i.png)\n\n```\n{{ code }}\n```\n'

  it('wraps text and image descriptions, leaves code alone', () => {
    const tree = fromMarkdown(source)
    const out = protectTemplateBraces(tree)
    const paragraph = out.children[1]
    expect(paragraph?.type === 'paragraph' && paragraph.children[0]).toMatchObject({type: 'text', value: 'Use {% raw %}{{ .Values.image }}{% endraw %} here.'})
    const image = out.children[3]
    expect(image?.type === 'paragraph' && image.children[0]).toMatchObject({type: 'image', alt: 'a {% raw %}{% x %}{% endraw %} b'})
    expect(out.children[4]).toMatchObject({type: 'code', value: '{{ code }}'})
  })

  it('never changes the tree it is given, and shares what did not change', () => {
    const tree = fromMarkdown(source)
    const before = structuredClone(tree)
    const out = protectTemplateBraces(tree)
    expect(tree).toEqual(before)
    expect(out).not.toBe(tree)
    // Untouched blocks are the very same nodes; changed ones are copies.
    expect(out.children[0]).toBe(tree.children[0])
    expect(out.children[2]).toBe(tree.children[2])
    expect(out.children[4]).toBe(tree.children[4])
    expect(out.children[1]).not.toBe(tree.children[1])
  })

  it('returns the tree itself when it has no braces', () => {
    const tree = fromMarkdown('plain *text* and `code`\n')
    expect(protectTemplateBraces(tree)).toBe(tree)
  })

  it('gives the same copy of a shared node to every tree protected with one memo', () => {
    const tree = fromMarkdown(source)
    const memo = new WeakMap()
    const other: Root = {type: 'root', children: [tree.children[1]!]}
    const first = protectTemplateBraces(tree, memo)
    const second = protectTemplateBraces(other, memo)
    expect(second.children[0]).toBe(first.children[1])
  })
})

describe('wrapBraces', () => {
  it('wraps touching constructs in one raw block and an unclosed one to the end', () => {
    expect(wrapBraces('a {{ x }}{% y %} b {# z')).toBe('a {% raw %}{{ x }}{% y %}{% endraw %} b {% raw %}{# z{% endraw %}')
    expect(wrapBraces('no braces')).toBe('no braces')
  })
})
