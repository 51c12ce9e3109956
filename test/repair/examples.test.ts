import iconv from 'iconv-lite'
import {describe, expect, it} from 'vitest'
import {repairMojibake} from '../../src/repair/reconstruct/repair-mojibake.js'
import {lexicon} from './lexicon-shared.js'

/** UTF-8 bytes read as windows-1252, undefined bytes kept as C1 controls. */
function misread(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((byte) => {
    const char = iconv.decode(Buffer.from([byte]), 'windows-1252')
    return char === '\uFFFD' ? String.fromCharCode(byte) : char
  }).join('')
}

/** Short stretches, checked by hand: input → expected output and damage summary. */
const repaired: Array<{input: string; output: string; damage: string}> = [
  {input: 'ã€ç¿»è¯‘ã€‘', output: '【翻译】', damage: 'UTF-8 read as windows-1252, lost bytes 0x81 0x8D 0x8F 0x90 0x9D 0xAD, perhaps also 0x8E 0x9E (if it was read as windows-1254, which this text cannot be told from)'},
  {input: misread('这是我的“ kubernetes 在企业中应用” 博客'), output: '这是我的“ kubernetes 在企业中应用” 博客', damage: 'UTF-8 read as windows-1252'},
  {input: '浣犲ソ', output: '你好', damage: 'UTF-8 read as GBK'},
  {input: 'ÄãºÃ£¬ÊÀ½ç', output: '你好，世界', damage: 'GBK read as windows-1252'},
  {input: misread(misread('你好，世界')), output: '你好，世界', damage: 'UTF-8 read as windows-1252 (2 layers)'},
  {input: 'ä½ å¥½ï¼Œä¸–ç•Œ', output: '你好，世界', damage: 'UTF-8 read as windows-1252'},
  {input: 'Ð¿Ñ€Ð¸Ð²ÐµÑ‚, Ð¼Ð¸Ñ€', output: 'привет, мир', damage: 'UTF-8 read as windows-1252'},
  {input: 'дёЂдёЄжµ‹иЇ•', output: '一个测试', damage: 'UTF-8 read as windows-1251'}
]

/** Text that merely looks odd, and must come back unchanged. */
const unchanged = [
  '在 Windows-1252 下，UTF-8 编码的 é 会显示成 Ã©，这就是所谓的乱码，本文解释它的成因与修复方法。',
  '乱码示例：`ä½ å¥½` 是“你好”按 windows-1252 解读的结果，下面的代码块也是示例，请勿修改其中内容。\n\n```\nè¿™æ˜¯\n```\n',
  '链接 https://example.com/Ã©tÃ©/ä½ å¥½ 保持原样，因为网址中的字符不是乱码而是文章内容，需要原样保留。',
  'Le café crème, déjà vu, naïve façade — “quotes” and ‘single’ ones… 3 × 4 ≥ 10 °C',
  'Kubernetes 集群中的 Pod 会被调度到节点上。😁 🚀 ❤',
  'Москва — столица России. Ελλάδα. こんにちは、世界。'
]

describe('repairMojibake examples', () => {
  for (const {input, output, damage} of repaired) {
    it(`repairs ${input}`, () => {
      const result = repairMojibake(input, {lexicon})
      expect(result.text).toBe(output)
      expect(result.damage?.summary).toBe(damage)
    })
  }

  for (const text of unchanged) {
    it(`leaves ${text.slice(0, 20)}… alone`, () => {
      expect(repairMojibake(text, {lexicon})).toEqual({text, repairs: [], damage: null})
    })
  }
})

describe('a short page damaged the seed’s way', () => {
  // UTF-8 read as windows-1254, which leaves 0x8E and 0x9E undefined too, and
  // the undefined bytes and the soft hyphen dropped. Without a `ğ` the text
  // cannot be told from windows-1252, where 0x8E and 0x9E are letters.
  const lost = new Set([0x81, 0x8d, 0x8e, 0x8f, 0x90, 0x9d, 0x9e, 0xad])
  const original = '松耦合架构的结果：如果参数相同，一个幂等操作无论执行多少次，都会得到相同的结果。'
  const damaged = iconv.decode(Buffer.from(Buffer.from(original, 'utf8').filter((byte) => !lost.has(byte))), 'windows-1254')

  it('rebuilds the characters that lost 0x8E or 0x9E (构, 架, 果), and says those bytes are only perhaps lost', () => {
    expect(damaged).not.toContain('ğ')
    const result = repairMojibake(damaged, {lexicon})
    expect(result.text).toBe(original)
    expect(result.damage?.lostBytes).toEqual([0x81, 0x8d, 0x8f, 0x90, 0x9d, 0xad])
    expect(result.damage?.possiblyLostBytes).toEqual([0x8e, 0x9e])
    expect(result.damage?.summary).toBe(
      'UTF-8 read as windows-1252, lost bytes 0x81 0x8D 0x8F 0x90 0x9D 0xAD, perhaps also 0x8E 0x9E (if it was read as windows-1254, which this text cannot be told from)'
    )
  })
})
