/**
 * `bitext sync ZH_FILE --source EN_FILE` and `bitext sync --source-dir DIR
 * --target-dir DIR`: which paragraphs of a translation are out of date with
 * their English source (see docs/sync.md).
 */
import {execFileSync} from 'node:child_process'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {
  applyEdits,
  countStatuses,
  formatSync,
  isStale,
  keepsEnglish,
  planEdits,
  sourceCommitOf,
  syncFromBase,
  syncTranslation,
  toSyncJson,
  type SyncEdit,
  type SyncResult,
  type SyncStatus
} from '../../sync/index.js'
import {writeFileAtomic} from '../atomic-write.js'
import {UsageError, type Command} from '../command.js'
import {acquireLock, describeHolder, LockBusyError} from '../file-lock.js'
import type {CliIo} from '../io.js'
import {readDecoded} from '../read-input.js'
import {codeFingerprint} from '../../batch/fingerprint.js'
import {defaultCacheDir} from '../../batch/cache.js'
import {openSyncCache, type SyncCache} from '../sync-cache.js'

const usage = `Usage: bitext sync ZH_FILE --source EN_FILE [options]
       bitext sync --source-dir DIR --target-dir DIR [options]

Compare the English kept in a translation (\`>\` quotes before the Chinese, or
\`<!--\` English \`-->\` comments as on the Kubernetes website) with today's
English source, paragraph by paragraph. Each paragraph is current, cosmetic
(only wrapping, whitespace, typographic quotes or a link target changed),
changed (the Chinese is stale: the English word diff is shown next to it),
new (in the source only) or removed (in the translation only).

A translation that keeps no English is compared through the English of the
commit it was translated from (front matter \`source_commit:\`, or --base),
read with \`git show\`.

Options:
  --source FILE       today's English source of ZH_FILE
  --source-dir DIR    tree mode: the English pages …
  --target-dir DIR    … and their translations, at the same relative paths
  --base REV          git mode: the commit the translation was based on
                      (default: front matter source_commit)
  --json              print the units as JSON (see docs/sync.md)
  --write             update the stored English and mark the Chinese that
                      needs a translator (atomic; the original is kept as
                      FILE.orig); running it twice changes nothing
  --no-backup         with --write, do not keep FILE.orig
  --cosmetic          list cosmetic paragraphs too
  --cache-dir DIR     tree mode: where to keep the verdicts of pages with
                      nothing to translate (default: node_modules/.cache/bitext)
  --no-cache          tree mode: compare every page again
  --encoding NAME     read the files in this encoding instead of detecting it

Exit status: 0 when every paragraph is current or cosmetic, 1 when one is
changed, new or removed (or a file is missing in tree mode), 2 bad usage.
`

/** Parsed options of one run. */
interface SyncRun {
  json: boolean
  write: boolean
  backup: boolean
  cosmetic: boolean
  base: string | undefined
  encoding: {encoding?: string}
  /** Tree mode's cache of clean verdicts (absent: none). */
  cache?: SyncCache
}

/** One compared pair in tree mode (or the single pair). */
interface PairReport {
  target: string
  source: string
  status: 'current' | 'stale' | 'missing-translation' | 'missing-source' | 'no-english'
  result?: SyncResult
  /** Status counts of a clean verdict read from the cache (then `result` has no units). */
  counts?: Record<SyncStatus, number>
  edits?: SyncEdit[]
  message?: string
}

/** The sync command. */
export const syncCommand: Command = {
  name: 'sync',
  usage,
  async run(args, io) {
    const {values, positionals} = parseArgs({
      args,
      options: {
        source: {type: 'string'},
        'source-dir': {type: 'string'},
        'target-dir': {type: 'string'},
        base: {type: 'string'},
        json: {type: 'boolean', default: false},
        write: {type: 'boolean', default: false},
        backup: {type: 'boolean', default: true},
        cosmetic: {type: 'boolean', default: false},
        'cache-dir': {type: 'string'},
        cache: {type: 'boolean', default: true},
        encoding: {type: 'string'}
      },
      allowPositionals: true,
      allowNegative: true
    })
    const run: SyncRun = {
      json: values.json,
      write: values.write,
      backup: values.backup,
      cosmetic: values.cosmetic,
      base: values.base,
      encoding: values.encoding === undefined ? {} : {encoding: values.encoding}
    }
    const tree = values['source-dir'] !== undefined || values['target-dir'] !== undefined
    if (tree) {
      if (values['source-dir'] === undefined || values['target-dir'] === undefined) {
        throw new UsageError('Tree mode needs both --source-dir (the English pages) and --target-dir (the translations)')
      }
      if (positionals.length > 0 || values.source !== undefined) {
        throw new UsageError('Give either ZH_FILE --source EN_FILE, or --source-dir and --target-dir, not both')
      }
      // The cache keeps clean verdicts for the summary; JSON and --write want every paragraph.
      if (values.cache && !run.json && !run.write) {
        run.cache = openSyncCache(io.fs, path.resolve(io.cwd, values['cache-dir'] ?? defaultCacheDir(io.cwd)), codeFingerprint())
      }
      return syncTree(values['source-dir'], values['target-dir'], run, io)
    }
    if (positionals.length !== 1) {
      throw new UsageError(`Expected one translated file, got ${positionals.length}; run \`bitext sync ZH_FILE --source EN_FILE\``)
    }
    if (values.source === undefined) {
      throw new UsageError(`Missing --source for \`${positionals[0]}\`; run \`bitext sync ${positionals[0]} --source EN_FILE\` with today's English page`)
    }
    const report = syncPair(positionals[0], values.source, run, io, true)
    if (run.json) io.stdout.write(`${JSON.stringify(toSyncJson(report.result!), null, 2)}\n`)
    else io.stdout.write(formatSync(report.target, report.source, report.result!, {cosmetic: run.cosmetic}))
    writeReport(report, io)
    return report.status === 'current' ? 0 : 1
  }
}

