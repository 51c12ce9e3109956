#!/usr/bin/env node
/**
 * The `bitext` executable.
 */
import {processIo} from './io.js'
import {run} from './run.js'

// `bitext lint | head`: a reader that stops early is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

process.exitCode = await run(process.argv.slice(2), processIo())
