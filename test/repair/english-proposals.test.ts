import {describe, expect, it} from 'vitest'
import {parseCedict} from '../../src/repair/source/gloss-dictionary.js'
import {completionsOf, everyCompletion, proposeWords, type ProposalSlot} from '../../src/repair/source/english-proposals.js'
import {rerankRepairs} from '../../src/repair/source/rerank.js'
import {prepareSource} from '../../src/repair/source/source-bonus.js'
import type {SourceSpan} from '../../src/repair/source/source-evidence.js'
import type {RepairRecord} from '../../src/types.js'
import {lexicon} from './lexicon-shared.js'

/** UTF-8 read as Latin-1, the bytes 0x80–0x9F stripped. */
const c1Stripped = {via: 'latin1', lostBytes: Array.from({length: 32}, (_, index) => 0x80 + index)}

/** What C1 stripping leaves of a character. */
function stripped(char: string): string {
  return Buffer.from([...Buffer.from(char, 'utf8')].filter((byte) => byte < 0x80 || byte > 0x9f)).toString('latin1')
}

/** A lossy repair of `truth` at `at` that chose `text[at]`, as the repair makes them. */
function record(text: string, at: number, truth: string, alternatives: string[]): RepairRecord {
  return {line: 1, column: at + 1, offset: at, outputOffset: at, before: stripped(truth), after: text[at]!, confidence: 0.7, alternatives, kind: 'lossy'}
}

function span(text: string, sentence: string): SourceSpan {
  return {start: 0, end: text.length, sentence, block: sentence, blockStart: 0, blockEnd: text.length}
}

const dictionary = parseCedict([
  '運行 运行 [yun4 xing2] /to move along; to run/to be in operation/to operate/',
  '進行 进行 [jin4 xing2] /to advance; to conduct; underway; in progress/',
  '發布 发布 [fa1 bu4] /to release; to issue; to publish/',
  '城市 城市 [cheng2 shi4] /city; town/',
  '期望 期望 [qi1 wang4] /to have expectations; to earnestly hope/expectation; hope/'
].join('\n'))

describe('GlossDictionary.wordsGlossing', () => {
  it('lists the words of two to four Han characters whose gloss text has a word with the stem', () => {
    expect(dictionary.wordsGlossing('run')).toEqual(['运行'])
    expect(dictionary.wordsGlossing('releas')).toEqual(['发布'])
    // Any word of the gloss text, short glosses or not: `lookup` decides.
    expect(dictionary.wordsGlossing('earnestli')).toEqual(['期望'])
    expect(dictionary.wordsGlossing('rollout')).toEqual([])
  })
})

describe('completionsOf', () => {
  it('lists every Han character the bytes left can complete', () => {
    // 运 is E8 BF 90: Latin-1 shows E8 BF as `è¿`, the 0x90 is gone.
    const fits = completionsOf('è¿', c1Stripped, '进')!
    expect(fits.has('运')).toBe(true)
    expect(fits.has('进')).toBe(true)
    expect(fits.has('发')).toBe(false)
    // A lone lead byte: E5 and two lost bytes, 0x80–0x9F each.
    expect(completionsOf('å', c1Stripped, '城')!.size).toBe(1024)
  })

  it('gives nothing when the choice is no completion, or nothing is missing', () => {
    expect(completionsOf('è¿', c1Stripped, '发')).toBeUndefined()
    expect(completionsOf('ä¸\u00ad', c1Stripped, '中')).toBeUndefined()
    expect(completionsOf('\ufffd', c1Stripped, '中')).toBeUndefined()
  })

  it('is everyCompletion where the choice is one of them', () => {
    const every = everyCompletion('è¿', c1Stripped)!
    expect([...every]).toEqual([...completionsOf('è¿', c1Stripped, '进')!])
    expect(every.has('发')).toBe(false)
    expect(everyCompletion('ä¸\u00ad', c1Stripped)).toBeUndefined()
    expect(everyCompletion('\ufffd', c1Stripped)).toBeUndefined()
  })
})

describe('proposeWords', () => {
  it('fits a word glossing the sentence over the damaged characters', () => {
    const chars = [...'集群进行你的应用']
    const source = prepareSource('The cluster runs your application', 'The cluster runs your application')
    const slots = new Map<number, ProposalSlot>([[2, {choices: ['进', '还'], fits: completionsOf('è¿', c1Stripped, '进'), source}]])
    expect(proposeWords(chars, slots, dictionary)).toEqual(new Map([[2, ['运']]]))
  })

  it('fits a word over two damaged characters, one of them a lone lead byte', () => {
    // 发布 as 城市: 发 lost both continuation bytes (E5 8F 91), 布 one (E5 B8 83).
    const chars = [...'我们城市了新版本']
    const source = prepareSource('We released a new version', 'We released a new version')
    const slots = new Map<number, ProposalSlot>([
      [2, {choices: ['城', '名'], fits: completionsOf('å', c1Stripped, '城'), source}],
      [3, {choices: ['市', '帅'], fits: completionsOf('å¸', c1Stripped, '市'), source}]
    ])
    expect(proposeWords(chars, slots, dictionary)).toEqual(new Map([[2, ['发']], [3, ['布']]]))
  })

  it('proposes nothing where the intact text does not fit, the English is rendered already, or only the pair is known', () => {
    const chars = [...'集群进步你的应用']
    const source = prepareSource('The cluster runs your application', 'The cluster runs your application')
    const slots = new Map<number, ProposalSlot>([[2, {choices: ['进', '还'], fits: completionsOf('è¿', c1Stripped, '进'), source}]])
    expect(proposeWords(chars, slots, dictionary).size).toBe(0)
    const rendered = prepareSource('The cluster runs your application', '', new Set(['run']))
    expect(proposeWords([...'集群进行你的应用'], new Map([[2, {...slots.get(2)!, source: rendered}]]), dictionary).size).toBe(0)
    const blockOnly = prepareSource('', 'The cluster runs your application')
    expect(proposeWords([...'集群进行你的应用'], new Map([[2, {...slots.get(2)!, source: blockOnly}]]), dictionary).size).toBe(0)
  })
})

describe('rerankRepairs with the damage report', () => {
  it('rebuilds 运行 "run" where the repair kept only 进 and its look-alikes', () => {
    const text = 'Kubernetes 在节点上进行你的容器。'
    const at = text.indexOf('进')
    const repairs = [record(text, at, '运', ['这', '还', '远'])]
    const spans = [span(text, 'Kubernetes runs your containers on the nodes.')]
    const without = rerankRepairs(text, repairs, spans, {dictionary, lexicon: lexicon()})
    expect(without.text).toBe(text)
    const result = rerankRepairs(text, repairs, spans, {dictionary, lexicon: lexicon(), damage: c1Stripped})
    expect(result.text).toBe('Kubernetes 在节点上运行你的容器。')
    // Not among the repair's four: the choice stays uncertain, the repair's own named first.
    expect(result.repairs[0]).toMatchObject({after: '运', evidence: 'EN "runs" (运行), where the word and context models chose 进'})
    expect(result.repairs[0]!.alternatives[0]).toBe('进')
    expect(result.repairs[0]!.alternatives).toHaveLength(3)
    // At most the mean of the re-rank's probability and a third of what the repair's choice left.
    expect(result.repairs[0]!.confidence).toBeLessThanOrEqual((1 + 0.3 / 3) / 2)
  })
})
