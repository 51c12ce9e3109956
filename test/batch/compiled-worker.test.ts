/**
 * The path the CLI takes after `npm run build`: compiled code, whose workers
 * load `lib/batch/worker.js` with plain node (no tsx). The sources are
 * compiled into test/artifacts so the real lib/ is left alone.
 */
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {beforeAll, describe, expect, it} from 'vitest'
import {processBatchAll as processFromSources} from '../../src/batch/process-batch.js'
import type * as ProcessBatch from '../../src/batch/process-batch.js'
import type * as WorkerPool from '../../src/batch/worker-pool.js'
import {projectRoot, seedPath, tempDir} from '../helpers.js'

const outDir = path.join(projectRoot, 'test', 'artifacts', 'batch-lib')

beforeAll(() => {
  fs.rmSync(outDir, {recursive: true, force: true})
  const tsc = path.join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc')
  const args = ['-p', 'tsconfig.build.json', '--outDir', outDir, '--declaration', 'false', '--sourceMap', 'false', '--incremental', 'false']
  try {
    execFileSync(process.execPath, [tsc, ...args], {cwd: projectRoot, stdio: 'pipe'})
  } catch {
    // Type errors elsewhere in the tree still emit JavaScript; the checks below need only that.
  }
})

describe('compiled processBatch', () => {
  it('runs its workers on the compiled worker.js and matches the sources in one thread', async () => {
    const compiled = (await import(pathToFileURL(path.join(outDir, 'batch', 'process-batch.js')).href)) as typeof ProcessBatch
    const pool = (await import(pathToFileURL(path.join(outDir, 'batch', 'worker-pool.js')).href)) as typeof WorkerPool
    expect(pool.findWorkerScript()).toEqual({url: pathToFileURL(path.join(outDir, 'batch', 'worker.js'))})

    const dir = tempDir('bitext-compiled-')
    const clean = fs.readFileSync(path.join(projectRoot, 'articles', 'rolling-updates-without-downtime.md'), 'utf8')
    const paths = [0, 1, 2].map((index) => {
      const file = path.join(dir, `post-${index}.md`)
      fs.writeFileSync(file, clean.replace('slug: rolling-updates-without-downtime', `slug: post-${index}`))
      return file
    })
    fs.copyFileSync(seedPath, path.join(dir, 'seed.md'))
    paths.push(path.join(dir, 'seed.md'))
    const options = {readFile: (file: string) => fs.readFileSync(file), displayPath: (file: string) => path.basename(file)}

    const fallbacks: string[] = []
    const parallel = await compiled.processBatchAll(paths, {...options, jobs: 2, onFallback: (reason) => fallbacks.push(reason)})
    expect(fallbacks).toEqual([])
    expect(parallel.map((result) => result.path)).toEqual(['post-0.md', 'post-1.md', 'post-2.md', 'seed.md'])
    expect(parallel).toEqual(await processFromSources(paths, {...options, jobs: 1}))
  })
})
