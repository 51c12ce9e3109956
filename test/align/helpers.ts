/**
 * Test helpers: parse Markdown like bitext does and run the aligner.
 */
import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import bitextAlign, {type Options} from '../../src/align/index.js'

/**
 * Parse Markdown (remark-parse + frontmatter + GFM).
 *
 * @param text Markdown.
 * @returns The tree.
 */
export function parse(text: string): Root {
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).parse(text)
}

/**
 * Parse and align a bilingual document with the plugin.
 *
 * @param text Markdown.
 * @param options Plugin options.
 * @returns The file (alignment in `file.data.alignment`, messages) and tree.
 */
export async function alignText(text: string, options: Options = {}, path = 'input.md'): Promise<{file: VFile; tree: Root}> {
  const file = new VFile({path, value: text})
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(bitextAlign, options)
  const tree = processor.parse(file)
  await processor.run(tree, file)
  return {file, tree}
}
