import {readFileSync} from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {decode, decodeBytes, DecodeError} from '../../src/decode/index.js'
import {projectRoot} from '../helpers.js'

const fixture = (name: string): Uint8Array => readFileSync(path.join(projectRoot, 'test', 'fixtures', 'decode', name))
const zh = '你好，世界。这是一个测试：Kubernetes 集群与容器编排。\n第二行文字。\n'

describe('decodeBytes', () => {
  it('reads UTF-8 strictly, with and without a byte order mark', () => {
    expect(decodeBytes(Buffer.from(zh))).toEqual({text: zh, info: {encoding: 'utf-8', confidence: 1, bom: false, source: 'utf-8'}})
    expect(decodeBytes(fixture('utf-8-bom.md'))).toEqual({text: zh, info: {encoding: 'utf-8', confidence: 1, bom: true, source: 'bom'}})
  })

  it('reads UTF-16 by its byte order mark', () => {
    expect(decodeBytes(fixture('utf-16le-bom.md'))).toEqual({text: zh, info: {encoding: 'utf-16le', confidence: 1, bom: true, source: 'bom'}})
    expect(decodeBytes(fixture('utf-16be-bom.md'))).toEqual({text: zh, info: {encoding: 'utf-16be', confidence: 1, bom: true, source: 'bom'}})
  })

  it('detects UTF-16 without a byte order mark', () => {
    expect(decodeBytes(fixture('utf-16le-ascii.md'))).toMatchObject({
      text: '# Title\n\nSome English text, and some more.\n',
      info: {encoding: 'utf-16le', bom: false, source: 'detected'}
    })
    expect(decodeBytes(fixture('utf-16be-cjk.md'))).toMatchObject({
      text: zh.replace('Kubernetes ', ''),
      info: {encoding: 'utf-16be', bom: false, source: 'detected'}
    })
  })

  it('detects legacy CJK and windows-125x encodings', () => {
    expect(decodeBytes(fixture('gb18030.md'))).toMatchObject({text: zh, info: {encoding: 'gb18030', source: 'detected'}})
    expect(decodeBytes(fixture('big5.md'))).toMatchObject({
      text: '你好，世界。這是一個測試：Kubernetes 叢集與容器編排。\n第二行文字。\n',
      info: {encoding: 'big5'}
    })
    expect(decodeBytes(fixture('shift_jis.md'))).toMatchObject({
      text: 'こんにちは、世界。これはテストです。日本語の文章を書いています。\n二行目の文章です。\n',
      info: {encoding: 'shift_jis'}
    })
    expect(decodeBytes(fixture('euc-kr.md'))).toMatchObject({
      text: '안녕하세요, 세계. 이것은 테스트입니다. 한국어 문장을 쓰고 있습니다.\n두 번째 줄입니다.\n',
      info: {encoding: 'euc-kr'}
    })
    expect(decodeBytes(fixture('windows-1252.md')).text).toBe('Le café crème coûte 3 € à la brasserie, déjà payé.\nSecond line, naïve façade.\n')
  })

  it('uses `encoding` instead of detecting', () => {
    expect(decodeBytes(fixture('gb18030.md'), {encoding: 'GBK'})).toEqual({text: zh, info: {encoding: 'gbk', confidence: 1, bom: false, source: 'override'}})
    expect(() => decodeBytes(fixture('gb18030.md'), {encoding: 'klingon'})).toThrow(/Unknown encoding `klingon`, expected a name such as/)
  })

  it('refuses binary data, saying where and what to do', () => {
    let error: unknown
    try {
      decodeBytes(fixture('binary.bin'))
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(DecodeError)
    expect((error as DecodeError).line).toBe(3)
    expect((error as DecodeError).message).toBe(
      'Unexpected NUL byte at line 3: this is not a text file; pass a Markdown file, or `--encoding` if it is UTF-16 or UTF-32 without a byte order mark'
    )
  })
})

describe('decode', () => {
  it('sets the value and the encoding of a file', () => {
    const file = new VFile({value: fixture('gb18030.md')})
    decode(file)
    expect(file.value).toBe(zh)
    expect(file.data.encoding).toMatchObject({encoding: 'gb18030', bom: false, source: 'detected'})
  })
})
