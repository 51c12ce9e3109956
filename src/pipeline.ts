/**
 * The whole bitext pipeline for one article: decode → repair → parse → align
 * → check → emit. A failure in one article becomes a fatal message on that
 * article's file; it never throws for bad input, so a batch goes on.
 */
import type {Root} from 'mdast'
import {unified} from 'unified'
import {VFile} from 'vfile'
import bitextAlign from './align/index.js'
import bitextCheck from './check/index.js'
import type {Rule} from './check/rule.js'
import type {Segment} from './check/segmenter.js'
import type {RuleSettings} from './check/settings.js'
import {DecodeError, decode} from './decode/index.js'
import {dropDecisionBlock, mapMessagesToDisk, placeDecisions, readBlock} from './decisions/index.js'
import bitextEmit, {type Format} from './emit/index.js'
import type {Glossary} from './glossary/types.js'
import {FrontMatterError, assertFrontMatterClosed, createParser, parseFrontMatter, slugOf} from './parse/index.js'
import {localFiles} from './parse/local-files.js'
import {InputLimitError, assertInlineMarkup, assertNesting, assertPhrasingDepth, assertNotEmpty, assertSize, type InputLimits} from './parse/input-limits.js'
import {glossaryForms, repair, rerankWithSource} from './repair/index.js'
import type {PipelineStage} from './pipeline-stages.js'
import type {FrontMatter} from './types.js'

export {pipelineStages, type PipelineStage} from './pipeline-stages.js'

/** Options of the pipeline. */
export interface PipelineOptions {
  /** Glossary for the glossary checks (default: none). */
  glossary?: Glossary
  /** Severity per rule id (default: each rule's default). */
  settings?: RuleSettings
  /** Rules to run (default: all). */
  rules?: readonly Rule[]
  /** Force the input encoding instead of detecting it (default: detect). */
  encoding?: string
  /** Whether to produce outputs (default: true). */
  emit?: boolean
  /** Outputs to produce (default: `md` and `html`). */
  formats?: readonly Format[]
  /** Template braces in the Markdown outputs: `raw` wraps them for Hexo, `keep` leaves them (default: `raw`). */
  templateBraces?: 'raw' | 'keep'
  /** Largest article and deepest nesting accepted (default: 4 MiB, 100 levels). */
  limits?: InputLimits
  /**
   * Called as each stage of an article starts (default: nothing), so that a
   * supervisor can say where an article that overran its deadline was.
   */
  onStage?: (stage: PipelineStage) => void
  /**
   * Today's English source of translations, by article path (default: none):
   * the `outdated-translation` rule then reports the pairs whose English
   * changed (`lint --source`).
   */
  sources?: Readonly<Record<string, string>>
  /** Chinese word segmentation for `repeated-text` (default: jieba in this thread, loaded on first use). */
  segment?: Segment
}

/** A configured pipeline, reusable for many articles. */
export interface Pipeline {
  /**
   * Process one article.
   *
   * @param bytes The article's bytes as read from disk.
   * @param path The article's path (for messages and the default slug).
   * @returns The file, with `data` filled and messages attached.
   */
  process(bytes: Uint8Array, path: string): Promise<VFile>
}

/**
 * Configure the pipeline once for a batch.
 *
 * @param options Configuration.
 * @returns The pipeline.
 */
