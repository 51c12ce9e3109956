/**
 * All-or-nothing publishing. A build writes the new blog into a staging
 * folder beside the output folder (`.dist.staging-PID-RANDOM`), and swaps it
 * in with two renames at the end: the old folder aside (`.dist.old-PID-RANDOM`),
 * the staging folder in its place. A build killed before the swap leaves the
 * previous output untouched; leftovers are cleaned by the next build, which
 * also puts the old folder back if a kill fell between the two renames.
 *
 * This is the one way `build` writes outputs: pages, the article list and
 * assets all go through `write` or `copyFile`.
 */
import {createHash, randomBytes} from 'node:crypto'
import type * as nodeFs from 'node:fs'
import path from 'node:path'

/** The part of `node:fs` staging uses. */
export type StagingFs = Pick<
  typeof nodeFs,
  'mkdirSync' | 'writeFileSync' | 'copyFileSync' | 'renameSync' | 'rmSync' | 'readdirSync' | 'lstatSync' | 'readFileSync' | 'cpSync' | 'existsSync'
>

/**
 * The record a build leaves in its output: which top-level entries it wrote,
 * so that the next build knows which ones it did not (a `review/` folder, a
 * `CNAME`) and carries them over.
 */
export const manifestName = '.bitext-build.json'

/** What the swap did and cost. */
export interface SwapStats {
  /** Top-level entries of the previous output kept because no build wrote them (`review/`, a `CNAME`). */
  carried: string[]
  /** Time to carry them over, rename, and remove the previous output, in ms. */
  swapMs: number
  /** Of which removing the previous output, in ms. */
  removeMs: number
  /** The new output is the previous one, file for file: nothing was staged or swapped. */
  unchanged: boolean
}

/** An output folder being built. */
export interface StagedOutput {
  /** The output folder this will replace. */
  readonly outDir: string
  /** The staging folder. */
  readonly staging: string
  /**
   * Write a file of the new output.
   *
   * @param relative Path inside the output folder.
   * @param content The content (strings as UTF-8).
   * @throws Error when the path escapes the output folder (a bug, not a user error).
   */
  write(relative: string, content: string | Uint8Array): void
  /**
   * Copy a file into the new output (assets beside pages).
   *
   * @param relative Path inside the output folder.
   * @param source The file to copy.
   */
  copyFile(relative: string, source: string): void
  /**
   * Swap the new output in. Top-level entries of the previous output that no
   * build wrote (such as `review/`) are copied over first.
   *
   * @returns What the swap did and cost.
   */
  commit(): SwapStats
  /** Throw the staging folder away (the previous output stays). */
  abort(): void
}

/**
 * Start a new output for `outDir`. Call `recoverOutput` first (under the
 * output lock) so that leftovers of a killed build are gone.
 *
 * @param fs File system.
 * @param outDir The output folder (absolute).
 * @returns The staged output.
 */
export function stageOutput(fs: StagingFs, outDir: string): StagedOutput {
  const staging = siblingName(outDir, 'staging')
  const written = new Set<string>()
  const files = new Set<string>()
  // Folders made in the staging folder (only this build writes there): one
  // mkdir per article instead of one per file.
  const made = new Set<string>([staging])
  // Until a file differs from the published one, nothing is staged: a rebuild
  // that changes nothing writes nothing and swaps nothing. The files seen so
  // far wait here, and are staged when the first difference shows.
  let staged = false
  let waiting: Array<{relative: string; content: string | Uint8Array} | {relative: string; source: string}> = []

  function inside(relative: string): string {
    const file = path.resolve(staging, relative)
    if (!file.startsWith(staging + path.sep)) throw new Error(`Refusing to write outside the output folder: ${relative}`)
    const name = path.relative(staging, file)
    written.add(name.split(path.sep)[0] ?? relative)
    files.add(name)
    return name
  }

  function target(name: string): string {
    const file = path.join(staging, name)
    const folder = path.dirname(file)
    if (!made.has(folder)) {
      fs.mkdirSync(folder, {recursive: true})
      made.add(folder)
    }
    return file
  }

  function published(name: string, bytes: Uint8Array): boolean {
    try {
      return Buffer.compare(fs.readFileSync(path.join(outDir, name)), bytes) === 0
    } catch {
      return false
    }
  }

  function stage(): void {
    if (staged) return
    staged = true
    fs.mkdirSync(staging, {recursive: true})
    for (const entry of waiting) {
      if ('source' in entry) fs.copyFileSync(entry.source, target(entry.relative))
      else fs.writeFileSync(target(entry.relative), entry.content)
    }
    waiting = []
  }

  return {
    outDir,
    staging,
    write(relative, content) {
      const name = inside(relative)
      if (!staged && published(name, typeof content === 'string' ? Buffer.from(content, 'utf8') : content)) {
        waiting.push({relative: name, content})
        return
      }
      stage()
      fs.writeFileSync(target(name), content)
    },
    copyFile(relative, source) {
      const name = inside(relative)
      if (!staged && published(name, fs.readFileSync(source))) {
        waiting.push({relative: name, source})
        return
      }
      stage()
      fs.copyFileSync(source, target(name))
    },
    commit() {
      const started = performance.now()
      if (!staged && sameFiles(fs, outDir, written, files)) return {carried: [], swapMs: performance.now() - started, removeMs: 0, unchanged: true}
      stage()
      const carried = carryOver(fs, outDir, staging, written)
      fs.writeFileSync(path.join(staging, manifestName), JSON.stringify({written: [...written].sort()}) + '\n')
      let removeMs = 0
      if (isDirectory(fs, outDir)) {
        const old = siblingName(outDir, 'old')
        fs.renameSync(outDir, old)
        // A kill between these two renames leaves no output folder for a
        // moment; `recoverOutput` renames the old one back.
        fs.renameSync(staging, outDir)
        const removing = performance.now()
        // Renamed before removal: an `old-` folder is always complete, so
        // recovery never restores one half removed.
        const trash = siblingName(outDir, 'trash')
        fs.renameSync(old, trash)
        fs.rmSync(trash, {recursive: true, force: true})
        removeMs = performance.now() - removing
      } else {
        fs.renameSync(staging, outDir)
      }
      return {carried, swapMs: performance.now() - started, removeMs, unchanged: false}
    },
    abort() {
      fs.rmSync(staging, {recursive: true, force: true})
    }
  }
}

