/**
 * The review of an article as JSON, for other tools: the same model the HTML
 * page is rendered from.
 */
import type {VFile} from 'vfile'
import {reviewModel} from './model.js'

/**
 * Render the review of one processed article as JSON.
 *
 * @param file The file from the pipeline.
 * @returns Pretty-printed JSON of the review model (`version: 1`).
 */
export function renderReviewJson(file: VFile): string {
  return `${JSON.stringify(reviewModel(file), null, 2)}\n`
}
