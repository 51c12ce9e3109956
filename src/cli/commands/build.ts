/**
 * `bitext build`: publish every article into the output folder.
 */
import path from 'node:path'
import {parseArgs} from 'node:util'
import type {VFile} from 'vfile'
import {fromResult, type ResultOutputs} from '../../batch/article-result.js'
import {cacheStats, processBatch, type BatchOptions} from '../../batch/process-batch.js'
import {ruleIds} from '../../check/rule-ids.js'
import type {Format, ListedArticle} from '../../emit/index.js'
import {displayPath, findArticles} from '../articles.js'
import {batchArgs, batchUsage, toBatchOptions} from '../batch-options.js'
import {UsageError, type Command} from '../command.js'
import {loadConfig, loadGlossaryWhenPresent, publishSettings} from '../config.js'
import {checkBatch, checkLocalFiles, duplicateFinder, preloadBatchChecks} from '../publish-checks.js'
import {reportWidth, type CliIo} from '../io.js'
import {summarize} from '../summary.js'
import {hideStacks} from '../hide-stacks.js'
import {acquireLock, describeHolder, LockBusyError, type Lock} from '../file-lock.js'
import type {RuleSettings} from '../../check/settings.js'
import {publishedPages, recoverOutput, sha256, stageOutput, type StagedOutput} from '../staged-output.js'
import {mayHaveMarkers} from '../../check/suppress-markers.js'

const usage = `Usage: bitext build [options]

Publish articles/ into a bilingual blog in dist/.

Options:
  --articles DIR    folder of articles (default: articles)
  --out DIR         output folder (default: dist)
  --glossary FILE   glossary (default: glossary.yaml when it exists)
  --format LIST     outputs: md, html or md,html (default: md,html)
  --encoding NAME   read articles in this encoding instead of detecting it
  --allow-untranslated
                    publish an article without Chinese (a warning, not an error)
  --disable-nunjucks
                    the Hexo site sets disableNunjucks: keep template braces
                    as written instead of wrapping them in {% raw %}
${batchUsage}  --wait            if another build is writing the same output folder,
                    wait for it (default: stop with exit 2)
  --quiet           print errors and the summary only
  --debug           print stack traces of internal errors

An article is not published when it cannot be built, has no Chinese, or has
template braces that cannot be protected from Hexo; the others still are.
Local images and files it refers to are copied beside its outputs.

The new blog is written beside the output folder and swapped in at the
end: until then the previous output stays complete and untouched.

Exit status: 0 built, 1 an article could not be built (the others still are),
2 bad usage, or another build holds the output folder.
`

const formats: readonly Format[] = ['md', 'html']

