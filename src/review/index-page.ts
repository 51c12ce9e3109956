/**
 * The index of the review report: every article with its counts per severity
 * and per rule, worst first.
 */
import type {Element} from 'hast'
import {h} from 'hastscript'
import type {VFile} from 'vfile'
import {reviewPage} from './page.js'
import {contentSecurityPolicy} from './assets.js'
import {reviewModel, type ReviewDocument} from './model.js'
import {rulePageHref} from './rule-page.js'

/** Options of the index page. */
export interface IndexOptions {
  /** Page title (default: `bitext review`). */
  title?: string
}

/**
 * Order reviews worst first: errors, then warnings, then info, then path.
 *
 * @param reviews Review models.
 * @returns A sorted copy.
 */
export function worstFirst(reviews: readonly ReviewDocument[]): ReviewDocument[] {
  return [...reviews].sort((a, b) =>
    b.counts.error - a.counts.error ||
    b.counts.warning - a.counts.warning ||
    b.counts.info - a.counts.info ||
    a.path.localeCompare(b.path))
}

/**
 * Render the index page of processed articles.
 *
 * @param files Files from the pipeline.
 * @param options Title.
 * @returns A complete, self-contained HTML document linking to `<slug>.html`.
 */
export function renderReviewIndex(files: readonly VFile[], options: IndexOptions = {}): string {
  return renderIndexDocument(files.map((file) => reviewModel(file)), options)
}

/**
 * Render the index page from review models.
 *
 * @param reviews Review models.
 * @param options Title.
 * @returns The HTML document.
 */
export function renderIndexDocument(reviews: readonly ReviewDocument[], options: IndexOptions = {}): string {
  const title = options.title ?? 'bitext review'
  const sorted = worstFirst(reviews)
  const totals = new Map<string, number>()
  for (const review of reviews) {
    for (const [rule, counts] of Object.entries(review.counts.byRule)) {
      totals.set(rule, (totals.get(rule) ?? 0) + counts.error + counts.warning + counts.info)
    }
  }
  // Rules with a documentation page: their messages carry its url.
  const documented = new Set(reviews.flatMap((review) => review.messages.filter((message) => message.url !== null).map((message) => message.ruleId)))
  const rules = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([rule]) => rule)
  const sum = (key: 'error' | 'warning' | 'info') => reviews.reduce((total, review) => total + review.counts[key], 0)
  const articleRows: Element[] = sorted.map((review) =>
    h('tr', [
      h('td', [h('a', {href: `${encodeURIComponent(review.slug)}.html`}, review.title), h('br'), h('small', review.path)]),
      // data-label: on a narrow screen each row becomes a card whose cells name their column.
      h('td', {dataLabel: 'errors'}, String(review.counts.error)),
      h('td', {dataLabel: 'warnings'}, String(review.counts.warning)),
      h('td', {dataLabel: 'info'}, String(review.counts.info)),
      h('td', {dataLabel: 'repairs'}, String(review.repairs.length)),
      ...rules.map((rule) => {
        const counts = review.counts.byRule[rule]
        return h('td', {dataLabel: rule}, counts ? String(counts.error + counts.warning + counts.info) : '')
      })
    ]))
  return reviewPage(title, contentSecurityPolicy(), [
    h('header', {className: ['page']}, [
      h('h1', title),
      h('p', `${reviews.length} articles · ${sum('error')} errors, ${sum('warning')} warnings, ${sum('info')} info`)
    ]),
    h('main', [
      h('h2', 'Articles, worst first'),
      h('div', {className: ['table-wrap']}, [
        h('table', {className: ['summary', 'articles']}, [
          h('thead', [h('tr', [
            h('th', {scope: 'col'}, 'Article'),
            h('th', {scope: 'col'}, 'errors'),
            h('th', {scope: 'col'}, 'warnings'),
            h('th', {scope: 'col'}, 'info'),
            h('th', {scope: 'col'}, 'repairs'),
            ...rules.map((rule) => h('th', {scope: 'col'}, rule))
          ])]),
          h('tbody', articleRows)
        ])
      ]),
      h('h2', 'Messages per rule'),
      h('div', {className: ['table-wrap']}, [
        h('table', {className: ['summary', 'rules']}, [
          h('thead', [h('tr', [h('th', {scope: 'col'}, 'Rule'), h('th', {scope: 'col'}, 'messages'), h('th', {scope: 'col'}, 'articles')])]),
          h('tbody', rules.map((rule) =>
            h('tr', [
              h('td', documented.has(rule) ? [h('a', {href: rulePageHref(rule)}, rule)] : rule),
              h('td', {dataLabel: 'messages'}, String(totals.get(rule) ?? 0)),
              h('td', {dataLabel: 'articles'}, String(reviews.filter((review) => review.counts.byRule[rule]).length))
            ])))
        ])
      ])
    ])
  ])
}
