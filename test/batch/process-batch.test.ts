import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {decodeOutputs, toResult, type ArticleResult} from '../../src/batch/article-result.js'
import {readEntry, writeEntry} from '../../src/batch/cache.js'
import {cacheStats, processBatch, processBatchAll, type BatchOptions} from '../../src/batch/process-batch.js'
import {findWorkerScript} from '../../src/batch/worker-pool.js'
import {createGlossary} from '../../src/glossary/parse-glossary.js'
import type {Term} from '../../src/glossary/types.js'
import {createPipeline, type PipelineOptions} from '../../src/pipeline.js'
import {projectRoot, seedPath, tempDir} from '../helpers.js'

const cleanText = fs.readFileSync(path.join(projectRoot, 'articles', 'rolling-updates-without-downtime.md'), 'utf8')

/** A folder of small clean articles (variants of the clean sample), plus the seed when asked. */
function corpus(count: number, withSeed = false): {dir: string; paths: string[]} {
  const dir = tempDir('bitext-batch-')
  const paths: string[] = []
  for (let index = 0; index < count; index++) {
    const file = path.join(dir, `post-${index}.md`)
    const text = cleanText.replace('slug: rolling-updates-without-downtime', `slug: post-${index}`).replace('## 译者说明', `## 译者说明 ${index}`)
    fs.writeFileSync(file, text)
    paths.push(file)
  }
  if (withSeed) {
    const file = path.join(dir, 'seed.md')
    fs.copyFileSync(seedPath, file)
    paths.push(file)
  }
  return {dir, paths}
}

function term(en: string, zh: string, forbid: string[] = []): Term {
  return {en: [en], zh: [zh], keep: false, forbid, case: false, examples: [], line: 1}
}

function options(dir: string, extra: Partial<BatchOptions> = {}): BatchOptions {
  return {jobs: 1, readFile: (file) => fs.readFileSync(file), displayPath: (file) => path.relative(dir, file), ...extra}
}

/** Results without the cache marker, outputs as strings (a cache hit's are bytes), for comparing runs. */
function plain(results: readonly ArticleResult[]): ArticleResult[] {
  return results.map(({cache, ...rest}) => (rest.data.outputs ? {...rest, data: {...rest.data, outputs: decodeOutputs(rest.data.outputs)}} : rest))
}

describe('processBatch', () => {
  it('in this thread (jobs 1) gives what the pipeline gives, and fails an unreadable article only', async () => {
    const {dir, paths} = corpus(2, true)
    const all = [...paths, path.join(dir, 'missing.md')]
    const results = await processBatchAll(all, options(dir))
    const pipeline = createPipeline({})
    const expected = await Promise.all(paths.map(async (file) => toResult(await pipeline.process(fs.readFileSync(file), path.relative(dir, file)))))
    expect(results.slice(0, 3)).toEqual(expected)
    expect(results[2]?.data.repairs?.length).toBeGreaterThan(100)
    expect(results[3]).toEqual({
      path: 'missing.md',
      messages: [expect.objectContaining({reason: 'Cannot read this file (ENOENT); check that it exists and that you may read it', ruleId: 'read', fatal: true})],
      data: {failed: true}
    })
  })

  it('on worker threads (jobs 2, sources through tsx) gives the same results, in input order', async () => {
    const {dir, paths} = corpus(7)
    const glossary = createGlossary([term('rolling update', '滚动更新'), term('replica', '副本', ['复制品'])], 'glossary.yaml')
    const pipeline: PipelineOptions = {glossary, settings: {'length-ratio': 'off'}}
    const single = await processBatchAll(paths, options(dir, {pipeline}))
    const fallbacks: string[] = []
    let ready = 0
    const parallel = await processBatchAll(paths, options(dir, {pipeline, jobs: 2, onFallback: (reason) => fallbacks.push(reason), onWorkerReady: () => ready++}))
    // Both workers started and said so once.
    expect(ready).toBe(2)
    expect(findWorkerScript()).toEqual({code: expect.stringContaining(new URL('../../src/batch/worker.ts', import.meta.url).href)})
    expect(fallbacks).toEqual([])
    expect(parallel.map((result) => result.path)).toEqual(paths.map((file) => path.relative(dir, file)))
    expect(parallel).toEqual(single)
    expect(single[0]?.data.termUses?.length).toBeGreaterThan(0)
  })

  it('returns only the articles of a shard; the shards together are the batch', async () => {
    const {dir, paths} = corpus(9)
    const whole = await processBatchAll(paths, options(dir, {pipeline: {emit: false}}))
    const parts = await Promise.all([1, 2, 3].map((index) => processBatchAll(paths, options(dir, {pipeline: {emit: false}, shard: {index, count: 3}}))))
    expect(parts.flat().sort((a, b) => (a.path < b.path ? -1 : 1))).toEqual(whole)
    expect(parts.every((part) => part.length < whole.length)).toBe(true)
  })

  it('reads ahead a bounded window only, however many articles there are', async () => {
    const {dir, paths} = corpus(12)
    let reads = 0
    const batch = processBatch(paths, options(dir, {lookahead: 1, readFile: (file) => (reads++, fs.readFileSync(file))}))
    const first = await batch.next()
    expect(first.value?.path).toBe('post-0.md')
    expect(reads).toBeLessThanOrEqual(2)
    await batch.next()
    expect(reads).toBeLessThanOrEqual(3)
    await batch.return(undefined)
  })
})

