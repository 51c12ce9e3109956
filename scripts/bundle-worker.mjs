// Bundle the compiled worker thread (lib/batch/worker.js and everything it
// imports) into one CommonJS file, lib/batch/worker.bundle.cjs, and make its
// V8 code cache, lib/batch/worker.bundle.cache. A worker (started from
// lib/batch/worker-loader.js) then reads one file instead of resolving and
// linking about 450 modules, and takes its compiled code from the cache
// instead of compiling the bundle and each function the first article runs
// (docs/performance.md). Native modules stay outside. Run by
// `npm run compile`, after tsc.
import fs from 'node:fs'
import {build} from 'esbuild'
import {Worker} from 'node:worker_threads'

const bundle = 'lib/batch/worker.bundle.cjs'
const cache = 'lib/batch/worker.bundle.cache'
// The ESM bundle of earlier versions.
fs.rmSync('lib/batch/worker.bundle.js', {force: true})
fs.rmSync(cache, {force: true})

await build({
  entryPoints: ['lib/batch/worker.js'],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['@node-rs/jieba', 'autocorrect-node'],
  // `createRequire(import.meta.url)` resolves packages and data files from the bundle's folder.
  define: {'import.meta.url': '__bundleUrl'},
  banner: {js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;"},
  // Without comments and indentation the bundle is a quarter smaller. Names
  // and code stay as they are.
  minifyWhitespace: true,
  logLevel: 'warning'
})

// esbuild leaves characters beyond ASCII in regular expressions: a pure
// ASCII source takes V8 one byte per character instead of two.
const {escapeNonAscii} = await import('../lib/batch/ascii-source.js')
fs.writeFileSync(bundle, escapeNonAscii(fs.readFileSync(bundle, 'utf8')))

// The code cache: what a worker compiled while it built the project's clean
// example article. Without the article (an installed copy), there is none.
const example = 'articles/rolling-updates-without-downtime.md'
if (fs.existsSync(example)) {
  // Made under V8's default flags: a cache made under other flags is rejected
  // (a batch of 8 articles or more limits heap growth, see src/cli/heap-growth.ts,
  // and its workers compile the bundle from source, ~0.05 s each).
  const {answerSegment} = await import('../lib/check/segmenter.js')
  const worker = new Worker(new URL('../lib/batch/worker-loader.js', import.meta.url), {
    workerData: {spec: {}, writeCodeCache: cache}
  })
  try {
    await new Promise((resolve, reject) => {
      worker.on('message', (message) => {
        if (message.type === 'segment') answerSegment(message)
        else if (message.type === 'ready') worker.postMessage({id: 0, path: 'example.md', bytes: fs.readFileSync(example)})
        else if (message.type === 'done') resolve(undefined)
      })
      worker.on('error', reject)
      worker.on('exit', (code) => reject(new Error(`the worker stopped with exit code ${code}`)))
    })
  } catch (error) {
    // The cache only saves start-up time: without it workers compile the bundle.
    fs.rmSync(cache, {force: true})
    console.warn(`bitext compile: no worker code cache (${error instanceof Error ? error.message : String(error)}); workers will compile the bundle at start`)
  }
  await worker.terminate()
}
