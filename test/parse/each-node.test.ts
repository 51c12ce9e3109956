import fc from 'fast-check'
import type {Nodes, Root} from 'mdast'
import {visit} from 'unist-util-visit'
import {describe, expect, it} from 'vitest'
import {eachNode} from '../../src/parse/each-node.js'
import {createParser} from '../../src/parse/index.js'

const parser = createParser()
const markdown = [
  '---\ntitle: t\n---',
  '# Head *em*',
  '> quote with [link](/u "t") and ![img](/i.png)\n>\n> - item `code`\n>   1. nested **strong**',
  '| a | b |\n| - | - |\n| [^1] | <b>x</b> |',
  '[^1]: note with [ref][r]\n\n[r]: /r',
  '```js\ncode\n```'
].join('\n\n')

/** What unist-util-visit visits, as types with their offsets. */
function visited(tree: Nodes, skip: (node: Nodes) => boolean, walk: 'visit' | 'eachNode'): string[] {
  const seen: string[] = []
  const visitor = (node: Nodes) => {
    seen.push(`${node.type}@${node.position?.start.offset ?? '-'}`)
    return skip(node) ? 'skip' : undefined
  }
  if (walk === 'visit') visit(tree, visitor)
  else eachNode(tree, visitor)
  return seen
}

describe('eachNode', () => {
  it('visits every node in document order, a parent before its children', () => {
    const tree = parser.parse(markdown) as Root
    const seen = visited(tree, () => false, 'eachNode')
    expect(seen.slice(0, 6)).toEqual(['root@0', 'yaml@0', 'heading@18', 'text@20', 'emphasis@25', 'text@26'])
    expect(seen).toEqual(visited(tree, () => false, 'visit'))
  })

  it('does not enter a node its visitor skips, and goes on with the next one', () => {
    const tree = parser.parse(markdown) as Root
    const skip = (node: Nodes) => node.type === 'blockquote' || node.type === 'tableCell'
    const seen = visited(tree, skip, 'eachNode')
    expect(seen).toContain('blockquote@31')
    expect(seen.some((entry) => entry.startsWith('listItem'))).toBe(false)
    expect(seen.filter((entry) => entry.startsWith('tableCell'))).toHaveLength(4)
    expect(seen).toEqual(visited(tree, skip, 'visit'))
  })

  it('visits what unist-util-visit visits on any document (property)', () => {
    const piece = fc.constantFrom('# h\n', '> q\n', '- a\n', '1. b\n', '*e* ', '**s** ', '`c` ', '[l](/u) ', '![i](/i) ', '<b>x</b>', '\n\n', '| a |\n| - |\n', 'text ', '    code\n')
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 15}), fc.constantFrom('emphasis', 'list', 'link', 'none'), (pieces, skipped) => {
        const tree = parser.parse(pieces.join('')) as Root
        const skip = (node: Nodes) => node.type === skipped
        expect(visited(tree, skip, 'eachNode')).toEqual(visited(tree, skip, 'visit'))
      }),
      {numRuns: 200}
    )
  })
})