/**
 * Whether the published output holds exactly the files of this build (each
 * already found byte-identical) under the entries a build writes, and its
 * manifest names the same entries.
 */
function sameFiles(fs: StagingFs, outDir: string, written: ReadonlySet<string>, files: ReadonlySet<string>): boolean {
  if (files.size === 0) return false
  const previous = previousManifest(fs, outDir)
  if (previous === undefined || previous.size !== written.size || [...written].some((name) => !previous.has(name))) return false
  let count = 0
  const walk = (relative: string): boolean => {
    let stat
    try {
      stat = fs.lstatSync(path.join(outDir, relative))
    } catch {
      return false
    }
    if (!stat.isDirectory()) {
      count++
      return files.has(relative)
    }
    return fs.readdirSync(path.join(outDir, relative)).every((name) => walk(path.join(relative, name)))
  }
  return [...written].every((name) => walk(name)) && count === files.size
}

/** The top-level entries the previous build wrote, from its manifest (undefined without one). */
function previousManifest(fs: StagingFs, outDir: string): Set<string> | undefined {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(outDir, manifestName), 'utf8')) as {written?: unknown}
    return Array.isArray(manifest.written) ? new Set(manifest.written.filter((name): name is string => typeof name === 'string')) : undefined
  } catch {
    return undefined
  }
}

/**
 * The sha256 digests of the HTML pages a previous build published in
 * `outDir`. Each passed the sanitizer when it was written (fresh, or from a
 * verified cache entry), so a cache entry holding the very same page need not
 * be checked again. `outDir` is bitext's own output, not input like the cache.
 *
 * @param fs File system.
 * @param outDir The output folder.
 * @returns Hex digests (empty without a previous build).
 */
export function publishedPages(fs: StagingFs, outDir: string): Set<string> {
  const digests = new Set<string>()
  const written = previousManifest(fs, outDir)
  if (written === undefined) return digests
  const walk = (relative: string, depth: number): void => {
    const file = path.join(outDir, relative)
    let stat
    try {
      stat = fs.lstatSync(file)
    } catch {
      return
    }
    if (stat.isDirectory() && depth < 3) for (const name of fs.readdirSync(file)) walk(path.join(relative, name), depth + 1)
    else if (stat.isFile() && relative.endsWith('.html')) digests.add(sha256(fs.readFileSync(file)))
  }
  for (const name of written) walk(name, 0)
  return digests
}

/**
 * The sha256 of a page, as {@link publishedPages} records it.
 *
 * @param content The page.
 * @returns Hex digest.
 */
export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex')
}

/**
 * Clean up after builds that were killed: put the previous output back if a
 * kill fell between the two renames of a swap, and remove staging folders and
 * old outputs. Call it only while holding the output lock.
 *
 * @param fs File system.
 * @param outDir The output folder (absolute).
 * @returns The leftovers removed or restored (names beside `outDir`).
 */
export function recoverOutput(fs: StagingFs, outDir: string): string[] {
  const parent = path.dirname(outDir)
  const prefix = `.${path.basename(outDir)}.`
  let names: string[]
  try {
    names = fs.readdirSync(parent)
  } catch {
    return []
  }
  const leftovers = names.filter((name) => name.startsWith(prefix) && /^(?:staging|old|trash)-\d+-[\da-f]+$/.test(name.slice(prefix.length))).sort()
  const olds = leftovers.filter((name) => name.slice(prefix.length).startsWith('old-'))
  const restore = !fs.existsSync(outDir) ? olds[0] : undefined
  if (restore !== undefined) fs.renameSync(path.join(parent, restore), outDir)
  for (const name of leftovers) {
    if (name !== restore) fs.rmSync(path.join(parent, name), {recursive: true, force: true})
  }
  return leftovers
}

/** Copy the previous output's top-level entries that no bitext build wrote. */
function carryOver(fs: StagingFs, outDir: string, staging: string, written: ReadonlySet<string>): string[] {
  if (!isDirectory(fs, outDir)) return []
  // No manifest: an output written by an older bitext, or by hand; keep what this build does not replace.
  const previous = previousManifest(fs, outDir) ?? new Set<string>()
  const carried: string[] = []
  for (const name of fs.readdirSync(outDir).sort()) {
    if (name === manifestName || written.has(name) || previous.has(name)) continue
    fs.cpSync(path.join(outDir, name), path.join(staging, name), {recursive: true, verbatimSymlinks: true})
    carried.push(name)
  }
  return carried
}

function isDirectory(fs: StagingFs, file: string): boolean {
  try {
    return fs.lstatSync(file).isDirectory()
  } catch {
    return false
  }
}

function siblingName(outDir: string, kind: 'staging' | 'old' | 'trash'): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}.${kind}-${process.pid}-${randomBytes(6).toString('hex')}`)
}
