import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {formatBlock, locateDecisions, readBlock, withBlock} from '../../src/decisions/index.js'
import {repairMojibake} from '../../src/repair/index.js'
import type {RepairDecision} from '../../src/types.js'

const volume: RepairDecision = {choice: '号', others: ['卷', '川'], confidence: 0.71, left: '每个虚拟机都有', right: '影副本。', line: 7, column: 8}
const content = '# 标题\n\n每个虚拟机都有号影副本。\n'

describe('the decision block', () => {
  it('is written as an HTML comment after the content, one JSON line per decision', () => {
    expect(withBlock(content, [volume])).toBe(`${content}
<!-- bitext-decisions: uncertain repaired characters to settle (docs/repair.md#open-decisions)
Keep this block: bitext lint, review and build flag each line (identical ones once) until it is settled.
Settle one with \`bitext repair --accept FILE:LINE:COLUMN\` (keep the choice) or
\`bitext repair --choose FILE:LINE:COLUMN=CHARACTER\`, or edit the character in the text, or delete its line.
{"at":"7:8","choice":"号","others":["卷","川"],"confidence":0.71,"left":"每个虚拟机都有","right":"影副本。"}
-->
`)
    expect(withBlock(content, [])).toBe(content)
  })

  it('reads back what it wrote, and where the content ends', () => {
    const text = withBlock(content, [volume, {...volume, evidence: 'EN "volume" (卷)', line: 9}])
    const block = readBlock(text)
    expect(block.found).toBe(true)
    expect(text.slice(0, block.start)).toBe(content)
    expect(block.problems).toEqual([])
    expect(block.entries.map((entry) => entry.decision)).toEqual([volume, {...volume, evidence: 'EN "volume" (卷)', line: 9}])
    expect(block.entries.map((entry) => text.slice(entry.start, entry.end).slice(0, 13))).toEqual(['{"at":"7:8","', '{"at":"9:8","'])
  })

  it('keeps the line endings of a CRLF article, and reads its block back', () => {
    const crlf = content.replaceAll('\n', '\r\n')
    const text = withBlock(crlf, [volume])
    expect(text).toBe(withBlock(content, [volume]).replaceAll('\n', '\r\n'))
    expect(text.replaceAll('\r\n', '')).not.toContain('\n')
    const block = readBlock(text)
    expect(text.slice(0, block.start)).toBe(crlf)
    expect(block.entries.map((entry) => entry.decision)).toEqual([volume])
    expect(block.problems).toEqual([])
    // A file with a few CRLF lines among LF ones keeps LF.
    expect(withBlock('# 标题\r\n\n正文\n', [volume])).toBe(`# 标题\r\n\n正文\n${formatBlock([volume])}`)
  })

  it('finds nothing in a text without a block, nor in a block quoted inside a line', () => {
    expect(readBlock(content)).toEqual({start: content.length, found: false, entries: [], problems: []})
    expect(readBlock('see `<!-- bitext-decisions` here\n').found).toBe(false)
  })

  it('says which lines are malformed and what to do, without throwing', () => {
    const text = `${content}\n<!-- bitext-decisions\n{"at":"7:8","choice":"号"\n{"at":"7","choice":"号"}\n{"at":"7:8","choice":"号","confidence":2}\n{"at":"7:8","choice":"号","others":"卷"}\n[1]\nfree text is a comment\n-->\n`
    const block = readBlock(text)
    expect(block.entries).toEqual([])
    expect(block.problems.map((problem) => [text.slice(problem.start, problem.end), problem.reason])).toEqual([
      ['{"at":"7:8","choice":"号"', 'Malformed repair decision (not valid JSON): fix the line or delete it'],
      ['{"at":"7","choice":"号"}', 'Malformed repair decision (`at` must be "LINE:COLUMN"): fix the line or delete it'],
      ['{"at":"7:8","choice":"号","confidence":2}', 'Malformed repair decision (`confidence` must be a number from 0 to 1): fix the line or delete it'],
      ['{"at":"7:8","choice":"号","others":"卷"}', 'Malformed repair decision (`others` must be a list of strings): fix the line or delete it']
    ])
  })

  it('reports an unclosed block at its first line', () => {
    const text = `${content}\n<!-- bitext-decisions\n{"at":"7:8","choice":"号","left":"有","right":"影"}\n`
    const block = readBlock(text)
    expect(block.problems).toEqual([{start: text.indexOf('<!--'), end: text.indexOf('\n', text.indexOf('<!--')), reason: 'Unclosed decision block: end it with a line `-->`, or delete it to accept every decision in it'}])
    expect(block.entries.map((entry) => entry.decision.choice)).toEqual(['号'])
  })

  it('round-trips any decision, and nothing in it ends the comment or looks like mojibake', () => {
    const text = fc.string({unit: 'binary', maxLength: 12})
    const decision = fc.record({
      choice: fc.string({unit: 'binary', minLength: 1, maxLength: 3}).filter((value) => !value.includes('\n')),
      others: fc.array(fc.string({unit: 'binary', maxLength: 3}), {maxLength: 4}),
      confidence: fc.integer({min: 0, max: 100}).map((value) => value / 100),
      left: text,
      right: text,
      line: fc.integer({min: 1, max: 9999}),
      column: fc.integer({min: 1, max: 9999})
    })
    fc.assert(fc.property(fc.array(decision, {minLength: 1, maxLength: 5}), (decisions) => {
      const written = formatBlock(decisions)
      expect(written.indexOf('-->')).toBe(written.length - 4)
      // The repair stage leaves the block alone: it holds nothing to repair.
      expect(repairMojibake(written).repairs).toEqual([])
      expect(readBlock(`a\n${written}`).entries.map((entry) => entry.decision)).toEqual(decisions)
    }), {numRuns: 300})
  })
})

