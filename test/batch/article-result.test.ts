import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {failedResult, fromResult, toResult} from '../../src/batch/article-result.js'
import {readEntry, writeEntry} from '../../src/batch/cache.js'
import path from 'node:path'
import {tempDir} from '../helpers.js'

/** A processed-looking file with every kind of message and data. */
function sampleFile(): VFile {
  const file = new VFile({path: 'articles/a.md', value: '# 标题\n\n> Hello\n\n你好\n'})
  file.data.slug = 'a'
  file.data.frontMatter = {title: '标题', date: new Date('2019-12-10T00:00:00.000Z'), tags: ['k8s']}
  file.data.outputs = {'index.html': '<p>你好</p>'}
  file.data.repairs = []
  file.data.damage = null
  file.data.termUses = [{term: 'cluster', rendering: '集群', line: 5, column: 1}]
  file.data.fixes = [{range: [0, 1], text: '#'}]
  file.data.encoding = {encoding: 'utf-8', confidence: 1, bom: false, source: 'utf-8'}
  const error = file.message('Unexpected `群集` for `cluster`, expected `集群`', {
    place: {start: {line: 5, column: 1, offset: 18}, end: {line: 5, column: 3, offset: 20}},
    ruleId: 'glossary-forbidden',
    source: 'bitext'
  })
  error.fatal = true
  error.actual = '群集'
  error.expected = ['集群']
  error.note = 'See the glossary'
  error.url = 'https://example.org/rules#glossary-forbidden'
  file.message('Long paragraph', {place: {line: 3, column: 1}, ruleId: 'length-ratio', source: 'bitext'})
  file.info('Repaired 3 characters', {ruleId: 'repair', source: 'bitext'})
  file.message('Could not process this article: boom', {ruleId: 'internal-error', source: 'bitext', cause: new TypeError('boom')})
  return file
}

/** The fields a reporter reads, per message. */
function messageFields(file: VFile) {
  return file.messages.map((message) => ({
    reason: message.reason,
    place: message.place,
    line: message.line,
    column: message.column,
    name: message.name,
    file: message.file,
    ruleId: message.ruleId,
    source: message.source,
    fatal: message.fatal,
    actual: message.actual,
    expected: message.expected,
    note: message.note,
    url: message.url,
    cause: message.cause instanceof Error ? [message.cause.name, message.cause.message, message.cause.stack] : message.cause,
    stack: message.stack
  }))
}

describe('toResult / fromResult', () => {
  it('round-trips messages, data and value through structured clone', () => {
    const file = sampleFile()
    const limit = Error.stackTraceLimit
    const back = fromResult(structuredClone(toResult(file)))
    // Messages are rebuilt without capturing stack traces, and the limit is put back.
    expect(Error.stackTraceLimit).toBe(limit)
    expect(back.path).toBe(file.path)
    expect(back.value).toBe(file.value)
    expect(messageFields(back)).toEqual(messageFields(file))
    expect(back.data).toEqual(file.data)
    expect(back.data.frontMatter?.['date']).toBeInstanceOf(Date)
  })

  it('round-trips through a cache entry (JSON), keeping dates', () => {
    const file = sampleFile()
    const entry = path.join(tempDir(), 'ab', 'entry.json')
    writeEntry(entry, {...toResult(file), cache: 'miss'})
    const read = readEntry(entry)
    if (read.status !== 'hit') throw new Error(`expected a hit, got ${JSON.stringify(read)}`)
    expect(read.result.cache).toBeUndefined()
    const back = fromResult(read.result)
    expect(messageFields(back)).toEqual(messageFields(file))
    expect(back.data).toEqual(file.data)
    expect(back.data.frontMatter?.['date']).toEqual(new Date('2019-12-10T00:00:00.000Z'))
  })

  it('keeps info messages as info (fatal undefined), warnings as false', () => {
    const back = fromResult(toResult(sampleFile()))
    expect(back.messages.map((message) => message.fatal)).toEqual([true, false, undefined, false])
  })

  it('leaves out the tree and keeps a file without value valueless', () => {
    const file = new VFile({path: 'x.md'})
    file.data.tree = {type: 'root', children: []}
    const result = toResult(file)
    expect(result).toEqual({path: 'x.md', messages: [], data: {}})
    expect(fromResult(result).value).toBeUndefined()
  })

  it('builds a failed result with one fatal message', () => {
    const file = fromResult(failedResult('b.md', 'Cannot read this file (ENOENT)', 'read'))
    expect(file.data.failed).toBe(true)
    expect(messageFields(file)).toEqual([
      expect.objectContaining({reason: 'Cannot read this file (ENOENT)', ruleId: 'read', source: 'bitext', fatal: true, file: 'b.md', name: 'b.md:1:1'})
    ])
  })
})
