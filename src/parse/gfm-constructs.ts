/**
 * Skip the GFM constructs an article cannot contain. Trying them is most of
 * what GFM costs: the table construct is tried at every line and the email
 * autolink literal at every word, and the autolink transform searches every
 * text node. When the characters a construct needs are absent from the whole
 * document, turning it off (micromark's `disable.null`, which makes each try
 * fail at once) gives the very same tree, positions included.
 */
import type {Nodes, Root} from 'mdast'
import type {Extension as FromMarkdownExtension, Options} from 'mdast-util-from-markdown'

/** A micromark syntax extension. */
type MicromarkExtension = NonNullable<Options['extensions']>[number]

/**
 * What each construct needs in the source text to ever match:
 * - a table's delimiter row has a `|`, or else a `:-` or `-:` (a row of
 *   dashes alone is a setext underline or a thematic break);
 * - an email literal has an `@`, a www literal `www.`, a protocol literal
 *   `http://` or `https://` (in any case), all as raw characters (micromark
 *   reads character references as their own constructs).
 */
const needs: ReadonlyArray<readonly [name: string, pattern: RegExp]> = [
  ['table', /\||:-|-:/],
  ['emailAutolink', /@/],
  ['wwwAutolink', /www\./i],
  ['protocolAutolink', /https?:\/\//i],
  // A footnote call or definition starts with `[^`. The potential call is
  // tried at every `]` and walks back over the whole paragraph: 10,000 nested
  // links took 26 s with it, and it can never match without a `[^`.
  ['gfmFootnoteDefinition', /\[\^/],
  ['gfmFootnoteCall', /\[\^/],
  ['gfmPotentialFootnoteCall', /\[\^/]
]

/**
 * What the autolink literal transform of mdast-util-gfm-autolink-literal
 * needs in text values, where escapes and character references are already
 * decoded: `@`, `www` or `http`, written out or as a numeric (`&#64;`) or
 * named (`&commat;`) reference. Letters have no named references.
 */
const transformNeeds = /@|www|http|&#|&commat;/i

/**
 * What the autolink literal transform needs in the value of a text node to
 * change it: its URL expression starts at `http://`, `https://` or `www.` (in
 * any case), its email, `mailto:` and `xmpp:` ones at an `@`.
 */
const textNeeds = /@|www\.|https?:\/\//i

/**
 * The configured mdast extensions, the autolink literal one with its
 * transform run only on a tree that has a text node it can change. The
 * document test above keeps the transform for every page with a link to an
 * `http` URL, where it then walks the whole tree four times (once per
 * expression) to find text in nodes that hold none; finding no text that
 * can match first gives the same tree.
 *
 * @param mdastExtensions The configured mdast extensions (GFM included, possibly nested).
 * @returns The same extensions, flat, the autolink literal one replaced by a guarded copy.
 */
export function guardAutolinkLiteral(mdastExtensions: ReadonlyArray<FromMarkdownExtension | FromMarkdownExtension[]>): FromMarkdownExtension[] {
  return mdastExtensions.flat().map((extension) => {
    if (!isAutolinkLiteral(extension) || !extension.transforms) return extension
    const transforms = extension.transforms.map((transform) => (tree: Root) => (hasTextNeeding(tree) ? transform(tree) : undefined))
    return {...extension, transforms}
  })
}

/** Whether a text node in a tree holds what the autolink literal transform needs. */
function hasTextNeeding(node: Nodes): boolean {
  if (node.type === 'text') return textNeeds.test(node.value)
  if ('children' in node) {
    for (const child of node.children) if (hasTextNeeding(child)) return true
  }
  return false
}

/** The constructs and transforms to use for one document. */
export interface GfmSelection {
  /** Micromark extensions: the configured ones, plus one disabling what cannot match. */
  extensions: MicromarkExtension[]
  /** mdast extensions: the configured ones, without the autolink literal one when it cannot match. */
  mdastExtensions: FromMarkdownExtension[]
}

/**
 * Select the GFM constructs a document needs.
 *
 * @param document The Markdown source.
 * @param extensions The configured micromark extensions (GFM included).
 * @param mdastExtensions The configured mdast extensions (GFM included, possibly nested).
 * @returns The extensions to parse this document with.
 */
export function selectGfmConstructs(
  document: string,
  extensions: readonly MicromarkExtension[],
  mdastExtensions: ReadonlyArray<FromMarkdownExtension | FromMarkdownExtension[]>
): GfmSelection {
  const disabled = needs.filter(([, pattern]) => !pattern.test(document)).map(([name]) => name)
  const flat = mdastExtensions.flat()
  return {
    extensions: disabled.length > 0 ? [...extensions, {disable: {null: disabled}}] : [...extensions],
    mdastExtensions: transformNeeds.test(document) ? flat : flat.filter((extension) => !isAutolinkLiteral(extension))
  }
}

/** The mdast extension of GFM autolink literals: the one that handles `literalAutolink` tokens. */
function isAutolinkLiteral(extension: FromMarkdownExtension): boolean {
  return extension.enter !== undefined && extension.enter !== null && 'literalAutolink' in extension.enter
}

/**
 * What any GFM construct or transform needs somewhere in a document: the
 * characters of {@link needs} and of the autolink transform, a `~` for
 * strikethrough, and `[` then a space, line ending, `x` or `X` then `]` for a
 * task list check.
 */
const anyGfm = /\||:-|-:|@|www|https?:\/\/|http|\[\^|~|\[[\s xX]\]|&#|&commat;/i

/**
 * Whether a document can contain anything GFM parses differently from
 * CommonMark. When it cannot, parsing it without the GFM extensions gives
 * the same tree (and skips combining them, which is most of what parsing a
 * short text costs: the email autolink alone hooks 62 characters).
 *
 * @param document The Markdown source.
 * @returns False when no GFM construct or transform can match in it.
 */
export function mayUseGfm(document: string): boolean {
  return anyGfm.test(document)
}
