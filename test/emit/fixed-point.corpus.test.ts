/**
 * One pass of the Markdown serializer is a fixed point on real pages: the
 * zh-cn pages of the CNCF glossary and of kubernetes/website, built as they are.
 */
import fs from 'node:fs'
import path from 'node:path'
import type {Root} from 'mdast'
import {describe, expect, it} from 'vitest'
import {stringifyMarkdown} from '../../src/emit/markdown.js'
import {createParser} from '../../src/parse/index.js'
import {createPipeline} from '../../src/pipeline.js'
import {sharedPath} from '../helpers.js'

const glossary = sharedPath('corpus', 'cncf-glossary', 'zh-cn')
const k8s = sharedPath('corpus', 'k8s-website')
const pages = [
  ...fs.readdirSync(glossary).filter((name) => name.endsWith('.md')).map((name) => path.join(glossary, name)),
  ...fs.readdirSync(k8s).map((name) => path.join(k8s, name, 'zh-cn.md')).filter((file) => fs.existsSync(file))
].sort()

describe('written Markdown on real pages', () => {
  const pipeline = createPipeline({formats: ['md']})
  const parser = createParser()

  it('reads back as written after one pass', async () => {
    expect(pages.length).toBeGreaterThan(80)
    for (const page of pages) {
      const file = await pipeline.process(fs.readFileSync(page), path.basename(path.dirname(page)) + '/' + path.basename(page))
      for (const [name, text] of Object.entries(file.data.outputs ?? {})) {
        expect(stringifyMarkdown(parser.parse(text) as Root), `${page} ${name}`).toBe(text)
      }
    }
  })
})