/** Compare one pair (and write it with `--write`). */
function syncPair(target: string, source: string, run: SyncRun, io: CliIo, single: boolean): PairReport {
  const zhText = readText(target, io, run.encoding)
  const enText = readText(source, io, run.encoding)
  const key = run.cache?.key(zhText, enText)
  const counts = key === undefined ? undefined : run.cache?.get(key)
  if (counts) return {target, source, status: 'current', result: {units: [], convention: 'none', fast: true}, counts}
  let result = syncTranslation(zhText, enText, {fast: !single && !run.json && !run.write})
  if (!result.fast && !keepsEnglish(result)) {
    const base = run.base ?? sourceCommitOf(zhText)
    if (base === undefined) {
      const message = `\`${target}\` keeps no English to compare; add \`source_commit: REV\` (the commit of \`${source}\` it was translated from) to its front matter, or pass --base REV`
      if (single) throw new UsageError(message)
      return {target, source, status: 'no-english', message}
    }
    if (run.write) throw new UsageError(`--write needs English kept in \`${target}\`; in git mode, update the Chinese and its \`source_commit:\` instead`)
    result = syncFromBase(zhText, gitShow(source, base, io), enText)
  }
  const report: PairReport = {target, source, status: isStale(result.units) ? 'stale' : 'current', result}
  if (key !== undefined && report.status === 'current' && !result.fast) run.cache?.set(key, countStatuses(result.units))
  if (run.write && result.convention !== 'git') report.edits = writePair(target, zhText, result, run, io)
  return report
}

/** Plan and apply `--write`'s edits, under a lock, atomically. */
function writePair(target: string, zhText: string, result: SyncResult, run: SyncRun, io: CliIo): SyncEdit[] {
  const edits = planEdits(result, zhText)
  if (edits.length === 0) return []
  const file = path.resolve(io.cwd, target)
  const lockFile = path.join(path.dirname(file), `.${path.basename(file)}.lock`)
  let lock
  try {
    lock = acquireLock(io.fs, lockFile)
  } catch (error) {
    if (error instanceof LockBusyError) throw new UsageError(`\`${target}\` is being written by ${describeHolder(error.holder)}; try again when it is done`)
    throw error
  }
  try {
    // Written only if the file is still what was compared.
    if (!Buffer.from(zhText, 'utf8').equals(io.fs.readFileSync(file))) {
      throw new UsageError(`Cannot write \`${target}\`: it is not plain UTF-8 (convert it first, \`bitext repair --write\`), or it changed while it was compared (run sync again)`)
    }
    const {text, applied} = applyEdits(zhText, edits)
    writeFileAtomic(io.fs, file, text, {backup: run.backup})
    return applied
  } finally {
    lock.release()
  }
}

const actionText: Record<SyncEdit['action'], string> = {
  refresh: 'refreshed the stored English (cosmetic change)',
  update: 'replaced the stored English with the changed source',
  'mark-outdated': 'marked the Chinese outdated (<!-- bitext: outdated -->)',
  insert: 'inserted new English, marked untranslated (<!-- bitext: untranslated -->)',
  'mark-removed': 'marked a paragraph the source no longer has (<!-- bitext: removed -->)',
  'unmark-removed': 'removed a `removed` marker: the paragraph is in the source again'
}

/** Report `--write`'s edits on stderr (stdout keeps the report or the JSON). */
function writeReport(report: PairReport, io: CliIo): void {
  if (!report.edits) return
  for (const edit of report.edits) io.stderr.write(`${report.target}:${edit.line}: ${actionText[edit.action]}\n`)
  if (report.edits.length > 0) io.stderr.write(`${report.target}: ${report.edits.length} change${report.edits.length === 1 ? '' : 's'} written\n`)
}

