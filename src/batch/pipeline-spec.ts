/**
 * Pipeline options as plain data, so that a worker thread can rebuild the
 * same pipeline and the cache can hash what the output depends on.
 */
import {allRules} from '../check/rules.js'
import type {RuleSettings} from '../check/settings.js'
import type {Format} from '../emit/index.js'
import {createGlossary} from '../glossary/parse-glossary.js'
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
 * @returns The spec, or undefined when the options hold rules bitext does not
 *   know by id (custom rules are functions and cannot cross a thread).
 */
export function toPipelineSpec(options: PipelineOptions): PipelineSpec | undefined {
  const spec: PipelineSpec = {}
  if (options.rules) {
    const ids: string[] = []
    for (const rule of options.rules) {
      if (allRules.find((known) => known.id === rule.id) !== rule) return undefined
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

/**
 * Rebuild pipeline options from a spec (compiles the glossary once).
 *
 * @param spec The spec.
 * @returns Options for `createPipeline`.
 */
export function fromPipelineSpec(spec: PipelineSpec): PipelineOptions {
  const options: PipelineOptions = {}
  if (spec.rules) {
    const byId = new Map(allRules.map((rule) => [rule.id, rule]))
    // Keep the caller's order: it is the order findings are reported in.
    options.rules = spec.rules.flatMap((id) => byId.get(id) ?? [])
  }
  if (spec.settings) options.settings = spec.settings
  if (spec.glossary) options.glossary = createGlossary(spec.glossary.terms, spec.glossary.path)
  if (spec.encoding !== undefined) options.encoding = spec.encoding
  if (spec.emit !== undefined) options.emit = spec.emit
  if (spec.formats) options.formats = spec.formats
  if (spec.templateBraces) options.templateBraces = spec.templateBraces
  if (spec.sources) options.sources = spec.sources
  return options
}
