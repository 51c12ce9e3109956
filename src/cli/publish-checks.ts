/**
 * The checks that need the whole batch or the disk, shared by `build`,
 * `lint` and `review` so that the three report the same messages for the
 * same article: local files an article refers to (missing, or outside the
 * articles folder), the same article under two file names, and term
 * consistency across files (`glossary-inconsistent`).
 */
import {createHash} from 'node:crypto'
import path from 'node:path'
import type {VFile} from 'vfile'
import type {RuleSettings} from '../check/settings.js'
import type {LocalFile} from '../types.js'
import {displayPath} from './articles.js'
import type {CliIo} from './io.js'

/** A local file to copy beside an article's outputs. */
export interface LocalCopy {
  /** Absolute path of the file. */
  from: string
  /**
   * Where it goes, relative to the article's output folder: the path as the
   * article writes it (`images/shot.png`, or `../images/shot.png` for a file
   * one folder up, which then lands in the output folder itself).
   */
  to: string
}

/**
 * The folder an article's local files must stay in, for each article: the
 * input folder it was found in, or its own folder when it was named alone.
 *
 * @param inputs The files and folders given on the command line.
 * @param io File system and working directory.
 * @returns A function from an article's absolute path to its root folder.
 */
export function articleRoots(inputs: readonly string[], io: CliIo): (article: string) => string {
  const folders = inputs
    .map((input) => path.resolve(io.cwd, input))
    .filter((input) => {
      try {
        return io.fs.statSync(input).isDirectory()
      } catch {
        return false
      }
    })
    .sort((a, b) => b.length - a.length)
  return (article) => folders.find((folder) => article.startsWith(folder + path.sep)) ?? path.dirname(article)
}

/**
 * Resolve the local files of one article: report each that is missing or
 * lies outside the articles folder (an error on that reference; the article
 * is still built), and return the others to copy.
 *
 * @param file The processed article (`file.data.localFiles`).
 * @param article Its absolute path.
 * @param root The folder its files must stay in (`--articles`).
 * @param io File system and working directory.
 * @returns The files to copy beside its outputs.
 */
export function checkLocalFiles(file: VFile, article: string, root: string, io: CliIo): LocalCopy[] {
  const copies: LocalCopy[] = []
  const realRoot = realPath(root, io) ?? root
  for (const reference of file.data.localFiles ?? []) {
    const target = path.resolve(path.dirname(article), reference.path)
    const shown = displayPath(target, io)
    const to = path.normalize(reference.path)
    if (!inside(root, target) || path.isAbsolute(to)) {
      report(file, reference, `Unexpected local file \`${reference.url}\` outside the articles folder \`${displayPath(root, io)}\`: it is not copied, so the page would show it broken; move the file into \`${displayPath(root, io)}\` and refer to it from there`)
      continue
    }
    const real = realPath(target, io)
    if (real === undefined || !isFile(real, io)) {
      report(file, reference, `Missing local file \`${reference.url}\` (looked for \`${shown}\`): the page would show it broken; add the file or fix the path`)
      continue
    }
    if (!inside(realRoot, real)) {
      report(file, reference, `Unexpected local file \`${reference.url}\`: it links to \`${displayPath(real, io)}\`, outside the articles folder \`${displayPath(root, io)}\`; copy the file into the articles folder instead of linking it`)
      continue
    }
    // The outputs sit one folder deep in dist/ (dist/<slug>/): a file one
    // folder up keeps its URL (it lands in dist/), a file further up cannot.
    if (to.startsWith(`..${path.sep}..${path.sep}`)) {
      report(file, reference, `Unexpected local file \`${reference.url}\` more than one folder above the article: the outputs are one folder deep in the output folder, so it cannot keep its URL; move the file beside the article or one folder above it`)
      continue
    }
    if (!copies.some((copy) => copy.to === to)) copies.push({from: real, to})
  }
  return copies
}

/**
 * A finder of the same article under two file names: the same text after
 * repair, or the same title and date in the front matter. A later copy gets
 * a warning naming both files; `build` still writes its outputs, but lists
 * only the first in the article list.
 *
 * @returns A function to call on every article in order; it returns the
 *   earlier article's file when this one is a copy.
 */
