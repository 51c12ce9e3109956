/**
 * The reporters on a fixed set of messages: exact output for json and
 * github, vfile-reporter's output for stylish, and a SARIF log that validates
 * against the official SARIF 2.1.0 JSON schema (shipped by @microsoft/jest-sarif).
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import ajvDraft04 from 'ajv-draft-04'
import ajvFormats from 'ajv-formats'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {allRules} from '../../src/check/rules.js'
import {reporterNames, reporters} from '../../src/report/index.js'

function sample(): VFile[] {
  const a = new VFile({path: 'articles/a.md', value: '群集\n'})
  const error = a.message('Unexpected `群集` for `cluster`, expected `集群`', {
    place: {start: {line: 3, column: 1}, end: {line: 3, column: 3}},
    ruleId: 'glossary-forbidden',
    source: 'bitext'
  })
  error.fatal = true
  error.actual = '群集'
  error.expected = ['集群']
  const warning = a.message('Missing `集群` for `clusters`, with a comma: and a colon\nand 100%', {
    place: {start: {line: 5, column: 1}, end: {line: 5, column: 7}},
    ruleId: 'glossary-missing',
    source: 'bitext'
  })
  warning.fatal = false
  a.info('Repaired 3 characters', {ruleId: 'mojibake-repaired', source: 'bitext'})
  const b = new VFile({path: 'articles/中文 b.md', value: ''})
  return [a, b]
}

describe('json', () => {
  it('prints files and messages in the documented shape', () => {
    expect(JSON.parse(reporters.json(sample()))).toEqual([
      {
        file: 'articles/a.md',
        messages: [
          {ruleId: 'mojibake-repaired', severity: 'info', line: null, column: null, endLine: null, endColumn: null, message: 'Repaired 3 characters', actual: null, expected: null},
          {ruleId: 'glossary-forbidden', severity: 'error', line: 3, column: 1, endLine: 3, endColumn: 3, message: 'Unexpected `群集` for `cluster`, expected `集群`', actual: '群集', expected: ['集群']},
          {
            ruleId: 'glossary-missing',
            severity: 'warning',
            line: 5,
            column: 1,
            endLine: 5,
            endColumn: 7,
            message: 'Missing `集群` for `clusters`, with a comma: and a colon\nand 100%',
            actual: null,
            expected: null
          }
        ]
      },
      {file: 'articles/中文 b.md', messages: []}
    ])
  })
  it('keeps errors only when quiet', () => {
    const [first] = JSON.parse(reporters.json(sample(), {quiet: true})) as Array<{messages: Array<{severity: string}>}>
    expect(first.messages.map((message) => message.severity)).toEqual(['error'])
  })
})

describe('github', () => {
  it('prints workflow commands with escaped properties and data', () => {
    expect(reporters.github(sample()).split('\n')).toEqual([
      '::notice file=articles/a.md,title=bitext(mojibake-repaired)::Repaired 3 characters',
      '::error file=articles/a.md,line=3,col=1,endLine=3,endColumn=3,title=bitext(glossary-forbidden)::Unexpected `群集` for `cluster`, expected `集群`',
      '::warning file=articles/a.md,line=5,col=1,endLine=5,endColumn=7,title=bitext(glossary-missing)::Missing `集群` for `clusters`, with a comma: and a colon%0Aand 100%25'
    ])
  })
  it('prints nothing for clean files', () => {
    expect(reporters.github([new VFile({path: 'x.md'})])).toBe('')
  })
})

describe('stylish', () => {
  it('prints as vfile-reporter does, without colour by default', () => {
    const report = reporters.stylish(sample())
    expect(report).toContain('articles/a.md')
    expect(report).toMatch(/3:1-3:3\s+error\s+Unexpected `群集` for `cluster`, expected `集群`\s+glossary-forbidden\s+bitext/)
    expect(report).toMatch(/5:1-5:7\s+warning\s+Missing/)
    expect(report).toContain('1 error')
    expect(report).not.toContain('\u001B[')
  })

  it('wraps long messages under their column to keep lines within a width', () => {
    const file = new VFile({path: 'a.md'})
    const message = file.message('Missing link to `https://example.com/a/very/long/path/that/goes/on/and/on` in translation, add it', {
      place: {start: {line: 35, column: 97}, end: {line: 35, column: 258}},
      ruleId: 'link-mismatch',
      source: 'bitext'
    })
    message.fatal = false
    file.message('Unexpected space between `区` and `，`, remove it', {place: {line: 83, column: 117}, ruleId: 'zh-typography', source: 'bitext'}).fatal = false
    const report = reporters.stylish([file], {width: 72})
    // 21 columns of place and severity, 30 of message, 21 of rule and source.
    expect(report.split('\n')).toEqual([
      'a.md',
      '35:97-35:258 warning Missing link to               link-mismatch bitext',
      '                     `https://example.com/a/very/lo',
      '                     ng/path/that/goes/on/and/on`',
      '                     in translation, add it',
      '83:117       warning Unexpected space between `区` zh-typography bitext',
      '                     and `，`, remove it',
      '',
      '⚠ 2 warnings'
    ])
    expect(message.reason).toBe('Missing link to `https://example.com/a/very/long/path/that/goes/on/and/on` in translation, add it')
    // Without a width, nothing is wrapped.
    expect(reporters.stylish([file]).split('\n')[1]).toMatch(/^35:97-35:258 warning Missing link to `https:\/\/example\.com\S+` in translation, add it link-mismatch bitext$/)
  })
})

describe('sarif', () => {
  const require = createRequire(import.meta.url)
  const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json')
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>
  // The schema's `language` pattern has a stray `]`, valid only outside unicode mode.
  const ajv = new ajvDraft04.default({allErrors: true, strict: false, unicodeRegExp: false})
  ajvFormats.default(ajv)
  const validate = ajv.compile(schema)

  it('validates against the SARIF 2.1.0 schema', () => {
    const log = JSON.parse(reporters.sarif(sample(), {rules: allRules, version: '0.1.0'})) as unknown
    const valid = validate(log)
    expect(validate.errors ?? []).toEqual([])
    expect(valid).toBe(true)
  })
  it('the schema check is not vacuous: a broken log is refused', () => {
    const log = JSON.parse(reporters.sarif(sample(), {rules: allRules})) as {runs: Array<{results: Array<Record<string, unknown>>}>}
    log.runs[0].results[0].level = 'fatal'
    expect(validate(log)).toBe(false)
    expect(validate({version: '2.1.0'})).toBe(false)
  })
  it('carries levels, regions, rule indexes and file URIs', () => {
    const log = JSON.parse(reporters.sarif(sample(), {rules: allRules, version: '0.1.0'})) as {
      runs: Array<{tool: {driver: {rules: Array<{id: string}>}}; results: Array<{ruleId: string; ruleIndex: number; level: string; locations: Array<{physicalLocation: {artifactLocation: {uri: string}; region?: unknown}}>}>}>
    }
    const run = log.runs[0]
    expect(run.results.map((result) => [result.ruleId, result.level])).toEqual([
      ['mojibake-repaired', 'note'],
      ['glossary-forbidden', 'error'],
      ['glossary-missing', 'warning']
    ])
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId)
    expect(run.results[1].locations[0].physicalLocation).toEqual({
      artifactLocation: {uri: 'articles/a.md', uriBaseId: '%SRCROOT%'},
      region: {startLine: 3, startColumn: 1, endLine: 3, endColumn: 3}
    })
    expect(run.results[0].locations[0].physicalLocation.region).toBeUndefined()
  })
  it('encodes file names as URIs', () => {
    const file = new VFile({path: 'articles/中文 b.md'})
    file.message('x', {place: {line: 1, column: 1}, ruleId: 'glossary-missing', source: 'bitext'}).fatal = false
    const log = JSON.parse(reporters.sarif([file])) as {runs: Array<{results: Array<{locations: Array<{physicalLocation: {artifactLocation: {uri: string}}}>}>}>}
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('articles/%E4%B8%AD%E6%96%87%20b.md')
    expect(validate(log)).toBe(true)
  })
})

it('registers the four reporters', () => {
  expect(reporterNames).toEqual(['stylish', 'json', 'github', 'sarif'])
})
