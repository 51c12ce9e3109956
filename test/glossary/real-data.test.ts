/**
 * The glossary checks on real data: the seed article with the project's
 * glossary.yaml (through the whole pipeline), a 10,000-term glossary giving
 * the same findings as a 10-term one, and the CNCF glossary's parallel pages
 * checked against a glossary built from their own titles.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import type {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {syntheticGlossary} from '../../bench/synthetic-glossary.js'
import {checkCrossFile} from '../../src/check/cross-file.js'
import {glossaryRules} from '../../src/check/glossary-rules.js'
import {createGlossary, parseGlossary} from '../../src/glossary/parse-glossary.js'
import type {Glossary, Term} from '../../src/glossary/types.js'
import {processArticle} from '../../src/pipeline.js'
import {sharedPath} from '../helpers.js'
import {check, onePair, root} from './helpers.js'

const projectGlossary = parseGlossary(readFileSync(path.join(root, 'glossary.yaml'), 'utf8'), 'glossary.yaml')
const seedPath = path.join(root, 'articles/kubernetes-intro-for-vmware-users.md')
// The seed in the shared folder must be the project's copy (read from there too, so a missing ../shared fails).
const seedBytes = readFileSync(sharedPath('seeds', 'kubernetes-intro-for-vmware-users.zh.mojibake.md'))

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
  it('is the project copy of the shared seed', () => {
    expect(Buffer.compare(readFileSync(seedPath), seedBytes)).toBe(0)
  })

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
    // Every message points at the exact span of the rendering.
    for (const message of file.messages.filter((item) => item.ruleId === 'glossary-forbidden')) {
      const end = message.place && 'end' in message.place ? message.place.end : undefined
      expect(end?.line).toBe(message.line)
      expect(text[(message.line ?? 1) - 1].slice((message.column ?? 1) - 1, (end?.column ?? 1) - 1)).toBe(message.actual)
    }
  }, 30_000)

  it('reports the kept product name, the translator’s two renderings and missing terms', async () => {
    const file = await lintSeed(projectGlossary)
    const lines = summary(file).filter(([ruleId]) => ruleId !== 'glossary-forbidden')
    expect(lines).toContainEqual(['glossary-keep', 91, 'Unexpected translation `工作站` of `Workstation`, keep `Workstation`'])
    expect(lines).toContainEqual(['glossary-missing', 105, 'Missing `管理平面` for `management plane`'])
    expect(lines).toContainEqual(['glossary-missing', 115, 'Missing `虚拟设备` for `virtual appliance`'])
    expect(lines).toContainEqual(['glossary-missing', 149, 'Missing `master` for `master`'])
    const inconsistent = lines.filter(([ruleId]) => ruleId === 'glossary-inconsistent').map(([, line, reason]) => `${line}: ${reason.replace(/ as in .*$/, '')}`)
    expect(inconsistent).toEqual([
      '163: Inconsistent `Service` for `Service`, expected `服务`',
      '203: Inconsistent `副本集` for `ReplicaSet`, expected `ReplicaSet`',
      '221: Inconsistent `Service` for `Service`, expected `服务`'
    ])
  }, 30_000)
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

describe('the CNCF glossary (75 EN/ZH page pairs)', () => {
  const dir = sharedPath('corpus', 'cncf-glossary')
  const names = readdirSync(path.join(dir, 'en')).filter((name) => name.endsWith('.md') && name !== '_index.md' && name !== 'search.md')

  function title(text: string): string {
    return /^title:\s*"?(.*?)"?\s*$/m.exec(text)?.[1] ?? ''
  }
  function body(text: string): string {
    return text.replace(/^---\n[\s\S]*?\n---\n/, '')
  }

  /** A glossary from the page titles: `Load Balancer` → `负载均衡器`, acronyms in parentheses dropped. */
  function titleGlossary(): {glossary: Glossary; pages: Array<{name: string; en: string; zh: string}>} {
    const terms: Term[] = []
    const pages: Array<{name: string; en: string; zh: string}> = []
    const seen = new Set<string>()
    for (const name of names) {
      const en = readFileSync(path.join(dir, 'en', name), 'utf8')
      const zh = readFileSync(path.join(dir, 'zh-cn', name), 'utf8')
      pages.push({name, en: body(en), zh: body(zh)})
      const enTerm = title(en).replace(/\s*\(.*\)\s*$/, '').trim()
      const zhTerm = title(zh).replace(/\s*[(（].*[)）]\s*$/, '').trim()
      if (!enTerm || !zhTerm || /^[A-Za-z ]+$/.test(zhTerm) || seen.has(enTerm.toLowerCase())) continue
      seen.add(enTerm.toLowerCase())
      terms.push({en: [enTerm], zh: [zhTerm], keep: false, forbid: [], case: false, examples: [], line: terms.length + 1})
    }
    return {glossary: createGlossary(terms, 'cncf-titles.yaml'), pages}
  }

  it('finds the title terms in the pages and checks their renderings', async () => {
    const {glossary, pages} = titleGlossary()
    expect(glossary.terms.length).toBeGreaterThan(60)
    let uses = 0
    const missing = new Map<string, number>()
    for (const page of pages) {
      // Each page pair is one unit: the pages translate each other, block counts drift.
      const markdown = `${page.en}\n\n${page.zh}`
      const file = await check(markdown, glossary, glossaryRules, {}, page.name, onePair(page.en.length + 2))
      uses += file.data.termUses?.length ?? 0
      for (const message of file.messages) {
        if (message.ruleId === 'glossary-missing') missing.set(message.actual ?? '', (missing.get(message.actual ?? '') ?? 0) + 1)
      }
    }
    if (process.env["BITEXT_DIAG"]) console.log("CNCF", uses, [...missing])
    // The community's approved renderings are used throughout the Chinese pages.
    expect(uses).toBeGreaterThan(100)
    // Known real drift: the horizontal-scaling page is titled 水平伸缩 but its body says 水平扩缩.
    expect([...missing.keys()].some((actual) => /horizontal scaling/i.test(actual))).toBe(true)
  }, 60_000)

  it('horizontal scaling: 水平扩缩 (the style guide) against 水平伸缩 (the title)', async () => {
    const glossary = parseGlossary('version: 1\nterms:\n  - en: horizontal scaling\n    zh: 水平扩缩\n    forbid: [水平伸缩]\n', 'g.yaml')
    const zh = body(readFileSync(path.join(dir, 'zh-cn', 'horizontal-scaling.md'), 'utf8'))
    const file = await check(zh, glossary, glossaryRules, {}, 'horizontal-scaling.md')
    expect(file.messages.map((message) => message.reason)).toContain('Unexpected `水平伸缩` for `horizontal scaling`, expected `水平扩缩`')
  })
})
