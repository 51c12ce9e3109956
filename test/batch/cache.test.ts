import {createHash} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {brotliCompressSync, brotliDecompressSync} from 'node:zlib'
import {describe, expect, it} from 'vitest'
import {batchKey, cacheSchema, entryKey, entryPath, readEntry, stableJson, writeEntry} from '../../src/batch/cache.js'
import {codeFingerprint} from '../../src/batch/fingerprint.js'
import {tempDir} from '../helpers.js'

describe('cache keys', () => {
  const bytes = new TextEncoder().encode('# 标题\n')

  it('do not depend on key order of the spec', () => {
    expect(batchKey('f', {settings: {a: 'off', b: 'warn'}, formats: ['md']})).toBe(batchKey('f', {formats: ['md'], settings: {b: 'warn', a: 'off'}}))
  })

  it('change with the fingerprint, the spec, the path and the bytes', () => {
    const batch = batchKey('f', {formats: ['md']})
    const key = entryKey(batch, 'a.md', bytes)
    expect(entryKey(batchKey('g', {formats: ['md']}), 'a.md', bytes)).not.toBe(key)
    expect(entryKey(batchKey('f', {formats: ['html']}), 'a.md', bytes)).not.toBe(key)
    expect(entryKey(batch, 'b.md', bytes)).not.toBe(key)
    expect(entryKey(batch, 'a.md', new TextEncoder().encode('# 標題\n'))).not.toBe(key)
    expect(entryKey(batch, 'a.md', bytes)).toBe(key)
  })

  it('stableJson sorts keys at every depth, arrays keep their order', () => {
    expect(stableJson({b: 1, a: {d: [2, 1], c: null}})).toBe('{"a":{"c":null,"d":[2,1]},"b":1}')
  })

  it('fingerprint the code folder: a changed module changes it', () => {
    const dir = tempDir()
    const code = path.join(dir, 'lib')
    fs.mkdirSync(path.join(code, 'batch'), {recursive: true})
    fs.writeFileSync(path.join(dir, 'package.json'), '{"version":"1.0.0"}')
    fs.writeFileSync(path.join(code, 'batch', 'a.js'), 'export const a = 1\n')
    fs.writeFileSync(path.join(code, 'batch', 'a.d.ts'), 'export declare const a: number\n')
    const first = codeFingerprint(code)
    expect(codeFingerprint(code)).toBe(first)
    fs.writeFileSync(path.join(code, 'batch', 'a.d.ts'), 'export declare const a: 1\n')
    expect(codeFingerprint(code)).toBe(first)
    fs.writeFileSync(path.join(code, 'batch', 'a.js'), 'export const a = 2\n')
    const second = codeFingerprint(code)
    expect(second).not.toBe(first)
    fs.writeFileSync(path.join(dir, 'package.json'), '{"version":"1.0.1"}')
    expect(codeFingerprint(code)).not.toBe(second)
  })
})

/** Write an entry's body after a first line with a valid digest, as a forger who read the source would. */
function writeBody(file: string, key: string, packed: Buffer): void {
  const digest = createHash('sha256').update(`${key}\n`).update(packed).digest('hex')
  fs.writeFileSync(file, Buffer.concat([Buffer.from(`bitext-cache ${cacheSchema} sha256=${digest}\n`), packed]))
}

