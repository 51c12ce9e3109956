/**
 * The dictionary reader against jieba itself on every run of Han characters
 * in the shared corpora (the CNCF glossary and kubernetes/website pages).
 */
import fs from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {createDictSegmenter} from '../../src/check/dict-segmenter.js'
import {sharedPath} from '../helpers.js'

const require = createRequire(import.meta.url)
const dictFile = require.resolve('@node-rs/jieba/dict.txt')

function markdownFiles(root: string): string[] {
  return (fs.readdirSync(root, {recursive: true}) as string[]).filter((name) => name.endsWith('.md')).map((name) => path.join(root, name))
}

describe('createDictSegmenter on the shared corpora', () => {
  it('cuts every Han run as jieba does, and answers nearly all of them itself', () => {
    const runs = new Set<string>()
    for (const file of markdownFiles(sharedPath('corpus'))) {
      for (const match of fs.readFileSync(file, 'utf8').matchAll(/\p{Script=Han}+/gu)) runs.add(match[0])
    }
    const segment = createDictSegmenter(fs.readFileSync(dictFile))
    const {Jieba} = require('@node-rs/jieba') as typeof import('@node-rs/jieba')
    const jieba = Jieba.withDict(fs.readFileSync(dictFile))
    let answered = 0
    const differ: string[] = []
    for (const run of runs) {
      const words = segment(run)
      if (words === undefined) continue
      answered++
      if (words.join(' ') !== jieba.cut(run, false).join(' ')) differ.push(run)
    }
    expect(runs.size).toBeGreaterThan(4000)
    expect(differ).toEqual([])
    expect(answered / runs.size).toBeGreaterThan(0.99)
  })
})
