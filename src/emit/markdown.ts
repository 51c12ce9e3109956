/**
 * Markdown serialization with one fixed style, so that every output is a
 * fixed point: parsing it again and stringifying it changes nothing.
 */
import type {Nodes, Parents, Root} from 'mdast'
import {defaultHandlers, type State} from 'mdast-util-to-markdown'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkStringify, {type Options} from 'remark-stringify'
import {unified} from 'unified'
import {createParser} from '../parse/index.js'
import {unsafeIn} from './unsafe-lookup.js'
import {mayBeUnstable, mayBeUnstableText} from './unstable-shapes.js'

/** The serializer options bitext writes Markdown with. */
export const stringifyOptions = {
  bullet: '-',
  emphasis: '*',
  strong: '*',
  fence: '`',
  fences: true,
  rule: '-',
  listItemIndent: 'one',
  incrementListMarker: true
} as const

/**
 * Top-level blocks already written for the other Markdown files of the same
 * article (`index.zh.md` and `bilingual.md` share every Chinese block), by
 * node, then by what their text can depend on besides the node: the bullet
 * of a list right before it (a list after a list with the same bullet
 * switches bullets) and whether it opens the document (a thematic break
 * there is written `***`). Positions in the file are tracked but never read.
 */
export type BlockCache = WeakMap<Nodes, Map<string, {text: string; bulletAfter: string | undefined}>>

/** The cache of the serialization running now (serialization is synchronous). */
let blockCache: BlockCache | undefined

/** The serializer's own handlers. */
const handlers: Options['handlers'] = {
  /** The default root handler, taking top-level blocks from {@link blockCache} when there is one. */
  root(node, parent, state, info) {
    const cache = blockCache
    if (!cache) return defaultHandlers.root(node, parent, state, info)
    const handle = state.handle
    const cached = function (child: Nodes, childParent: Parents | undefined, ...rest: [State, Parameters<State['handle']>[3]]) {
      if (childParent !== node) return handle.call(state, child, childParent, ...rest)
      const key = `${state.bulletLastUsed ?? ''}|${node.children[0] === child ? 'first' : ''}`
      let byKey = cache.get(child)
      const known = byKey?.get(key)
      if (known) {
        state.bulletLastUsed = known.bulletAfter
        return known.text
      }
      const text = handle.call(state, child, childParent, ...rest)
      if (!byKey) cache.set(child, (byKey = new Map()))
      byKey.set(key, {text, bulletAfter: state.bulletLastUsed})
      return text
    }
    // The phrasing writer reads the handlers off `state.handle` (a zwitch) to peek at the next node.
    state.handle = Object.assign(cached, {handlers: (handle as unknown as {handlers: unknown}).handlers}) as unknown as State['handle']
    try {
      return defaultHandlers.root(node, parent, state, info)
    } finally {
      state.handle = handle
    }
  },
  /**
   * A thematic break that opens the document is written `***`: a first line
   * `---` would be read back as the start of front matter, and
   * micromark-extension-frontmatter 2.0.0 then parses no quote or list in the
   * rest of the document.
   */
  thematicBreak(node, parent) {
    return parent?.type === 'root' && parent.children[0] === node ? '***' : '---'
  },
  /**
   * The default text handler, trying only the unsafe patterns whose character
   * occurs in the text or its neighbours: a pattern can only match where its
   * character is, so the output is the same, but escaping stops costing a
   * regular expression per pattern per text node (about 90 with GFM).
   */
  text(node, parent, state, info) {
    const unsafe = state.unsafe
    state.unsafe = unsafeIn(unsafe, info.before + node.value + info.after)
    try {
      return defaultHandlers.text(node, parent, state, info)
    } finally {
      state.unsafe = unsafe
    }
  }
}

/** Passes after the first, at most, to reach the fixed point. */
const maxPasses = 3

/** Reads the written Markdown back, as any reader of the outputs will. */
const parser = createParser()

const serializer = unified()
  .use(remarkStringify, {...stringifyOptions, handlers})
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm, {tablePipeAlign: false})

/**
 * Serialize a tree to Markdown in one pass, without checking that the text
 * reads back as the same tree.
 *
 * @param tree The tree.
 * @returns Markdown text ending in a newline.
 */
export function stringifyMarkdown(tree: Root): string {
  return serializer.stringify(tree)
}

/**
 * Serialize a tree to Markdown.
 *
 * @param tree The tree.
 * @param blocks Top-level blocks written for other files of the same
 *   article, filled as this one is written (default: none).
 * @returns Markdown text ending in a newline.
 */
export function toMarkdown(tree: Root, blocks?: BlockCache): string {
  let text: string
  blockCache = blocks
  try {
    text = serializer.stringify(tree)
  } finally {
    blockCache = undefined
  }
  if (!mayBeUnstableText(text) && !mayBeUnstable(tree)) return text
  // Some trees have no fixed point in one pass (a tight list in a quote before
  // a nested quote reads back as loose): write what the text reads back as,
  // until writing changes nothing. Two passes settle every case seen so far.
  for (let pass = 0; pass < maxPasses; pass++) {
    const again = serializer.stringify(parser.parse(text) as Root)
    if (again === text) return text
    text = again
  }
  return text
}
