import {describe, expect, it} from 'vitest'
import {pronounOf, stemEnglish} from '../../src/repair/source/english.js'
import {completionsOf, proposeWords, type ProposalSlot} from '../../src/repair/source/english-proposals.js'
import {parseCedict} from '../../src/repair/source/gloss-dictionary.js'
import {contradicted, rerankRepairs} from '../../src/repair/source/rerank.js'
import {prepareSource, renderedPronouns, type CandidateEvidence} from '../../src/repair/source/source-bonus.js'
import type {SourceSpan} from '../../src/repair/source/source-evidence.js'
import type {RepairRecord} from '../../src/types.js'
import {lexicon} from './lexicon-shared.js'

const dictionary = parseCedict([
  '我 我 [wo3] /I; me; my/',
  '我們 我们 [wo3 men5] /we; us; ourselves; our/',
  '你 你 [ni3] /you (informal, as opposed to courteous 您[nin2])/',
  '他 他 [ta1] /(third-person singular) (since the early 20th century, usu. male) he; him; his/(bound form) other; another/',
  '其 其 [qi2] /his/her/its/their/that/such/it (refers to sth preceding it)/',
  '之 之 [zhi1] /(possessive particle, literary equivalent of 的[de5])/him/her/it/',
  '吾 吾 [wu2] /(old) I; my/',
  '台 台 [tai2] /(classical) you (in letters)/variant of 臺|台[tai2]/',
  '其他 其他 [qi2 ta1] /other/(sth or sb) else/the rest/',
  '美國 美国 [Mei3 guo2] /United States; USA; US/',
  '礦山 矿山 [kuang4 shan1] /mine/',
  '有 有 [you3] /to have; there is; to exist; to be/',
  '運行 运行 [yun4 xing2] /to move along; to run/to be in operation/to operate/',
  '進行 进行 [jin4 xing2] /to advance; to conduct; underway; in progress/'
].join('\n'))

function span(text: string, sentence: string): SourceSpan {
  return {start: 0, end: text.length, sentence, block: sentence, blockStart: 0, blockEnd: text.length}
}

describe('pronouns in the gloss dictionary', () => {
  it('knows the persons of an entry whose first sense is a pronoun of everyday use', () => {
    expect(dictionary.lookup('我')?.pronoun).toEqual(['i'])
    expect(dictionary.lookup('我们')?.pronoun).toEqual(['we'])
    expect(dictionary.lookup('你')?.pronoun).toEqual(['you'])
    expect(dictionary.lookup('他')?.pronoun).toEqual(['he'])
    expect(dictionary.lookup('其')?.pronoun).toEqual(['he', 'she', 'it', 'they'])
  })

  it('lists the pronouns of a person', () => {
    expect(dictionary.pronouns('i')).toEqual(['我'])
    expect(dictionary.pronouns('we')).toEqual(['我们'])
    expect(dictionary.pronouns('it')).toEqual(['其'])
    expect(dictionary.pronouns('she')).toEqual(['其'])
  })

  it('takes a pronoun as written, at the start of a sentence too: not `US`, `IT` nor `mine`', () => {
    expect(pronounOf('I')).toBe('i')
    expect(pronounOf('My')).toBe('i')
    expect(pronounOf('my')).toBe('i')
    expect(pronounOf('We')).toBe('we')
    expect(pronounOf('This')).toBe('this')
    expect(pronounOf('these')).toBe('this')
    expect(pronounOf('It')).toBe('it')
    expect(pronounOf('US')).toBeUndefined()
    expect(pronounOf('IT')).toBeUndefined()
    expect(pronounOf('mine')).toBeUndefined()
    expect(dictionary.lookup('美国')?.pronoun).toBeUndefined()
    expect(dictionary.lookup('矿山')?.pronoun).toBeUndefined()
  })

  it('knows none where the first sense is something else or of a register', () => {
    expect(dictionary.lookup('之')?.pronoun).toBeUndefined()
    expect(dictionary.lookup('吾')).toBeUndefined()
    expect(dictionary.lookup('台')).toBeUndefined()
    expect(dictionary.lookup('有')?.pronoun).toBeUndefined()
  })
})

describe('stemEnglish', () => {
  it('stems a past form of an irregular verb as its base', () => {
    expect(stemEnglish('ran')).toBe(stemEnglish('run'))
    expect(stemEnglish('running')).toBe('run')
    expect(stemEnglish('thought')).toBe(stemEnglish('think'))
    expect(stemEnglish('written')).toBe(stemEnglish('writes'))
  })
})

