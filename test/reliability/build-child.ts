/**
 * Run `bitext` in a child process (for kill and race tests): the same entry
 * as the installed command, from sources through tsx.
 */
import {spawn, type ChildProcess} from 'node:child_process'
import {createHash} from 'node:crypto'
import * as fs from 'node:fs'
import path from 'node:path'
import {projectRoot} from '../helpers.js'

const bin = path.join(projectRoot, 'src', 'cli', 'bin.ts')
// Resolved here: the child runs in a project folder that has no node_modules.
const tsx = import.meta.resolve('tsx')

/** A child run of `bitext`. */
export interface ChildRun {
  child: ChildProcess
  /** Resolves when it ends: its exit code (null when killed), signal and stderr. */
  done: Promise<{code: number | null; signal: NodeJS.Signals | null; stderr: string}>
}

/**
 * Start `bitext ARGS` in `cwd`.
 *
 * @param args Arguments.
 * @param cwd Working directory (the project).
 * @returns The child and its end.
 */
export function startBitext(args: string[], cwd: string): ChildRun {
  const child = spawn(process.execPath, ['--import', tsx, bin, ...args], {cwd, stdio: ['ignore', 'ignore', 'pipe'], env: {...process.env, NO_COLOR: '1'}})
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const done = new Promise<{code: number | null; signal: NodeJS.Signals | null; stderr: string}>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({code, signal, stderr}))
  })
  return {child, done}
}

/**
 * Every file under a folder with its content hash, or `missing`.
 *
 * @param dir The folder.
 * @returns `name sha256` lines, sorted, or `missing`.
 */
export function treeHash(dir: string): string {
  if (!fs.existsSync(dir)) return 'missing'
  const names = (fs.readdirSync(dir, {recursive: true}) as string[]).filter((name) => fs.statSync(path.join(dir, name)).isFile()).sort()
  return names.map((name) => `${name} ${createHash('sha256').update(fs.readFileSync(path.join(dir, name))).digest('hex')}`).join('\n')
}

/**
 * Names beside a folder that a build leaves only while it runs or when it is killed.
 *
 * @param outDir The output folder.
 * @returns Staging, old and trash folders and the lock file.
 */
export function leftovers(outDir: string): string[] {
  const prefix = `.${path.basename(outDir)}.`
  return fs.readdirSync(path.dirname(outDir)).filter((name) => name.startsWith(prefix))
}
