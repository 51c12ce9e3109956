/**
 * Rule tables of the glossary checks: valid documents give no message,
 * invalid ones give exactly the listed messages at the listed ZH spans.
 */
import {describe, expect, it} from 'vitest'
import {glossaryForbidden} from '../../src/check/glossary-forbidden.js'
import {glossaryKeep} from '../../src/check/glossary-keep.js'
import {glossaryMissing} from '../../src/check/glossary-missing.js'
import type {Rule} from '../../src/check/rule.js'
import {inSense} from '../../src/glossary/analyze.js'
import {parseGlossary} from '../../src/glossary/parse-glossary.js'
import type {Term} from '../../src/glossary/types.js'
import {bilingual, check, messages} from './helpers.js'

const glossary = parseGlossary(
  `version: 1
terms:
  - en: cluster
    zh: 集群
    forbid: [群集]
    note: vSphere clusters are 集群 too
  - en: virtual cluster
    zh: 虚拟集群
  - en: [pod]
    keep: true
    zh: [容器组]
    forbid: [豆荚, 吊舱]
  - en: ReplicaSet
    zh: [副本集, ReplicaSet]
  - en: load balancer
    zh: 负载均衡器
    forbid: [负载平衡器]
  - en: desired state
    zh: 期望状态
  - en: Service
    zh: 服务
    case: true
  - zh: Kubernetes
    forbid: [Kubernates, Kuberentes]
    examples:
      - {zh: 在 Kubernates 中, valid: false}
      - {zh: 在 Kubernetes 中, valid: true}
`,
  'glossary.yaml'
)

interface Table {
  rule: Rule
  valid: Array<[string, string]>
  invalid: Array<{en: string; zh: string; messages: string[]}>
}

const tables: Table[] = [
  {
    rule: glossaryForbidden,
    valid: [
      ['The cluster runs.', '集群在运行。'],
      ['Kubernetes is here.', 'Kubernetes 在这里。'],
      // Inside code, URLs and link targets nothing is searched.
      ['Run `kubectl`.', '运行 `群集`，见 [文档](https://example.com/群集)。'],
      ['See https://example.com/Kubernates here.', '见 https://example.com/Kubernates 。']
    ],
    invalid: [
      {en: 'The cluster runs.', zh: '群集在运行。', messages: ['3:1-3:3: Unexpected `群集` for `cluster`, expected `集群`']},
      {en: 'In Kubernetes.', zh: '在 Kuberentes 中。', messages: ['3:3-3:13: Unexpected `Kuberentes`, expected `Kubernetes`']},
      {
        en: 'Pods are small.',
        zh: 'Pod 不是豆荚，也不是吊舱。',
        messages: ['3:7-3:9: Unexpected `豆荚` for `pod`, expected `pod`', '3:13-3:15: Unexpected `吊舱` for `pod`, expected `pod`']
      },
      // In link text, forbidden renderings are found.
      {en: 'A [cluster](https://x.io).', zh: '一个[群集](https://x.io)。', messages: ['3:4-3:6: Unexpected `群集` for `cluster`, expected `集群`']}
    ]
  },
  {
    rule: glossaryMissing,
    valid: [
      ['The clusters run.', '这些集群在运行。'],
      // Inflections and case.
      ['Two Load-Balancers and the desired states.', '两个负载均衡器和期望状态。'],
      ['Our pods.', '我们的 Pod。'],
      ['ReplicaSets scale.', 'ReplicaSet 会扩缩。'],
      ['ReplicaSets scale.', '副本集会扩缩。'],
      // A forbidden rendering is reported by glossary-forbidden, not twice.
      ['The cluster.', '群集。'],
      // Case-sensitive term: `service` in lower case is not the term.
      ['A web service.', '一个网站。'],
      // No spaces needed around Latin words in Chinese.
      ['The pods.', '这些Pod。']
    ],
    invalid: [
      {en: 'The clusters run.', zh: '它们在运行。', messages: ['3:1-3:7: Missing `集群` for `clusters`, translate it as `集群`']},
      {en: 'A Service.', zh: '一个东西。', messages: ['3:1-3:6: Missing `服务` for `Service`, translate it as `服务`']},
      {en: 'Many pods.', zh: '很多东西。', messages: ['3:1-3:6: Missing English `pods` in the translation, keep it as `pod`']},
      {en: 'ReplicaSets.', zh: '复制集。', messages: ['3:1-3:5: Missing `副本集` or `ReplicaSet` for `ReplicaSets`, translate it as `副本集` or `ReplicaSet`']},
      // The longer term wins on both sides: `virtual cluster` is not also a `cluster`.
      {en: 'A virtual cluster.', zh: '一个虚拟的群。', messages: ['3:1-3:8: Missing `虚拟集群` for `virtual cluster`, translate it as `虚拟集群`']}
    ]
  },
  {
    rule: glossaryKeep,
    valid: [
      ['The pods.', '这些 Pod（容器组）。'],
      ['The pods.', '这些 pods。'],
      ['No term here.', '容器组。']
    ],
    invalid: [
      {
        en: 'Each pod gets an IP.',
        zh: '每个容器组获得一个 IP。',
        messages: ['3:3-3:6: Unexpected translation `容器组` of `pod`, keep `pod`']
      }
    ]
  }
]

