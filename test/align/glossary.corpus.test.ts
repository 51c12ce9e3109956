/**
 * Two-file mode on real parallel documentation: the CNCF glossary, English
 * pages and their Chinese localisation, which drifted apart in places.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {alignFiles} from '../../src/align/index.js'
import type {Alignment} from '../../src/types.js'
import {parse} from './helpers.js'
import {sharedPath} from '../helpers.js'

const root = sharedPath('corpus', 'cncf-glossary')
const names = (fs.readdirSync(path.join(root, 'en'), {recursive: true}) as string[])
  .filter((name) => name.endsWith('.md'))
  .sort()

function align(name: string): Alignment {
  const en = fs.readFileSync(path.join(root, 'en', name), 'utf8')
  const zh = fs.readFileSync(path.join(root, 'zh-cn', name), 'utf8')
  return alignFiles(parse(en), parse(zh), {enSource: en, zhSource: zh})
}

describe('two-file mode on the CNCF glossary', () => {
  const alignments = new Map(names.map((name) => [name, align(name)]))

  it('reads all 75 page pairs', () => {
    expect(names).toHaveLength(75)
  })

  it('pairs most language blocks through the drift', () => {
    let en = 0
    let enPaired = 0
    let zh = 0
    let zhPaired = 0
    for (const alignment of alignments.values()) {
      for (const unit of alignment.units) {
        if (unit.kind === 'shared') continue
        en += unit.enNodes.length
        zh += unit.zhNodes.length
        if (unit.kind === 'pair') {
          enPaired += unit.enNodes.length
          zhPaired += unit.zhNodes.length
        }
      }
    }
    // Measured: 480 of 524 EN blocks and 470 of 546 ZH blocks.
    expect(enPaired / en).toBeGreaterThan(0.9)
    expect(zhPaired / zh).toBeGreaterThan(0.85)
  })

  it('keeps every block of both files once, in order', () => {
    for (const [name, alignment] of alignments) {
      const enLines = alignment.units.flatMap((unit) => unit.enNodes.map((node) => node.position!.start.line))
      const zhLines = alignment.units.flatMap((unit) => unit.zhNodes.map((node) => node.position!.start.line))
      expect(enLines, name).toEqual([...enLines].sort((a, b) => a - b))
      expect(zhLines, name).toEqual([...zhLines].sort((a, b) => a - b))
      const enTree = parse(fs.readFileSync(path.join(root, 'en', name), 'utf8'))
      expect(enLines.length, name).toBe(enTree.children.filter((node) => node.type !== 'yaml').length)
    }
  })

  it('cluster: the added ZH heading is target-only, the rest pairs 1-1', () => {
    const units = alignments.get('cluster.md')!.units
    expect(units.map((unit) => [unit.kind, unit.block, unit.en?.line ?? null, unit.zh?.line ?? null])).toEqual([
      ['target-only', 'heading', null, 8],
      ['pair', 'paragraph', 8, 10],
      ['pair', 'heading', 12, 15],
      ['pair', 'paragraph', 14, 17],
      ['pair', 'heading', 19, 20],
      ['pair', 'paragraph', 21, 22]
    ])
    expect(units[2].zh!.text).toBe('解决的问题')
  })

  it('contributor ladder: a paragraph and a list merged into one ZH paragraph', () => {
    const unit = alignments.get('contributor-ladder/_index.md')!.units.find((u) => u.en?.text.startsWith('Approvers provide feedback'))!
    expect(unit.kind).toBe('pair')
    expect(unit.enNodes.map((node) => node.type)).toEqual(['paragraph', 'list'])
    expect(unit.zhNodes.map((node) => node.type)).toEqual(['paragraph'])
    expect(unit.zh!.text).toMatch(/本地化团队的审批者/)
    expect(unit.flags).toEqual(['merged'])
  })

  it('container: the sign-language shortcode exists on the EN side only and stays shared', () => {
    const units = alignments.get('container.md')!.units
    const limits = units.find((u) => u.en?.text.startsWith('There are limitations'))!
    expect(limits.kind).toBe('pair')
    expect(limits.zh!.text).toMatch(/^但是，有一些限制。/)
    const shortcode = units.find((u) => u.block === 'shortcode')!
    expect(shortcode.kind).toBe('shared')
    expect(shortcode.zh).toBeNull()
  })

  it('horizontal scaling: sentences pair with the right Chinese sentences', () => {
    const unit = alignments.get('horizontal-scaling.md')!.units.find((u) => u.kind === 'pair' && u.block === 'paragraph')!
    const first = unit.sentences[0]
    expect(first.en).toMatch(/^Horizontal scaling is a technique/)
    expect(first.zh).toMatch(/^水平伸缩是一种通过添加更多节点来增加系统容量的技术/)
  })

  it('finds no untranslated English sentence in the professionally reviewed Chinese', () => {
    for (const [name, alignment] of alignments) {
      expect(alignment.units.filter((unit) => unit.flags.includes('untranslated')), name).toEqual([])
    }
  })
})
