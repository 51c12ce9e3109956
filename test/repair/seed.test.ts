import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {isBad} from '../../src/repair/detect/badness.js'
import {repairMojibake} from '../../src/repair/reconstruct/repair-mojibake.js'
import {seedPath} from '../helpers.js'
import {lexicon} from './lexicon-shared.js'

const input = readFileSync(seedPath, 'utf8')
const result = repairMojibake(input, {lexicon})
const lines = result.text.split('\n')

describe('the seed article', () => {
  it('comes back with no U+FFFD and no leftover mojibake', () => {
    expect(result.text).not.toContain('\uFFFD')
    expect(isBad(result.text)).toBe(false)
    // Characters that only a single-byte reading of UTF-8 produces in runs.
    expect(result.text).not.toMatch(/[ÃÂâäåæçèé][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]/)
    expect(result.text).not.toMatch(/[\u3400-\u4DBF\uE000-\uF8FF]/)
  })

  it('keeps every line break, and the English and Markdown as they were', () => {
    expect(lines.length).toBe(input.split('\n').length)
    const ascii = (text: string) => text.replace(/[^\u0000-\u007F]/g, '')
    expect(ascii(result.text)).toBe(ascii(input))
  })

  it('reports the damage once, inferred from the document', () => {
    expect(result.damage).toEqual({
      summary: 'UTF-8 read as windows-1254, lost bytes 0x81 0x8D 0x8E 0x8F 0x90 0x9D 0x9E 0xAD',
      from: 'utf-8',
      via: 'windows-1254',
      lostBytes: [0x81, 0x8d, 0x8e, 0x8f, 0x90, 0x9d, 0x9e, 0xad],
      layers: 1
    })
  })

  it('rebuilds the stretches checked by hand', () => {
    expect(lines[1]).toBe('title: 【翻译】给 VMware vSphere 用户的 Kubernetes 简介')
    expect(lines[4]).toBe('categories: 技术')
    expect(lines[8]).toBe('  - 翻译')
    expect(lines.slice(14, 19)).toEqual(['## 更新日志', '', '- 2019-12-10 初步开始翻译', '- 2019-12-11 补充完整', '- 2019-12-20 校稿'])
    expect(result.text).toContain('## 给 VMware 用户的 Kubernetes 简介——第一部分：理论')
    expect(result.text).toContain('四六级未过的工地英语翻译、希望各位读者雅正翻译不当的部分')
    expect(result.text).toContain('正如我在上一篇文章提到的，在我们继续设计')
    expect(result.text).toContain('这就是我希望别人向我介绍 k8s 的方法。')
    expect(result.text).toContain('开始将 vSphere 与 Kubernetes 进行横向比较')
    expect(result.text).toContain('那么，我们如何管理主机、节点和 Pod 呢？在 vSphere 中，我们使用 Web 客户端来管理')
  })

  it('rebuilds the stretches checked by hand that need the context model or the tag priors', () => {
    for (const stretch of [
      '正如我们在前面各节中所看到的',
      '我们同样从资源池设置中定义这一点',
      'Kubernetes 之于容器就像 vSphere 之于 VM',
      '就像 VM 一样与其他 Pod 进行通信',
      '在此之前有一个重要提示',
      '我们将在下一节中讨论',
      '在介绍性的博客文章中简要地谈论',
      '以便与单臂 LB 进行比较',
      '你将其视为该 pod 与外部世界的接口',
      '通常得到一个 24 位的子网',
      '目前为止，还可以理解吗？'
    ]) expect(result.text).toContain(stretch)
  })

  it('is idempotent: the repaired article needs no repair', () => {
    expect(repairMojibake(result.text, {lexicon})).toEqual({text: result.text, repairs: [], damage: null})
  })

  it('records every repair with its place in the input and the output', () => {
    expect(result.repairs.length).toBeGreaterThan(1000)
    for (const record of result.repairs) {
      expect(input.slice(record.offset, record.offset + record.before.length)).toBe(record.before)
      expect(result.text.slice(record.outputOffset, record.outputOffset + record.after.length)).toBe(record.after)
      const lineStart = input.lastIndexOf('\n', record.offset - 1) + 1
      expect(record.column).toBe(record.offset - lineStart + 1)
      expect(input.slice(0, record.offset).split('\n').length).toBe(record.line)
      expect(record.confidence).toBeGreaterThan(0)
      expect(record.confidence).toBeLessThanOrEqual(1)
    }
    const first = result.repairs[0]!
    expect(first).toMatchObject({line: 2, column: 8, before: 'ã€', after: '【', kind: 'lossy'})
    expect(first.alternatives.length).toBeGreaterThan(0)
  })
})
