/**
 * `bitext lint [FILES…]`: run the checks on articles and report, for people
 * (stylish) and for CI (json, github, sarif). Exit 1 on error-level messages
 * or too many warnings.
 */
import path from 'node:path'
import {parseArgs} from 'node:util'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {applyFixes} from '../../check/apply-fixes.js'
import type {Rule} from '../../check/rule.js'
import {allRules} from '../../check/rules.js'
import {fromResult, processBatch} from '../../batch/index.js'
import {reporterNames, reporters} from '../../report/index.js'
import {createPipeline, type Pipeline, type PipelineOptions} from '../../pipeline.js'
import type {Fix} from '../../types.js'
import {displayPath, findArticles} from '../articles.js'
import {ChangedOnDiskError, writeFileAtomic} from '../atomic-write.js'
import {batchArgs, batchUsage, toBatchOptions} from '../batch-options.js'
import {UsageError, type Command} from '../command.js'
import {loadConfig, publishSettings} from '../config.js'
import {articleRoots, checkBatch, checkLocalFiles, duplicateFinder} from '../publish-checks.js'
import {loadProjectGlossary} from '../glossary-file.js'
import {hideStacks} from '../hide-stacks.js'
import {summarize} from '../summary.js'
import {pipedReportWidth, reportWidth, type CliIo} from '../io.js'

const groups: readonly Rule['group'][] = ['glossary', 'qa', 'align', 'repair', 'typography']

const usage = `Usage: bitext lint [options] [FILES…]

Check articles (default: the articles/ folder) against the QA rules and the
glossary, and report what is wrong.

Options:
  --format NAME       stylish (default), json, github or sarif
  --output FILE       write the report to FILE instead of standard output
  --rules LIST        which checks: all (default), a group (glossary, qa, …)
                      or rule ids, comma-separated
  --glossary FILE     glossary (default: glossary.yaml when it exists)
  --max-warnings N    also exit 1 when there are more than N warnings
  --quiet             report errors only
  --fix               apply the fixes checks propose (UTF-8 articles that
                      needed no repair only); the original is kept as FILE.orig
  --encoding NAME     read articles in this encoding instead of detecting it
  --allow-untranslated
                      an article without Chinese is a warning, not an error
  --source EN_FILE    today's English source of the one article given: the
                      outdated-translation rule reports the pairs whose
                      English changed (as \`bitext sync\` does)
${batchUsage}  --debug             print stack traces of internal errors

Exit status: 0 clean, 1 errors (or too many warnings), 2 bad usage.
`

/** The lint command. */
export const lintCommand: Command = {
  name: 'lint',
  usage,
  async run(args, io) {
    const {values, positionals} = parseArgs({
      args,
      options: {
        format: {type: 'string', default: 'stylish'},
        output: {type: 'string'},
        rules: {type: 'string', default: 'all'},
        glossary: {type: 'string'},
        'max-warnings': {type: 'string'},
        quiet: {type: 'boolean', default: false},
        fix: {type: 'boolean', default: false},
        encoding: {type: 'string'},
        'allow-untranslated': {type: 'boolean', default: false},
        source: {type: 'string'},
        ...batchArgs,
        debug: {type: 'boolean', default: false}
      },
      allowPositionals: true
    })
    const reporter = reporters[values.format]
    if (!reporter) throw new UsageError(`Unknown --format \`${values.format}\`; use ${reporterNames.join(', ')}`)
    const maxWarnings = parseMaxWarnings(values['max-warnings'])
    const rules = selectRules(values.rules, allRules)
    const config = loadConfig(io, allRules)
    const glossary = loadProjectGlossary(values.glossary ?? config.glossary, io)
    const inputs = positionals.length > 0 ? positionals : ['articles']
    const articlePaths = findArticles(inputs, io)
    if (articlePaths.length === 0) throw new UsageError(`No Markdown articles in ${inputs.map((input) => `\`${input}\``).join(', ')}`)

    const settings = publishSettings(config, {allowUntranslated: values['allow-untranslated']})
    const rootOf = articleRoots(inputs, io)
    const findDuplicate = duplicateFinder()
    const pipelineOptions: PipelineOptions = {
      rules,
      settings,
      emit: false,
      ...(glossary ? {glossary} : {}),
      ...(values.encoding ? {encoding: values.encoding} : {}),
      ...(values.source === undefined ? {} : {sources: sourcesOf(values.source, articlePaths, io)})
    }
    // `--fix` checks each fixed article again in this thread.
    let recheck: Pipeline | undefined
    const files: VFile[] = []
    for await (const result of processBatch(articlePaths, toBatchOptions(values, pipelineOptions, articlePaths.length, io))) {
      let file = fromResult(result)
      if (values.fix) {
        recheck ??= createPipeline(pipelineOptions)
        file = await fixArticle(file, path.resolve(io.cwd, result.path), io, recheck)
      }
      if (!file.data.failed) {
        const article = path.resolve(io.cwd, result.path)
        checkLocalFiles(file, article, rootOf(article), io)
        findDuplicate(file)
      }
      files.push(file)
    }
    await checkBatch(files, settings)
    const selected = new Set(rules.map((rule) => rule.id))
    if (rules.length !== allRules.length) for (const file of files) keepSelected(file, selected)

    hideStacks(files, values.debug)
    const sink = values.output ? undefined : io.stdout
    const report = reporter(files, {quiet: values.quiet, rules, version: '0.1.0', color: values.format === 'stylish' && io.stdout.isTTY === true && !io.env['NO_COLOR'], width: sink ? reportWidth(sink, io.env) : pipedReportWidth})
    if (values.output) {
      const target = path.resolve(io.cwd, values.output)
      io.fs.mkdirSync(path.dirname(target), {recursive: true})
      io.fs.writeFileSync(target, report + '\n')
    } else if (report !== '') {
      io.stdout.write(report + '\n')
    }
    const {errors, warnings} = summarize(files, 0)
    if (maxWarnings !== undefined && warnings > maxWarnings) {
      io.stderr.write(`bitext lint: ${warnings} warnings, more than --max-warnings ${maxWarnings}\n`)
      return 1
    }
    return errors > 0 ? 1 : 0
  }
}

/**
 * Parse `--rules`: `all`, group names or rule ids, comma-separated.
 *
 * @param value The option's value.
 * @param known All rules.
 * @returns The selected rules, in registry order.
 * @throws UsageError for an unknown name.
 */
export function selectRules(value: string, known: readonly Rule[]): Rule[] {
  const names = value.split(',').map((name) => name.trim()).filter(Boolean)
  if (names.length === 0 || names.includes('all')) return [...known]
  const wanted = new Set<string>()
  for (const name of names) {
    const byGroup = known.filter((rule) => rule.group === name)
    const byId = known.filter((rule) => rule.id === name)
    if (byGroup.length === 0 && byId.length === 0) {
      const hint = groups.includes(name as Rule['group']) ? ` (no rule of group \`${name}\` is registered)` : ''
      throw new UsageError(`Unknown --rules \`${name}\`${hint}; use all, a group (${groups.join(', ')}) or rule ids`)
    }
    for (const rule of [...byGroup, ...byId]) wanted.add(rule.id)
  }
  return known.filter((rule) => wanted.has(rule.id))
}

