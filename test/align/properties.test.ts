import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {alignBlocks, toAlignmentJson} from '../../src/align/index.js'
import {parse} from './helpers.js'

const enWords = ['cluster', 'node', 'the', 'runs', 'a', 'service', 'with', 'traffic', 'is', 'of', 'storage', 'and']
const hanChars = [...'集群节点运行服务流量存储网络容器调度我们可以的是在']

const english = fc.array(fc.constantFrom(...enWords), {minLength: 4, maxLength: 40}).map((words) => {
  const text = words.join(' ')
  return `${text[0].toUpperCase()}${text.slice(1)}.`
})
const chinese = fc.array(fc.constantFrom(...hanChars), {minLength: 3, maxLength: 30}).map((chars) => `${chars.join('')}。`)

/** A block of a bilingual document. */
const block = fc.oneof(
  fc.record({kind: fc.constant('pair'), en: english, zh: chinese, quoted: fc.boolean()}),
  fc.record({kind: fc.constant('heading'), en: english, zh: chinese}),
  fc.record({kind: fc.constant('en'), en: english}),
  fc.record({kind: fc.constant('zh'), zh: chinese}),
  fc.constantFrom({kind: 'image'}, {kind: 'code'}, {kind: 'rule'}, {kind: 'html'})
)

function render(blocks: ReadonlyArray<Record<string, unknown>>): string {
  const parts = ['---\ntitle: t\n---']
  for (const b of blocks) {
    switch (b.kind) {
      case 'pair': {
        parts.push(`${b.quoted ? '> ' : ''}${String(b.en)}`, String(b.zh))
        break
      }
      case 'heading': {
        parts.push(`## ${String(b.en)}`, `## ${String(b.zh)}`)
        break
      }
      case 'en': {
        parts.push(String(b.en))
        break
      }
      case 'zh': {
        parts.push(String(b.zh))
        break
      }
      case 'image': {
        parts.push('![](https://example.com/a.png)')
        break
      }
      case 'code': {
        parts.push('```sh\nkubectl get pods\n```')
        break
      }
      case 'rule': {
        parts.push('---')
        break
      }
      default: {
        parts.push('<!-- note -->')
      }
    }
  }
  return `${parts.join('\n\n')}\n`
}

describe('alignment invariants', () => {
  it('puts every top-level block in exactly one unit, in document order, deterministically', () => {
    fc.assert(
      fc.property(fc.array(block, {maxLength: 25}), (blocks) => {
        const source = render(blocks)
        const tree = parse(source)
        const alignment = alignBlocks(tree, {source})
        const nodes = tree.children.filter((node) => node.type !== 'yaml')
        const seen = alignment.units.flatMap((unit) => (unit.kind === 'shared' ? unit.enNodes : [...unit.enNodes, ...unit.zhNodes]))
        expect(seen).toHaveLength(nodes.length)
        expect(new Set(seen)).toEqual(new Set(nodes))
        const firsts = alignment.units.map((unit) => Math.min(...[...unit.enNodes, ...unit.zhNodes].map((node) => tree.children.indexOf(node))))
        expect(firsts).toEqual([...firsts].sort((a, b) => a - b))
        for (const unit of alignment.units) {
          if (unit.kind === 'shared') expect(unit.enNodes).toEqual(unit.zhNodes)
          if (unit.kind !== 'pair') expect(unit.sentences).toEqual([])
        }
        expect(toAlignmentJson('x.md', alignBlocks(parse(source), {source}))).toEqual(toAlignmentJson('x.md', alignment))
      }),
      {numRuns: 150}
    )
  })

  it('pairs every EN paragraph with the ZH paragraph after it when lengths agree and numbers anchor them', () => {
    const pair = fc.record({words: fc.integer({min: 6, max: 60}), seed: fc.integer({min: 0, max: 10_000})})
    fc.assert(
      fc.property(fc.array(pair, {minLength: 1, maxLength: 15}), (pairs) => {
        const parts: string[] = []
        pairs.forEach(({words, seed}, i) => {
          const en = Array.from({length: words}, (_, k) => enWords[(seed + k) % enWords.length]).join(' ')
          // About 0.4 Chinese characters per English character, plus a shared number.
          const zh = Array.from({length: Math.round(en.length * 0.4)}, (_, k) => hanChars[(seed + k) % hanChars.length]).join('')
          parts.push(`> ${en} ${1000 + i}.`, `${zh}${1000 + i}。`)
        })
        const source = `${parts.join('\n\n')}\n`
        const alignment = alignBlocks(parse(source), {source})
        expect(alignment.units.map((unit) => unit.kind)).toEqual(pairs.map(() => 'pair'))
        alignment.units.forEach((unit, i) => expect(unit.zh!.text).toContain(String(1000 + i)))
      }),
      {numRuns: 100}
    )
  })
})
