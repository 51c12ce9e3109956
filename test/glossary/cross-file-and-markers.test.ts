/**
 * glossary-inconsistent across files, and comment markers switching the
 * glossary messages off.
 */
import {describe, expect, it} from 'vitest'
import {applyMarkers, checkCrossFile} from '../../src/check/cross-file.js'
import {needsMarkers, reportInconsistentRenderings} from '../../src/check/inconsistent-renderings.js'
import {glossaryRules} from '../../src/check/glossary-rules.js'
import {parseGlossary} from '../../src/glossary/parse-glossary.js'
import {bilingual, check, messages} from './helpers.js'

const glossary = parseGlossary(
  `version: 1
terms:
  - en: cluster
    zh: 集群
    forbid: [群集]
  - en: ReplicaSet
    zh: [副本集, ReplicaSet]
  - en: Dashboard
    zh: [仪表盘, 仪表板]
`,
  'glossary.yaml'
)

describe('glossary-inconsistent', () => {
  it('records approved uses without a message', async () => {
    const file = await check(bilingual(['The ReplicaSets.', '这些副本集。']), glossary, glossaryRules)
    expect(file.messages).toEqual([])
    expect(file.data.termUses).toEqual([{term: 'ReplicaSet', rendering: '副本集', line: 3, column: 3, endLine: 3, endColumn: 6}])
  })

  it('warns at each use of the less used rendering, naming the places of the usual one', async () => {
    const a = await check(bilingual(['The ReplicaSets.', '这些副本集。'], ['A Dashboard.', '一个仪表盘。']), glossary, glossaryRules, {}, 'a.md')
    const b = await check(bilingual(['A ReplicaSet.', '一个副本集。'], ['My ReplicaSet.', '我的 ReplicaSet。'], ['A Dashboard.', '一个仪表盘。']), glossary, glossaryRules, {}, 'b.md')
    expect(checkCrossFile([a, b])).toBe(1)
    expect(messages(a)).toEqual([])
    expect(messages(b)).toEqual(['7:4-7:14: Inconsistent `ReplicaSet` for `ReplicaSet`, expected `副本集` as in a.md:3:3, b.md:3:3'])
    const [message] = b.messages
    expect(message.ruleId).toBe('glossary-inconsistent')
    expect(message.fatal).toBe(false)
    expect(message.actual).toBe('ReplicaSet')
    expect(message.expected).toEqual(['副本集'])
    expect(message.note).toBe('`ReplicaSet` is rendered `副本集` 2 times and `ReplicaSet` 1 time in the checked files')
  })

  it('names at most three places', async () => {
    const pairs: Array<[string, string]> = [
      ...Array.from({length: 5}, (): [string, string] => ['A ReplicaSet.', '一个副本集。']),
      ['A ReplicaSet.', '一个 ReplicaSet。']
    ]
    const file = await check(bilingual(...pairs), glossary, glossaryRules, {}, 'a.md')
    checkCrossFile([file])
    expect(messages(file)).toEqual(['23:4-23:14: Inconsistent `ReplicaSet` for `ReplicaSet`, expected `副本集` as in a.md:3:3, a.md:7:3, a.md:11:3 and 2 more'])
  })

  it('follows the configured severity, and does nothing when off', async () => {
    const make = () => check(bilingual(['A ReplicaSet.', '一个副本集。'], ['A ReplicaSet.', '一个 ReplicaSet。']), glossary, glossaryRules)
    const error = await make()
    checkCrossFile([error], {settings: {'glossary-inconsistent': 'error'}})
    expect(error.messages.map((message) => message.fatal)).toEqual([true])
    const off = await check(bilingual(['A ReplicaSet.', '一个副本集。'], ['A ReplicaSet.', '一个 ReplicaSet。']), glossary, glossaryRules, {'glossary-inconsistent': 'off'})
    expect(off.data.termUses).toEqual([])
    expect(checkCrossFile([off], {settings: {'glossary-inconsistent': 'off'}})).toBe(0)
  })
})

