import {describe, expect, it} from 'vitest'
import {mayNeedSegmenter} from '../../src/check/han-repeat.js'

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)

describe('mayNeedSegmenter', () => {
  it('is false for UTF-8 text whose only doubled Han words are known reduplications', () => {
    expect(mayNeedSegmenter(bytes('# 标题\n\n我们常常看看文档，the the end。\n'))).toBe(false)
    expect(mayNeedSegmenter(bytes('No Chinese at all.\n'))).toBe(false)
  })

  it('is true for any other doubled Han character or pair', () => {
    expect(mayNeedSegmenter(bytes('操作操作系统'))).toBe(true)
    expect(mayNeedSegmenter(bytes('为了了解'))).toBe(true)
    expect(mayNeedSegmenter(bytes('常常的的'))).toBe(true)
  })

  it('is true for what repair may change: bytes that are not UTF-8, or mojibake characters', () => {
    expect(mayNeedSegmenter(new Uint8Array([0xb2, 0xd9, 0xd7, 0xf7]))).toBe(true)
    expect(mayNeedSegmenter(bytes('æ“ä½œ'))).toBe(true)
    expect(mayNeedSegmenter(bytes('文\uFFFD字'))).toBe(true)
  })
})

describe('mayNeedSegmenter on clean text with Latin-1 characters', () => {
  it('is false for a no-break space, a middle dot or an accent that is not mojibake', () => {
    expect(mayNeedSegmenter(bytes('Café crème\u00A0· 2×3 ©，数据'))).toBe(false)
    // `é` then a no-break space is what the bytes C3 A9 C2 A0… of mojibake look like: a hint of damage.
    expect(mayNeedSegmenter(bytes('Café\u00A0crème'))).toBe(true)
  })
})
