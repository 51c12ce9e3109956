/**
 * The trees whose Markdown may not read back as written. One pass of
 * remark-stringify is a fixed point for every other tree, which the emit
 * tests and the fuzzer (`test/fuzz`) check; only these are read back and
 * written again at run time.
 */
import type {List, Parent, Root, RootContent} from 'mdast'

/** Containers whose children are blocks. */
const blockContainers = new Set<string>(['blockquote', 'list', 'listItem', 'footnoteDefinition'])

/** A line that is empty or only white space, inside a text: it ends an HTML block. */
const blankLine = /\n[ \t]*(?:\r?\n|$)/

/** Blocks after which a list in a quote is read back as loose. */
const listFollowers = new Set<string>(['list', 'blockquote', 'footnoteDefinition'])

/**
 * Whether the Markdown of a tree may change when it is parsed and written
 * again:
 *
 * - a list inside a quote (at any depth) followed by another list, a quote or
 *   a footnote definition is read back as loose: the `>` line written between
 *   them counts as a blank line inside the list (`> 1. a\n> 2. b\n>\n> > c`
 *   gains a blank line between the items on the second pass). Found by the
 *   fuzzer; every combination of list, container and next block was tried
 *   (test/emit/fixed-point.test.ts), and only these change; so is a list
 *   inside a quote that ends an item followed by another item
 *   (`> - - x\n>\n> - x`, found by the fuzzer later: the `>` line between
 *   the items is read as the end of the inner list, and the outer list as
 *   tight). Only when that `>` line is written: the serializer joins the
 *   items of a list whose `spread` is `false` with a bare line break
 *   (mdast-util-to-markdown's `joinDefaults`), so a tight outer list is
 *   written as it reads back (kubernetes/website's memory-manager);
 * - an HTML block with a blank line inside is read back as several blocks
 *   (the comment convention leaves a line of tabs where it removes an English
 *   comment from an HTML table: kubernetes/website's pod-security-standards).
 *
 * @param tree The tree to write.
 * @returns True when the written text must be checked by reading it back.
 */
export function mayBeUnstable(tree: Root): boolean {
  return unstableChild(tree, false, false)
}

/**
 * A shape above among the children of a parent, or deeper inside its
 * containers. `itemFollowed`: the parent is a list item with another item after it.
 */
function unstableChild(parent: Parent, inQuote: boolean, itemFollowed: boolean): boolean {
  const children = parent.children
  for (let index = 0; index < children.length; index++) {
    const child = children[index] as RootContent
    if (child.type === 'html' && blankLine.test(child.value)) return true
    if (inQuote && child.type === 'list' && listFollowers.has(children[index + 1]?.type ?? '')) return true
    if (inQuote && child.type === 'list' && itemFollowed && index === children.length - 1) return true
    // Items of a list whose `spread` is false are joined by a bare line break: no `>` line between them.
    const followed = parent.type === 'list' && index < children.length - 1 && (parent as List).spread !== false
    if (isContainer(child) && unstableChild(child, inQuote || child.type === 'blockquote', followed)) return true
  }
  return false
}

function isContainer(node: RootContent): node is RootContent & Parent {
  return blockContainers.has(node.type)
}

/**
 * Whether a written text may change when read back regardless of its tree:
 * a leading byte order mark, which the parser drops.
 *
 * @param text Written Markdown.
 * @returns True when the text must be checked by reading it back.
 */
export function mayBeUnstableText(text: string): boolean {
  return text.charCodeAt(0) === 0xfeff
}