export function createPipeline(options: PipelineOptions = {}): Pipeline {
  const parser = createParser()
  const checkOptions = {
    ...(options.rules ? {rules: options.rules} : {}),
    ...(options.settings ? {settings: options.settings} : {}),
    ...(options.glossary ? {glossary: options.glossary} : {}),
    ...(options.segment ? {segment: options.segment} : {})
  }
  // The check stage reports alignment problems and uncertain repairs as configurable rules,
  // so the align and repair stages add no messages of their own here.
  const aligner = unified().use(bitextAlign, {messages: false})
  const checker = unified().use(bitextCheck, checkOptions)
  const emitOptions = {
    ...(options.formats ? {formats: options.formats} : {}),
    ...(options.templateBraces ? {templateBraces: options.templateBraces} : {})
  }
  const emitter = options.emit === false ? undefined : unified().use(bitextEmit, emitOptions)
  const decodeOptions = options.encoding ? {encoding: options.encoding} : {}
  const limits = options.limits ?? {}
  const enter = options.onStage ?? (() => {})
  // The glossary's Chinese terms, approved and forbidden, are words of every article's repair lexicon.
  const repairOptions = options.glossary ? {terms: glossaryForms(options.glossary)} : {}

  return {
    async process(bytes, path) {
      const file = new VFile({path, value: bytes})
      const syncSource = options.sources?.[path]
      if (syncSource !== undefined) file.data.syncSource = syncSource
      try {
        enter('decode')
        assertSize(bytes.byteLength, limits)
        decode(file, decodeOptions)
        reportLegacyEncoding(file)
        // The text as on disk: messages point into it, and its decision block is read from it.
        const disk = String(file.value)
        assertNotEmpty(disk)
        enter('repair')
        repair(file, repairOptions)
        enter('parse')
        // remark recurses per nesting level: refuse absurd depth before it overflows the stack.
        assertNesting(String(file.value), limits)
        assertInlineMarkup(String(file.value), limits)
        let tree = parser.parse(file) as Root
        assertPhrasingDepth(tree, limits)
        dropDecisionBlock(tree)
        assertFrontMatterClosed(String(file.value), tree)
        const frontMatter = readFrontMatterInto(file, tree)
        file.data.slug = slugOf(frontMatter, file.stem ?? 'article', tree)
        file.data.localFiles = localFiles(tree)
        enter('align')
        await aligner.run(tree, file)
        // Lossy repairs inside pairs are checked against their English; a
        // changed text is parsed and aligned again (damaged files only).
        if (rerankWithSource(file, repairOptions)) {
          tree = parser.parse(file) as Root
          dropDecisionBlock(tree)
          readFrontMatterInto(file, tree)
          file.data.localFiles = localFiles(tree)
          await aligner.run(tree, file)
        }
        placeDecisions(file, disk, readBlock(disk))
        enter('check')
        await checker.run(tree, file)
        enter('emit')
        if (emitter) await emitter.run(tree, file)
        // Last: every message of every stage, placed in the repaired text, moves to the file on disk.
        mapMessagesToDisk(file)
        file.data.tree = tree
      } catch (error) {
        fail(file, error)
      }
      return file
    }
  }
}

/**
 * Process one article with a one-off pipeline.
 *
 * @param bytes The article's bytes.
 * @param path The article's path.
 * @param options Configuration.
 * @returns The processed file.
 */
export async function processArticle(bytes: Uint8Array, path: string, options: PipelineOptions = {}): Promise<VFile> {
  return createPipeline(options).process(bytes, path)
}

/** Set the front matter of a parsed tree on the file, and its YAML document for emit (none without front matter); returns the front matter. */
function readFrontMatterInto(file: VFile, tree: Root): FrontMatter {
  const {value, yaml} = parseFrontMatter(tree)
  file.data.frontMatter = value
  if (yaml) file.data.frontMatterYaml = yaml
  else delete file.data.frontMatterYaml
  return value
}

/**
 * Say that an article was read from a legacy encoding (GBK, Big5,
 * windows-1252, …): every editor and tool after bitext expects UTF-8.
 */
function reportLegacyEncoding(file: VFile): void {
  const info = file.data.encoding
  if (!info || info.encoding.startsWith('utf-')) return
  const name = info.encoding.toUpperCase()
  const how = info.source === 'override' ? 'as --encoding says' : `detected, confidence ${info.confidence.toFixed(2)}`
  const message = file.message(
    `Unexpected legacy encoding ${name} (${how}): convert the article to UTF-8 with \`bitext repair --write ${file.path}\` (keeps the original as .orig) or \`iconv -f ${name} -t UTF-8\``,
    {ruleId: 'legacy-encoding', source: 'bitext', place: {line: 1, column: 1}}
  )
  message.fatal = false
}

/** Turn an error into one fatal message on the file. */
function fail(file: VFile, error: unknown): void {
  file.data.failed = true
  const known = knownError(error)
  const reason = known
    ? known.error.message
    : isStackOverflow(error)
      ? 'Article too deeply nested to process (quotes, lists, emphasis or HTML inside each other thousands of times); flatten the nesting'
      : `Could not process this article: ${error instanceof Error ? error.message : String(error)}; this is a bug in bitext, please report it with the article`
  const line = known?.error.line
  const message = file.message(reason, {
    ruleId: known ? known.ruleId : isStackOverflow(error) ? 'input-limit' : 'internal-error',
    source: 'bitext',
    ...(line === undefined ? {} : {place: {line, column: 1}}),
    ...(known || isStackOverflow(error) || !(error instanceof Error) ? {} : {cause: error})
  })
  message.fatal = true
}

/** A user-facing error with its rule id, or undefined for a bug. */
function knownError(error: unknown): {error: DecodeError | FrontMatterError | InputLimitError; ruleId: string} | undefined {
  if (error instanceof DecodeError) return {error, ruleId: 'decode'}
  if (error instanceof FrontMatterError) return {error, ruleId: 'front-matter'}
  if (error instanceof InputLimitError) return {error, ruleId: 'input-limit'}
  return undefined
}

/** V8's stack overflow: input nested too deeply for a recursive stage. */
function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message)
}
