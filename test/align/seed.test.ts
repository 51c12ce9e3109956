import {describe, expect, it} from 'vitest'
import type {AlignUnit} from '../../src/types.js'
import {alignText} from './helpers.js'
import {seedText} from './seed-text.js'

const text = seedText()
const {file, tree} = await alignText(text, {}, 'kubernetes-intro-for-vmware-users.md')
const alignment = file.data.alignment!
const units = alignment.units
const titleLine = text.split('\n').indexOf('## Kubernetes Introduction for VMware Users – Part 1: The Theory') + 1

function unitAt(enLine: number): AlignUnit {
  const unit = units.find((u) => u.en?.line === enLine)
  if (!unit) throw new Error(`No unit with EN at line ${enLine}`)
  return unit
}

describe('alignment of the seed article', () => {
  it('puts every top-level block but the front matter in exactly one unit, in order', () => {
    const blocks = tree.children.filter((node) => node.type !== 'yaml')
    const seen = units.flatMap((unit) => (unit.kind === 'shared' ? unit.enNodes : [...unit.enNodes, ...unit.zhNodes]))
    expect(new Set(seen).size).toBe(seen.length)
    expect(new Set(seen)).toEqual(new Set(blocks))
    const firsts = units.map((unit) => Math.min(...[...unit.enNodes, ...unit.zhNodes].map((n) => tree.children.indexOf(n))))
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b))
  })

  it('learns the convention: EN quoted', () => {
    expect(alignment.quoted).toBe('en')
    expect(alignment.ratio).toBeGreaterThan(0.3)
    expect(alignment.ratio).toBeLessThan(0.6)
  })

  it('pairs every EN block from the title on, and leaves nothing source-only', () => {
    expect(titleLine).toBeGreaterThan(1)
    const body = units.filter((unit) => (unit.en ?? unit.zh)!.line >= titleLine)
    for (const unit of body) expect(unit.kind === 'pair' || unit.kind === 'shared').toBe(true)
    expect(units.filter((unit) => unit.kind === 'source-only')).toEqual([])
    const pairs = body.filter((unit) => unit.kind === 'pair')
    expect(pairs).toHaveLength(51)
    // 102 language lines after the title (grep), each ZH side right after its EN side.
    for (const pair of pairs) expect(pair.zh!.line).toBe(pair.en!.endLine + 2)
  })

  it('pairs every EN heading with the ZH heading after it', () => {
    const headings = units.filter((unit) => unit.block === 'heading' && unit.kind === 'pair')
    expect(headings.map((unit) => unit.en!.text).slice(0, 3)).toEqual([
      'Kubernetes Introduction for VMware Users – Part 1: The Theory',
      'A little bit of history',
      'Understanding Kubernetes by comparing it to vSphere'
    ])
    expect(headings).toHaveLength(13)
    for (const unit of headings) expect(unit.zhNodes[0].type).toBe('heading')
  })

  it('pairs the swapped etcd paragraph and flags it', () => {
    const etcd = units.find((unit) => unit.en?.text.startsWith('You can see also that K8s has a key-value store'))!
    expect(etcd.kind).toBe('pair')
    expect(etcd.flags).toEqual(['swapped-quote'])
    expect(etcd.zhNodes[0].type).toBe('blockquote')
    expect(etcd.zh!.text).toMatch(/etcd/)
  })

  it('pairs the unquoted Virtual Clusters paragraph', () => {
    const clusters = units.find((unit) => unit.en?.text.startsWith('In vSphere, we have physical ESXi hosts'))!
    expect(clusters.kind).toBe('pair')
    expect(clusters.flags).toEqual(['unquoted'])
    expect(clusters.zh!.text).toMatch(/^在 vSphere /)
  })

  it('pairs captions', () => {
    const captions = units.filter((unit) => unit.block === 'caption')
    expect(captions).toHaveLength(2)
    for (const caption of captions) {
      expect(caption.kind).toBe('pair')
      expect(caption.en!.text).toMatch(/^Figure: /)
      expect(caption.zh!.text).toMatch(/^图片：/)
    }
  })

  it('keeps the changelog, README and notes target-only, without messages', () => {
    const before = units.filter((unit) => (unit.en ?? unit.zh)!.line < titleLine)
    expect(before.length).toBeGreaterThanOrEqual(7)
    for (const unit of before) expect(unit.kind).toBe('target-only')
    expect(before.map((unit) => unit.zh!.text)).toContain('October 25, 2017')
    const lines = file.messages.map((message) => message.line ?? 0)
    expect(lines.filter((line) => line < titleLine)).toEqual([])
  })

  it('keeps images shared', () => {
    const images = units.filter((unit) => unit.block === 'image')
    expect(images).toHaveLength(15)
    for (const unit of images) {
      expect(unit.kind).toBe('shared')
      expect(unit.enNodes).toEqual(unit.zhNodes)
    }
  })

  it('flags the English sentence left in the Ingress paragraph, and only that', () => {
    const sentence = 'The core concept behind this is that an ingress-controller (in a form of pod) would be spun up with an externally visible IP address, and that IP could have something like a wild card DNS record.'
    const flagged = units.filter((unit) => unit.flags.includes('untranslated'))
    expect(flagged).toHaveLength(1)
    const pair = flagged[0].sentences.find((s) => s.flags?.includes('untranslated'))!
    expect(pair.zh).toBe(sentence)
    expect(pair.en).toBe(sentence)
    expect(text.slice(pair.zhStart, pair.zhEnd)).toBe(sentence)

    const messages = file.messages.filter((message) => message.ruleId === 'untranslated')
    expect(messages).toHaveLength(1)
    const zhLine = text.split('\n').findIndex((line) => line.includes(sentence) && !line.startsWith('>')) + 1
    const column = text.split('\n')[zhLine - 1].indexOf(sentence) + 1
    expect(messages[0].source).toBe('bitext')
    expect(messages[0].place).toEqual({
      start: {line: zhLine, column, offset: pair.zhStart},
      end: {line: zhLine, column: column + sentence.length, offset: pair.zhEnd}
    })
    expect(messages[0].actual).toBe(sentence)
  })

  it('aligns sentences inside pairs with offsets into the file', () => {
    let count = 0
    for (const unit of units) {
      for (const s of unit.sentences) {
        if (s.en !== '') {
          // Offsets point at the sentence (the first character at least).
          expect(text[s.enStart!]).toBe(s.en[0])
          count++
        }
        if (s.zh !== '') expect(text[s.zhStart!]).toBe(s.zh[0])
      }
    }
    expect(count).toBeGreaterThan(150)
  })
})
