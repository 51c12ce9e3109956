import type {Root, RootContent} from 'mdast'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {describe, expect, it} from 'vitest'
import {toMarkdown, type BlockCache} from '../../src/emit/markdown.js'

/** Trees made of the same block nodes in different orders, as the Markdown files of one article are. */
function trees(): Root[] {
  const blocks = fromMarkdown('- a\n- b\n\n***\n\n1. one\n2. two\n\nText *with* `code`.\n\n- c\n').children
  const [list, rule, ordered, paragraph, other] = blocks as [RootContent, RootContent, RootContent, RootContent, RootContent]
  const root = (...children: RootContent[]): Root => ({type: 'root', children})
  return [
    root(list, rule, ordered, paragraph, other),
    // The rule opens this one (written `***`, not `---`), and two bullet lists touch (bullets switch).
    root(rule, list, other, paragraph),
    root(paragraph, other, list, rule),
    root(list, rule, ordered, paragraph, other)
  ]
}

describe('toMarkdown with a block cache', () => {
  it('writes every file as without the cache, whatever the other files were', () => {
    const plain = trees().map((tree) => toMarkdown(tree))
    const blocks: BlockCache = new WeakMap()
    const shared = trees()
    const cached = shared.map((tree) => toMarkdown(tree, blocks))
    // Same nodes in every tree: the cache is filled by the first and read by the others.
    const again = shared.map((tree) => toMarkdown(tree, blocks))
    expect(cached).toEqual(plain)
    expect(again).toEqual(plain)
    expect(plain[1]).toMatch(/^\*\*\*\n/)
    expect(plain[0]).toContain('\n---\n')
    expect(plain[1]).toContain('\n* c')
    expect(plain[2]).toContain('- c\n')
    expect(plain[2]).toContain('\n* a')
  })
})
