/**
 * Test helpers shared by the suites: paths to the project, the shared data,
 * and an in-memory CLI I/O over a real temporary folder.
 */
import {execFileSync} from 'node:child_process'
import * as fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {CliIo} from '../src/cli/io.js'

/** The project root. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/**
 * A path in the shared corpora: `$BITEXT_SHARED`, else `../shared` beside the
 * project (CI lays a copy there). Only `*.corpus.test.ts` files may call it
 * (`npm run test:corpus`); it fails loudly when the folder is missing.
 */
export function sharedPath(...parts: string[]): string {
  if (process.env['BITEXT_NO_SHARED']) {
    throw new Error('This test reads the shared corpora: name its file *.corpus.test.ts so that it runs in `npm run test:corpus`')
  }
  const base = path.resolve(projectRoot, process.env['BITEXT_SHARED'] ?? path.join('..', 'shared'))
  if (!fs.existsSync(base)) {
    throw new Error(`The shared data folder is missing: ${base} (set BITEXT_SHARED to the folder that holds corpus/, conformance/ and seeds/)`)
  }
  return path.join(base, ...parts)
}

/** The seed article, as committed in articles/. */
export const seedPath = path.join(projectRoot, 'articles', 'kubernetes-intro-for-vmware-users.md')

/** A fresh temporary folder. */
export function tempDir(prefix = 'bitext-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

/** A CLI I/O whose stdout/stderr are captured. */
export function captureIo(cwd: string, env: Record<string, string | undefined> = {}): CliIo & {out: () => string; err: () => string} {
  let out = ''
  let err = ''
  return {
    stdout: {write: (chunk: string) => (out += chunk)},
    stderr: {write: (chunk: string) => (err += chunk)},
    fs,
    cwd,
    env,
    out: () => out,
    err: () => err
  }
}

/** Copy a file or folder recursively. */
export function copy(from: string, to: string): void {
  fs.cpSync(from, to, {recursive: true})
}

/** The arguments a POSIX shell passes to a command line as the review card prints it (`sh` itself reads it). */
export function shellArgs(command: string): string[] {
  return execFileSync('sh', ['-c', `set -- ${command}; for word; do printf '%s\\0' "$word"; done`], {encoding: 'utf8'}).split('\0').slice(0, -1)
}
