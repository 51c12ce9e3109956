import type {Root, Yaml} from 'mdast'
import {describe, expect, it} from 'vitest'
import {englishYaml} from '../../src/emit/english-front-matter.js'
import {createParser, parseFrontMatter, readFrontMatter} from '../../src/parse/index.js'
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
  const parsed = parseFrontMatter(tree)
  const again = englishYaml(node, readFrontMatter(tree), alignment).value
  // The document parse kept gives the same YAML as parsing it again, and stays as it was.
  const before = String(parsed.yaml?.document)
  expect(englishYaml(node, parsed.value, alignment, parsed.yaml).value).toBe(again)
  expect(String(parsed.yaml?.document)).toBe(before)
  return again
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

  it('rewrites the YAML document parse kept as it rewrites the YAML parsed again, and only the one of that YAML', () => {
    const yaml = [
      '---',
      '# leading comment',
      'title: "【翻译】滚动 \\"更新\\""   # trailing comment',
      'base: &base {a: 1, b: [x, 翻译]}',
      'copy: *base',
      'tags:',
      '  - kubernetes   # why',
      '  - 翻译',
      "  - 'quoted: yes'",
      'categories: [技术, [nested, 中文], ops]',
      'note: |',
      '  block text',
      '    indented',
      'folded: >-',
      '  folded',
      '  text',
      'date: 2024-03-18T10:00:00+08:00',
      'empty:',
      'title_en: Rolling updates',
      '---',
      ''
    ].join('\n')
    const markdown = yaml + body
    const tree = createParser().parse(markdown) as Root
    const node = tree.children[0] as Yaml
    const alignment: Alignment = {ratio: 0.5, quoted: 'en', units: []}
    const parsed = parseFrontMatter(tree)
    const expected = englishYaml(node, readFrontMatter(tree), alignment).value
    expect(expected).toBe(
      [
        '# leading comment',
        'title: Rolling updates',
        'base: &base { a: 1, b: [ x, 翻译 ] }',
        'copy: *base',
        'tags:',
        '  - kubernetes',
        '  - "quoted: yes"',
        'categories:',
        '  - - nested',
        '  - ops',
        'note: |',
        '  block text',
        '    indented',
        'folded: >-',
        '  folded text',
        'date: 2024-03-18T10:00:00+08:00',
        'empty:'
      ].join('\n')
    )
    expect(englishYaml(node, parsed.value, alignment, parsed.yaml).value).toBe(expected)
    // Twice from the same kept document: the first rewrite changed a copy.
    expect(englishYaml(node, parsed.value, alignment, parsed.yaml).value).toBe(expected)
    // A document read from other YAML is not used.
    const other = parseFrontMatter(createParser().parse('---\ntitle: Other\n---\n') as Root)
    expect(englishYaml(node, parsed.value, alignment, other.yaml).value).toBe(expected)
  })
})
