/**
 * Helpers of the glossary tests: run rules over Markdown the way the check
 * stage does (parse, align, check, suppress), without decode and repair.
 */
import path from 'node:path'
import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {alignBlocks} from '../../src/align/align-blocks.js'
import bitextCheck from '../../src/check/index.js'
import type {Rule} from '../../src/check/rule.js'
import type {RuleSettings} from '../../src/check/settings.js'
import type {Glossary} from '../../src/glossary/types.js'
import type {Alignment} from '../../src/types.js'

/** The project root. */
export {projectRoot as root} from '../helpers.js'

/**
 * Parse Markdown as the pipeline does.
 *
 * @param markdown The document.
 * @returns The tree.
 */
export function parse(markdown: string): Root {
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).parse(markdown)
}

/**
 * Run rules over a document and return the file with its messages.
 *
 * @param markdown The document.
 * @param glossary The glossary.
 * @param rules The rules.
 * @param settings Severity settings.
 * @param filePath Path of the file.
 * @param align How to align (default: the aligner).
 * @returns The checked file (`data.tree` set, as the pipeline does).
 */
export async function check(
  markdown: string,
  glossary: Glossary,
  rules: readonly Rule[],
  settings: RuleSettings = {},
  filePath = 'doc.md',
  align: (tree: Root) => Alignment = (tree) => alignBlocks(tree, {source: markdown})
): Promise<VFile> {
  const file = new VFile({path: filePath, value: markdown})
  const tree = parse(markdown)
  file.data.alignment = align(tree)
  await unified().use(bitextCheck, {rules, settings, glossary}).run(tree, file)
  file.data.tree = tree
  return file
}

/**
 * Messages as `line:column-endLine:endColumn: reason` strings, in order.
 *
 * @param file A checked file.
 * @returns The strings.
 */
export function messages(file: VFile): string[] {
  return [...file.messages]
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
    .map((message) => `${message.line}:${message.column}-${message.place && 'end' in message.place ? `${message.place.end.line}:${message.place.end.column}` : '?'}: ${message.reason}`)
}

/**
 * A bilingual document: English quoted, each followed by its Chinese.
 *
 * @param pairs `[en, zh]` pairs.
 * @returns The Markdown.
 */
export function bilingual(...pairs: Array<[string, string]>): string {
  return pairs.map(([en, zh]) => `> ${en}\n\n${zh}\n`).join('\n')
}

/**
 * An alignment of one pair: the blocks before offset `boundary` are English,
 * the rest Chinese (for parallel pages known to translate each other).
 *
 * @param boundary Offset where the Chinese side starts.
 * @returns The aligner replacement for `check`.
 */
export function onePair(boundary: number): (tree: Root) => Alignment {
  return (tree) => {
    const enNodes = tree.children.filter((node) => (node.position?.start.offset ?? 0) < boundary)
    const zhNodes = tree.children.filter((node) => (node.position?.start.offset ?? 0) >= boundary)
    const span = (nodes: typeof enNodes) => ({line: nodes[0]?.position?.start.line ?? 1, endLine: nodes[nodes.length - 1]?.position?.end.line ?? 1, text: ''})
    return {
      units: [{kind: 'pair', block: 'paragraph', en: span(enNodes), zh: span(zhNodes), enNodes, zhNodes, sentences: [], flags: []}],
      ratio: 0.35,
      quoted: 'none'
    }
  }
}