/** Tree mode: every pair of files at the same relative path, and the files missing on either side. */
function syncTree(sourceDir: string, targetDir: string, run: SyncRun, io: CliIo): number {
  const sources = listPages(sourceDir, io, '--source-dir')
  const targets = listPages(targetDir, io, '--target-dir')
  const reports: PairReport[] = []
  for (const relative of [...new Set([...sources, ...targets])].sort()) {
    const source = path.join(sourceDir, relative)
    const target = path.join(targetDir, relative)
    if (!targets.has(relative)) reports.push({target, source, status: 'missing-translation'})
    else if (!sources.has(relative)) reports.push({target, source, status: 'missing-source'})
    else reports.push(syncPair(target, source, run, io, false))
  }
  const counts: Record<SyncStatus, number> = {current: 0, cosmetic: 0, changed: 0, new: 0, removed: 0}
  const files: Record<PairReport['status'], number> = {current: 0, stale: 0, 'missing-translation': 0, 'missing-source': 0, 'no-english': 0}
  for (const report of reports) {
    files[report.status]++
    const found = report.counts ?? countStatuses(report.result?.units ?? [])
    for (const status of Object.keys(counts) as SyncStatus[]) counts[status] += found[status]
  }
  if (run.json) {
    const json = {
      files: reports.map((report) => ({
        target: report.target,
        source: report.source,
        status: report.status,
        ...(report.result ? {fast: report.result.fast, ...toSyncJson(report.result)} : {}),
        ...(report.message ? {message: report.message} : {})
      })),
      summary: {files, paragraphs: counts}
    }
    io.stdout.write(`${JSON.stringify(json, null, 2)}\n`)
  } else {
    for (const report of reports) {
      if (report.status === 'stale' || (run.cosmetic && report.result && report.result.units.some((unit) => unit.status === 'cosmetic'))) {
        io.stdout.write(formatSync(report.target, report.source, report.result!, {cosmetic: run.cosmetic}))
      } else if (report.status === 'missing-translation') {
        io.stdout.write(`${report.target}: missing translation of ${report.source}\n`)
      } else if (report.status === 'missing-source') {
        io.stdout.write(`${report.target}: missing source (no ${report.source})\n`)
      } else if (report.status === 'no-english') {
        io.stdout.write(`${report.target}: cannot compare: ${report.message}\n`)
      }
    }
    io.stdout.write(
      `${reports.length} files: ${files.current} current, ${files.stale} stale, ${files['missing-translation']} missing translation, ` +
        `${files['missing-source']} missing source${files['no-english'] ? `, ${files['no-english']} without English to compare` : ''}; ` +
        `paragraphs in compared files: ${counts.current} current, ${counts.cosmetic} cosmetic, ${counts.changed} changed, ${counts.new} new, ${counts.removed} removed` +
        ` (files whose stored English is the source line for line are not counted by paragraph)\n`
    )
  }
  for (const report of reports) writeReport(report, io)
  return reports.every((report) => report.status === 'current') ? 0 : 1
}

/** The Markdown pages under a folder, as paths relative to it. */
function listPages(dir: string, io: CliIo, option: string): Set<string> {
  const root = path.resolve(io.cwd, dir)
  const found = new Set<string>()
  const walk = (folder: string): void => {
    for (const entry of io.fs.readdirSync(folder, {withFileTypes: true})) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
      const full = path.join(folder, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.isFile() && /\.(?:md|markdown)$/i.test(entry.name)) found.add(path.relative(root, full))
    }
  }
  try {
    if (!io.fs.statSync(root).isDirectory()) throw new UsageError(`${option} \`${dir}\` is not a folder`)
    walk(root)
  } catch (error) {
    if (error instanceof UsageError) throw error
    throw new UsageError(`Cannot read ${option} \`${dir}\` (${(error as NodeJS.ErrnoException).code ?? 'error'}); check the path`)
  }
  return found
}

/** Read and decode one file; unreadable or undecodable input is a usage error. */
function readText(shown: string, io: CliIo, options: {encoding?: string}): string {
  return String(readDecoded(shown, io, options).value)
}

/** The English source as it was at a commit: `git show REV:./FILE` in the file's folder. */
function gitShow(source: string, rev: string, io: CliIo): string {
  const file = path.resolve(io.cwd, source)
  try {
    return execFileSync('git', ['show', `${rev}:./${path.basename(file)}`], {
      cwd: path.dirname(file),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024
    })
  } catch (error) {
    const stderr = String((error as {stderr?: unknown}).stderr ?? (error as Error).message).trim().split('\n')[0]
    throw new UsageError(`Cannot read \`${source}\` at \`${rev}\` from git (${stderr}); check the revision (front matter source_commit or --base) and that the file is in a git repository`)
  }
}
