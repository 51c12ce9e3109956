// Bundle the compiled worker thread (lib/batch/worker.js and everything it
// imports) into one file, lib/batch/worker.bundle.js: a worker then starts by
// reading one module instead of resolving and linking about 450, which takes
// ~0.1 s of CPU instead of ~0.4 s and ~17 MiB less memory (docs/performance.md).
// Native modules stay outside; `require` is given to the CommonJS packages
// bundled in. Run by `npm run compile`, after tsc.
import {build} from 'esbuild'

await build({
  entryPoints: ['lib/batch/worker.js'],
  outfile: 'lib/batch/worker.bundle.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['@node-rs/jieba', 'autocorrect-node'],
  banner: {js: "import {createRequire as bundleRequire} from 'node:module'; const require = bundleRequire(import.meta.url);"},
  logLevel: 'warning'
})
