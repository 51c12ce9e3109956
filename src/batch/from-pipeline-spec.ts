/**
 * Rebuild pipeline options from their plain-data spec, in a worker thread
 * (it loads the rules and compiles the glossary: what `toPipelineSpec`'s
 * side never needs).
 */
import {allRules} from '../check/rules.js'
import {createGlossary} from '../glossary/parse-glossary.js'
import type {PipelineOptions} from '../pipeline.js'
import type {PipelineSpec} from './pipeline-spec.js'

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
