/**
 * The commands the review card prints to settle a decision
 * (`src/decisions/settle-command.ts`): what a shell passes on from them is
 * what `repair --accept` / `--choose` reads (`parseTarget`).
 */
import {describe, expect, it} from 'vitest'
import {parseTarget, settleCommands, shellWord} from '../../src/decisions/index.js'
import {shellArgs} from '../helpers.js'

describe('settleCommands', () => {
  it('prints the place lint reports, and the likeliest other candidate for --choose', () => {
    expect(settleCommands('articles/seed.md', 203, 268, '州')).toEqual({
      accept: 'bitext repair --accept articles/seed.md:203:268',
      choose: 'bitext repair --choose articles/seed.md:203:268=州'
    })
    expect(settleCommands('', 2, 8, '卷').accept).toBe('bitext repair --accept FILE:2:8')
  })

  it('quotes what a shell would read: the CLI gets the place back from sh', () => {
    const cases = [
      {file: 'my posts/第一篇.md', other: '卷'},
      {file: "it's.md", other: '、'},
      {file: 'a$b.md', other: '`'},
      {file: 'articles/2024/k8s.md', other: '与'}
    ]
    for (const {file, other} of cases) {
      const {accept, choose} = settleCommands(file, 12, 3, other)
      const [, , acceptFlag, acceptSpec] = shellArgs(accept)
      expect(acceptFlag).toBe('--accept')
      expect(parseTarget(acceptSpec!, false)).toEqual({file, target: {line: 12, column: 3}})
      const [, , chooseFlag, chooseSpec] = shellArgs(choose)
      expect(chooseFlag).toBe('--choose')
      expect(parseTarget(chooseSpec!, true)).toEqual({file, target: {line: 12, column: 3, text: other}})
    }
  })

  it('leaves plain words alone and single-quotes the rest', () => {
    expect(shellWord('articles/seed.md:203:268=卷')).toBe('articles/seed.md:203:268=卷')
    expect(shellWord('my posts/a.md:1:2')).toBe("'my posts/a.md:1:2'")
    expect(shellWord("it's.md:1:2=。")).toBe(`'it'\\''s.md:1:2=。'`)
    expect(shellWord('a.md:1:2=$x')).toBe("'a.md:1:2=$x'")
  })
})
