/**
 * XLIFF 2.0 and 1.2 as real consumers read them: the npm `xliff` package
 * (both versions) and translate-toolkit 3.8 (Python, Debian's
 * translate-toolkit: apt-gated, it is not there on a fresh clone), which must
 * read every segment of every unit, with its exact source and target. And
 * both versions validate against their transcribed schemas.
 */
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {validateXML} from 'xmllint-wasm'
import xliff from 'xliff'
import {exportSegments} from '../../src/export/segments.js'
import {toXliff, type XliffVersion} from '../../src/export/index.js'
import {processArticle} from '../../src/pipeline.js'
import {seedPath, tempDir} from '../helpers.js'

const schemas = path.join(path.dirname(fileURLToPath(import.meta.url)), 'schemas')
const read = (name: string) => fs.readFileSync(path.join(schemas, name), 'utf8')
const schemaOf: Record<XliffVersion, string> = {'2.0': 'xliff_core_2.0.xsd', '1.2': 'xliff_core_1.2.xsd'}

async function valid(xml: string, version: XliffVersion): Promise<{valid: boolean; errors: string[]}> {
  const result = await validateXML({
    xml: {fileName: 'article.xlf', contents: xml},
    schema: {fileName: schemaOf[version], contents: read(schemaOf[version])},
    preload: [{fileName: 'xml.xsd', contents: read('xml.xsd')}]
  })
  return {valid: result.valid, errors: result.errors.map((error) => error.message)}
}

const file = await processArticle(fs.readFileSync(seedPath), seedPath, {emit: false})
const segments = exportSegments(file.data.alignment!, {sourceOnly: true})
/** What a consumer must read: every segment's id, source and target. */
const expected = segments.map((segment) => ({id: segment.id, source: segment.en, target: segment.zh}))

/** A Python with translate-toolkit (Debian's is /usr/bin/python3, whatever python3 the PATH has first), and its version. */
const toolkit = (() => {
  for (const python of ['/usr/bin/python3', 'python3']) {
    try {
      const version = execFileSync(python, ['-c', 'import translate.__version__ as v; print(v.sver)'], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}).trim()
      return {python, version}
    } catch {
      // Not this one.
    }
  }
  return undefined
})()
const toolkitNote = toolkit === undefined ? ' (skipped: translate-toolkit is not installed: apt-get install translate-toolkit; PyPI is unreachable here)' : ''

/** Read an XLIFF file with translate-toolkit: every unit's id, source and target. */
function readWithToolkit(xml: string): Array<{id: string; source: string; target: string}> {
  const file = path.join(tempDir('bitext-xliff-'), 'article.xlf')
  fs.writeFileSync(file, xml)
  const script = [
    'import json, sys',
    'from translate.storage import factory',
    'store = factory.getobject(sys.argv[1])',
    'print(json.dumps([{"id": u.getid().split("\\x04")[-1], "source": str(u.source or ""), "target": str(u.target or "")} for u in store.units if not u.isheader()]))'
  ].join('\n')
  return JSON.parse(execFileSync(toolkit?.python ?? 'python3', ['-c', script, file], {encoding: 'utf8'})) as Array<{id: string; source: string; target: string}>
}

describe('XLIFF read by real consumers', () => {
  it('has a segment split over several sentences in the seed (the case that lost segments)', () => {
    expect(segments.some((segment) => segment.id.endsWith('-s2'))).toBe(true)
    expect(segments.length).toBeGreaterThan(150)
  })

  it('the 1.2 schema is enforced: a target state 1.2 does not have is refused', async () => {
    const bad = '<?xml version="1.0"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="a.md" source-language="en" datatype="plaintext"><body><trans-unit id="u"><source>a</source><target state="done">甲</target></trans-unit></body></file></xliff>\n'
    expect((await valid(bad, '1.2')).valid).toBe(false)
    expect((await valid(bad.replace('state="done"', 'state="translated"'), '1.2')).valid).toBe(true)
  })

  for (const version of ['2.0', '1.2'] as const) {
    it(`XLIFF ${version} of the seed is valid against the schema`, async () => {
      expect(await valid(toXliff(file, {version}), version)).toEqual({valid: true, errors: []})
    })

    it(`the npm xliff package reads every segment of XLIFF ${version}`, async () => {
      const xml = toXliff(file, {version})
      const js = version === '2.0' ? await xliff.xliff2js(xml) : await xliff.xliff12ToJs(xml)
      const resources = Object.values(js.resources)[0] ?? {}
      const read = Object.entries(resources).map(([id, unit]) => ({id, source: String(unit.source ?? ''), target: String(unit.target ?? '')}))
      expect(read).toEqual(expected)
    })
  }

  it.skipIf(toolkit === undefined)(`translate-toolkit ${toolkit?.version ?? ''} reads every unit of XLIFF 1.2${toolkitNote}`, () => {
    const read = readWithToolkit(toXliff(file, {version: '1.2'}))
    expect(read).toEqual(expected)
  })
})
