import type {Root, RootContent} from 'mdast'
import {describe, expect, it} from 'vitest'
import {toMarkdown} from '../../src/emit/markdown.js'
import {bilingualIsChinese, bilingualTree, enTree, zhTree} from '../../src/emit/split.js'
import {createParser} from '../../src/parse/index.js'
import type {AlignUnit, Alignment} from '../../src/types.js'

const markdown = `---
title: 示例
---

## Title

## 标题

> First English paragraph.

第一段中文。

Swapped English paragraph.

> 交换过的中文段落。

> A real quotation.

> 一段真正的引文。

![](https://example.org/a.png)

译者注：只有中文。

> Left untranslated.
`

/** Build an alignment by hand over the parsed blocks (index lists per unit). */
function alignmentOf(tree: Root): Alignment {
  const blocks = tree.children.slice(1)
  const unit = (kind: AlignUnit['kind'], block: string, en: number[], zh: number[]): AlignUnit => {
    const pick = (indexes: number[]): RootContent[] => indexes.map((index) => blocks[index] as RootContent)
    return {kind, block, en: null, zh: null, enNodes: pick(en), zhNodes: pick(zh), sentences: [], flags: []}
  }
  return {
    ratio: 0.5,
    quoted: 'en',
    units: [
      unit('pair', 'heading', [0], [1]),
      unit('pair', 'paragraph', [2], [3]),
      unit('pair', 'paragraph', [4], [5]),
      unit('pair', 'paragraph', [6], [7]),
      unit('shared', 'image', [8], [8]),
      unit('target-only', 'paragraph', [], [9]),
      unit('source-only', 'paragraph', [10], [])
    ]
  }
}

describe('splitting an aligned document by language', () => {
  const tree = createParser().parse(markdown) as Root
  const alignment = alignmentOf(tree)
  const frontMatter = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined

  it('writes the Chinese only, unquoting language-marker quotes but keeping real quotations', () => {
    expect(toMarkdown(zhTree(alignment, frontMatter))).toBe(
      '---\ntitle: 示例\n---\n\n## 标题\n\n第一段中文。\n\n交换过的中文段落。\n\n> 一段真正的引文。\n\n![](https://example.org/a.png)\n\n译者注：只有中文。\n'
    )
  })

  it('writes the English only, with untranslated English kept', () => {
    expect(toMarkdown(enTree(alignment, frontMatter))).toBe(
      '---\ntitle: 示例\n---\n\n## Title\n\nFirst English paragraph.\n\nSwapped English paragraph.\n\n> A real quotation.\n\n![](https://example.org/a.png)\n\nLeft untranslated.\n'
    )
  })

  it('writes the parallel article in one convention: EN quoted, ZH plain', () => {
    expect(toMarkdown(bilingualTree(alignment, frontMatter))).toBe(
      '---\ntitle: 示例\n---\n\n## Title\n\n## 标题\n\n> First English paragraph.\n\n第一段中文。\n\n> Swapped English paragraph.\n\n交换过的中文段落。\n\n> A real quotation.\n\n> 一段真正的引文。\n\n![](https://example.org/a.png)\n\n译者注：只有中文。\n\n> Left untranslated.\n'
    )
  })
})

describe('an article without English', () => {
  const tree = createParser().parse(markdown) as Root
  const full = alignmentOf(tree)
  const frontMatter = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined
  const only = (...kinds: Array<AlignUnit['kind']>): Alignment => ({...full, units: full.units.filter((unit) => kinds.includes(unit.kind))})

  it('has a bilingual article equal to the Chinese one, which is written once', () => {
    const alignment = only('shared', 'target-only')
    expect(bilingualIsChinese(alignment)).toBe(true)
    expect(toMarkdown(bilingualTree(alignment, frontMatter))).toBe(toMarkdown(zhTree(alignment, frontMatter)))
  })

  it('is not one with a pair, untranslated English, or shared blocks that differ by language', () => {
    expect(bilingualIsChinese(only('shared', 'target-only', 'pair'))).toBe(false)
    expect(bilingualIsChinese(only('target-only', 'source-only'))).toBe(false)
    const [image, text] = [tree.children[9] as RootContent, tree.children[10] as RootContent]
    const differing: Alignment = {...full, units: [{kind: 'shared', block: 'image', en: null, zh: null, enNodes: [image], zhNodes: [text], sentences: [], flags: []}]}
    expect(bilingualIsChinese(differing)).toBe(false)
  })
})
