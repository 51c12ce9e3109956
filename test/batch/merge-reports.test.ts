import fs from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import ajvDraft04 from 'ajv-draft-04'
import ajvFormats from 'ajv-formats'
import type {Log} from 'sarif'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {mergeJsonReports, mergeSarifLogs, parseReport} from '../../src/batch/merge-reports.js'
import {selectShard} from '../../src/batch/shard.js'
import {allRules} from '../../src/check/rules.js'
import {mergeReportsCommand} from '../../src/cli/commands/merge-reports.js'
import {json} from '../../src/report/json.js'
import {sarif} from '../../src/report/sarif.js'
import {captureIo, tempDir} from '../helpers.js'

/** Eight checked files with errors, warnings, infos and a stage message. */
function files(): VFile[] {
  return Array.from({length: 8}, (_, index) => {
    const file = new VFile({path: `articles/post-${index}.md`, value: 'x\n'})
    if (index % 2 === 0) {
      const error = file.message('Unexpected `群集` for `cluster`, expected `集群`', {place: {line: 3, column: 1}, ruleId: 'glossary-forbidden', source: 'bitext'})
      error.fatal = true
      error.actual = '群集'
      error.expected = ['集群']
    }
    if (index % 3 === 0) file.message('Paragraph much longer than its translation', {place: {line: 5, column: 1}, ruleId: 'length-ratio', source: 'bitext'})
    if (index === 5) file.info('Repaired 3 characters', {place: {line: 1, column: 1}, ruleId: 'repair', source: 'bitext'})
    return file
  })
}

function shards(count: number): VFile[][] {
  return Array.from({length: count}, (_, index) => selectShard(files(), {index: index + 1, count}, (file) => file.path))
}

/** Results as a reviewer sees them, without indices. */
function resultsOf(log: Log) {
  return log.runs.flatMap((run) =>
    (run.results ?? []).map((result) => ({
      ruleId: result.ruleId,
      rule: result.ruleIndex === undefined ? undefined : run.tool.driver.rules?.[result.ruleIndex]?.id,
      level: result.level,
      text: result.message.text,
      location: result.locations
    }))
  )
}

describe('mergeJsonReports', () => {
  it('merging the shards gives the report of the whole batch', () => {
    const whole = JSON.parse(json(files())) as unknown
    const parts = shards(3).map((part) => parseReport(json(part), 'part.json'))
    expect(parts.map((part) => part.format)).toEqual(['json', 'json', 'json'])
    const merged = mergeJsonReports(parts.flatMap((part) => (part.format === 'json' ? [part.files] : [])))
    expect(merged).toEqual(whole)
  })

  it('drops duplicate messages of a file reported twice, keeps distinct ones', () => {
    const a = {file: 'a.md', messages: [{ruleId: 'x', line: 1}]}
    const b = {file: 'a.md', messages: [{line: 1, ruleId: 'x'}, {ruleId: 'y', line: 2}]}
    expect(mergeJsonReports([[a], [b, {file: '0.md', messages: []}]])).toEqual([
      {file: '0.md', messages: []},
      {file: 'a.md', messages: [{ruleId: 'x', line: 1}, {ruleId: 'y', line: 2}]}
    ])
  })
})

