/**
 * Table tests of the QA rules beyond their docs examples: edge cases and the
 * tolerances each rule promises.
 */
import {describe, expect, it} from 'vitest'
import {applyFixesForTest} from './fix-harness.js'
import {chineseNumeral, renderings} from '../../src/check/number-mismatch.js'
import {qaRules} from '../../src/check/qa-rules.js'
import {allRules} from '../../src/check/rules.js'
import type {Rule} from '../../src/check/rule.js'
import {contextOf, run} from './qa-harness.js'

const rule = (id: string): Rule => {
  const found = qaRules.find((candidate) => candidate.id === id)
  if (!found) throw new Error(`no rule ${id}`)
  return found
}

interface Table {
  valid: string[]
  invalid: Array<{md: string; messages: string[]}>
}

const tables: Record<string, Table> = {
  'repeated-text': {
    valid: [
      '> Routes.\n\n这些路由由 GCP 负责。\n',
      '> To know.\n\n为了了解这一点，我们人人都渐渐明白了。\n',
      '> One by one.\n\n我们一一对应，一个个地看看。\n',
      '> Often.\n\n我们常常试试，往往大大地省事，许许多多的人都渐渐明白了。\n',
      '> He had had enough, that that is it.\n\n他受够了。\n'
    ],
    invalid: [
      {md: '> It it is.\n\n是是吗？\n', messages: ['1:3-1:8: Unexpected repeated word `It`, remove one', '3:1-3:3: Unexpected repeated `是` in `是是`, remove one']},
      {md: '> We we go.\n\n我们我们走。\n', messages: ['1:3-1:8: Unexpected repeated word `We`, remove one', '3:1-3:5: Unexpected repeated `我们` in `我们我们`, remove one']}
    ]
  },
  'number-mismatch': {
    valid: [
      '> Kubernetes Introduction – Part 1: The Theory\n\n给 VMware 用户的 Kubernetes 简介——第一部分：理论\n',
      '> We see 10.140.0.0/24 and port 80.\n\n我们看到 10.140.0.0/24 和端口 80。\n',
      '> It costs 1,000 dollars.\n\n它花费 1000 美元。\n',
      '> Reach it via `10.0.0.1` or [here](https://example.com/v2/99).\n\n通过 `10.0.0.1` 或[这里](https://example.com/v2/99)访问。\n',
      '> K8s runs on eth0 and svc2.\n\nK8s 运行在 eth0 和 svc2 上。\n'
    ],
    invalid: [
      {md: '> Reach 10.40.1.0/24 now.\n\n到达 10.40.1.0/25。\n', messages: ['1:9-1:21: Missing `10.40.1.0/24` in translation, found `10.40.1.0/25`, use `10.40.1.0/24` or its Chinese form']},
      {md: '> Back in 2003 I was a developer.\n\n早在 2013 年我是开发者。\n', messages: ['1:11-1:15: Missing `2003` in translation, found `2013`, use `2003` or its Chinese form']}
    ]
  },
  'link-mismatch': {
    valid: ['> ![](https://example.com/a.png)\n\n![](https://example.com/a.png)\n'],
    invalid: [
      {
        md: '> See ![diagram](https://example.com/a.png).\n\n见![图](https://example.com/b.png)。\n',
        messages: ['3:2-3:33: Unexpected image target `https://example.com/b.png`, expected `https://example.com/a.png`']
      }
    ]
  },
  'untranslated': {
    valid: ['> We use the Kubernetes API server and the kubectl tool.\n\n我们使用 Kubernetes API server 和 kubectl 工具。\n'],
    invalid: []
  },
  'markup-mismatch': {
    valid: ['> A **very** big *deal*.\n\n一件**非常***重大*的事。\n'],
    invalid: [{md: '> A **very** big deal.\n\n一件非常重大的事。\n', messages: ['1:5-1:13: Missing strong `very` in translation, add it']}]
  }
}

describe('QA rules: tables', () => {
  for (const [id, table] of Object.entries(tables)) {
    describe(id, () => {
      for (const md of table.valid) it(`valid: ${JSON.stringify(md)}`, () => expect(run(rule(id), md)).toEqual([]))
      for (const {md, messages} of table.invalid) it(`invalid: ${JSON.stringify(md)}`, () => expect(run(rule(id), md)).toEqual(messages))
    })
  }
})

describe('QA rules: registry', () => {
  it('registers every QA rule once, in all rules, with a kebab-case id', () => {
    const ids = qaRules.map((item) => item.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) {
      expect(id).toMatch(/^[a-z]+(?:-[a-z]+)*$/)
      expect(allRules.some((item) => item.id === id)).toBe(true)
    }
    expect(ids).toEqual([
      'no-translation', 'missing-translation', 'outdated-translation', 'untranslated', 'omission', 'link-mismatch', 'number-mismatch',
      'markup-mismatch', 'repeated-text', 'length-ratio', 'zh-typography', 'mojibake-uncertain', 'template-braces'
    ])
  })
})

describe('number-mismatch: localisation', () => {
  it('writes Chinese numerals', () => {
    expect([0, 4, 10, 12, 20, 24, 99].map(chineseNumeral)).toEqual(['零', '四', '十', '十二', '二十', '二十四', '九十九'])
  })
  it('accepts a century for a decade', () => {
    expect(renderings('2000', 's')).toContain('21 世纪')
    expect(renderings('1990', 's')).toContain('二十世纪')
  })
})

describe('fixes', () => {
  it('repeated-text and zh-typography fixes give the corrected text', () => {
    const md = '> Talk about the the cluster, 10 years.\n\n当谈到到集群时,快进10年。\n'
    const findings = [...rule('repeated-text').check(contextOf(md)), ...rule('zh-typography').check(contextOf(md))]
    expect(applyFixesForTest(md, findings.flatMap((finding) => (finding.fix ? [finding.fix] : [])))).toBe(
      '> Talk about the cluster, 10 years.\n\n当谈到集群时，快进 10 年。\n'
    )
  })
})
