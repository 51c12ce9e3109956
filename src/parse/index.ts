/**
 * The parse stage: Markdown with YAML front matter and GFM, as remark reads it.
 */
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

/**
 * A unified processor that parses bitext articles (no transforms).
 *
 * @returns A processor: remark-parse + remark-frontmatter (YAML) + remark-gfm.
 */
export function createParser() {
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm)
}

export {FrontMatterError, assertFrontMatterClosed, readFrontMatter, slugOf} from './front-matter.js'
