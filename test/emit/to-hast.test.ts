import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import type {Root as HastRoot} from 'hast'
import type {RootContent} from 'mdast'
import rehypeRaw from 'rehype-raw'
import rehypeSanitize from 'rehype-sanitize'
import remarkRehype from 'remark-rehype'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {side} from '../../src/emit/split.js'
import {articleSchema, listsToHast, needsRawHtml} from '../../src/emit/to-hast.js'
import {createPipeline} from '../../src/pipeline.js'
import type {Alignment} from '../../src/types.js'
import {fuzzParameters, markdownArticle} from '../fuzz/arbitraries.js'
import {projectRoot} from '../helpers.js'

/** Each list on its own, as pages were built before lists were converted together. */
function alone(nodes: readonly RootContent[]) {
  if (nodes.length === 0) return []
  const processor = needsRawHtml([nodes])
    ? unified().use(remarkRehype, {allowDangerousHtml: true}).use(rehypeRaw).use(rehypeSanitize, articleSchema)
    : unified().use(remarkRehype, {allowDangerousHtml: true}).use(rehypeSanitize, articleSchema)
  const hast = processor.runSync({type: 'root', children: structuredClone([...nodes])}) as HastRoot
  return hast.children.filter((node) => node.type !== 'doctype')
}

function listsOf(alignment: Alignment): RootContent[][] {
  return alignment.units.flatMap((unit) => [side(unit, 'en'), side(unit, 'zh'), unit.enNodes, unit.zhNodes])
}

const pipeline = createPipeline({formats: ['md']})

async function expectSameAsAlone(text: string | Uint8Array): Promise<void> {
  const file = await pipeline.process(typeof text === 'string' ? Buffer.from(text, 'utf8') : text, 'articles/page.md')
  if (!file.data.alignment) return
  const lists = listsOf(file.data.alignment)
  const before = structuredClone(lists)
  const together = listsToHast(lists, rehypeRaw)
  expect(together).toEqual(lists.map(alone))
  // The blocks are read, never changed: the tree stays the article's.
  expect(lists).toEqual(before)
}

describe('lists of blocks converted together', () => {
  it('give each list the HTML it has on its own, on the fixtures', async () => {
    const inputs = [
      ...fs.readdirSync(path.join(projectRoot, 'articles')).map((name) => path.join(projectRoot, 'articles', name)),
      ...['align', 'emit', 'xss'].flatMap((folder) =>
        fs
          .readdirSync(path.join(projectRoot, 'test', 'fixtures', folder), {recursive: true, encoding: 'utf8'})
          .filter((name) => name.endsWith('.md'))
          .map((name) => path.join(projectRoot, 'test', 'fixtures', folder, name))
      )
    ]
    expect(inputs.length).toBeGreaterThan(15)
    for (const input of inputs) await expectSameAsAlone(fs.readFileSync(input))
  })

  it('give each list the HTML it has on its own, on arbitrary articles', async () => {
    await fc.assert(fc.asyncProperty(markdownArticle, expectSameAsAlone), fuzzParameters)
  })

  it('resolve references and number footnotes within their own list', () => {
    const reference: RootContent[] = [{type: 'paragraph', children: [{type: 'linkReference', identifier: 'a', label: 'a', referenceType: 'shortcut', children: [{type: 'text', value: 'a'}]}]}]
    const definition: RootContent[] = [{type: 'definition', identifier: 'a', label: 'a', url: 'https://example.org/', title: null}]
    const [first, second] = listsToHast([reference, definition])
    expect(first).toEqual([{type: 'element', tagName: 'p', properties: {}, children: [{type: 'text', value: '[a]'}]}])
    expect(second).toEqual([])
    const [both] = listsToHast([[...reference, ...definition]])
    expect(both?.[0]).toMatchObject({tagName: 'p', children: [{tagName: 'a', properties: {href: 'https://example.org/'}}]})
  })

  it('ask for rehype-raw when a list has raw HTML', () => {
    const html: RootContent[] = [{type: 'html', value: '<b>x</b>'}]
    expect(needsRawHtml([[], html])).toBe(true)
    expect(needsRawHtml([[{type: 'paragraph', children: [{type: 'text', value: 'x'}]}]])).toBe(false)
    expect(() => listsToHast([html])).toThrow('These blocks have raw HTML: load rehype-raw and pass it')
  })
})

describe('a list whose only raw HTML is one comment', () => {
  const withRaw = unified().use(remarkRehype, {allowDangerousHtml: true}).use(rehypeRaw).use(rehypeSanitize, articleSchema)
  const paragraph = (value: string): RootContent => ({type: 'paragraph', children: [{type: 'text', value}]})
  const comment = (value: string): RootContent => ({type: 'html', value})

  it('needs no rehype-raw, and converts as rehype-raw would', () => {
    for (const marker of ['<!-- body -->', '<!-- overview -->', '<!---->', '<!-- a\nb -->', '<!-- x - y -->']) {
      const nodes = [paragraph('Before.'), comment(marker), paragraph('After.')]
      expect(needsRawHtml([nodes])).toBe(false)
      const expected = (withRaw.runSync({type: 'root', children: structuredClone(nodes)}) as HastRoot).children
      expect(listsToHast([nodes])[0]).toEqual(expected)
    }
  })

  it('still loads rehype-raw for anything HTML reads as more than one comment', () => {
    for (const value of ['<!-- a --> <!-- b -->', '<!-- a --> text', ' <!-- a -->', '<!-->', '<!--->', '<!-- a --!> b -->', '<!-- a --->', '<b>x</b>']) {
      expect(needsRawHtml([[comment(value)]])).toBe(true)
    }
  })
})
