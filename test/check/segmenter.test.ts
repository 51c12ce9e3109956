import {describe, expect, it} from 'vitest'
import {answerSegment, localSegment, remoteSegment, type SegmentRequest} from '../../src/check/segmenter.js'

describe('segmenter', () => {
  it('cuts as jieba does without HMM', () => {
    expect(localSegment('操作操作系统')).toEqual(['操作', '操作系统'])
    expect(localSegment('为了了解')).toEqual(['为了', '了解'])
  })

  it('asks jieba itself for what the dictionary reader leaves to it', () => {
    // 〇 is Han, but jieba's cut reads it outside its Han blocks.
    expect(localSegment('〇为了了解')).toEqual(['〇', '为了', '了解'])
    expect(localSegment('一〇〇为了')).toEqual(['一', '〇', '〇', '为了'])
  })

  it('gives the same words when another thread answers through the shared buffer', () => {
    const posted: SegmentRequest[] = []
    const segment = remoteSegment((request) => {
      posted.push(request)
      answerSegment(request)
    })
    const long = '我们需要了解操作操作系统的调度'.repeat(200)
    for (const text of ['操作操作系统', '为了了解', long]) expect(segment(text)).toEqual(localSegment(text))
    expect(posted).toHaveLength(3)
    // The buffer grows for a text longer than it holds.
    expect(posted[2]!.buffer.byteLength).toBeGreaterThanOrEqual(4 * (long.length + 2))
  })

  it('cuts in its own thread when no answer comes', () => {
    let posts = 0
    const segment = remoteSegment(() => posts++, 5)
    expect(segment('操作操作系统')).toEqual(['操作', '操作系统'])
    // Once the other side failed to answer, it is not asked again.
    expect(segment('为了了解')).toEqual(['为了', '了解'])
    expect(posts).toBe(1)
  })
})
