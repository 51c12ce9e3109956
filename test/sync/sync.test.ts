import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {syncTranslation, toSyncJson, unchangedByLines, type SyncResult} from '../../src/sync/index.js'
import {projectRoot} from '../helpers.js'

const fixture = (name: string, file: string): string => fs.readFileSync(path.join(projectRoot, 'test/fixtures/sync', name, file), 'utf8')

/** Status, stored line, source line, Chinese line of every unit. */
function brief(result: SyncResult): Array<[string, number | null, number | null, number | null]> {
  return toSyncJson(result).units.map((unit) => [unit.status, unit.stored?.line ?? null, unit.source?.line ?? null, unit.zh?.line ?? null])
}

describe('syncTranslation: the comment convention', () => {
  const result = syncTranslation(fixture('comment', 'zh.md'), fixture('comment', 'en.md'))

  it('gives every stored and source paragraph one status, lines at the text', () => {
    expect(result.convention).toBe('comment')
    expect(brief(result)).toEqual([
      ['current', 10, 6, 15],
      ['cosmetic', 12, 8, 17],
      ['cosmetic', 20, 10, 22],
      ['changed', 25, 12, 27],
      ['removed', 30, null, 32],
      ['new', null, 14, null],
      ['current', 34, 16, 34]
    ])
  })

  it('shows the word diff of a changed pair', () => {
    expect(toSyncJson(result).units[3].diff).toBe(
      'It is not necessary to use multiple namespaces to separate [-slightly different resources-]{+resources that differ only slightly+}.'
    )
    expect(toSyncJson(result).units[3].zh?.text).toBe('不必使用多个名字空间来分隔仅仅轻微不同的资源。')
  })
})

describe('syncTranslation: the quote convention', () => {
  it('reads the English kept in `>` quotes', () => {
    const result = syncTranslation(fixture('quote', 'zh.md'), fixture('quote', 'en.md'))
    expect(result.convention).toBe('quote')
    expect(brief(result)).toEqual([
      ['current', 5, 5, 7],
      ['cosmetic', 9, 7, 12],
      ['changed', 14, 9, 16],
      ['removed', 18, null, 20],
      ['new', null, 11, null]
    ])
  })
})

/** A one-pair translation in the comment convention. */
const pair = (english: string, chinese = '中文的翻译在这里。'): string => `<!--\n${english}\n-->\n${chinese}\n`
const statuses = (zh: string, en: string): string[] => syncTranslation(zh, en).units.map((unit) => unit.status)

