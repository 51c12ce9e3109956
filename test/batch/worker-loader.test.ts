import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import {describe, expect, it} from 'vitest'
import {readCodeCache, runWithCodeCache, writeCodeCache} from '../../src/batch/worker-loader.js'
import {tempDir} from '../helpers.js'

describe('worker code cache', () => {
  it('runs a CommonJS file with the cache made from it, and ignores a cache of other code', () => {
    const dir = tempDir('bitext-code-cache-')
    const file = path.join(dir, 'bundle.cjs')
    const cache = path.join(dir, 'bundle.cache')
    fs.writeFileSync(file, "globalThis.__bitextCodeCache = [typeof require, __filename, __dirname, module.exports === exports, (x => x * 7)(6)]\n")
    expect(readCodeCache(fs.readFileSync(file, 'utf8'), cache)).toBeUndefined()

    const first = runWithCodeCache(file, cache)
    const expected = ['function', file, dir, true, 42]
    expect((globalThis as {__bitextCodeCache?: unknown}).__bitextCodeCache).toEqual(expected)
    writeCodeCache(first.source, first.script.createCachedData(), cache)
    const data = readCodeCache(first.source, cache)
    expect(data).toBeInstanceOf(Buffer)

    // V8 accepts the cache for the same source.
    const again = new vm.Script(`(function (exports, require, module, __filename, __dirname) { ${first.source}\n})`, {filename: file, cachedData: data})
    expect(again.cachedDataRejected).toBe(false)
    ;(globalThis as {__bitextCodeCache?: unknown}).__bitextCodeCache = undefined
    runWithCodeCache(file, cache)
    expect((globalThis as {__bitextCodeCache?: unknown}).__bitextCodeCache).toEqual(expected)

    // Same length, other code: V8 alone would take the cache; the digest does not.
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('x * 7', 'x * 8'))
    expect(readCodeCache(fs.readFileSync(file, 'utf8'), cache)).toBeUndefined()
    runWithCodeCache(file, cache)
    expect((globalThis as {__bitextCodeCache?: unknown[]}).__bitextCodeCache?.[4]).toBe(48)
  })
})