describe('renderedPronouns', () => {
  it('counts the pronouns of intact Chinese, a pronoun word as one, not a character inside another word', () => {
    const chars = [...'我们和我的其他应用']
    expect(renderedPronouns(chars, new Set(), dictionary)).toEqual(new Map([['we', 1], ['i', 1]]))
    // A damaged character renders nothing.
    expect(renderedPronouns(chars, new Set([3]), dictionary)).toEqual(new Map([['we', 1]]))
  })
})

describe('prepareSource', () => {
  it('keeps the forms of each person that the intact Chinese does not render', () => {
    const source = prepareSource('I still want my HA and my DRS, they said', '', new Set(), new Set(), '', new Map([['i', 1]]))
    expect(source.unrenderedPronouns).toEqual(new Map([['i', 2], ['they', 1]]))
    expect(prepareSource('IT in the US', '').unrenderedPronouns.size).toBe(0)
  })
})

describe('proposeWords with pronouns', () => {
  /** UTF-8 read as Latin-1, the bytes 0x80–0x9F stripped: 我 (E6 88 91) keeps only its lead byte. */
  const c1Stripped = {via: 'latin1', lostBytes: Array.from({length: 32}, (_, index) => 0x80 + index)}

  it('proposes the pronoun of a person the sentence names more often than the intact Chinese', () => {
    const source = prepareSource('I want to run my app', '', new Set(), new Set(), '', new Map([['i', 1]]))
    const slots = new Map<number, ProposalSlot>([[4, {choices: ['招', '有'], fits: completionsOf('æ', c1Stripped, '招'), source}]])
    expect(proposeWords([...'我想运行招的应用'], slots, dictionary)).toEqual(new Map([[4, ['我']]]))
    const rendered = prepareSource('I want to run my app', '', new Set(), new Set(), '', new Map([['i', 2]]))
    expect(proposeWords([...'我想运行招的应用'], new Map([[4, {...slots.get(4)!, source: rendered}]]), dictionary).size).toBe(0)
  })
})

describe('rerankRepairs with pronouns', () => {
  const repair = (text: string, at: number, alternatives: string[]): RepairRecord => ({line: 1, column: at + 1, offset: at, outputOffset: at, before: 'æ', after: text[at]!, confidence: 0.4, alternatives, kind: 'lossy'})

  it('reads an English pronoun that no intact pronoun renders (a one-sided overturn: it stays uncertain)', () => {
    const text = '有想运行一个应用'
    const result = rerankRepairs(text, [repair(text, 0, ['我', '手'])], [span(text, 'I want to run an app')], {dictionary, lexicon: lexicon()})
    expect(result.text).toBe('我想运行一个应用')
    expect(result.repairs[0]).toMatchObject({after: '我', confidence: 0.774, alternatives: ['有', '手'], evidence: 'EN "i" (我), where the word and context models chose 有'})
    const told = '他们告诉有这件事'
    expect(rerankRepairs(told, [repair(told, 4, ['我', '手'])], [span(told, 'They told me about it')], {dictionary, lexicon: lexicon()}).text).toBe('他们告诉我这件事')
  })

  it('reads nothing where the intact Chinese renders the pronoun already', () => {
    const text = '我想运行有个应用'
    const result = rerankRepairs(text, [repair(text, 4, ['我', '一'])], [span(text, 'I want to run an app')], {dictionary, lexicon: lexicon()})
    expect(result.text).toBe(text)
    expect(result.changed).toBe(0)
  })
})

describe('contradicted', () => {
  const none: CandidateEvidence = {bonus: 0, note: ''}
  const run: CandidateEvidence = {bonus: 2.53, note: 'EN "run" (运行)', kind: 'word'}

  it('pools a choice with the English alone where another candidate has a word of the sentence', () => {
    expect(contradicted(0.9, 0, [none, run, none, none])).toBeCloseTo((0.9 + 1 / (3 + Math.exp(2.53))) / 2, 10)
  })

  it('leaves a choice alone that the English does not contradict clearly', () => {
    expect(contradicted(0.9, 1, [none, run, none])).toBe(0.9)
    expect(contradicted(0.9, 0, [none, {...run, bonus: 1}])).toBe(0.9)
    expect(contradicted(0.9, 0, [none, {...run, kind: 'char'}])).toBe(0.9)
    // Pooled only downwards.
    expect(contradicted(0.05, 0, [none, run])).toBe(0.05)
  })
})
