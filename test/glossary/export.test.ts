/**
 * `bitext glossary export --tbx|--csv` and `bitext glossary check`.
 */
import * as fs from 'node:fs'
import path from 'node:path'
import {XMLParser, XMLValidator} from 'fast-xml-parser'
import {describe, expect, it} from 'vitest'
import {UsageError} from '../../src/cli/command.js'
import {glossaryCommand} from '../../src/cli/commands/glossary.js'
import type {CliIo} from '../../src/cli/io.js'
import {toCsv, toTbx} from '../../src/glossary/export.js'
import {parseGlossary} from '../../src/glossary/parse-glossary.js'
import {root} from './helpers.js'

const glossary = parseGlossary(
  `version: 1
terms:
  - en: cluster
    zh: 集群
    forbid: [群集]
    note: "vSphere clusters are 集群 too, \\"always\\" <here>"
  - en: [pod, Pods]
    keep: true
    zh: 容器组
  - zh: Kubernetes
    forbid: [Kubernates]
`,
  'glossary.yaml'
)

describe('toTbx', () => {
  it('writes a well-formed TBX-Basic document', () => {
    const xml = toTbx(glossary)
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(xml).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<tbx style="dca" type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader>
    <fileDesc>
      <sourceDesc><p>bitext glossary glossary.yaml</p></sourceDesc>
    </fileDesc>
  </tbxHeader>
  <text>
    <body>
      <conceptEntry id="c1">
        <note>vSphere clusters are 集群 too, &quot;always&quot; &lt;here&gt;</note>
        <langSec xml:lang="en">
          <termSec><term>cluster</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
        </langSec>
        <langSec xml:lang="zh-CN">
          <termSec><term>集群</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
          <termSec><term>群集</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
        </langSec>
      </conceptEntry>
      <conceptEntry id="c2">
        <langSec xml:lang="en">
          <termSec><term>pod</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
          <termSec><term>Pods</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termSec>
        </langSec>
        <langSec xml:lang="zh-CN">
          <termSec><term>pod</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
          <termSec><term>Pods</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termSec>
          <termSec><term>容器组</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termSec>
        </langSec>
      </conceptEntry>
      <conceptEntry id="c3">
        <langSec xml:lang="zh-CN">
          <termSec><term>Kubernetes</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
          <termSec><term>Kubernates</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
        </langSec>
      </conceptEntry>
    </body>
  </text>
</tbx>
`)
  })

  it('exports every entry of the project glossary', () => {
    const project = parseGlossary(fs.readFileSync(path.join(root, 'glossary.yaml'), 'utf8'), 'glossary.yaml')
    const xml = toTbx(project)
    expect(XMLValidator.validate(xml)).toBe(true)
    const parsed = new XMLParser({ignoreAttributes: false}).parse(xml) as {tbx: {text: {body: {conceptEntry: unknown[]}}}}
    expect(parsed.tbx.text.body.conceptEntry).toHaveLength(project.terms.length)
  })
})

describe('toCsv', () => {
  it('writes one row per term, quoting as RFC 4180 says', () => {
    expect(toCsv(glossary)).toBe(
      'en,zh,forbid,keep,case,note\r\n' +
        'cluster,集群,群集,false,false,"vSphere clusters are 集群 too, ""always"" <here>"\r\n' +
        'pod; Pods,容器组,,true,false,\r\n' +
        ',Kubernetes,Kubernates,false,false,\r\n'
    )
  })
})

describe('bitext glossary', () => {
  const out: string[] = []
  const io: CliIo = {stdout: {write: (chunk: string) => out.push(chunk)}, stderr: {write: () => true}, fs, cwd: root, env: {}}

  it('check validates the project glossary and runs its examples', async () => {
    out.length = 0
    expect(await glossaryCommand.run(['check'], io)).toBe(0)
    expect(out.join('')).toMatch(/^glossary\.yaml: \d+ terms, \d+ examples pass\n$/)
  })

  it('check and export take the glossary as an argument', async () => {
    out.length = 0
    expect(await glossaryCommand.run(['check', 'glossary.yaml'], io)).toBe(0)
    expect(out.join('')).toMatch(/^glossary\.yaml: \d+ terms, \d+ examples pass\n$/)
    out.length = 0
    expect(await glossaryCommand.run(['export', 'glossary.yaml', '--csv'], io)).toBe(0)
    expect(out.join('').split('\r\n')[0]).toBe('en,zh,forbid,keep,case,note')
  })

  it('export --csv prints the CSV', async () => {
    out.length = 0
    expect(await glossaryCommand.run(['export', '--csv'], io)).toBe(0)
    expect(out.join('').split('\r\n')[0]).toBe('en,zh,forbid,keep,case,note')
  })

  it.each([
    [['export'], 'Choose one format: `export --tbx` or `export --csv`'],
    [['export', '--tbx', '--csv'], 'Choose one format: `export --tbx` or `export --csv`'],
    [['print'], 'Unknown action `print`; use `check` or `export --tbx|--csv`'],
    [[], 'Missing action; use `check` or `export --tbx|--csv`'],
    [['check', 'none.yaml'], 'Cannot find the glossary `none.yaml`; give the path of an existing glossary file'],
    [['check', 'a.yaml', 'b.yaml'], 'Unexpected `b.yaml`; give one glossary: `bitext glossary check FILE`'],
    [['check', 'glossary.yaml', '--glossary', 'other.yaml'], 'Two glossaries, `glossary.yaml` and `--glossary other.yaml`; give one'],
    [['check', '--glossary', 'none.yaml'], 'Cannot find the glossary `none.yaml`; pass an existing file to --glossary or remove `glossary` from the configuration']
  ])('usage error for %j', async (args, message) => {
    await expect(glossaryCommand.run(args, io)).rejects.toThrow(new UsageError(message))
  })
})