describe('comment markers', () => {
  const pair = (zh: string): [string, string] => ['The cluster.', zh]

  it('bitext-disable / bitext-enable switch a rule off between them', async () => {
    const markdown = [
      bilingual(pair('群集。')),
      '<!-- bitext-disable glossary-forbidden -->\n',
      bilingual(pair('群集。')),
      '<!-- bitext-enable glossary-forbidden -->\n',
      bilingual(pair('群集。'))
    ].join('\n')
    const file = await check(markdown, glossary, glossaryRules)
    expect(messages(file)).toEqual([
      '3:1-3:3: Unexpected `群集` for `cluster`, expected `集群`',
      '15:1-15:3: Unexpected `群集` for `cluster`, expected `集群`'
    ])
  })

  it('bitext-disable-next-line switches off the next block only', async () => {
    const markdown = ['> The clusters.\n', '<!-- bitext-disable-next-line glossary-missing -->\n', '它们。\n', '> The clusters.\n', '它们。\n'].join('\n')
    const file = await check(markdown, glossary, glossaryRules)
    expect(messages(file)).toEqual(['9:1-9:4: Missing `集群` for `clusters`, translate it as `集群`'])
  })

  it('a marker for another rule leaves the message', async () => {
    const markdown = ['<!-- bitext-disable glossary-missing -->\n', bilingual(pair('群集。'))].join('\n')
    const file = await check(markdown, glossary, glossaryRules)
    expect(messages(file)).toEqual(['5:1-5:3: Unexpected `群集` for `cluster`, expected `集群`'])
  })

  it('markers apply to files without a tree (rebuilt from batch results)', async () => {
    const markdown = markedDocument()
    const file = await check(markdown, glossary, glossaryRules)
    delete file.data.tree
    expect(checkCrossFile([file])).toBe(2)
    expect(messages(file)).toEqual(['17:4-17:14: Inconsistent `ReplicaSet` for `ReplicaSet`, expected `副本集` as in doc.md:3:3, doc.md:7:3'])
  })

  it('the comparison alone gives the messages before markers, and names the files whose markers must be read', async () => {
    const markdown = markedDocument()
    const marked = await check(markdown, glossary, glossaryRules, {}, 'marked.md')
    delete marked.data.tree
    const plain = await check(bilingual(['A ReplicaSet.', '一个副本集。'], ['A ReplicaSet.', '一个副本集。'], ['A ReplicaSet.', '一个 ReplicaSet。']), glossary, glossaryRules, {}, 'plain.md')
    delete plain.data.tree
    const {added, touched} = reportInconsistentRenderings([marked, plain])
    expect(added).toBe(3)
    expect([...touched].map((file) => file.path)).toEqual(['marked.md', 'plain.md'])
    const expected = 'expected `副本集` as in marked.md:3:3, marked.md:7:3, plain.md:3:3 and 1 more'
    expect(messages(marked)).toEqual([`13:4-13:14: Inconsistent \`ReplicaSet\` for \`ReplicaSet\`, ${expected}`, `17:4-17:14: Inconsistent \`ReplicaSet\` for \`ReplicaSet\`, ${expected}`])
    expect(messages(plain)).toEqual([`11:4-11:14: Inconsistent \`ReplicaSet\` for \`ReplicaSet\`, ${expected}`])
    // Only the file with a marker in its text needs the parser; a file with a tree always reads it.
    expect([marked, plain].map((file) => needsMarkers(file))).toEqual([true, false])
    expect(needsMarkers(await check(bilingual(['A ReplicaSet.', '一个副本集。']), glossary, glossaryRules))).toBe(true)
    applyMarkers([marked])
    expect(messages(marked)).toEqual([`17:4-17:14: Inconsistent \`ReplicaSet\` for \`ReplicaSet\`, ${expected}`])
  })

  it('markers apply to cross-file messages too', async () => {
    const markdown = [
      bilingual(['A ReplicaSet.', '一个副本集。'], ['A ReplicaSet.', '一个副本集。']),
      '<!-- bitext-disable glossary-inconsistent -->\n',
      bilingual(['A ReplicaSet.', '一个 ReplicaSet。'])
    ].join('\n')
    const file = await check(markdown, glossary, glossaryRules)
    expect(checkCrossFile([file])).toBe(1)
    expect(file.messages).toEqual([])
  })
})

/** Two renderings of ReplicaSet as 副本集, then one marked to be left alone, then one that is not. */
function markedDocument(): string {
  return [
    bilingual(['A ReplicaSet.', '一个副本集。'], ['A ReplicaSet.', '一个副本集。']),
    '> A ReplicaSet.\n',
    '<!-- bitext-disable-next-line glossary-inconsistent -->\n',
    '一个 ReplicaSet。\n',
    bilingual(['A ReplicaSet.', '一个 ReplicaSet。'])
  ].join('\n')
}