describe('what is cosmetic and what is changed', () => {
  const stored = 'The "scheduler" assigns each Pod to a [node](/docs/nodes/), one at a time.'

  it.each([
    ['the same text', stored, 'current'],
    ['rewrapped', 'The "scheduler" assigns each Pod\nto a [node](/docs/nodes/),\none at a time.', 'cosmetic'],
    ['more spaces', 'The  "scheduler"   assigns each Pod to a [node](/docs/nodes/), one at a time. ', 'cosmetic'],
    ['typographic quotes', 'The “scheduler” assigns each Pod to a [node](/docs/nodes/), one at a time.', 'cosmetic'],
    ['a link target', 'The "scheduler" assigns each Pod to a [node](/docs/concepts/architecture/nodes/), one at a time.', 'cosmetic'],
    ['a word', 'The "scheduler" assigns every Pod to a [node](/docs/nodes/), one at a time.', 'changed'],
    ['link text', 'The "scheduler" assigns each Pod to a [worker node](/docs/nodes/), one at a time.', 'changed'],
    ['emphasis', 'The "scheduler" assigns *each* Pod to a [node](/docs/nodes/), one at a time.', 'changed'],
    ['inline code', 'The "scheduler" assigns each `Pod` to a [node](/docs/nodes/), one at a time.', 'changed'],
    ['a number', 'The "scheduler" assigns each Pod to a [node](/docs/nodes/), two at a time.', 'changed']
  ])('%s', (_name, source, status) => {
    expect(statuses(pair(stored), `${source}\n`)).toEqual([status])
  })

  it('a paragraph split in two, or two merged, with the same words is cosmetic', () => {
    const zh = `${pair('First sentence of the paragraph here.')}\n${pair('Second sentence follows right after.')}`
    expect(statuses(zh, 'First sentence of the paragraph here. Second sentence follows right after.\n')).toEqual(['cosmetic', 'cosmetic'])
    const merged = pair('First sentence of the paragraph here. Second sentence follows right after.')
    expect(statuses(merged, 'First sentence of the paragraph here.\n\nSecond sentence follows right after.\n')).toEqual(['cosmetic', 'cosmetic'])
  })

  it('shortcode lines around the text are markup, not English', () => {
    const zh = `{{< note >}}\n${pair('Avoid creating namespaces with the prefix `kube-`.', '避免使用前缀 `kube-` 创建名字空间。')}{{< /note >}}\n`
    const result = syncTranslation(zh, '{{< note >}}\nAvoid creating namespaces with the prefix `kube-`.\n{{< /note >}}\n')
    expect(brief(result)).toEqual([['current', 3, 2, 5]])
  })

  it('a code block kept with its comments translated is current', () => {
    const zh = `${pair('Run this:', '运行：')}\n\`\`\`shell\n# 列出名字空间\nkubectl get namespace <名字空间>\n\`\`\`\n`
    expect(statuses(zh, 'Run this:\n\n```shell\n# list the namespaces\nkubectl get namespace <name>\n```\n')).toEqual(['current', 'current'])
    expect(statuses(zh, 'Run this:\n\n```shell\n# list the namespaces\nkubectl get ns <name>\n```\n')).toEqual(['current', 'changed'])
  })

  it('reads the English of a code block from the comment before it', () => {
    const zh = `<!--\n\`\`\`\n# minute (0 - 59)\n\`\`\`\n-->\n\`\`\`\n# 分钟 (0 - 59)\n\`\`\`\n`
    expect(brief(syncTranslation(zh, '```\n# minute (0 - 59)\n```\n'))).toEqual([['current', 2, 1, 6]])
    expect(brief(syncTranslation(zh, '```\n# minute (0 - 60)\n```\n'))).toEqual([['changed', 2, 1, 6]])
  })

  it('pairs a repeated short paragraph by its place', () => {
    const zh = `${pair('For example:', '例如：')}\n${pair('Pods run containers on nodes of the cluster.', 'Pod 在集群的节点上运行容器。')}\n${pair('For example:', '例如：')}\n`
    expect(statuses(zh, 'For example:\n\nPods run many containers on nodes of the cluster.\n\nFor example:\n')).toEqual(['current', 'changed', 'current'])
  })

  it('a paragraph rewritten beyond recognition is removed and new', () => {
    expect(statuses(pair('Namespaces cannot be nested inside one another.'), 'Quotas limit what a team may use.\n')).toEqual(['removed', 'new'])
  })
})

describe('the fast path', () => {
  it('decides only when the stored English is the source line for line', () => {
    const zh = `---\ntitle: 例\n---\n<!--\ntitle: Example\nweight: 10\n-->\n\n<!-- overview -->\n\n${pair('One paragraph of English text.')}\n{{< note >}}\n${pair('A note in English.')}{{< /note >}}\n`
    const en = '---\ntitle: Example\nweight: 10\n---\n<!-- overview -->\n\nOne paragraph of English text.\n\n{{< note >}}\nA note in English.\n{{< /note >}}\n'
    expect(unchangedByLines(zh, en)).toBe(true)
    expect(syncTranslation(zh, en, {fast: true})).toEqual({units: [], convention: 'comment', fast: true})
    expect(syncTranslation(zh, en).units.map((unit) => unit.status)).toEqual(['current', 'current'])
    expect(unchangedByLines(zh, en.replace('One paragraph', 'One  paragraph'))).toBe(false)
    expect(unchangedByLines(zh, en.replace('One paragraph of English text.', 'One paragraph of\nEnglish text.'))).toBe(false)
    expect(unchangedByLines(zh, `${en}\nA new paragraph.\n`)).toBe(false)
    expect(unchangedByLines(zh, en.replace('A note in English.', 'A note in English!'))).toBe(false)
  })
})
