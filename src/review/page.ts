/**
 * The shell every review page shares: document, head with the inline style
 * and the Content-Security-Policy, and the body it is given.
 */
import type {ElementContent, Root} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {h} from 'hastscript'
import {reviewCss} from './assets.js'

/**
 * Serialize a review page.
 *
 * @param title The page title.
 * @param csp The page's Content-Security-Policy.
 * @param body The body's children.
 * @returns The HTML document.
 */
export function reviewPage(title: string, csp: string, body: ElementContent[]): string {
  const tree: Root = {
    type: 'root',
    children: [
      {type: 'doctype'},
      h('html', {lang: 'en'}, [
        h('head', [
          h('meta', {charSet: 'utf-8'}),
          h('meta', {name: 'viewport', content: 'width=device-width, initial-scale=1'}),
          h('meta', {httpEquiv: 'Content-Security-Policy', content: csp}),
          h('title', title),
          h('style', reviewCss)
        ]),
        h('body', body)
      ])
    ]
  }
  return toHtml(tree)
}
