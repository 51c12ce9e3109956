/**
 * Test harness for the QA rules: a hand-built alignment of small documents
 * (English in block quotes, each followed by its Chinese block; headings in
 * EN/ZH order), and message formatting as `line:col-line:col: reason`.
 */
import type {Root, RootContent} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {location} from 'vfile-location'
import {VFile} from 'vfile'
import type {Finding, Rule, RuleContext} from '../../src/check/rule.js'
import type {Alignment, AlignUnit, RepairRecord, Span} from '../../src/types.js'

const han = /\p{Script=Han}/u

/** Parse Markdown as the pipeline does. */
export function parse(text: string): Root {
  return unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).parse(text)
}

function span(nodes: RootContent[], text: string): Span | null {
  const first = nodes[0]?.position
  const last = nodes.at(-1)?.position
  if (!first || !last) return null
  return {line: first.start.line, endLine: last.end.line, text: text.slice(first.start.offset, last.end.offset)}
}

function unit(kind: AlignUnit['kind'], en: RootContent[], zh: RootContent[], text: string, flags: string[] = []): AlignUnit {
  const first = en[0] ?? zh[0]
  // A quoted block stands for the block inside the quote, as in the aligner.
  const block = first.type === 'blockquote' ? (first.children[0]?.type ?? 'blockquote') : first.type
  return {kind, block, en: span(en, text), zh: span(zh, text), enNodes: en, zhNodes: zh, sentences: [], flags}
}

/**
 * Align a small test document by its shape: a block quote followed by a
 * paragraph, heading, list or table is a pair; a heading without Han followed by one with Han
 * is a pair; a lone quote is source-only; code, images and thematic breaks are
 * shared; other blocks with Han are target-only, without Han source-only.
 *
 * @param text The document.
 * @param flags Flags to set on the pair with the given index (0-based among units).
 */
export function handAlign(text: string, flags: Record<number, string[]> = {}): {tree: Root; alignment: Alignment} {
  const tree = parse(text)
  const blocks = tree.children.filter((node) => node.type !== 'yaml' && node.type !== 'definition')
  const units: AlignUnit[] = []
  for (let index = 0; index < blocks.length; index++) {
    const node = blocks[index]
    const next = blocks[index + 1]
    const textOf = (n: RootContent) => text.slice(n.position?.start.offset, n.position?.end.offset)
    if (node.type === 'blockquote' && next && ['paragraph', 'heading', 'list', 'table'].includes(next.type)) {
      units.push(unit('pair', [node], [next], text))
      index++
    } else if (node.type === 'heading' && next?.type === 'heading' && !han.test(textOf(node)) && han.test(textOf(next))) {
      units.push(unit('pair', [node], [next], text))
      index++
    } else if (node.type === 'code' || node.type === 'thematicBreak' || (node.type === 'paragraph' && node.children.every((child) => child.type === 'image'))) {
      units.push(unit('shared', [node], [node], text))
    } else if (han.test(textOf(node))) {
      units.push(unit('target-only', [], [node], text))
    } else {
      units.push(unit('source-only', [node], [], text))
    }
  }
  for (const [index, list] of Object.entries(flags)) units[Number(index)].flags.push(...list)
  return {tree, alignment: {units, ratio: 0.4, quoted: 'en'}}
}

/**
 * The context a rule sees for a document.
 */
export function contextOf(text: string, options: {flags?: Record<number, string[]>; repairs?: RepairRecord[]; alignment?: Alignment; tree?: Root} = {}): RuleContext {
  const aligned = options.alignment && options.tree ? {tree: options.tree, alignment: options.alignment} : handAlign(text, options.flags)
  return {tree: aligned.tree, text, alignment: aligned.alignment, glossary: undefined, repairs: options.repairs ?? [], damage: null}
}

/**
 * Format findings as `line:col-line:col: reason`, sorted by place.
 */
export function format(text: string, findings: Finding[]): string[] {
  const place = location(new VFile(text))
  return [...findings]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((finding) => {
      const start = place.toPoint(finding.start)
      const end = place.toPoint(finding.end)
      return `${start?.line}:${start?.column}-${end?.line}:${end?.column}: ${finding.reason}`
    })
}

/**
 * Run a rule on a document and format its messages.
 */
export function run(rule: Rule, text: string, options: Parameters<typeof contextOf>[1] = {}): string[] {
  return format(text, rule.check(contextOf(text, options)))
}
