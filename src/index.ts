/**
 * bitext's public API: the stages as plain functions and unified plugins, the
 * pipeline, the reporters and the exporters. Re-exports only.
 */
export type * from './types.js'
export {createPipeline, processArticle, type Pipeline, type PipelineOptions} from './pipeline.js'
export {DecodeError, decode, decodeBytes, type DecodeOptions, type Decoded} from './decode/index.js'
export {repair, repairMojibake, rerankRepairs, rerankWithSource, uncertainBelow, type RepairOptions, type RepairResult} from './repair/index.js'
export {createParser, FrontMatterError, readFrontMatter, slugOf} from './parse/index.js'
export {default as bitextAlign, alignBlocks, alignFiles, alignSentences, toAlignmentJson, type AlignmentJson} from './align/index.js'
export {default as bitextCheck, type Options as CheckOptions} from './check/index.js'
export {allRules} from './check/rules.js'
export type {Finding, Rule, RuleContext} from './check/rule.js'
export {applyFixes} from './check/apply-fixes.js'
export {checkCrossFile} from './check/cross-file.js'
export {default as bitextEmit, renderIndexPage, type Format, type Options as EmitOptions} from './emit/index.js'
export {toMarkdown} from './emit/markdown.js'
export {parseGlossary, GlossaryError} from './glossary/parse-glossary.js'
export type {Glossary, Term} from './glossary/types.js'
export {reporters, reporterNames, type Reporter, type ReportOptions} from './report/index.js'
export {renderReviewHtml, renderReviewIndex, renderReviewJson, reviewModel} from './review/index.js'
export {toTmx, toXliff} from './export/index.js'
export {processBatch, processBatchAll, type ArticleResult, type BatchOptions} from './batch/index.js'
export {run} from './cli/run.js'