/** The build command. */
export const buildCommand: Command = {
  name: 'build',
  usage,
  async run(args, io) {
    const {values} = parseArgs({
      args,
      options: {
        articles: {type: 'string', default: 'articles'},
        out: {type: 'string', default: 'dist'},
        glossary: {type: 'string'},
        format: {type: 'string', default: 'md,html'},
        encoding: {type: 'string'},
        'allow-untranslated': {type: 'boolean', default: false},
        'disable-nunjucks': {type: 'boolean', default: false},
        ...batchArgs,
        wait: {type: 'boolean', default: false},
        quiet: {type: 'boolean', default: false},
        debug: {type: 'boolean', default: false}
      },
      allowPositionals: false
    })
    const wanted = parseFormats(values.format)
    const started = performance.now()
    const config = loadConfig(io, ruleIds.map((id) => ({id})))
    const glossary = await loadGlossaryWhenPresent(values.glossary ?? config.glossary, io)
    const articlePaths = findArticles([values.articles], io)
    if (articlePaths.length === 0) throw new UsageError(`No Markdown articles in \`${values.articles}\`; add .md files or pass --articles DIR`)
    const outDir = path.resolve(io.cwd, values.out)
    const disableNunjucks = values['disable-nunjucks'] || config.disableNunjucks === true
    const settings = publishSettings(config, {allowUntranslated: values['allow-untranslated'], disableNunjucks})
    const batch = toBatchOptions(
      values,
      {
        settings,
        formats: wanted,
        ...(disableNunjucks ? {templateBraces: 'keep' as const} : {}),
        ...(glossary ? {glossary} : {}),
        ...(values.encoding ? {encoding: values.encoding} : {})
      },
      articlePaths.length,
      io
    )

    // What the pages, the article list, the cross-article checks and the summary read.
    batch.keep = ['slug', 'frontMatter', 'localFiles', 'outputs', 'titleEn', 'repairs', 'termUses', 'value']
    batch.onDamagedEntry = (shown, reason) => io.stderr.write(`bitext build: ignored the cache entry of ${shown}: ${reason}; built it again\n`)

    // Loaded while the articles are processed: the report is written last.
    const reporter = import('../../report/stylish.js')
    reporter.catch(() => undefined)
    const lock = lockOutput(io, outDir, values.wait)
    try {
      const leftovers = recoverOutput(io.fs, outDir)
      if (leftovers.length > 0 && !values.quiet) io.stderr.write(`bitext build: removed what an interrupted build left: ${leftovers.join(', ')}\n`)
      // Pages published by the last build were checked when written: a cache
      // entry holding the very same page is not checked again.
      const pages = publishedPages(io.fs, outDir)
      if (pages.size > 0) batch.trustedPage = (html) => pages.has(sha256(html))
      // Nor are the pages of an article that will not be published.
      batch.unpublished = (result) => result.data.failed === true || blocked(result.messages)
      const output = stageOutput(io.fs, outDir)
      let built: {files: VFile[]; hits: number}
      try {
        built = await publish(output, articlePaths, batch, {wanted, settings, root: path.resolve(io.cwd, values.articles), quiet: values.quiet}, io)
        const swap = output.commit()
        if (values.debug) {
          io.stderr.write(swap.unchanged
            ? `bitext build: ${displayPath(outDir, io)} already holds this build, file for file: nothing swapped\n`
            : `bitext build: swapped in ${displayPath(outDir, io)} in ${swap.swapMs.toFixed(1)} ms (removing the previous output: ${swap.removeMs.toFixed(1)} ms)\n`)
        }
      } catch (error) {
        output.abort()
        throw error
      }
      const {files, hits} = built
      hideStacks(files, values.debug)
      const {stylish} = await reporter
      const report = stylish(files, {quiet: values.quiet, onlyWithMessages: true, width: reportWidth(io.stderr, io.env)})
      if (report) io.stderr.write(report + '\n')
      const summary = summarize(files, performance.now() - started)
      const cached = hits > 0 ? ` (${hits} from cache)` : ''
      io.stderr.write(`bitext build: ${summary.line}${cached} → ${displayPath(outDir, io)}\n`)
      return summary.failed > 0 ? 1 : 0
    } finally {
      lock.release()
    }
  }
}

/** Process every article and write the new blog into `output` (swapped in by the caller). */
async function publish(
  output: StagedOutput,
  articlePaths: string[],
  batch: BatchOptions,
  options: {wanted: readonly Format[]; settings: RuleSettings; root: string; quiet: boolean},
  io: CliIo
): Promise<{files: VFile[]; hits: number}> {
  const progress = await progressBar(io, articlePaths.length, options.quiet)
  const files: VFile[] = []
  const cache: Array<{cache?: 'hit' | 'miss'}> = []
  const slugs = new Map<string, string>()
  const published: ListedArticle[] = []
  const findDuplicate = duplicateFinder()
  const results = processBatch(articlePaths, batch)
  // The article list's renderer loads while the batch's worker starts and works, not after it.
  const pages = options.wanted.includes('html') ? import('../../emit/index-page.js') : undefined
  pages?.catch(() => undefined)
  // Term uses, which the cross-file checks compare, come from a glossary.
  if (batch.pipeline?.glossary) preloadBatchChecks().catch(() => undefined)
  for await (const result of results) {
    progress?.increment()
    cache.push(result.cache ? {cache: result.cache} : {})
    // The outputs are written as they come (a cache hit's are UTF-8 bytes, never decoded), not through the file.
    const {outputs, ...data} = result.data
    const file = fromResult({...result, data})
    files.push(file)
    if (file.data.failed) continue
    const copies = checkLocalFiles(file, path.resolve(io.cwd, result.path), options.root, io)
    const duplicate = findDuplicate(file) !== undefined
    if (refused(file)) {
      release(file)
      continue
    }
    const slug = file.data.slug ?? file.stem ?? 'article'
    const previous = slugs.get(slug)
    if (previous) {
      const message = file.message(`Duplicate slug \`${slug}\`, already used by \`${previous}\`; set a different \`slug\` in the front matter`, {ruleId: 'duplicate-slug', source: 'bitext'})
      message.fatal = true
      file.data.failed = true
      continue
    }
    slugs.set(slug, file.path)
    writeOutputs(output, slug, outputs ?? {})
    for (const copy of copies) output.copyFile(path.join(slug, copy.to), copy.from)
    const frontMatter = file.data.frontMatter ?? {}
    const titleEn = file.data.titleEn
    // A second copy of an article is built but listed once.
    if (!duplicate) published.push({slug, frontMatter, ...(titleEn === undefined ? {} : {titleEn})})
    release(file)
  }
  progress?.stop()
  // Term consistency across articles: the same messages lint and review give.
  await checkBatch(files, options.settings)
  if (pages) output.write('index.html', (await pages).renderIndexPage(published))
  return {files, hits: cacheStats(cache).hits}
}

