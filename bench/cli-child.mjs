// `bitext <args>` from the compiled CLI in a fresh process, as bin.js runs it,
// measured from inside (time, CPU of every thread, peak RSS). Called by
// bench/run.ts; the report goes to stderr (ignored there), one JSON line to
// stdout. argv[2]: the lib folder; the rest: bitext's arguments.
import path from 'node:path'
import {pathToFileURL} from 'node:url'

const started = performance.now()
const load = (name) => import(pathToFileURL(path.join(process.argv[2], name)).href)
const {processIo} = await load('cli/io.js')
const {run} = await load('cli/run.js')
const code = await run(process.argv.slice(3), processIo())
const usage = process.cpuUsage()
process.stdout.write(JSON.stringify({code, ms: performance.now() - started, cpuMs: (usage.user + usage.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024}) + '\n')
