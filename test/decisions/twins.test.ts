/**
 * Twin decisions (`src/decisions/twins.ts`): the seed's three `号影` (line 203,
 * `卷影` in the original) are one decision, settled at once.
 */
import {describe, expect, it} from 'vitest'
import {location} from 'vfile-location'
import {anchorAt, settleDecisions, twinGroups, type SettleRequest} from '../../src/decisions/index.js'
import type {OpenDecision} from '../../src/types.js'

// Line 203 of the seed, as repaired, with a line before it.
const text = '前言\n我们在号影 VM 中重新执行它。如果出现故障，则号影 VM 会立即启动。然后来导入另一个号影 VM 实例。Kubernetes 中是，Kubernetes 中有。\n'

/** An open decision at the `nth` occurrence of `choice` after `after`. */
function decision(after: string, choice: string, others: string[]): OpenDecision {
  const start = text.indexOf(choice, text.indexOf(after) + after.length - 1)
  const end = start + choice.length
  const point = location(text).toPoint(start)!
  return {choice, others, confidence: 0.63, ...anchorAt(text, start, end), line: point.line, column: point.column, start, end}
}

const first = decision('我们在', '号', ['州', '卷', '偷'])
const second = decision('则', '号', ['州', '卷', '偷'])
const third = decision('另一个', '号', ['卷', '州', '偷'])
const inKubernetes = decision('Kubernetes ', '中', ['不', '与'])
const inKubernetesAgain = decision('是，Kubernetes ', '中', ['不', '与'])

function request(item: OpenDecision): SettleRequest {
  return {decision: item, line: item.line, column: item.column, endColumn: item.column + 1}
}

describe('twin decisions', () => {
  it('groups the same choice with the same candidates before the same Han character, and nothing else', () => {
    const groups = twinGroups(text, [inKubernetesAgain, third, first, inKubernetes, second])
    expect(groups.map((group) => group.map((item) => item.column))).toEqual([[first.column, second.column, third.column], [inKubernetes.column], [inKubernetesAgain.column]])
    // Other candidates: not the same damaged character.
    expect(twinGroups(text, [first, {...second, others: ['卷', '川']}]).length).toBe(2)
  })

  it('settles every twin with one --choose, and leaves the others open', () => {
    const result = settleDecisions(text, [first, second, third, inKubernetes].map(request), [], [{line: 2, column: second.column, text: '卷'}])
    expect(result.text).toBe(text.replaceAll('号影', '卷影'))
    expect(result.settled.map((item) => `${item.line}:${item.column}=${item.text}`)).toEqual([first, second, third].map((item) => `2:${item.column}=卷`))
    expect(result.remaining.map((item) => item.choice)).toEqual(['中'])
    expect(result.unmatched).toEqual([])
  })

  it('accepts every twin with one --accept', () => {
    const result = settleDecisions(text, [first, second, third].map(request), [], [{line: 2, column: first.column}])
    expect(result.text).toBe(text)
    expect(result.settled.length).toBe(3)
    expect(result.remaining).toEqual([])
  })
})
