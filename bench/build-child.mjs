// One measured batch run in a fresh process (so its time and peak memory are
// its own): what `bitext build` (or `lint`) does with processBatch, on the
// compiled code in lib/. Called by bench/run.ts; prints one JSON line.
//
// argv[2]: JSON {lib, paths, out, jobs, cacheDir, emit, glossary}
import fs from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'

const config = JSON.parse(process.argv[2])
const started = performance.now()
const load = (name) => import(pathToFileURL(path.join(config.lib, name)).href)
const {processBatch, fromResult} = await load('batch/index.js')
const {parseGlossary} = await load('glossary/parse-glossary.js')
const {renderIndexPage} = await load('emit/index.js')
const {stylish} = await load('report/stylish.js')

const pipeline = {emit: config.emit}
if (config.glossary) pipeline.glossary = parseGlossary(fs.readFileSync(config.glossary, 'utf8'), config.glossary)
const loaded = performance.now()

const files = []
const published = []
let hits = 0
let misses = 0
for await (const result of processBatch(config.paths, {
  pipeline,
  jobs: config.jobs,
  cacheDir: config.cacheDir,
  readFile: (file) => fs.readFileSync(file),
  displayPath: (file) => path.basename(file)
})) {
  if (result.cache === 'hit') hits++
  if (result.cache === 'miss') misses++
  const file = fromResult(result)
  if (config.out && !file.data.failed) {
    const slug = file.data.slug ?? file.stem
    for (const [name, content] of Object.entries(file.data.outputs ?? {})) {
      const target = path.join(config.out, slug, name)
      fs.mkdirSync(path.dirname(target), {recursive: true})
      fs.writeFileSync(target, content)
    }
    published.push({slug, frontMatter: file.data.frontMatter ?? {}})
  }
  // Keep what a reporter needs; the rest of the article is released.
  file.data = {failed: file.data.failed}
  file.value = ''
  files.push(file)
}
if (config.out) fs.writeFileSync(path.join(config.out, 'index.html'), renderIndexPage(published))
const report = stylish(files, {onlyWithMessages: true, width: 100})
const ended = performance.now()
let messages = 0
for (const file of files) messages += file.messages.length
process.stdout.write(
  JSON.stringify({
    ms: ended - started,
    // CPU time of every thread of the process (workers included), since start.
    cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
    batchMs: ended - loaded,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    hits,
    misses,
    articles: files.length,
    failed: files.filter((file) => file.data.failed).length,
    messages,
    reportLength: report.length
  }) + '\n'
)