/** `--source`: today's English of the one article linted, keyed by the paths the pipeline sees. */
function sourcesOf(source: string, articlePaths: readonly string[], io: CliIo): Record<string, string> {
  if (articlePaths.length !== 1) {
    throw new UsageError(`--source compares one translation with its English source, but ${articlePaths.length} articles were given; pass one file`)
  }
  let text: string
  try {
    text = io.fs.readFileSync(path.resolve(io.cwd, source), 'utf8')
  } catch (error) {
    throw new UsageError(`Cannot read --source \`${source}\` (${(error as NodeJS.ErrnoException).code ?? 'error'}); check the path`)
  }
  const article = articlePaths[0]
  return {[article]: text, [displayPath(article, io)]: text, [path.resolve(io.cwd, article)]: text}
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings takes a whole number such as 0 or 10, not \`${value}\``)
  return Number(value)
}

/** With `--rules`, drop messages of other stages and rules; failures stay. */
function keepSelected(file: VFile, selected: ReadonlySet<string>): void {
  file.messages = file.messages.filter((message) => selected.has(message.ruleId ?? '') || message.ruleId === 'fix' || (message.fatal === true && isFailure(message.ruleId)))
}

function isFailure(ruleId: string | null | undefined): boolean {
  return ruleId === 'decode' || ruleId === 'front-matter' || ruleId === 'internal-error' || ruleId === 'read'
}

/**
 * Apply the fixes of one article whose messages survived suppression, write
 * it atomically with a `.orig` backup, and check it again. The write happens
 * only if the file still holds what was checked; if another edit or bitext
 * command changed it meanwhile, the article is read, checked and fixed again
 * (up to five times), so neither edit is lost.
 */
async function fixArticle(file: VFile, absolutePath: string, io: CliIo, pipeline: Pipeline, round = 1): Promise<VFile> {
  const fixes = file.data.fixes ?? []
  if (file.data.failed || fixes.length === 0) return file
  const encoding = file.data.encoding?.encoding
  if ((file.data.repairs?.length ?? 0) > 0 || (encoding !== undefined && encoding !== 'utf-8')) {
    const message = file.info(`Not fixed: the article is ${encoding ?? 'not UTF-8'}${(file.data.repairs?.length ?? 0) > 0 ? ' and needed repairs' : ''}; repair it and save it as UTF-8 first`, {
      ruleId: 'fix',
      source: 'bitext'
    })
    message.fatal = undefined
    return file
  }
  const text = String(file.value)
  const result = applyFixes(text, reported(file, fixes))
  if (result.applied.length === 0) return file
  const bom = file.data.encoding?.bom ? '\uFEFF' : ''
  const output = bom + result.text
  try {
    writeFileAtomic(io.fs, absolutePath, output, {backup: true, expected: Buffer.from(bom + text, 'utf8')})
  } catch (error) {
    if (!(error instanceof ChangedOnDiskError)) throw error
    if (round >= 5) {
      file.message(`Not fixed: the article changed on disk ${round} times while it was being fixed; run \`bitext lint --fix\` again when nothing else writes it`, {ruleId: 'fix', source: 'bitext'})
      return file
    }
    const again = await pipeline.process(io.fs.readFileSync(absolutePath), file.path)
    return fixArticle(again, absolutePath, io, pipeline, round + 1)
  }
  return pipeline.process(Buffer.from(output, 'utf8'), file.path)
}

/** Fixes whose message is still there (markers may have switched it off). */
function reported(file: VFile, fixes: readonly Fix[]): Fix[] {
  const place = location(file)
  // A fix is the change a message names: it lies within the message's place
  // (an insertion is shown on the two characters it goes between).
  const shown: Array<[number, number]> = []
  for (const message of file.messages) {
    const end = message.place && 'end' in message.place ? message.place.end : undefined
    const startOffset = place.toOffset({line: message.line ?? undefined, column: message.column ?? undefined})
    const endOffset = end ? place.toOffset(end) : undefined
    if (startOffset !== undefined && endOffset !== undefined) shown.push([startOffset, endOffset])
  }
  return fixes.filter((fix) => shown.some(([start, end]) => start <= fix.range[0] && fix.range[1] <= end))
}
