/**
 * Comment markers that switch messages off, as remark-lint and eslint do:
 * `<!-- bitext-disable rule-id -->`, `<!-- bitext-enable rule-id -->` and
 * `<!-- bitext-disable-next-line rule-id -->` (no rule id: all rules).
 */
import type {Nodes, Root} from 'mdast'
import type {VFile} from 'vfile'
import {messageControl} from 'unified-message-control'
import {withPlacesInText} from '../decisions/index.js'

const markerPattern = /^<!--\s*bitext-(disable-next-line|disable|enable)\b([\s\S]*?)-->$/

/**
 * Parse a bitext comment marker into unified-message-control's shape.
 *
 * @param node A node that may be an HTML comment.
 * @returns The marker, or undefined when the node is not a bitext marker.
 */
export function parseMarker(node: Nodes): {name: string; attributes: string} | undefined {
  if (node.type !== 'html') return undefined
  const match = markerPattern.exec(node.value.trim())
  if (!match) return undefined
  const keyword = match[1] === 'disable-next-line' ? 'ignore' : match[1]
  return {name: 'bitext', attributes: `${keyword} ${(match[2] ?? '').trim()}`.trim()}
}

/**
 * Drop the messages of `file` that markers in `tree` switch off.
 *
 * @param tree The document.
 * @param file The file whose `bitext` messages are filtered in place.
 * @param options `onDisk`: the messages already point at the file on disk,
 *   not at the repaired text `tree` was parsed from (default false).
 */
export function applySuppressions(tree: Root, file: VFile, options: {onDisk?: boolean} = {}): void {
  const control = () => messageControl(tree, {
    file,
    name: 'bitext',
    marker: (node) => parseMarker(node as Nodes),
    test: 'html'
  })
  if (options.onDisk) withPlacesInText(file, control)
  else control()
}
