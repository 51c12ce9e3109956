import type {Root, Yaml} from 'mdast'
import {describe, expect, it} from 'vitest'
import {englishYaml} from '../../src/emit/english-front-matter.js'
import {createParser, readFrontMatter} from '../../src/parse/index.js'
import type {AlignUnit, Alignment} from '../../src/types.js'

/** The English front matter of an article whose first blocks are given, aligned by hand. */
function english(markdown: string, units: Array<[AlignUnit['kind'], string, number[], number[]]>): string {
  const tree = createParser().parse(markdown) as Root
  const node = tree.children[0] as Yaml
  const blocks = tree.children.slice(1)
  const alignment: Alignment = {
    ratio: 0.5,
    quoted: 'en',
    units: units.map(([kind, block, en, zh]) => ({
      kind,
      block,
      en: null,
      zh: null,
      enNodes: en.map((index) => blocks[index]!),
      zhNodes: zh.map((index) => blocks[index]!),
      sentences: [],
      flags: []
    }))
  }
  return englishYaml(node, readFrontMatter(tree), alignment).value
}

const body = '\n## 译者说明\n\n### Setup\n\n### 准备\n\n# Rolling *updates*\n\n# 滚动更新\n'
const units: Array<[AlignUnit['kind'], string, number[], number[]]> = [
  ['target-only', 'heading', [], [0]],
  ['pair', 'heading', [1], [2]],
  ['pair', 'heading', [3], [4]]
]

describe('the front matter of the English outputs', () => {
  it('takes title_en and tags_en, and removes them', () => {
    const yaml = '---\ntitle: 【翻译】滚动更新\ntitle_en: Rolling updates, explained\ntags: [kubernetes, 翻译]\ntags_en: [kubernetes, translation]\ndate: 2024-03-18\n---\n'
    expect(english(yaml + body, units)).toBe('title: Rolling updates, explained\ntags:\n  - kubernetes\n  - translation\ndate: 2024-03-18')
  })

  it('falls back to the first English heading of the highest level, and drops Han tags and categories', () => {
    const yaml = '---\ntitle: 【翻译】滚动更新\n# kept comment\ntag:\n  - kubernetes\n  - 翻译\ncategories: 技术\n---\n'
    expect(english(yaml + body, units)).toBe('title: Rolling updates\n# kept comment\ntag:\n  - kubernetes')
  })

  it('keeps an English title and English tags as they are written', () => {
    const yaml = '---\ntitle: Rolling updates\ntags: [kubernetes]\n---\n'
    expect(english(yaml + '\nText.\n\n中文。\n', [['pair', 'paragraph', [0], [1]]])).toBe('title: Rolling updates\ntags: [kubernetes]')
  })

  it('keeps a Chinese title when the article has no English heading and no title_en', () => {
    const yaml = '---\ntitle: 滚动更新\ntags: [翻译]\n---\n'
    expect(english(yaml + '\nText.\n\n中文。\n', [['pair', 'paragraph', [0], [1]]])).toBe('title: 滚动更新\ntags: []')
  })
})
