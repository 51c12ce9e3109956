import {describe, expect, it} from 'vitest'
import {utf8ReadAs} from '../../src/repair/channels/catalog.js'
import {adjacency, gapLength, listGoesOn, punctuate, type PunctuationSlot} from '../../src/repair/reconstruct/punctuation.js'
import {repairMojibake} from '../../src/repair/reconstruct/repair-mojibake.js'
import {lexicon} from './lexicon-shared.js'

/** A damaged `EF BC ?` (C1 stripped) as the lattice leaves it: `，` first, the brackets and `：` 1.5 below. */
function fullwidth(): PunctuationSlot {
  return {candidates: ['！', '（', '）', '，', '：'], scores: [-2.5, -1.5, -1.5, 0, -1.5], rest: 0}
}

/** A lone E3 lead byte: `。` first, `、` half a unit below. */
function loneE3(): PunctuationSlot {
  return {candidates: ['、', '。', '《', '》'], scores: [-0.5, 0, -6.5, -7.5], rest: 0}
}

/** A lone E2 lead byte: the quote first, the dash, then box drawing. */
function loneE2(): PunctuationSlot {
  return {candidates: ['—', '“', '”', '─', '│'], scores: [-1, 0, -4, -4.5, -4.5], rest: 0}
}

/** The chosen characters of each slot. */
function chosen(pieces: ReadonlyArray<string | PunctuationSlot>): string {
  const slots = pieces.filter((piece): piece is PunctuationSlot => typeof piece !== 'string')
  return punctuate(pieces)
    .map((choice, index) => slots[index]!.candidates[choice.best])
    .join('')
}

