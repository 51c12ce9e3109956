/**
 * Loading glossary.yaml: what is accepted, and what is refused with the line
 * and column of the problem.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {GlossaryError, parseGlossary} from '../../src/glossary/parse-glossary.js'
import {root} from './helpers.js'

function refusal(text: string): string {
  try {
    parseGlossary(text, 'glossary.yaml')
  } catch (error) {
    expect(error).toBeInstanceOf(GlossaryError)
    return (error as Error).message
  }
  throw new Error('expected the glossary to be refused')
}

describe('parseGlossary', () => {
  it('reads the fields of the issue example', () => {
    const glossary = parseGlossary(
      `version: 1
terms:
  - en: cluster
    zh: 集群
    forbid: [群集]
    note: vSphere clusters are 集群 too
  - en: [pod, Pod]
    keep: true
    forbid: [豆荚]
  - en: ReplicaSet
    zh: [副本集, ReplicaSet]
  - zh: Kubernetes
    forbid: [Kubernates]
    examples:
      - { zh: 在 Kubernates 中, valid: false }
`,
      'glossary.yaml'
    )
    expect(glossary.terms.map(({en, zh, keep, forbid, case: caseSensitive, line}) => ({en, zh, keep, forbid, caseSensitive, line}))).toEqual([
      {en: ['cluster'], zh: ['集群'], keep: false, forbid: ['群集'], caseSensitive: false, line: 3},
      {en: ['pod', 'Pod'], zh: [], keep: true, forbid: ['豆荚'], caseSensitive: false, line: 7},
      {en: ['ReplicaSet'], zh: ['副本集', 'ReplicaSet'], keep: false, forbid: [], caseSensitive: false, line: 10},
      {en: [], zh: ['Kubernetes'], keep: false, forbid: ['Kubernates'], caseSensitive: false, line: 12}
    ])
    expect(glossary.terms[0].note).toBe('vSphere clusters are 集群 too')
    expect(glossary.terms[3].examples).toEqual([{zh: '在 Kubernates 中', valid: false, line: 15, column: 9}])
    expect(glossary.index?.size.zh).toBeGreaterThan(0)
  })

  it('loads the project glossary (at least 40 entries)', () => {
    const glossary = parseGlossary(readFileSync(path.join(root, 'glossary.yaml'), 'utf8'), 'glossary.yaml')
    expect(glossary.terms.length).toBeGreaterThanOrEqual(40)
  })

  it.each([
    ['unknown top-level field', 'version: 1\nterms: []\nlanguage: zh\n', 'glossary.yaml:3:1: unknown field `language`; a glossary has `version` and `terms`'],
    ['wrong version', 'version: 2\nterms: []\n', 'glossary.yaml:1:10: expected `version: 1`'],
    ['terms not a list', 'version: 1\nterms: {en: a}\n', 'glossary.yaml:2:8: expected `terms:` followed by a list of terms'],
    [
      'unknown field in a term',
      'version: 1\nterms:\n  - en: cluster\n    zh-cn: 集群\n',
      'glossary.yaml:4:5: unknown field `zh-cn` in a term; allowed: en, zh, keep, forbid, case, when, unless, note, examples'
    ],
    ['term without en or zh', 'version: 1\nterms:\n  - forbid: [群集]\n', 'glossary.yaml:3:5: a term needs `en` (English forms) or `zh` (Chinese forms)'],
    ['keep without en', 'version: 1\nterms:\n  - zh: Pod\n    keep: true\n', 'glossary.yaml:4:11: `keep: true` needs the English form in `en`'],
    ['keep not a boolean', 'version: 1\nterms:\n  - en: pod\n    keep: yes please\n', 'glossary.yaml:4:11: `keep` must be true or false'],
    ['a form is not text', 'version: 1\nterms:\n  - en: [cluster, {a: 1}]\n', 'glossary.yaml:3:19: `en` must be text or a list of texts'],
    ['empty form', 'version: 1\nterms:\n  - en: cluster\n    zh: ""\n', 'glossary.yaml:4:9: `zh` has an empty form or one with spaces around it'],
    [
      'duplicate term',
      'version: 1\nterms:\n  - en: cluster\n    zh: 集群\n  - en: Clusters\n    zh: 集群\n  - en: Cluster\n    zh: 群集\n',
      'glossary.yaml:7:5: duplicate term `Cluster`, already defined at line 3; merge the two entries'
    ],
    [
      'forbids its own approved form',
      'version: 1\nterms:\n  - en: cluster\n    zh: [集群, 群集]\n    forbid: [群集]\n',
      'glossary.yaml:3:5: the term forbids its own form `群集`; remove it from `forbid`'
    ],
    [
      'forbids what another term approves',
      'version: 1\nterms:\n  - en: management plane\n    zh: 管理平面\n    forbid: [控制平面]\n  - en: control plane\n    zh: 控制平面\n',
      'glossary.yaml:3:5: `控制平面` is forbidden here but approved by the term at line 6; a forbidden form is wrong everywhere, so remove one of the two'
    ],
    [
      'failing example (declared invalid)',
      'version: 1\nterms:\n  - zh: Kubernetes\n    forbid: [Kubernates]\n    examples:\n      - {zh: 在 Kubernetes 中, valid: false}\n',
      'glossary.yaml:6:9: example of `Kubernetes` is marked `valid: false` but no glossary check finds a problem in it'
    ],
    [
      'failing example (declared valid)',
      'version: 1\nterms:\n  - en: cluster\n    zh: 集群\n    forbid: [群集]\n    examples:\n      - en: two clusters\n        zh: 两个群集\n        valid: true\n',
      'glossary.yaml:7:9: example of `cluster` is marked `valid: true` but: Unexpected `群集` for `cluster`, expected `集群`'
    ],
    [
      'failing English example',
      'version: 1\nterms:\n  - en: pod\n    keep: true\n    examples:\n      - {en: the Pods, valid: false}\n',
      'glossary.yaml:6:9: example of `pod` is marked `valid: false` but the term is found in it'
    ],
    ['example without valid', 'version: 1\nterms:\n  - en: pod\n    keep: true\n    examples:\n      - {en: the Pods}\n', 'glossary.yaml:6:9: an example needs `valid: true` or `valid: false`'],
    ['invalid YAML', 'version: 1\nterms:\n  - en: [cluster\n', 'glossary.yaml:4:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ['duplicate key', 'version: 1\nterms:\n  - en: a\n    en: b\n', 'glossary.yaml:4:5: invalid YAML: Map keys must be unique']
  ])('refuses %s', (_name, text, message) => {
    expect(refusal(text)).toBe(message)
  })

  it('keeps forms as plain strings: regular expression syntax matches literally', () => {
    const glossary = parseGlossary('version: 1\nterms:\n  - zh: 集群\n    forbid: ["(a+)+$", "群.*"]\n', 'g.yaml')
    expect(glossary.terms[0].forbid).toEqual(['(a+)+$', '群.*'])
  })
})
