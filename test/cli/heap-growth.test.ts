import {describe, expect, it} from 'vitest'
import {limitHeapGrowth} from '../../src/cli/heap-growth.js'

describe('limitHeapGrowth', () => {
  it('leaves a growth factor given to node alone', () => {
    expect(limitHeapGrowth(['--heap-growing-percent=300'])).toBe(false)
    expect(limitHeapGrowth(['--max-old-space-size=512', '--heap-growing-percent', '50'])).toBe(false)
  })

  it('sets one otherwise, once per process', () => {
    expect(limitHeapGrowth(['--max-old-space-size=512'])).toBe(true)
    expect(limitHeapGrowth([])).toBe(false)
  })
})
