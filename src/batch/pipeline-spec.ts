/**
 * Pipeline options as plain data, so that a worker thread can rebuild the
 * same pipeline (`fromPipelineSpec`, in `from-pipeline-spec.ts`) and the
 * cache can hash what the output depends on. This module imports no stage:
 * the thread that hands articles to workers does not load them.
 */
import type {Rule} from '../check/rule.js'
import type {RuleSettings} from '../check/settings.js'
import type {Format} from '../emit/index.js'
import type {Term} from '../glossary/types.js'
import type {PipelineOptions} from '../pipeline.js'

/** Structured-clone and JSON safe pipeline options. */
export interface PipelineSpec {
  settings?: RuleSettings
  /** Ids of the rules to run (absent: all). */
  rules?: string[]
  /** The glossary without its compiled index (rebuilt where the spec is used). */
  glossary?: {path: string; terms: Term[]}
  encoding?: string
  emit?: boolean
  formats?: Format[]
  templateBraces?: 'raw' | 'keep'
  /** Today's English source of translations, by article path (`lint --source`). */
  sources?: Record<string, string>
}

/**
 * Describe pipeline options as data.
 *
 * @param options The options.
 * @param builtIn bitext's own rules (`allRules`; only read when the options
 *   name rules, so a caller without rules may pass none).
 * @returns The spec, or undefined when the options hold rules bitext does not
 *   know by id (custom rules are functions and cannot cross a thread).
 */
export function toPipelineSpec(options: PipelineOptions, builtIn: readonly Rule[] = []): PipelineSpec | undefined {
  const spec: PipelineSpec = {}
  if (options.rules) {
    const ids: string[] = []
    for (const rule of options.rules) {
      if (builtIn.find((known) => known.id === rule.id) !== rule) return undefined
      ids.push(rule.id)
    }
    spec.rules = ids
  }
  if (options.settings) spec.settings = options.settings
  if (options.glossary) spec.glossary = {path: options.glossary.path, terms: options.glossary.terms}
  if (options.encoding !== undefined) spec.encoding = options.encoding
  if (options.emit !== undefined) spec.emit = options.emit
  if (options.formats) spec.formats = [...options.formats]
  if (options.templateBraces) spec.templateBraces = options.templateBraces
  if (options.sources) spec.sources = {...options.sources}
  return spec
}
