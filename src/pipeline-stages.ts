/**
 * The names of the pipeline's stages, in a module of their own so that the
 * worker pool can name a stage without loading the pipeline.
 */

/** The stages of the pipeline, in order. */
export const pipelineStages = ['decode', 'repair', 'parse', 'align', 'check', 'emit'] as const

/** A stage of the pipeline. */
export type PipelineStage = (typeof pipelineStages)[number]
