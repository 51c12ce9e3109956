/**
 * The glossary checks on real data: the seed article with the project's
 * glossary.yaml (through the whole pipeline), a 10,000-term glossary giving
 * the same findings as a 10-term one (the CNCF pages are in
 * real-data.corpus.test.ts).
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import type {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {syntheticGlossary} from '../../bench/synthetic-glossary.js'
import {checkCrossFile} from '../../src/check/cross-file.js'
import {pointMap} from '../../src/decisions/index.js'
import {glossaryRules} from '../../src/check/glossary-rules.js'
import {createGlossary, parseGlossary} from '../../src/glossary/parse-glossary.js'
import type {Glossary, Term} from '../../src/glossary/types.js'
import {processArticle} from '../../src/pipeline.js'
import {root} from './helpers.js'

const projectGlossary = parseGlossary(readFileSync(path.join(root, 'glossary.yaml'), 'utf8'), 'glossary.yaml')
const seedPath = path.join(root, 'articles/kubernetes-intro-for-vmware-users.md')
const seedBytes = readFileSync(seedPath)

async function lintSeed(glossary: Glossary): Promise<VFile> {
  const file = await processArticle(seedBytes, 'articles/kubernetes-intro-for-vmware-users.md', {glossary, rules: glossaryRules, emit: false})
  checkCrossFile([file])
  return file
}

function summary(file: VFile): Array<[string | undefined, number | undefined, string]> {
  return file.messages
    .filter((message) => message.ruleId?.startsWith('glossary-'))
    .map((message): [string | undefined, number | undefined, string] => [message.ruleId ?? undefined, message.line ?? undefined, message.reason])
    .sort((a, b) => (a[1] ?? 0) - (b[1] ?? 0) || a[2].localeCompare(b[2]))
}

describe('the seed article with glossary.yaml', () => {
  it('reports 群集 for cluster and the other forbidden renderings, at their lines', async () => {
    const file = await lintSeed(projectGlossary)
    const forbidden = summary(file).filter(([ruleId]) => ruleId === 'glossary-forbidden').map(([, line, reason]) => `${line}: ${reason}`)
    expect(forbidden).toEqual([
      '105: Unexpected `Kuberentes`, expected `Kubernetes`',
      '111: Unexpected `群集` for `cluster`, expected `集群`',
      '119: Unexpected `群集` for `cluster`, expected `集群`',
      '139: Unexpected `群集` for `cluster`, expected `集群`',
      '149: Unexpected `群集` for `cluster`, expected `集群`',
      '159: Unexpected `所描述的状态` for `desired state`, expected `期望状态`',
      '173: Unexpected `群集` for `cluster`, expected `集群`',
      '173: Unexpected `群集` for `cluster`, expected `集群`',
      '173: Unexpected `群集` for `cluster`, expected `集群`',
      '173: Unexpected `群集` for `cluster`, expected `集群`',
      '183: Unexpected `期所望的状态` for `desired state`, expected `期望状态`',
      '203: Unexpected `所描述的状态` for `desired state`, expected `期望状态`',
      '213: Unexpected `单兵` for `one-armed`, expected `单臂`',
      '213: Unexpected `负载平衡` for `load balancing`, expected `负载均衡`',
      '217: Unexpected `吊舱` for `pod`, expected `pod`',
      '227: Unexpected `Kuberentes`, expected `Kubernetes`',
      '251: Unexpected `puse 容器` for `pause container`, expected `pause 容器`',
      '259: Unexpected `群集` for `cluster`, expected `集群`'
    ])
    // The same paragraphs also use 集群: the inconsistency the issue describes.
    const text = String(file.value).split('\n')
    expect(text[118]).toContain('群集')
    expect(text[118]).toContain('集群')
    // Every message points at the exact span of the rendering in the file on
    // disk (the seed is damaged): mapped back through the repairs, the span is the rendering.
    const toText = pointMap(String(file.value), file.data.repairs ?? [])
    for (const message of file.messages.filter((item) => item.ruleId === 'glossary-forbidden')) {
      const place = message.place && 'end' in message.place ? message.place : undefined
      expect(place?.end.line).toBe(message.line)
      if (!place) continue
      const start = toText.toText(place.start, 'start')
      const end = toText.toText(place.end, 'end')
      expect(text[start.line - 1].slice(start.column - 1, end.column - 1)).toBe(message.actual)
    }
  }, 120_000)

  it('reports the kept product name, the translator’s two renderings and missing terms', async () => {
    const file = await lintSeed(projectGlossary)
    const lines = summary(file).filter(([ruleId]) => ruleId !== 'glossary-forbidden')
    expect(lines).toContainEqual(['glossary-keep', 91, 'Unexpected translation `工作站` of `Workstation`, keep `Workstation`'])
    expect(lines).toContainEqual(['glossary-missing', 105, 'Missing `管理平面` for `management plane`, translate it as `管理平面`'])
    expect(lines).toContainEqual(['glossary-missing', 115, 'Missing `虚拟设备` for `virtual appliance`, translate it as `虚拟设备`'])
    expect(lines).toContainEqual(['glossary-missing', 149, 'Missing English `master` in the translation, keep it as `master`'])
    const inconsistent = lines.filter(([ruleId]) => ruleId === 'glossary-inconsistent').map(([, line, reason]) => `${line}: ${reason.replace(/ as in .*$/, '')}`)
    expect(inconsistent).toEqual([
      '163: Inconsistent `Service` for `Service`, expected `服务`',
      '203: Inconsistent `副本集` for `ReplicaSet`, expected `ReplicaSet`',
      '221: Inconsistent `Service` for `Service`, expected `服务`'
    ])
  }, 120_000)
})

describe('scale: 10,000 terms', () => {
  // Ten real terms with findings in the seed.
  const wanted = ['cluster', 'pod', 'desired state', 'one-armed', 'load balancing', 'Service', 'ReplicaSet', 'Workstation', 'pause container', 'master']
  const ten: Term[] = [
    ...wanted.map((name) => {
      const term = projectGlossary.terms.find((candidate) => candidate.en[0] === name)
      if (!term) throw new Error(`glossary.yaml has no term ${name}`)
      return term
    })
  ]

  it('a generated 10,000-term glossary finds exactly what the 10-term one finds', async () => {
    const small = createGlossary(ten, 'ten.yaml')
    const large = syntheticGlossary(ten, 10_000)
    expect(large.terms).toHaveLength(10_000)
    expect(large.index?.size.zh).toBeGreaterThan(20_000)
    const a = await lintSeed(small)
    const b = await lintSeed(large)
    const shape = (file: VFile) => file.messages.map((message) => [message.ruleId, message.line, message.column, message.place, message.reason, message.actual, message.expected])
    expect(shape(a).length).toBeGreaterThan(15)
    expect(shape(b)).toEqual(shape(a))
    expect(b.data.termUses).toEqual(a.data.termUses)
    expect(b.data.fixes).toEqual(a.data.fixes)
  }, 60_000)
})