describe('cache entries', () => {
  it('are written atomically, leaving no temporary files', () => {
    const dir = tempDir()
    const file = entryPath(dir, 'ab'.repeat(32))
    writeEntry(file, {path: 'a.md', value: 'x', messages: [], data: {slug: 'a'}})
    expect(fs.readdirSync(path.dirname(file))).toEqual([path.basename(file)])
    expect(readEntry(file)).toEqual({status: 'hit', result: {path: 'a.md', value: 'x', messages: [], data: {slug: 'a'}}})
  })

  it('carry a digest of their key and content in their first line, then, packed with brotli, their JSON on one line and their outputs as bytes', () => {
    const dir = tempDir()
    const key = 'cd'.repeat(32)
    const file = entryPath(dir, key)
    writeEntry(file, {path: 'a.md', messages: [], data: {slug: 'a', outputs: {'index.zh.md': '你好\n', 'index.html': '<p>x</p>'}}})
    const bytes = fs.readFileSync(file)
    const newline = bytes.indexOf(0x0a)
    const packed = bytes.subarray(newline + 1)
    const digest = createHash('sha256').update(`${key}\n`).update(packed).digest('hex')
    expect(bytes.toString('latin1', 0, newline + 1)).toBe(`bitext-cache ${cacheSchema} sha256=${digest}\n`)
    expect(brotliDecompressSync(packed).toString('utf8')).toBe('{"path":"a.md","messages":[],"data":{"slug":"a"},"outputBytes":[["index.zh.md",7],["index.html",8]]}\n你好\n<p>x</p>')
    // Read back as UTF-8 bytes, in their order.
    const read = readEntry(file)
    if (read.status !== 'hit') throw new Error(`expected a hit, got ${JSON.stringify(read)}`)
    const outputs = read.result.data.outputs ?? {}
    expect(Object.keys(outputs)).toEqual(['index.zh.md', 'index.html'])
    expect(Object.values(outputs).map((content) => content instanceof Uint8Array && Buffer.from(content).toString('utf8'))).toEqual(['你好\n', '<p>x</p>'])
  })

  it('treat a body that does not unpack as damaged, even with a matching digest', () => {
    const dir = tempDir()
    const key = 'ef'.repeat(32)
    const file = entryPath(dir, key)
    fs.mkdirSync(path.dirname(file), {recursive: true})
    writeBody(file, key, Buffer.from('{"path":"a.md","messages":[],"data":{}}'))
    expect(readEntry(file)).toEqual({status: 'damaged', reason: 'not packed with brotli, or more than 256 MiB'})
  })

  it('treat outputs that do not add up to the bytes after the JSON, or that would leave the output folder, as damaged', () => {
    const dir = tempDir()
    const key = '12'.repeat(32)
    const file = entryPath(dir, key)
    fs.mkdirSync(path.dirname(file), {recursive: true})
    const entry = (json: string, rest: string) => {
      writeBody(file, key, brotliCompressSync(Buffer.from(`${json}\n${rest}`)))
      return readEntry(file)
    }
    const json = (outputBytes: string, data = '{}') => `{"path":"a.md","messages":[],"data":${data},"outputBytes":${outputBytes}}`
    expect(entry(json('[["index.html",3]]'), 'abc')).toMatchObject({status: 'hit'})
    expect(entry(json('[["index.html",4]]'), 'abc')).toEqual({status: 'damaged', reason: 'its outputs do not add up to its content'})
    expect(entry(json('[["index.html",2]]'), 'abc')).toEqual({status: 'damaged', reason: 'its outputs do not add up to its content'})
    expect(entry(json('[["../index.html",3]]'), 'abc')).toEqual({status: 'damaged', reason: 'an output name would write outside the output folder'})
    expect(entry(json('[["a.md",1],["a.md",2]]'), 'abc')).toEqual({status: 'damaged', reason: 'not a result'})
    expect(entry(json('[["index.html",-1]]'), '')).toEqual({status: 'damaged', reason: 'not a result'})
    expect(entry(json('[]', '{"outputs":{"index.html":"<p>x</p>"}}'), '')).toEqual({status: 'damaged', reason: 'not a result'})
    expect(entry(json('[]').replace(',"outputBytes":[]', ''), '')).toEqual({status: 'damaged', reason: 'not a result'})
  })

  it('treat a missing entry as a miss, and one that is not an entry of this bitext as damaged', () => {
    const dir = tempDir()
    const file = path.join(dir, 'x.json')
    expect(readEntry(file)).toEqual({status: 'miss'})
    fs.writeFileSync(file, '{"path": "a.md", "mess')
    expect(readEntry(file)).toEqual({status: 'damaged', reason: 'not an entry of this bitext'})
    fs.writeFileSync(file, '[1, 2]')
    expect(readEntry(file)).toEqual({status: 'damaged', reason: 'not an entry of this bitext'})
  })

  it('are skipped silently when the cache folder cannot be written', () => {
    const dir = tempDir()
    const blocker = path.join(dir, 'file')
    fs.writeFileSync(blocker, '')
    expect(() => writeEntry(path.join(blocker, 'ab', 'x.json'), {path: 'a.md', messages: [], data: {}})).not.toThrow()
  })
})
