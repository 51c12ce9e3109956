import type {Root} from 'mdast'
import {describe, expect, it} from 'vitest'
import {toMarkdown} from '../../src/emit/markdown.js'
import {createParser} from '../../src/parse/index.js'

const parser = createParser()
const write = (markdown: string) => toMarkdown(parser.parse(markdown) as Root)

describe('written Markdown is a fixed point of remark', () => {
  // Found by the fuzzer: a tight list in a quote before a nested quote reads back as loose.
  it('settles a tight list in a quote before a nested quote', () => {
    const once = write('> 1. 集群\n> 2. Kubernetes\n> > 集群\n')
    expect(once).toBe('> 1. 集群\n>\n> 2. Kubernetes\n>\n> > 集群\n')
    expect(write(once)).toBe(once)
  })

  it('leaves ordinary documents as one pass writes them', () => {
    const text = '# 标题\n\n- a\n- b\n\n> 引文\n\n```js\ncode\n```\n'
    expect(write(text)).toBe(text)
  })
})

describe('the fixed point of written Markdown, found by the fuzzer', () => {
  it('settles a tight list in a list item before a nested quote', () => {
    const once = write('- a\n  1. 集群\n  2. Kubernetes\n  > 集群\n')
    expect(write(once)).toBe(once)
  })
})

describe('the fixed point holds for constructs other than lists', () => {
  it('settles a footnote definition in a quote followed by a zero-width no-break space', () => {
    const once = write('> [^1]: footnote\n\n\uFEFF Kubernetes\n集群\n')
    expect(write(once)).toBe(once)
  })
})
