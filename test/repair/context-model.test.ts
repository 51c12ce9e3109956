import {describe, expect, it} from 'vitest'
import {contextModelLoader, defaultCorpusPath, framesOf, readLanguagePack} from '../../src/repair/model/context-corpus.js'
import {clauses, phraseFrame, trainContextModel, unknown} from '../../src/repair/model/context-model.js'
import {rebuild, type Part} from '../../src/repair/reconstruct/lossy.js'
import {lexicon} from './lexicon-shared.js'

const context = contextModelLoader(lexicon)

/** One damaged character with these candidates, between two stretches of text. */
function slot(before: string, candidates: string, after: string): Part[] {
  return [before, {candidates: [...candidates].map((char) => ({char, filled: []}))}, after]
}

describe('clauses', () => {
  it('keeps Han characters, makes one gap of a run of other text, and ends at punctuation', () => {
    const han = (text: string) => [...text].map((char) => char.codePointAt(0)!)
    expect(clauses('在 vSphere 中，我们使用 Web 客户端')).toEqual([
      [...han('在'), 0x20, ...han('中')],
      [...han('我们使用'), 0x20, ...han('客户端')]
    ])
    expect(clauses('「{0}」已打开。\n完成')).toEqual([han('已打开'), han('完成')])
  })
})

describe('a context model trained on a small corpus', () => {
  const corpus = [
    ...Array.from({length: 60}, () => '在集群中运行，在文件中保存。'),
    ...Array.from({length: 60}, () => '我们不需要它，它不会运行。'),
    ...Array.from({length: 60}, () => '与其他服务一起运行，与 Web 客户端通信。')
  ]
  const model = trainContextModel(corpus)

  it('counts characters', () => {
    expect(model.count('中')).toBe(120)
    expect(model.count('丁')).toBe(0)
    expect(model.size).toBe([...corpus.join('')].filter((char) => /\p{Script=Han}/u.test(char)).length)
  })

  it('prefers the character the corpus has in this context', () => {
    // 文件_保存: seen with 中, never with 不 or 与.
    const left = [...'件文'], right = [...'保存']
    expect(model.score('中', left, right)).toBeGreaterThan(model.score('不', left, right))
    expect(model.score('中', left, right)).toBeGreaterThan(model.score('与', left, right))
    // _需要 follows 不; _其他 and _ Web (other text) follow 与.
    expect(model.score('不', [...'们我'], [...'需要'])).toBeGreaterThan(model.score('中', [...'们我'], [...'需要']))
    expect(model.score('与', [], [' ', ...'客户端'])).toBeGreaterThan(model.score('不', [], [' ', ...'客户端']))
  })

  it('says nothing of a character it has never seen, and nothing across a damaged neighbour', () => {
    expect(model.score('丁', [...'件文'], [...'保存'])).toBe(0)
    expect(model.score('中', ['?'], ['?'])).toBe(0)
  })
})

describe('the phrase feature (a preposition that a locative closes)', () => {
  const code = (char: string) => char.codePointAt(0)!
  const frames = framesOf(lexicon())

  it('takes the prepositions and locatives from the lexicon’s one-character words', () => {
    expect(lexicon().charTag('在')).toBe('p')
    expect(lexicon().charTag('中')).toBe('f')
    for (const char of '在从与于') expect(frames.opens.has(code(char))).toBe(true)
    for (const char of '中上里') expect(frames.closes.has(code(char))).toBe(true)
    expect(frames.opens.has(code('不'))).toBe(false)
  })

  it('judges a locative by the open phrase it would close, however far its preposition', () => {
    const corpus = [
      ...Array.from({length: 60}, () => '在这个很长的清单所列出的项目中选择一个。'),
      ...Array.from({length: 60}, () => '这个很长的清单所列出的项目不选择一个。')
    ]
    const model = trainContextModel(corpus, {}, frames)
    const flat = trainContextModel(corpus)
    // The preposition is eleven characters away: beyond the window, not beyond the phrase.
    const left = [...'在这个很长的清单所列出的项目'].reverse()
    const right = [...'选择']
    expect(model.score('中', left, right)).toBeGreaterThan(flat.score('中', left, right))
    expect(model.score('中', [...'这个很长的清单所列出的项目'].reverse(), right)).toBeLessThan(model.score('中', left, right))
  })

  it('judges a preposition by the whole phrase it opens (与 … 不同)', () => {
    const corpus = [
      ...Array.from({length: 60}, () => '它与这个很长的清单所列出的项目不同。'),
      ...Array.from({length: 60}, () => '它将这个很长的清单所列出的项目删除。')
    ]
    const model = trainContextModel(corpus, {}, frames)
    const flat = trainContextModel(corpus)
    // `不同` is nine characters to the right: beyond the window.
    const right = [...'这个很长的清单所列出的项目不同']
    expect(model.score('与', ['它'], right)).toBeGreaterThan(flat.score('与', ['它'], right))
    expect(model.score('与', ['它'], [...'这个很长的清单所列出的项目删除'])).toBeLessThan(model.score('与', ['它'], right))
  })
})

