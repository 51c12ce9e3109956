/**
 * Where some top-level blocks are in the text they were parsed from.
 */
import type {RootContent} from 'mdast'

/**
 * The 0-based `[start, end)` file range covered by nodes.
 *
 * @param nodes mdast nodes with positions.
 * @returns The range, or undefined when no node has a position.
 */
export function nodesRange(nodes: readonly RootContent[]): [number, number] | undefined {
  let start = Number.POSITIVE_INFINITY
  let end = -1
  for (const node of nodes) {
    const from = node.position?.start.offset
    const to = node.position?.end.offset
    if (from === undefined || to === undefined) continue
    start = Math.min(start, from)
    end = Math.max(end, to)
  }
  return end < 0 ? undefined : [start, end]
}
