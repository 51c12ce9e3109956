/**
 * The parse stage: Markdown with YAML front matter and GFM, as remark reads it.
 */
import type {Root} from 'mdast'
import {fromMarkdown, type Extension as FromMarkdownExtension, type Options} from 'mdast-util-from-markdown'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified, type Plugin} from 'unified'
import {guardAutolinkLiteral, mayUseGfm, selectGfmConstructs} from './gfm-constructs.js'

/**
 * A unified processor that parses bitext articles (no transforms).
 *
 * @returns A processor: remark-parse + remark-frontmatter (YAML) + remark-gfm,
 *   trying only the GFM constructs each document can contain.
 */
export function createParser() {
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(parseSelectingGfm)
}

/**
 * A unified processor for Markdown inside an article, such as the English
 * kept in an HTML comment: no front matter.
 *
 * @returns A processor: remark-parse + remark-gfm, trying only the GFM
 *   constructs each document can contain.
 */
export function createFragmentParser() {
  return unified().use(remarkParse).use(remarkGfm).use(parseSelectingGfm, {onlyGfm: true})
}

/**
 * remark-parse's parser, with the GFM constructs a document cannot contain
 * turned off for that document (same tree, less work). `onlyGfm`: the
 * processor's only extension is GFM, which a document that cannot use it
 * then skips whole.
 */
const parseSelectingGfm: Plugin<[{onlyGfm?: boolean}?], string, Root> = function (options = {}) {
  const self = this
  // Made at the first parse, when every plugin has added its extensions.
  let mdastExtensions: FromMarkdownExtension[] | undefined
  self.parser = function (document: string): Root {
    // With GFM as its only extension (no front matter), a text GFM cannot change parses as CommonMark.
    if (options.onlyGfm && !mayUseGfm(document)) return fromMarkdown(document, {...self.data('settings')} as Options)
    const extensions = (self.data('micromarkExtensions') ?? []) as NonNullable<Options['extensions']>
    mdastExtensions ??= guardAutolinkLiteral((self.data('fromMarkdownExtensions') ?? []) as Array<FromMarkdownExtension | FromMarkdownExtension[]>)
    return fromMarkdown(document, {...self.data('settings'), ...selectGfmConstructs(document, extensions, mdastExtensions)})
  }
}

export {FrontMatterError, assertFrontMatterClosed, parseFrontMatter, readFrontMatter, slugOf} from './front-matter.js'
export type {FrontMatterYaml, ParsedFrontMatter} from './front-matter.js'
