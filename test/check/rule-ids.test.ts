import {describe, expect, it} from 'vitest'
import {ruleIds} from '../../src/check/rule-ids.js'
import {allRules} from '../../src/check/rules.js'

describe('ruleIds', () => {
  it('lists every rule of allRules, in the same order', () => {
    expect(ruleIds).toEqual(allRules.map((rule) => rule.id))
  })
})