describe('punctuation grammar', () => {
  it('pairs two damaged brackets around a term in letters (`（CRI）`)', () => {
    expect(chosen(['使用容器运行时接口', fullwidth(), 'CRI', fullwidth(), '作为一个孤立的进程运行。'])).toBe('（）')
  })

  it('leaves a clause between two commas alone', () => {
    expect(chosen(['因为许多', fullwidth(), '甚至可以说大部分', fullwidth(), '服务器都是虚拟机。'])).toBe('，，')
  })

  it('closes an intact opener where a comma would stand next to another (`应用程序），`)', () => {
    expect(chosen(['逻辑（或代码', fullwidth(), '，会被分成多个组件。'])).toBe('）')
  })

  it('charges a closer that nothing opened', () => {
    const slot: PunctuationSlot = {candidates: ['）', '，'], scores: [0, -1], rest: 0}
    expect(chosen(['包括', slot, '\n\n- 成为审批者。'])).toBe('，')
  })

  it('never puts two ends of a clause side by side (`人，。`)', () => {
    const stop = loneE3()
    expect(chosen(['收件人', fullwidth(), stop, '\n'])).toBe('）。')
  })

  it('takes `、` before the rest of a list and `。` after a sentence', () => {
    expect(chosen(['比如需求工程', loneE3(), '计划', loneE3(), '测试和交付', loneE3(), '\n'])).toBe('、、。')
  })

  it('takes `：` after a term that begins a list item', () => {
    expect(chosen(['\n- **大使**', fullwidth(), '帮助传播信息的人。'])).toBe('：')
    expect(chosen(['\n- 大使', fullwidth(), '帮助传播信息的人。'])).toBe('，')
  })

  it('takes `？` after a question particle', () => {
    // `EF BC 9F` loses its last byte like `，`, the lattice's first choice; `？` is 2.5 below it.
    const asks = (): PunctuationSlot => ({candidates: ['！', '（', '）', '，', '：', '？'], scores: [-2.5, -1.5, -1.5, 0, -1.5, -2.5], rest: 0})
    expect(chosen(['那么，在现实世界中是怎样的呢', asks(), '你将主要使用 CLI。'])).toBe('？')
    expect(chosen(['在现实世界中是这样的', asks(), '你将主要使用 CLI。'])).toBe('，')
  })

  it('reads a list on through its other damaged pauses to its conjunction', () => {
    expect(chosen(['我仍然想要我的 HA', loneE3(), '我的 DRS', loneE3(), '我的 vMotion 和我的 vCenter。'])).toBe('、、')
    // An intact mark ends the list: the conjunction after it is another sentence's.
    expect(chosen(['我仍然想要我的 HA', loneE3(), '这很好，我的 vMotion 和我的 vCenter。'])).toBe('。')
  })

  it('reads runs of a lone E2 lead byte as box drawing, and one alone on a diagram line as a vertical bar', () => {
    const run = Array.from({length: 5}, loneE2)
    expect(chosen(['# ', ...run, ' 分钟 (0 - 59)\n# ', loneE2(), ' ', ...Array.from({length: 5}, loneE2), ' 小时'])).toBe('─────│─────')
    // Two are a Chinese dash.
    expect(chosen(['他说', loneE2(), loneE2(), '这是对的。'])).toBe('——')
  })

  it('takes its confidence from its own max-marginals, the rest included', () => {
    const slot: PunctuationSlot = {candidates: ['，', '：'], scores: [0, -1], rest: 0.5}
    const [choice] = punctuate(['这里', slot, '那里'])
    expect(choice!.best).toBe(0)
    expect(choice!.scores).toEqual([0, -1])
    expect(choice!.confidence).toBeCloseTo(1 / (1 + Math.exp(-1) + 0.5), 10)
  })

  it('has nothing to decide in text without slots', () => {
    expect(punctuate(['（完整的文本）。'])).toEqual([])
  })

  it('knows which marks never meet', () => {
    expect([adjacency('，', '，'), adjacency('（', '，'), adjacency('，', '）'), adjacency('“', '“')]).toEqual([6, 6, 6, 6])
    expect([adjacency('）', '，'), adjacency('。', '”'), adjacency('？', '！'), adjacency('—', '—'), adjacency('─', '─')]).toEqual([0, 0, 0, 0, 0])
  })

  it('measures text in words and finds the conjunction of a list', () => {
    expect(gapLength('如 CPU 和磁盘')).toBe(5)
    expect(listGoesOn('添加和改进建议')).toBe(true)
    expect(listGoesOn('沟通并理解需求')).toBe(false)
    expect(listGoesOn('和改进')).toBe(false)
  })

  it('counts words by code point as the Unicode properties do, past ASCII', () => {
    // Astral Han (`𠀀`), letters and digits outside ASCII (`é`, `Ω`, `０`), a lone surrogate.
    expect(gapLength('𠀀𠀁 x')).toBe(3)
    expect(gapLength('café，Ωmega ０１')).toBe(3)
    expect(gapLength('a\uD800b')).toBe(2)
    expect(gapLength('〇々 ab12')).toBe(3)
    // The conjunction search counts ASCII words and Han only (`é` splits no word, `Ω` counts nothing).
    expect(listGoesOn('ab𠀀cd和')).toBe(true)
    expect(listGoesOn('éΩ和')).toBe(false)
    expect(listGoesOn('一二三四五六七和')).toBe(false)
  })

  it('counts words exactly as a regular expression per character does', () => {
    // The definitions the code-unit tables replace, character by character.
    const han = /\p{Script=Han}/u
    const referenceLength = (text: string): number => {
      let length = 0
      let inWord = false
      for (const char of text) {
        if (/[\p{L}\p{N}]/u.test(char) && !han.test(char)) {
          if (!inWord) length++
          inWord = true
          continue
        }
        inWord = false
        if (han.test(char)) length++
      }
      return length
    }
    const referenceList = (after: string): boolean => {
      let words = 0
      let inWord = false
      for (const char of after) {
        if (char === '\n' || words > 6) return false
        if ('和或及与等'.includes(char)) return words > 0
        if (/[A-Za-z0-9]/.test(char)) {
          if (!inWord) words++
          inWord = true
          continue
        }
        inWord = false
        if (han.test(char)) words++
      }
      return false
    }
    const pool = [...'a Z 9 é Ω ０ 中 和 或 、 ， 〇 々 ⺀ \n \t _ -', '𠀀', '\uD800', '\uDC00']
    let seed = 7
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    for (let round = 0; round < 2000; round++) {
      let text = ''
      for (let length = Math.floor(random() * 12); length > 0; length--) text += pool[Math.floor(random() * pool.length)]
      expect([gapLength(text), listGoesOn(text)]).toEqual([referenceLength(text), referenceList(text)])
    }
  })
})

describe('punctuation grammar in C1 stripped repair', () => {
  it('pairs brackets that both lost their last byte', () => {
    // Long enough for the document to show that every byte 0x80–0x9F was lost.
    const text = [
      '# 定时任务',
      '',
      'Kubernetes 的定时任务（CronJob）按计划创建作业（Job），例如备份、报告生成等。',
      '',
      '```',
      '# ┌───────────── 分钟 (0 - 59)',
      '# │ ┌───────────── 小时 (0 - 23)',
      '# │ │',
      '```',
      '',
      '- **并发策略**：允许、禁止或替换并发执行的作业。',
      ''
    ].join('\n')
    const result = repairMojibake(utf8ReadAs('latin1', 'c1-stripped').damage(text), {lexicon})
    expect(result.text).toContain('（CronJob）')
    expect(result.text).toContain('（Job），')
    expect(result.text).toMatch(/\*\*：/)
  })
})