/** Take the output folder's lock (a file beside it), or say who holds it. */
function lockOutput(io: CliIo, outDir: string, wait: boolean): Lock {
  io.fs.mkdirSync(path.dirname(outDir), {recursive: true})
  const file = path.join(path.dirname(outDir), `.${path.basename(outDir)}.lock`)
  const shown = displayPath(outDir, io)
  try {
    return acquireLock(io.fs, file, {
      wait,
      onWait: (holder) => io.stderr.write(`bitext build: waiting for the build writing ${shown} (${describeHolder(holder)})\n`)
    })
  } catch (error) {
    if (!(error instanceof LockBusyError)) throw error
    throw new UsageError(
      `Another build is writing ${shown} (${describeHolder(error.holder)}); wait for it to finish, pass --wait to queue behind it, or remove ${displayPath(file, io)} if that process is gone`
    )
  }
}

/**
 * Release an article's bulk: only its messages are needed from here on (and
 * its text when it may hold suppression markers, which the cross-file check
 * reads; a text without one is not read again). Its outputs never entered
 * the file.
 */
function release(file: VFile): void {
  delete file.data.localFiles
  if (typeof file.value === 'string' && !mayHaveMarkers(file.value)) file.value = ''
}

/** Rules whose error means the article must not be published. */
const blocking = new Set(['no-translation', 'template-braces', 'mojibake-unrepaired'])

/** Whether a blocking rule reports an error among an article's messages (a file's, or a result's). */
function blocked(messages: ReadonlyArray<{fatal?: boolean | null | undefined; ruleId?: string | null | undefined}>): boolean {
  return messages.some((message) => message.fatal === true && blocking.has(message.ruleId ?? ''))
}

/** Refuse an article a blocking rule reports as an error: it is counted as failed. */
function refused(file: VFile): boolean {
  if (!blocked(file.messages)) return false
  file.data.failed = true
  return true
}

function parseFormats(value: string): Format[] {
  const list = value.split(',').map((item) => item.trim()).filter(Boolean)
  const unknown = list.filter((item) => !formats.includes(item as Format))
  if (list.length === 0 || unknown.length > 0) {
    throw new UsageError(`Unknown --format \`${unknown.join(',') || value}\`; use md, html or md,html`)
  }
  return list as Format[]
}

async function progressBar(io: CliIo, total: number, quiet: boolean) {
  if (quiet || !io.stderr.isTTY || total <= 5) return undefined
  const {default: cliProgress} = await import('cli-progress')
  const bar = new cliProgress.SingleBar(
    {stream: io.stderr as NodeJS.WritableStream, format: 'bitext build [{bar}] {value}/{total} articles', hideCursor: true, clearOnComplete: true},
    cliProgress.Presets.shades_classic
  )
  bar.start(total, 0)
  return bar
}

function writeOutputs(output: StagedOutput, slug: string, outputs: ResultOutputs): void {
  for (const [name, content] of Object.entries(outputs)) output.write(path.join(slug, name), content)
}
