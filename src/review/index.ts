/**
 * The translators' review report: pure renderers from processed files to a
 * per-article HTML page, its JSON, and an index page.
 */
export {renderReviewHtml, renderReviewDocument, type HtmlOptions} from './html.js'
export {renderReviewIndex, renderIndexDocument, worstFirst, type IndexOptions} from './index-page.js'
export {renderReviewJson, renderReviewModelJson} from './json.js'
export {renderRulePage, rulePageHref, rulePagesFolder} from './rule-page.js'
export {reviewModel, severityOfMessage} from './model.js'
export type {ReviewChoice, ReviewCounts, ReviewDecision, ReviewDocument, ReviewMessage, ReviewPlace, ReviewRepair, ReviewRow, ReviewSentence, ReviewSide, ReviewSlice, ReviewUncertainCounts} from './model.js'
