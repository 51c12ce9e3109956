/**
 * Walk an mdast tree in document order. The walks bitext makes read nodes and
 * never change the tree, and need neither the index nor the parent of a node:
 * unist-util-visit gives both, at a cost that made its walks several
 * percent of a build's time (per node it makes a closure and renames it with
 * `Object.defineProperty` for stack traces, copies the list of ancestors
 * for a node with children, and looks the node up in its parent's children
 * with `indexOf`, which grows with the number of siblings: a root with 500
 * blocks costs 125,000 comparisons).
 */
import type {Nodes} from 'mdast'

/**
 * What a visitor returns: `'skip'` to not walk the node's children (as
 * unist-util-visit's `SKIP`), nothing to walk them.
 */
export type EachNodeResult = 'skip' | undefined | void

/**
 * Call `visitor` on a node and on every node inside it, in document order
 * (preorder: a parent before its children), as unist-util-visit's `visit`
 * does for a visitor that does not change the tree.
 *
 * @param node The tree (or any node of it).
 * @param visitor Called once per node; returns `'skip'` to not enter the node.
 */
export function eachNode(node: Nodes, visitor: (node: Nodes) => EachNodeResult): void {
  if (visitor(node) === 'skip' || !('children' in node)) return
  for (const child of node.children) eachNode(child, visitor)
}
