/**
 * The emit stage: a unified plugin that writes the article's outputs into
 * `file.data.outputs` (the CLI decides where they go on disk).
 */
import type {Nodes, Root, Yaml} from 'mdast'
import type {VFile} from 'vfile'
import type {Outputs} from '../types.js'
import {englishTitle, englishYaml} from './english-front-matter.js'
import {renderArticlePage} from './html-page.js'
import {toMarkdown, type BlockCache} from './markdown.js'
import {commentBilingualTree, commentEnTree, commentZhTree} from './comment-convention.js'
import {bilingualIsChinese, bilingualTree, enTree, zhTree} from './split.js'
import {protectTemplateBraces} from './template-braces.js'

/** An output format: `md` (the three Markdown files) or `html` (the bilingual page). */
export type Format = 'md' | 'html'

/** Options of the emit stage. */
export interface Options {
  /** Which outputs to produce (default: both `md` and `html`). */
  formats?: readonly Format[]
  /**
   * Template braces (`{{`, `{%`, `{#`) in the Markdown outputs: `raw` wraps
   * them in `{% raw %}…{% endraw %}` so that Hexo's Nunjucks shows them as
   * written; `keep` leaves them, for a Hexo site with `disableNunjucks` or
   * another generator (default: `raw`; an article whose front matter says
   * `disableNunjucks: true` is always kept).
   */
  templateBraces?: 'raw' | 'keep'
}

/**
 * Produce the outputs of one article. Needs `file.data.alignment`.
 *
 * @param options Configuration.
 * @returns The transformer.
 */
export default function bitextEmit(options: Options = {}) {
  const formats = new Set(options.formats ?? ['md', 'html'])
  return async function transformer(tree: Root, file: VFile): Promise<void> {
    const alignment = file.data.alignment
    if (!alignment) throw new Error('bitext emit needs the align stage to run first')
    const frontMatter = tree.children[0]?.type === 'yaml' ? (tree.children[0] as Yaml) : undefined
    const outputs: Outputs = {}
    // The article list shows it: kept here so that a build's results need no alignment.
    const titleEn = englishTitle(file.data.frontMatter ?? {}, alignment)
    if (titleEn !== undefined) file.data.titleEn = titleEn
    if (formats.has('md')) {
      const raw = options.templateBraces !== 'keep' && file.data.frontMatter?.['disableNunjucks'] !== true
      // The three files share most nodes: each node's braces are wrapped once.
      const memo = new WeakMap<Nodes, Nodes>()
      // …and each top-level block they share is written once.
      const blocks: BlockCache = new WeakMap()
      const write = (tree: Root) => toMarkdown(raw ? protectTemplateBraces(tree, memo) : tree, blocks)
      if (alignment.convention === 'comment') {
        // English kept in `<!-- -->` comments: the pages keep the document's structure.
        outputs['index.zh.md'] = write(commentZhTree(tree, alignment))
        outputs['index.en.md'] = write(commentEnTree(tree, alignment))
        outputs['bilingual.md'] = write(commentBilingualTree(tree, alignment))
      } else {
        outputs['index.zh.md'] = write(zhTree(alignment, frontMatter))
        outputs['index.en.md'] = write(enTree(alignment, frontMatter && englishYaml(frontMatter, file.data.frontMatter ?? {}, alignment, file.data.frontMatterYaml)))
        // A post without English (a Chinese-only article) has the same bilingual and Chinese text.
        outputs['bilingual.md'] = bilingualIsChinese(alignment) ? outputs['index.zh.md'] : write(bilingualTree(alignment, frontMatter))
      }
    }
    if (formats.has('html')) outputs['index.html'] = await renderArticlePage(alignment, file.data.frontMatter ?? {})
    file.data.outputs = outputs
  }
}

export {renderIndexPage, type ListedArticle} from './html-page.js'
