/**
 * The review of an article as JSON, for other tools: the same model the HTML
 * page is rendered from.
 */
import type {VFile} from 'vfile'
import {reviewModel, type ReviewDocument} from './model.js'

/**
 * Render the review of one processed article as JSON.
 *
 * @param file The file from the pipeline.
 * @returns Pretty-printed JSON of the review model (`version: 1`).
 */
export function renderReviewJson(file: VFile): string {
  return renderReviewModelJson(reviewModel(file))
}

/**
 * Render a review model as JSON.
 *
 * @param review The model (`reviewModel`).
 * @returns Pretty-printed JSON (`version: 1`).
 */
export function renderReviewModelJson(review: ReviewDocument): string {
  return `${JSON.stringify(review, null, 2)}\n`
}
