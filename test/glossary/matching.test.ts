/**
 * The matching core: Aho–Corasick against a naive search, normalization,
 * inflections, and leftmost-longest selection.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {buildAutomaton, searchAutomaton} from '../../src/glossary/aho-corasick.js'
import {inflections} from '../../src/glossary/inflect.js'
import {matchTerms} from '../../src/glossary/match-terms.js'
import {normalizePattern} from '../../src/glossary/normalize.js'
import {parseGlossary} from '../../src/glossary/parse-glossary.js'

describe('Aho–Corasick', () => {
  it('finds exactly what a naive search finds (property)', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', '集', '群', '\u{20000}')
    const word = fc.array(alphabet, {minLength: 1, maxLength: 4}).map((chars) => chars.join(''))
    fc.assert(
      fc.property(fc.uniqueArray(word, {maxLength: 12}), fc.array(alphabet, {maxLength: 40}).map((chars) => chars.join('')), (patterns, text) => {
        const automaton = buildAutomaton(new Map(patterns.map((pattern) => [pattern, pattern])))
        const found = searchAutomaton(automaton, text).map((match) => `${match.start}:${match.end}:${match.payload}`).sort()
        const naive: string[] = []
        for (const pattern of patterns) {
          for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) naive.push(`${at}:${at + pattern.length}:${pattern}`)
        }
        expect(found).toEqual(naive.sort())
      })
    )
  })
})

describe('normalizePattern', () => {
  it.each([
    ['Load-Balancer', 'load balancer'],
    ['load  balancer', 'load balancer'],
    ['Ingress 控制器', 'ingress控制器'],
    ['虚拟 IP', '虚拟ip'],
    ['K8s cluster', 'k8s cluster']
  ])('%s → %s', (form, normal) => {
    expect(normalizePattern(form).text).toBe(normal)
  })
})

describe('inflections', () => {
  it.each([
    ['pod', ['pod', 'pods', 'poded', 'poding', 'podded', 'podding']],
    ['policy', ['policy', 'policies', 'policied', 'policying']],
    ['scale', ['scale', 'scales', 'scaled', 'scaling']],
    ['free', ['free', 'frees', 'freed', 'freeing']],
    ['resource pool', ['resource pool', 'resource pools', 'resource pooled', 'resource pooling']],
    ['VM', ['VM', 'VMS', 'VMED', 'VMING', 'VMs', 'VMed', 'VMing']],
    ['集群', ['集群']]
  ])('%s', (form, expected) => {
    expect(inflections(form)).toEqual(expected)
  })
})

describe('matchTerms', () => {
  const glossary = parseGlossary(
    `version: 1
terms:
  - en: cluster
    zh: 集群
  - en: virtual cluster
    zh: 虚拟集群
  - en: pod
    keep: true
`,
    'g.yaml'
  )
  const found = (text: string, side: 'en' | 'zh') => matchTerms(text, glossary.index!, side).map((match) => [match.actual, match.start, match.end])

  it('takes the longest match, leftmost first', () => {
    expect(found('两个虚拟集群和一个集群', 'zh')).toEqual([
      ['虚拟集群', 2, 6],
      ['集群', 9, 11]
    ])
    expect(found('A virtual cluster and clusters.', 'en')).toEqual([
      ['virtual cluster', 2, 17],
      ['clusters', 22, 30]
    ])
  })
  it('respects Latin word boundaries', () => {
    expect(found('ipods and pods, Pod-level', 'en')).toEqual([
      ['pods', 10, 14],
      ['Pod', 16, 19]
    ])
    expect(found('每个Pod都有', 'zh')).toEqual([['Pod', 2, 5]])
  })
})
