import type {Html, Nodes, Root} from 'mdast'
import {location} from 'vfile-location'
import {describe, expect, it} from 'vitest'
import {readComment} from '../../src/align/read-comment.js'
import {createParser} from '../../src/parse/index.js'

const parser = createParser()

/** The comments of a document (top level or inside containers), read. */
function comments(source: string) {
  const found: Html[] = []
  const walk = (node: Nodes): void => {
    if (node.type === 'html' && node.value.trim().startsWith('<!--')) found.push(node)
    if ('children' in node) for (const child of node.children) walk(child)
  }
  walk(parser.parse(source) as Root)
  return found.map((node) => readComment(node, source))
}

/** Every position inside nodes, with what vfile-location says of its offset. */
function positions(nodes: readonly Nodes[], source: string): Array<{actual: unknown; expected: unknown}> {
  const place = location(source)
  const result: Array<{actual: unknown; expected: unknown}> = []
  const walk = (node: Nodes): void => {
    for (const point of node.position ? [node.position.start, node.position.end] : []) {
      result.push({actual: point, expected: {...place.toPoint(point.offset!), offset: point.offset}})
    }
    if ('children' in node) for (const child of node.children) walk(child)
  }
  for (const node of nodes) walk(node)
  return result
}

const english = [
  '<!--\nThe **cluster** runs `kubelet` on each [node](/docs/node/).\n\nA second paragraph\nover two lines.\n-->\n集群在每个节点上运行 kubelet。\n',
  'Intro.\n\n<!-- The one-line English with *emphasis*. -->\n中文。\n',
  '- item\n\n  <!--\n  Indented English in a list item,\n  with a [link](https://example.com/).\n\n  - nested list item\n  -->\n  中文。\n',
  '<!--\r\nWindows line endings, **bold** text\r\nand a second line.\r\n-->\r\n中文。\r\n',
  'Old\rMac\rlines.\n\n<!--\nEnglish after carriage returns,\nwith `code`.\n-->\n中文。\n'
]

describe('readComment', () => {
  it.each(english)('places the nodes of the English of %j where they are in the file', (source) => {
    const read = comments(source).filter((content) => content?.kind === 'english')
    expect(read).toHaveLength(1)
    const pairs = positions(read[0]!.nodes, source)
    expect(pairs.length).toBeGreaterThan(2)
    for (const {actual, expected} of pairs) expect(actual).toEqual(expected)
  })

  it('gives each text node the offsets of its characters in the file', () => {
    const source = english[2]!
    const [content] = comments(source)
    const texts: string[] = []
    const walk = (node: Nodes): void => {
      if (node.type === 'text' && node.position) texts.push(source.slice(node.position.start.offset, node.position.end.offset))
      if ('children' in node) for (const child of node.children) walk(child)
    }
    for (const node of content!.nodes) walk(node)
    expect(texts).toEqual(['Indented English in a list item,\n  with a ', 'link', '.', 'nested list item'])
  })
})
