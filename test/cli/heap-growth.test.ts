import {getHeapSpaceStatistics} from 'node:v8'
import {Worker} from 'node:worker_threads'
import {describe, expect, it} from 'vitest'
import {keepYoungGenerationSmall, limitHeapGrowth} from '../../src/cli/heap-growth.js'

/** The size of this thread's young generation (the semi-spaces in use), in MiB. */
function youngMb(): number {
  return getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')!.space_size / 2 ** 20
}

/** Allocate objects of which a third survives a while, as results passing through do. */
function churn(): number {
  let kept: Array<{index: number; text: string}> = []
  let count = 0
  for (let index = 0; index < 2e6; index++) {
    const object = {index, text: `x${index}`}
    if (index % 3 === 0) kept.push(object)
    if (kept.length > 50_000) {
      count += kept.length
      kept = []
    }
  }
  return count
}

/** The young generation of a new worker thread, in MiB. */
async function workerYoungMb(): Promise<number> {
  const code = `const v8 = require('node:v8'); require('node:worker_threads').parentPort.postMessage(v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size / 2 ** 20)`
  const worker = new Worker(code, {eval: true})
  const size = await new Promise<number>((resolve, reject) => {
    worker.once('message', resolve)
    worker.once('error', reject)
  })
  await worker.terminate()
  return size
}

describe('limitHeapGrowth', () => {
  it('leaves a growth factor given to node alone', () => {
    expect(limitHeapGrowth(['--heap-growing-percent=300'])).toBe(false)
    expect(limitHeapGrowth(['--max-old-space-size=512', '--heap-growing-percent', '50'])).toBe(false)
    // Nothing to keep small when the workers' young generation was not sized.
    expect(keepYoungGenerationSmall()).toBe(false)
  })

  it('sets one otherwise, once per process, and sizes the young generation of workers', async () => {
    const before = await workerYoungMb()
    expect(limitHeapGrowth(['--max-old-space-size=512'])).toBe(true)
    expect(limitHeapGrowth([])).toBe(false)
    // A new thread's young generation starts at one semi-space of 1 MiB;
    // from now on, at 16 MiB (committed as it is used).
    expect(before).toBeLessThan(16)
    expect(await workerYoungMb()).toBe(16)
  })

  it('then stops this thread’s young generation from growing, after each worker starts', async () => {
    await workerYoungMb()
    expect(keepYoungGenerationSmall()).toBe(true)
    const size = youngMb()
    expect(churn()).toBeGreaterThan(0)
    expect(youngMb()).toBe(size)
    expect(size).toBeLessThan(16)
  })
})