describe('the default context model (the Chinese strings of VS Code)', () => {
  it('is read from the installed language pack', () => {
    expect(defaultCorpusPath()).toMatch(/monaco-vscode-language-pack-zh-hans$/)
    const strings = readLanguagePack(defaultCorpusPath())
    expect(strings.length).toBeGreaterThan(10_000)
    expect(strings.every((text) => /\p{Script=Han}/u.test(text))).toBe(true)
    expect(context().size).toBeGreaterThan(150_000)
  })

  it('tells apart the function characters that the lexicon cannot (seed sentences)', () => {
    const pick = (parts: Part[], withContext: boolean) =>
      rebuild(parts, lexicon(), withContext ? {context: context()} : {}).map((result) => result.char).join('')
    // Without context the lexicon takes the most frequent: 不.
    const frames: Array<[Part[], string]> = [
      [slot('正如我们在前面各节', '不中与丁', '所看到的'), '中'],
      [slot('我们同样从资源池设置', '不中与丁', '定义这一点'), '中'],
      [slot('Deployments 等，我们将在下一节', '不中与丁', '讨论。'), '中'],
      [slot('就像 VM 一样', '不中与丁', '其他 Pod 进行通信'), '与']
    ]
    for (const [parts, expected] of frames) {
      expect(pick(parts, false)).toBe('不')
      expect(pick(parts, true)).toBe(expected)
    }
  })

  it('does not overrule a word of the lexicon (不当, 不打算)', () => {
    const pick = (parts: Part[]) => rebuild(parts, lexicon(), {context: context()})[0]!.char
    expect(pick(slot('希望各位读者雅正翻译', '不中与丁', '当的部分'))).toBe('不')
  })
})

describe('known phrase frames', () => {
  /** Units of a side of the clause, nearest first, as the lattice passes them. */
  const units = (text: string, side: 'left' | 'right'): string[] => {
    const list = [...text.replace(/[A-Za-z0-9]+/g, ' ').replace(/ +/g, ' ')]
    return side === 'left' ? list.reverse() : list
  }
  const frame = (char: string, before: string, after: string) => phraseFrame(char, units(before, 'left'), units(after, 'right'))

  it('completes a preposition by the word that closes its phrase later in the clause', () => {
    expect(frame('与', '的版本', '我在笔记本电脑上使用的版本不同')).toBe(true)
    expect(frame('与', '。', '可以运行多个 VM 的 ESXi 主机一样')).toBe(true)
    expect(frame('像', '每个节点都', '其他 Linux 机器一样具有')).toBe(true)
    expect(frame('与', '该 pod ', '外部世界的接口')).toBe(false)
    // Fifteen units at most: a closer further on is another phrase's.
    expect(frame('与', '', '一二三四五六七八九十一二三四五不同')).toBe(false)
  })

  it('completes a locative by the preposition before it, with something between', () => {
    expect(frame('中', '在你的集群', 'Kubernetes 始终会努力')).toBe(true)
    expect(frame('中', '我们同样从资源池设置', '定义这一点')).toBe(true)
    expect(frame('中', '即使在', '使用应用程序')).toBe(false)
    // A preposition inside a word opens nothing, and a locative between closes the phrase.
    expect(frame('中', '使用在线文字处理程序', '传统离线文字')).toBe(false)
    expect(frame('中', '在集群中运行的程序', '定义')).toBe(false)
    // A damaged character between may be the locative: no frame.
    expect(frame('中', `在集群${unknown}`, '定义')).toBe(false)
    expect(frame('不', '在你的集群', '管理')).toBe(false)
  })
})
