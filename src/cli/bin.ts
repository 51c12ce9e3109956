#!/usr/bin/env node
/**
 * The `bitext` executable.
 */
import {setFlagsFromString} from 'node:v8'
import {processIo} from './io.js'
import {run} from './run.js'

// V8 lets a heap grow to up to four times what survived the last full
// collection when collecting is cheap; a build allocates fast and keeps
// little, so its worker's heap grew to ~130 MiB for ~20 MiB of live data.
// Twice is enough (docs/performance.md: −20 to −40 MiB of peak RSS for 300
// posts, CPU within the noise). It applies to every thread of the process,
// and not when the flag is given to node.
if (!process.execArgv.some((flag) => flag.startsWith('--heap-growing-percent'))) {
  setFlagsFromString('--heap-growing-percent=100')
}

// `bitext lint | head`: a reader that stops early is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

process.exitCode = await run(process.argv.slice(2), processIo())