describe.each(tables)('$rule.id', ({rule, valid, invalid}) => {
  it.each(valid)('valid: %s / %s', async (en, zh) => {
    const file = await check(bilingual([en, zh]), glossary, [rule])
    expect(messages(file)).toEqual([])
  })
  it.each(invalid)('invalid: $en / $zh', async ({en, zh, messages: expected}) => {
    const file = await check(bilingual([en, zh]), glossary, [rule])
    expect(messages(file)).toEqual(expected)
    for (const message of file.messages) {
      expect(message.ruleId).toBe(rule.id)
      expect(message.source).toBe('bitext')
      expect(message.actual).toBeTypeOf('string')
      expect(message.expected?.length).toBeGreaterThan(0)
    }
  })
})

describe('severity and details', () => {
  it('glossary-forbidden is an error with a fix and the note', async () => {
    const markdown = bilingual(['The cluster runs.', '群集在运行。'])
    const file = await check(markdown, glossary, [glossaryForbidden])
    const [message] = file.messages
    expect(message.fatal).toBe(true)
    expect(message.actual).toBe('群集')
    expect(message.expected).toEqual(['集群'])
    expect(message.note).toBe('vSphere clusters are 集群 too')
    expect(message.url).toBe('docs/rules/glossary-forbidden.md')
    expect(file.data.fixes).toEqual([{range: [markdown.indexOf('群集'), markdown.indexOf('群集') + 2], text: '集群'}])
  })
  it('a rendering split by markup is found, shown as read, and not rewritten', async () => {
    const file = await check(bilingual(['The cluster.', '一个[群](https://x.io)集。']), glossary, [glossaryForbidden])
    expect(messages(file)).toEqual(['3:4-3:21: Unexpected `群集` for `cluster`, expected `集群`'])
    expect(file.messages[0].actual).toBe('群集')
    expect(file.data.fixes).toEqual([])
  })
  it('glossary-missing and glossary-keep are warnings', async () => {
    const file = await check(bilingual(['The clusters.', '它们。'], ['A pod.', '一个容器组。']), glossary, [glossaryMissing, glossaryKeep])
    expect(file.messages.map((message) => [message.ruleId, message.fatal])).toEqual([
      ['glossary-missing', false],
      ['glossary-keep', false]
    ])
  })
  it('a Chinese-only block is checked for forbidden renderings only', async () => {
    const file = await check('群集很好。\n', glossary, [glossaryForbidden, glossaryMissing])
    expect(messages(file)).toEqual(['1:1-1:3: Unexpected `群集` for `cluster`, expected `集群`'])
  })
  it('no glossary: no findings', async () => {
    const file = await check(bilingual(['The cluster.', '群集。']), {path: 'none', terms: []}, [glossaryForbidden, glossaryMissing])
    expect(file.messages).toEqual([])
  })
})

describe('the sense of a term: when and unless', () => {
  const senses = parseGlossary(
    `version: 1
terms:
  - en: image
    zh: 镜像
    when: [container, registry, pull]
    unless: [screenshot]
  - en: K8s
    keep: true
`,
    'glossary.yaml'
  )

  it('counts the term only with one of its when words, and never with an unless word', async () => {
    const file = await check(
      bilingual(
        ['Pull the image from the registry.', '从仓库拉取映像。'],
        ['A local image follows.', '下面是一张本地图片。'],
        ['Container images are layered.', '容器映像是分层的。'],
        ['The screenshot shows the image of a container.', '截图显示了一个容器的图片。']
      ),
      senses,
      [glossaryMissing]
    )
    expect(messages(file)).toEqual(['3:1-3:9: Missing `镜像` for `image`, translate it as `镜像`', '11:1-11:10: Missing `镜像` for `images`, translate it as `镜像`'])
  })

  it('finds any when or unless word: whole words, any case, -s/-es/-ed/-d/-ing forms, - and spaces alike', () => {
    const term: Term = {en: ['image'], zh: ['镜像'], keep: false, forbid: [], case: false, examples: [], line: 1, when: ['container', 'pull request', 'Docker-file'], unless: ['logo', 'photo']}
    const cases: Array<[string, boolean]> = [
      ['Containers run here.', true],
      ['containerd runs here.', true],
      ['Open a PULL-REQUESTS list.', true],
      ['Write a docker  file.', true],
      ['Containerize it.', false],
      ['A subcontainer.', false],
      ['pull the request', false],
      ['The container logos.', false],
      ['A photo of a container.', false],
      ['Nothing here.', false]
    ]
    expect(cases.map(([text]) => inSense(term, text))).toEqual(cases.map(([, expected]) => expected))
    expect(inSense({...term, when: []}, 'Nothing here.')).toBe(true)
    expect(inSense({...term, when: [], unless: []}, 'A photo.')).toBe(true)
  })

  it('says to keep a keep term in English, not that it is missing for itself', async () => {
    const file = await check(bilingual(['K8s runs pods.', '它运行容器组。']), senses, [glossaryMissing])
    expect(messages(file)).toEqual(['3:1-3:8: Missing English `K8s` in the translation, keep it as `K8s`'])
  })

  it('refuses when/unless on a term without English', () => {
    expect(() => parseGlossary('version: 1\nterms:\n  - zh: 镜像\n    when: [container]\n', 'glossary.yaml')).toThrow(
      'glossary.yaml:4:11: `when` needs the English form in `en`: it names words of the English side'
    )
  })
})
