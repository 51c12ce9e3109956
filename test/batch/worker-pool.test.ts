import {describe, expect, it} from 'vitest'
import type {ArticleResult} from '../../src/batch/article-result.js'
import {createWorkerPool, type PoolTask} from '../../src/batch/worker-pool.js'

const fixture = (name: string) => ({url: new URL(`../fixtures/batch/${name}`, import.meta.url)})
const task = (path: string): PoolTask => ({path, bytes: new TextEncoder().encode(`text of ${path}`)})
const inThisThread = async (item: PoolTask): Promise<ArticleResult> => ({path: item.path, messages: [], data: {slug: 'fallback'}})

describe('createWorkerPool', () => {
  it('runs tasks on workers and returns each result to its task', async () => {
    const pool = createWorkerPool(fixture('echo-worker.mjs'), {spec: {formats: ['md']}}, 2, inThisThread)
    const names = Array.from({length: 9}, (_, index) => `${index}.md`)
    const results = await Promise.all(names.map((name) => pool.run(task(name))))
    await pool.close()
    expect(results.map((result) => [result.path, result.value, result.data.slug])).toEqual(names.map((name) => [name, `text of ${name}`, 'md']))
  })

  it('fails only the article of a crashed worker, then goes on with a new worker', async () => {
    const pool = createWorkerPool(fixture('echo-worker.mjs'), {spec: {formats: ['html']}}, 1, inThisThread)
    const results = await Promise.all(['a.md', 'crash.md', 'b.md', 'exit.md', 'c.md'].map((name) => pool.run(task(name))))
    await pool.close()
    expect(results.map((result) => [result.path, result.data.failed ?? false, result.messages.map((message) => message.ruleId)])).toEqual([
      ['a.md', false, []],
      ['crash.md', true, ['internal-error']],
      ['b.md', false, []],
      ['exit.md', true, ['internal-error']],
      ['c.md', false, []]
    ])
    expect(results[1]?.messages[0]?.reason).toBe('Could not process this article: boom; this is a bug in bitext, please report it with the article')
    expect(results[3]?.messages[0]?.reason).toBe('Could not process this article: worker stopped with exit code 3; this is a bug in bitext, please report it with the article')
    expect(results[1]?.messages[0]?.fatal).toBe(true)
  })

  it('hands every task to the fallback when workers cannot start', async () => {
    const reasons: string[] = []
    const pool = createWorkerPool(fixture('broken-worker.mjs'), {spec: {}}, 2, inThisThread, (error) => reasons.push(error.message))
    const results = await Promise.all(['a.md', 'b.md', 'c.md'].map((name) => pool.run(task(name))))
    expect(results.map((result) => [result.path, result.data.slug])).toEqual([
      ['a.md', 'fallback'],
      ['b.md', 'fallback'],
      ['c.md', 'fallback']
    ])
    expect((await pool.run(task('d.md'))).data.slug).toBe('fallback')
    await pool.close()
    expect(reasons).toEqual(['cannot start'])
  })
})