describe('finding decisions again', () => {
  const other: RepairDecision = {choice: '不', others: ['与', '中'], confidence: 0.5, left: '都', right: '开发者有关', line: 9, column: 12}
  const text = '# 标题\n\n每个虚拟机都有号影副本。\n\n> It is about developers.\n\nDocker 的所有内容都不开发者有关。\n'

  it('finds each choice by the text around it', () => {
    expect(locateDecisions(text, [volume, other])).toEqual([
      {state: 'open', start: text.indexOf('号'), end: text.indexOf('号') + 1},
      {state: 'open', start: text.indexOf('不'), end: text.indexOf('不') + 1}
    ])
  })

  it('survives unrelated edits: lines added above, words changed elsewhere on the line', () => {
    const edited = `前言。\n\n${text.replace('副本', '的副本').replace('Docker 的', 'Docker 这个工具的')}`
    expect(locateDecisions(edited, [volume, other])).toEqual([
      {state: 'open', start: edited.indexOf('号'), end: edited.indexOf('号') + 1},
      {state: 'open', start: edited.indexOf('不'), end: edited.indexOf('不') + 1}
    ])
  })

  it('is settled when someone put another character in its place', () => {
    expect(locateDecisions(text.replace('号影', '卷影'), [volume])).toEqual([{state: 'resolved', found: '卷'}])
    expect(locateDecisions(text.replace('号影', '影'), [volume])).toEqual([{state: 'resolved', found: ''}])
  })

  it('is lost when the text around it is gone', () => {
    expect(locateDecisions(text.replace('每个虚拟机都有号影副本。', '全部改写了。'), [volume])).toEqual([{state: 'lost'}])
  })

  it('gives two decisions with the same anchor two places, each the nearest to where it was', () => {
    const twice = '都有号影。\n\n都有号影。\n'
    const first: RepairDecision = {...volume, left: '都有', right: '影。', line: 1, column: 3}
    expect(locateDecisions(twice, [{...first, line: 3}, first])).toEqual([
      {state: 'open', start: twice.lastIndexOf('号'), end: twice.lastIndexOf('号') + 1},
      {state: 'open', start: twice.indexOf('号'), end: twice.indexOf('号') + 1}
    ])
  })
})