describe('processBatch with a cache', () => {
  it('answers unchanged articles from the cache and rebuilds only what changed', async () => {
    const {dir, paths} = corpus(5)
    const cacheDir = path.join(dir, 'cache')
    const glossary = createGlossary([term('rolling update', '滚动更新')], 'glossary.yaml')
    const base: PipelineOptions = {glossary, settings: {}, formats: ['md', 'html']}
    // A fixed fingerprint: others edit src/ while this runs, which would (rightly) invalidate the cache.
    const run = (pipeline: PipelineOptions, jobs = 1) => processBatchAll(paths, options(dir, {pipeline, cacheDir, jobs, fingerprint: 'test'}))

    const cold = await run(base)
    expect(cacheStats(cold)).toEqual({hits: 0, misses: 5})
    const warm = await run(base)
    expect(cacheStats(warm)).toEqual({hits: 5, misses: 0})
    expect(plain(warm)).toEqual(plain(cold))
    // A hit's outputs are the UTF-8 bytes of the pipeline's strings.
    expect(Object.values(warm[0]!.data.outputs!).every((content) => content instanceof Uint8Array)).toBe(true)

    // One article changed: only it is rebuilt.
    fs.appendFileSync(paths[3]!, '\n> One more line.\n\n再加一行。\n')
    const edited = await run(base)
    expect(edited.map((result) => result.cache)).toEqual(['hit', 'hit', 'hit', 'miss', 'hit'])
    expect(edited[3]?.value).toContain('再加一行')

    // The glossary, the rule settings or the formats changed: everything is rebuilt.
    const otherGlossary = createGlossary([term('rolling update', '滚动升级')], 'glossary.yaml')
    expect(cacheStats(await run({...base, glossary: otherGlossary}))).toEqual({hits: 0, misses: 5})
    expect(cacheStats(await run({...base, settings: {'length-ratio': 'off'}}))).toEqual({hits: 0, misses: 5})
    expect(cacheStats(await run({...base, formats: ['md']}))).toEqual({hits: 0, misses: 5})
    // Going back finds the earlier entries; workers write entries the same way.
    expect(cacheStats(await run(base, 2))).toEqual({hits: 5, misses: 0})
    expect(cacheStats(await run({...base, settings: {'repeated-text': 'off'}}, 2))).toEqual({hits: 0, misses: 5})
    expect(cacheStats(await run({...base, settings: {'repeated-text': 'off'}}))).toEqual({hits: 5, misses: 0})
    // No temporary files are left behind.
    const leftovers = fs.readdirSync(cacheDir, {recursive: true, withFileTypes: false}) as string[]
    expect(leftovers.filter((entry) => entry.endsWith('.tmp'))).toEqual([])
  })

  it('calls beforeProcessing once, before the first article the cache does not answer, and never when it answers them all', async () => {
    const {dir, paths} = corpus(3)
    const cacheDir = path.join(dir, 'cache')
    const run = async () => {
      const events: string[] = []
      for await (const result of processBatch(paths, options(dir, {pipeline: {formats: ['md']}, cacheDir, fingerprint: 'test', beforeProcessing: () => events.push('before')}))) {
        events.push(`${result.path} ${result.cache}`)
      }
      return events
    }
    expect(await run()).toEqual(['before', 'post-0.md miss', 'post-1.md miss', 'post-2.md miss'])
    expect(await run()).toEqual(['post-0.md hit', 'post-1.md hit', 'post-2.md hit'])
    fs.appendFileSync(paths[2]!, '\n> One more line.\n\n再加一行。\n')
    // Called before the changed article is processed (the hits before it may come out first or not).
    const edited = await run()
    expect(edited.filter((event) => event !== 'before')).toEqual(['post-0.md hit', 'post-1.md hit', 'post-2.md miss'])
    expect(edited.filter((event) => event === 'before')).toHaveLength(1)
    expect(edited.indexOf('before')).toBeLessThan(edited.indexOf('post-2.md miss'))
  })

  it('checks a cached page against the sanitizer unless the caller vouches for it or will not publish it', async () => {
    const {dir, paths} = corpus(2)
    const cacheDir = path.join(dir, 'cache')
    const run = (extra: Partial<BatchOptions> = {}) => processBatchAll(paths, options(dir, {pipeline: {formats: ['html']}, cacheDir, fingerprint: 'test', ...extra}))
    const cold = await run()
    const page = (result: ArticleResult | undefined) => decodeOutputs(result?.data.outputs ?? {})['index.html']
    const text = (html: string | Uint8Array) => decodeOutputs({html})['html']
    const genuine = page(cold[0])!
    // Forge the first article's entry with a valid digest: a script in its page.
    const entries = (fs.readdirSync(cacheDir, {recursive: true}) as string[]).map((name) => path.join(cacheDir, name)).filter((file) => file.endsWith('.json'))
    const entry = entries.find((file) => {
      const read = readEntry(file)
      return read.status === 'hit' && read.result.path === 'post-0.md'
    })!
    const read = readEntry(entry)
    if (read.status !== 'hit') throw new Error('no entry')
    const forged = genuine.replace('</article>', '<script>alert(1)</script></article>')
    writeEntry(entry, {...read.result, data: {...read.result.data, outputs: {'index.html': forged}}})

    // Vouched for (a page the last build published), or not to be published: taken as it is.
    const vouched = await run({trustedPage: (html) => text(html) === forged})
    expect(vouched.map((result) => result.cache)).toEqual(['hit', 'hit'])
    expect(page(vouched[0])).toBe(forged)
    const unpublished = await run({unpublished: (result) => result.path === 'post-0.md'})
    expect(unpublished.map((result) => result.cache)).toEqual(['hit', 'hit'])

    // Otherwise the sanitizer refuses it: built again, reported once, entry rewritten.
    const damaged: string[] = []
    const checked = await run({trustedPage: (html) => text(html) === genuine, onDamagedEntry: (shown, reason) => damaged.push(`${shown}: ${reason}`)})
    expect(damaged).toEqual(['post-0.md: its index.html is not a page bitext writes (the sanitizer would change it)'])
    expect(checked.map((result) => result.cache)).toEqual(['miss', 'hit'])
    expect(page(checked[0])).toBe(genuine)
    expect((await run()).map((result) => result.cache)).toEqual(['hit', 'hit'])
  })

  it('does not cache custom rules (their code is not part of the key)', async () => {
    const {dir, paths} = corpus(2)
    const cacheDir = path.join(dir, 'cache')
    const rule = {id: 'custom', group: 'qa' as const, defaultSetting: 'warn' as const, description: 'custom', check: () => []}
    const results = await processBatchAll(paths, options(dir, {pipeline: {rules: [rule]}, cacheDir, jobs: 2, fingerprint: 'test'}))
    expect(results.map((result) => result.cache)).toEqual([undefined, undefined])
    expect(fs.existsSync(cacheDir)).toBe(false)
  })
})
