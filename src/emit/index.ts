/**
 * The emit stage: a unified plugin that writes the article's outputs into
 * `file.data.outputs` (the CLI decides where they go on disk).
 */
import type {Root, Yaml} from 'mdast'
import type {VFile} from 'vfile'
import type {Outputs} from '../types.js'
import {renderArticlePage} from './html-page.js'
import {toMarkdown} from './markdown.js'
import {commentBilingualTree, commentEnTree, commentZhTree} from './comment-convention.js'
import {bilingualTree, enTree, zhTree} from './split.js'

/** An output format: `md` (the three Markdown files) or `html` (the bilingual page). */
export type Format = 'md' | 'html'

/** Options of the emit stage. */
export interface Options {
  /** Which outputs to produce (default: both `md` and `html`). */
  formats?: readonly Format[]
}

/**
 * Produce the outputs of one article. Needs `file.data.alignment`.
 *
 * @param options Configuration.
 * @returns The transformer.
 */
export default function bitextEmit(options: Options = {}) {
  const formats = new Set(options.formats ?? ['md', 'html'])
  return function transformer(tree: Root, file: VFile): void {
    const alignment = file.data.alignment
    if (!alignment) throw new Error('bitext emit needs the align stage to run first')
    const frontMatter = tree.children[0]?.type === 'yaml' ? (tree.children[0] as Yaml) : undefined
    const outputs: Outputs = {}
    if (formats.has('md') && alignment.convention === 'comment') {
      // English kept in `<!-- -->` comments: the pages keep the document's structure.
      outputs['index.zh.md'] = toMarkdown(commentZhTree(tree, alignment))
      outputs['index.en.md'] = toMarkdown(commentEnTree(tree, alignment))
      outputs['bilingual.md'] = toMarkdown(commentBilingualTree(tree, alignment))
    } else if (formats.has('md')) {
      outputs['index.zh.md'] = toMarkdown(zhTree(alignment, frontMatter))
      outputs['index.en.md'] = toMarkdown(enTree(alignment, frontMatter))
      outputs['bilingual.md'] = toMarkdown(bilingualTree(alignment, frontMatter))
    }
    if (formats.has('html')) outputs['index.html'] = renderArticlePage(alignment, file.data.frontMatter ?? {})
    file.data.outputs = outputs
  }
}

export {renderIndexPage} from './html-page.js'