describe('mergeSarifLogs', () => {
  const require = createRequire(import.meta.url)
  const schema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as Record<string, unknown>
  const ajv = new ajvDraft04.default({allErrors: true, strict: false, unicodeRegExp: false})
  ajvFormats.default(ajv)
  const validate = ajv.compile(schema)

  it('merges the runs of the shards into one valid run with the results of the whole batch', () => {
    const options = {rules: allRules, version: '0.1.0'}
    const whole = JSON.parse(sarif(files(), options)) as Log
    const logs = shards(3).map((part) => JSON.parse(sarif(part, options)) as Log)
    const merged = mergeSarifLogs(logs)
    expect(validate(merged), JSON.stringify(validate.errors)).toBe(true)
    expect(merged.runs).toHaveLength(1)
    expect(resultsOf(merged)).toEqual(resultsOf(whole))
    // Every result's ruleIndex points at its rule.
    for (const result of resultsOf(merged)) expect(result.rule).toBe(result.ruleId)
    const ids = merged.runs[0]?.tool.driver.rules?.map((rule) => rule.id) ?? []
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('keeps runs of different tools apart and renumbers artifacts', () => {
    const run = (name: string, uri: string) => ({
      tool: {driver: {name, rules: [{id: 'r'}]}},
      artifacts: [{location: {uri}}],
      results: [{ruleId: 'r', ruleIndex: 0, message: {text: name}, locations: [{physicalLocation: {artifactLocation: {uri, index: 0}}}]}]
    })
    const merged = mergeSarifLogs([
      {version: '2.1.0', runs: [run('bitext', 'b.md')]},
      {version: '2.1.0', runs: [run('bitext', 'a.md'), run('other', 'c.md')]},
      {version: '2.1.0', runs: [run('bitext', 'b.md')]}
    ])
    expect(validate(merged), JSON.stringify(validate.errors)).toBe(true)
    expect(merged.runs.map((item) => item.tool.driver.name)).toEqual(['bitext', 'other'])
    const [bitext] = merged.runs
    expect(bitext?.artifacts?.map((artifact) => artifact.location?.uri)).toEqual(['b.md', 'a.md'])
    expect(bitext?.results?.map((result) => [result.locations?.[0]?.physicalLocation?.artifactLocation?.uri, result.locations?.[0]?.physicalLocation?.artifactLocation?.index])).toEqual([
      ['a.md', 1],
      ['b.md', 0],
      ['b.md', 0]
    ])
  })
})

describe('bitext merge-reports', () => {
  it('writes the merged JSON report to --out', async () => {
    const cwd = tempDir()
    for (const [index, part] of shards(2).entries()) fs.writeFileSync(path.join(cwd, `lint-${index}.json`), json(part))
    const io = captureIo(cwd)
    expect(await mergeReportsCommand.run(['lint-0.json', 'lint-1.json', '--out', 'out/lint.json'], io)).toBe(0)
    expect(JSON.parse(fs.readFileSync(path.join(cwd, 'out', 'lint.json'), 'utf8'))).toEqual(JSON.parse(json(files())))
  })

  it('prints a merged SARIF log', async () => {
    const cwd = tempDir()
    for (const [index, part] of shards(2).entries()) fs.writeFileSync(path.join(cwd, `lint-${index}.sarif`), sarif(part, {rules: allRules}))
    const io = captureIo(cwd)
    expect(await mergeReportsCommand.run(['lint-0.sarif', 'lint-1.sarif'], io)).toBe(0)
    const merged = JSON.parse(io.out()) as Log
    expect(resultsOf(merged)).toEqual(resultsOf(JSON.parse(sarif(files(), {rules: allRules})) as Log))
  })

  it.each([
    [[], 'No reports given; pass the JSON or SARIF files to merge'],
    [['missing.json'], 'Cannot read `missing.json` (ENOENT); pass existing report files'],
    [['bad.json'], '`bad.json` is not JSON'],
    [['object.json'], '`object.json` is neither a bitext JSON report nor a SARIF 2.1.0 log'],
    [['a.json', 'a.sarif'], 'Cannot merge JSON reports with SARIF logs; pass reports of one format']
  ])('refuses %j', async (args, reason) => {
    const cwd = tempDir()
    fs.writeFileSync(path.join(cwd, 'bad.json'), '{"runs": [')
    fs.writeFileSync(path.join(cwd, 'object.json'), '{"version": "2.0.0", "runs": []}')
    fs.writeFileSync(path.join(cwd, 'a.json'), '[]')
    fs.writeFileSync(path.join(cwd, 'a.sarif'), '{"version": "2.1.0", "runs": []}')
    await expect(mergeReportsCommand.run(args, captureIo(cwd))).rejects.toThrow(reason)
  })
})
