/**
 * The "done when" on the seed, against the places read by hand
 * (`test/fixtures/seed/expected.json`): the build's repair and re-rank leave
 * few wrong characters, flag every one of them and every place the reading
 * cannot decide, and raise few flags in all.
 */
import {describe, expect, it} from 'vitest'
import {readExpected, scoreSeed, seedThroughBuild} from '../../bench/seed-score.js'

describe('the seed through repair and the bilingual re-rank', () => {
  const {text, repairs} = seedThroughBuild()
  const score = scoreSeed(text, repairs, readExpected())
  const list = (items: typeof score.checked) => items.map((item) => `${item.line} ${item.place}: ${item.chosen}`)

  it('finds every hand-read place once on its line', () => {
    expect(score.missing).toEqual([])
    expect(score.checked.length).toBeGreaterThan(150)
  })

  it('leaves no wrong character, and no undecidable one, without a flag', () => {
    expect(list(score.wrongUnflagged)).toEqual([])
    expect(list(score.unknownUnflagged)).toEqual([])
  })

  it('gets all but a few right, and names what is still wrong', () => {
    expect(list(score.wrong)).toEqual([
      '67 （谁还记得: 谐',
      '67 程序是不完整的: 与',
      '67 的版本与我在笔记本: 中',
      '91 21 世纪初运行过: 又',
      '105 在集群中管理: 与',
      '203 并在卷影 VM: 号',
      '203 则卷影 VM: 号',
      '203 另一个卷影 VM: 号'
    ])
  })

  it('raises few flags', () => {
    // The issue asks for at most 30. 32 uncertain characters since phrase frames (`在…中`,
    // `像…一样`), question particles, `do` as a main verb and prefix negations (`unpractical`
    // 不实际) count as English evidence (43 before); the three `号影` of line 203 are twins, one
    // flag and one decision, so 30 flags. docs/repair.md, "Flags", says which right characters
    // stay flagged and why.
    expect(score.uncertain).toBe(32)
    expect(score.flags).toBe(30)
    expect(score.rightFlagged.length).toBe(19)
  })
})
