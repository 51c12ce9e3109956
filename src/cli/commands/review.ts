/**
 * `bitext review`: the translators' review report, per article `<slug>.html`
 * and `<slug>.json`, an `index.html` summary, and the rule pages the messages
 * link to (`rules/<rule-id>.html`, from docs/rules/).
 */
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import type {VFile} from 'vfile'
import {allRules} from '../../check/rules.js'
import {fromResult, processBatch} from '../../batch/index.js'
import type {PipelineOptions} from '../../pipeline.js'
import {renderIndexDocument, renderReviewDocument, renderReviewModelJson, renderRulePage, reviewModel, rulePagesFolder, type ReviewDocument} from '../../review/index.js'
import {displayPath, findArticles} from '../articles.js'
import type {CliIo} from '../io.js'
import {UsageError, type Command} from '../command.js'
import {loadConfig, publishSettings} from '../config.js'
import {articleRoots, checkBatch, checkLocalFiles, duplicateFinder} from '../publish-checks.js'
import {loadProjectGlossary} from '../glossary-file.js'
import {batchArgs, batchUsage, toBatchOptions} from '../batch-options.js'

const usage = `Usage: bitext review [FILES…] [options]

Write the translators' review report: one page per article with every
aligned unit side by side and each message at its place, the same as JSON,
and an index of all articles, worst first.

Arguments:
  FILES             articles or folders (default: articles)

Options:
  --out DIR         output folder (default: dist/review)
  --glossary FILE   glossary (default: glossary.yaml when it exists)
  --encoding NAME   read articles in this encoding instead of detecting it
  --allow-untranslated
                    an article without Chinese is a warning, not an error
${batchUsage}`

/** The review command. */
export const reviewCommand: Command = {
  name: 'review',
  usage,
  async run(args, io) {
    const {values, positionals} = parseArgs({
      args,
      options: {
        out: {type: 'string', default: path.join('dist', 'review')},
        glossary: {type: 'string'},
        encoding: {type: 'string'},
        'allow-untranslated': {type: 'boolean', default: false},
        ...batchArgs,
        debug: {type: 'boolean', default: false}
      },
      allowPositionals: true
    })
    const inputs = positionals.length > 0 ? positionals : ['articles']
    const articlePaths = findArticles(inputs, io)
    if (articlePaths.length === 0) throw new UsageError(`No Markdown articles in \`${inputs.join('`, `')}\`; pass .md files or folders`)
    const config = loadConfig(io, allRules)
    const glossary = loadProjectGlossary(values.glossary ?? config.glossary, io)
    const settings = publishSettings(config, {allowUntranslated: values['allow-untranslated']})
    const rootOf = articleRoots(inputs, io)
    const findDuplicate = duplicateFinder()
    const pipeline: PipelineOptions = {
      settings,
      emit: false,
      ...(glossary ? {glossary} : {}),
      ...(values.encoding ? {encoding: values.encoding} : {})
    }
    const outDir = path.resolve(io.cwd, values.out)
    io.fs.mkdirSync(outDir, {recursive: true})
    const files: VFile[] = []
    const slugs = new Set<string>()
    for await (const result of processBatch(articlePaths, toBatchOptions(values, pipeline, articlePaths.length, io))) {
      const file = fromResult(result)
      if (!file.data.failed) {
        const article = path.resolve(io.cwd, result.path)
        checkLocalFiles(file, article, rootOf(article), io)
        findDuplicate(file)
      }
      let slug = file.data.slug ?? file.stem ?? 'article'
      // Two articles with one slug still get two pages.
      for (let index = 2; slugs.has(slug); index++) slug = `${file.data.slug ?? file.stem ?? 'article'}-${index}`
      slugs.add(slug)
      file.data.slug = slug
      files.push(file)
    }
    // Term consistency is a property of the whole set of articles: check it before rendering.
    await checkBatch(files, settings)
    const reviews = files.map((file) => reviewModel(file))
    for (const review of reviews) {
      io.fs.writeFileSync(path.join(outDir, `${review.slug}.html`), renderReviewDocument(review))
      io.fs.writeFileSync(path.join(outDir, `${review.slug}.json`), renderReviewModelJson(review))
    }
    io.fs.writeFileSync(path.join(outDir, 'index.html'), renderIndexDocument(reviews))
    writeRulePages(io, path.join(outDir, rulePagesFolder))
    const failed = files.filter((file) => file.data.failed).length
    const messages = files.reduce((total, file) => total + file.messages.length, 0)
    io.stderr.write(`bitext review: ${files.length} ${files.length === 1 ? 'article' : 'articles'}, ${messages} messages${decisionsSummary(reviews)}${failed > 0 ? `, ${failed} failed` : ''} → ${displayPath(path.join(outDir, 'index.html'), io)}\n`)
    return failed > 0 ? 1 : 0
  }
}

/**
 * The repair decisions left to a person in all articles, counted as
 * `mojibake-uncertain` reports them (twins once), with the characters they
 * cover when that differs: `, 30 decisions to make (32 characters)`.
 */
function decisionsSummary(reviews: readonly ReviewDocument[]): string {
  const decisions = reviews.reduce((total, review) => total + review.uncertain.decisions, 0)
  const characters = reviews.reduce((total, review) => total + review.uncertain.characters, 0)
  if (decisions === 0) return ''
  return `, ${decisions} ${decisions === 1 ? 'decision' : 'decisions'} to make${characters === decisions ? '' : ` (${characters} characters)`}`
}

/** docs/rules/ of the bitext package (the same from src/ and from lib/). */
const rulesDocs = fileURLToPath(new URL('../../../docs/rules/', import.meta.url))

/** Write the page of every rule that has one in docs/rules/. */
function writeRulePages(io: CliIo, folder: string): void {
  io.fs.mkdirSync(folder, {recursive: true})
  for (const rule of allRules) {
    const source = path.join(rulesDocs, `${rule.id}.md`)
    if (!io.fs.existsSync(source)) continue
    io.fs.writeFileSync(path.join(folder, `${rule.id}.html`), renderRulePage(rule.id, io.fs.readFileSync(source, 'utf8')))
  }
}
