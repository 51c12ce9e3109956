/**
 * TMX 1.4 and XLIFF 2.0 exports, validated by libxml2 (xmllint-wasm) against
 * XML Schemas transcribed from the TMX 1.4b DTD and the XLIFF 2.0 core schema
 * (test/export/schemas; no package ships them), plus fast-xml-parser's
 * well-formedness check.
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {XMLParser, XMLValidator} from 'fast-xml-parser'
import {describe, expect, it} from 'vitest'
import {validateXML} from 'xmllint-wasm'
import {toTmx, toXliff} from '../../src/export/index.js'
import {processArticle} from '../../src/pipeline.js'
import {seedPath} from '../helpers.js'

const schemas = path.join(path.dirname(fileURLToPath(import.meta.url)), 'schemas')
const read = (name: string) => fs.readFileSync(path.join(schemas, name), 'utf8')

async function validTmx(xml: string): Promise<{valid: boolean; errors: string[]}> {
  const result = await validateXML({
    xml: {fileName: 'article.tmx', contents: xml},
    schema: {fileName: 'tmx14.xsd', contents: read('tmx14.xsd')},
    preload: [{fileName: 'xml.xsd', contents: read('xml.xsd')}]
  })
  return {valid: result.valid, errors: result.errors.map((error) => error.message)}
}

async function validXliff(xml: string): Promise<{valid: boolean; errors: string[]}> {
  const result = await validateXML({
    xml: {fileName: 'article.xlf', contents: xml},
    schema: {fileName: 'xliff_core_2.0.xsd', contents: read('xliff_core_2.0.xsd')},
    preload: [{fileName: 'xml.xsd', contents: read('xml.xsd')}]
  })
  return {valid: result.valid, errors: result.errors.map((error) => error.message)}
}

const small = [
  '> Kubernetes runs containers. It keeps them running & healthy (a < b).',
  '',
  'Kubernetes 运行容器。它让容器保持运行且健康（a < b）。',
  '',
  '> Check [this video](https://example.com/watch?v=abc) about the the cluster.',
  '',
  '请查看[该视频](https://example.com/watch?vabc)了解集群。',
  ''
].join('\n')

async function process(text: string) {
  return processArticle(new TextEncoder().encode(text), 'small.md', {emit: false})
}

describe('the validators enforce the schemas', () => {
  it('reject a TMX without header attributes and an XLIFF with a bad state', async () => {
    expect((await validTmx('<?xml version="1.0"?>\n<tmx version="1.4"><header/><body/></tmx>\n')).valid).toBe(false)
    const bad = '<?xml version="1.0"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en"><file id="f"><unit id="u"><segment state="done"><source>a</source></segment></unit></file></xliff>\n'
    expect((await validXliff(bad)).valid).toBe(false)
  })
})

describe('toTmx', () => {
  it('writes sentence-level units where the alignment is sentence-level, valid against the schema', async () => {
    const file = await process(small)
    const tmx = toTmx(file)
    expect(XMLValidator.validate(tmx)).toBe(true)
    expect(await validTmx(tmx)).toEqual({valid: true, errors: []})
    const parsed = new XMLParser({ignoreAttributes: false, isArray: (name) => name === 'tu' || name === 'tuv'}).parse(tmx) as {
      tmx: {body: {tu: Array<{'@_tuid': string; '@_segtype'?: string; tuv: Array<{'@_xml:lang': string; seg: string}>}>}}
    }
    const units = parsed.tmx.body.tu.map((tu) => [tu['@_tuid'], tu['@_segtype'] ?? 'sentence', tu.tuv.map((tuv) => String(tuv.seg))])
    expect(units[0]).toEqual(['u0-s1', 'sentence', ['Kubernetes runs containers.', 'Kubernetes 运行容器。']])
    expect(units[1]).toEqual(['u0-s2', 'sentence', ['It keeps them running & healthy (a < b).', '它让容器保持运行且健康（a < b）。']])
    expect(units).toHaveLength(3)
    expect(units[2][1]).toBe('paragraph')
  })

  it('exports the seed as a valid TMX', async () => {
    const file = await processArticle(fs.readFileSync(seedPath), seedPath, {emit: false})
    const tmx = toTmx(file)
    expect(await validTmx(tmx)).toEqual({valid: true, errors: []})
    expect(tmx.match(/<tu /g)?.length).toBeGreaterThan(100)
  })
})

describe('toXliff', () => {
  it('writes units, segments and the review messages as notes, valid against the schema', async () => {
    const file = await process(small)
    const xliff = toXliff(file)
    expect(XMLValidator.validate(xliff)).toBe(true)
    expect(await validXliff(xliff)).toEqual({valid: true, errors: []})
    expect(xliff).toContain('<source>It keeps them running &amp; healthy (a &lt; b).</source>')
    expect(xliff).toMatch(/<note id="m\d+" category="link-mismatch" priority="5" appliesTo="target">warning: Unexpected link target/)
    expect(xliff).toMatch(/<note id="m\d+" category="repeated-text" priority="5" appliesTo="source">/)
  })

  it('exports the seed as a valid XLIFF with its messages', async () => {
    const file = await processArticle(fs.readFileSync(seedPath), seedPath, {emit: false})
    const xliff = toXliff(file)
    expect(await validXliff(xliff)).toEqual({valid: true, errors: []})
    expect(xliff).toContain('category="untranslated"')
  })
})
