/**
 * Front matter: parse the YAML of an article and derive its slug.
 */
import type {Root} from 'mdast'
import {LineCounter, parseDocument, type Document} from 'yaml'
import type {FrontMatter} from '../types.js'

/** A problem with an article's front matter, with its line in the article. */
export class FrontMatterError extends Error {
  override name = 'FrontMatterError'
  /**
   * @param message What is wrong and what to do.
   * @param line 1-based line in the article, when known.
   */
  constructor(message: string, readonly line: number | undefined) {
    super(message)
  }
}

/** The YAML of a front matter and its parsed document, kept to rewrite it without parsing it again. */
export interface FrontMatterYaml {
  /** The YAML text (the `yaml` node's value) the document was parsed from. */
  source: string
  /** The parsed document: comments and order as written. Clone it before changing it. */
  document: Document.Parsed
}

/** The front matter of a tree as {@link parseFrontMatter} reads it. */
export interface ParsedFrontMatter {
  /** The front matter map (`{}` when there is none). */
  value: FrontMatter
  /** The YAML and its document (absent when the tree has no front matter). */
  yaml?: FrontMatterYaml
}

/**
 * Parse the YAML front matter node of a tree, if any.
 *
 * @param tree The parsed article.
 * @returns The front matter map (`{}` when there is none).
 * @throws FrontMatterError when the YAML is invalid or not a map.
 */
export function readFrontMatter(tree: Root): FrontMatter {
  return parseFrontMatter(tree).value
}

/**
 * Parse the YAML front matter node of a tree, if any, keeping its document.
 *
 * @param tree The parsed article.
 * @returns The front matter map, and the YAML document it was read from.
 * @throws FrontMatterError when the YAML is invalid or not a map.
 */
export function parseFrontMatter(tree: Root): ParsedFrontMatter {
  const node = tree.children[0]
  if (!node || node.type !== 'yaml') return {value: {}}
  // The YAML starts on the line after the opening `---`.
  const firstLine = (node.position?.start.line ?? 1) + 1
  const lineCounter = new LineCounter()
  const document = parseDocument(node.value, {lineCounter, prettyErrors: false, uniqueKeys: true})
  const error = document.errors[0]
  if (error) {
    const line = firstLine + lineCounter.linePos(error.pos[0]).line - 1
    const reason = error.message.split('\n')[0] ?? error.message
    throw new FrontMatterError(`Invalid YAML in front matter: ${reason}; fix the YAML between the \`---\` lines`, line)
  }
  const yaml = {source: node.value, document}
  const value: unknown = document.toJS()
  if (value === null || value === undefined) return {value: {}, yaml}
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new FrontMatterError('Front matter is not a map of fields; write `key: value` lines between the `---` lines', firstLine)
  }
  return {value: value as FrontMatter, yaml}
}

/**
 * Detect an opening `---` that never closes: remark then reads it as a
 * thematic break, so the front matter would silently become body text.
 *
 * @param text The article text.
 * @param tree The parsed article.
 * @throws FrontMatterError when the front matter is unterminated.
 */
export function assertFrontMatterClosed(text: string, tree: Root): void {
  if (!/^---[ \t]*\r?\n/.test(text)) return
  if (tree.children[0]?.type === 'yaml') return
  throw new FrontMatterError('Front matter opened with `---` on line 1 is never closed; add a `---` line after the last field', 1)
}

const safeSlug = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u

/**
 * The slug of an article: front matter `slug`, else the file name without extension.
 *
 * @param frontMatter The parsed front matter.
 * @param stem The file name without its extension.
 * @param tree The parsed article, to name the line of a bad `slug` field (optional).
 * @returns The slug.
 * @throws FrontMatterError when the slug could write outside the output folder.
 */
export function slugOf(frontMatter: FrontMatter, stem: string, tree?: Root): string {
  const raw = frontMatter['slug']
  const fromField = !(raw === null || raw === undefined || raw === '')
  const value = fromField ? String(raw) : stem
  if (!safeSlug.test(value) || value.includes('..')) {
    throw new FrontMatterError(
      `Unsafe slug \`${value}\`: a slug is one path segment of letters, digits, \`.\`, \`_\` and \`-\` (no \`/\`, no \`..\`); change \`slug\` in the front matter`,
      fromField && tree ? fieldLine(tree, 'slug') : undefined
    )
  }
  return value
}

/** The line of a top-level field in the front matter, when it can be found. */
function fieldLine(tree: Root, field: string): number | undefined {
  const node = tree.children[0]
  if (!node || node.type !== 'yaml' || !node.position) return undefined
  const index = node.value.split('\n').findIndex((line) => line.startsWith(field) && /^\s*:/.test(line.slice(field.length)))
  return index === -1 ? undefined : node.position.start.line + 1 + index
}