export function duplicateFinder(): (file: VFile) => VFile | undefined {
  const seen = new Map<string, VFile>()
  return (file) => {
    if (file.data.failed) return undefined
    const keys = articleKeys(file)
    const earlier = keys.map((key) => seen.get(key.key)).find((found) => found !== undefined)
    if (!earlier) {
      for (const key of keys) seen.set(key.key, file)
      return undefined
    }
    const why = keys.find((key) => seen.get(key.key) === earlier)?.why ?? 'the same text'
    const message = file.message(
      `Duplicate article: \`${file.path}\` and \`${earlier.path}\` are the same article (${why}); only \`${earlier.path}\` is listed in the article list, remove one of the two files`,
      {ruleId: 'duplicate-article', source: 'bitext', place: {line: 1, column: 1}}
    )
    message.fatal = false
    return earlier
  }
}

/**
 * Run the checks over the whole batch after every article was processed.
 *
 * The cross-file checks are loaded here, not with the command;
 * `preloadBatchChecks` starts loading them early. The Markdown parser (and
 * what comes with it, ~0.1 s of CPU to load), which applies comment markers
 * to their messages, loads only when a file that got one has markers: a
 * thread that only hands articles to workers, or reads them from the cache,
 * does not otherwise need it.
 *
 * @param files The processed articles, in order.
 * @param settings Severity per rule id.
 */
export async function checkBatch(files: readonly VFile[], settings: RuleSettings): Promise<void> {
  // They report only a term rendered in two ways: without one, nothing to load.
  if (!renderingsDiffer(files)) return
  const {needsMarkers, reportInconsistentRenderings} = await preloadBatchChecks()
  const marked = [...reportInconsistentRenderings(files, {settings}).touched].filter((file) => needsMarkers(file))
  if (marked.length > 0) (await import('../check/cross-file.js')).applyMarkers(marked)
}

/** Whether some glossary term got two different renderings in the files. */
function renderingsDiffer(files: readonly VFile[]): boolean {
  const first = new Map<string, string>()
  for (const file of files) {
    for (const use of file.data.termUses ?? []) {
      const rendering = first.get(use.term)
      if (rendering === undefined) first.set(use.term, use.rendering)
      else if (rendering !== use.rendering) return true
    }
  }
  return false
}

/**
 * Start loading the checks `checkBatch` runs, so that they are ready when the
 * last article is (the same promise every time).
 *
 * @returns The module that compares renderings across files.
 */
export function preloadBatchChecks(): Promise<typeof import('../check/inconsistent-renderings.js')> {
  return import('../check/inconsistent-renderings.js')
}

/**
 * What `/\s+/g` matches, less the single spaces, which it would replace by
 * themselves: the same text comes out, about twice as fast (most white space
 * in an article is single spaces between words).
 */
const spaceRuns = /\s{2,}|[^\S ]/g

function articleKeys(file: VFile): Array<{key: string; why: string}> {
  const keys: Array<{key: string; why: string}> = []
  const text = String(file.value ?? '').replace(spaceRuns, ' ').trim()
  if (text !== '') keys.push({key: `text:${createHash('sha256').update(text).digest('hex')}`, why: 'the same text'})
  const frontMatter = file.data.frontMatter ?? {}
  const title = frontMatter['title']
  const date = frontMatter['date']
  if (typeof title === 'string' && title.trim() !== '' && date !== undefined && date !== null) {
    const day = date instanceof Date ? date.toISOString() : String(date)
    keys.push({key: `title:${title.trim()}\u0000${day}`, why: 'the same title and date'})
  }
  return keys
}

function report(file: VFile, reference: LocalFile, reason: string): void {
  const message = file.message(reason, {
    ruleId: 'local-file',
    source: 'bitext',
    place: {start: {line: reference.line, column: reference.column}, end: {line: reference.endLine, column: reference.endColumn}}
  })
  message.fatal = true
  message.actual = reference.url
}

function inside(root: string, target: string): boolean {
  const relative = path.relative(root, target)
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
}

function realPath(file: string, io: CliIo): string | undefined {
  try {
    return io.fs.realpathSync(file)
  } catch {
    return undefined
  }
}

function isFile(file: string, io: CliIo): boolean {
  try {
    return io.fs.statSync(file).isFile()
  } catch {
    return false
  }
}
