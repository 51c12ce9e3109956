import {readFileSync} from 'node:fs'
import diff from 'fast-diff'
import {describe, expect, it} from 'vitest'
import {utf8ReadAs} from '../../src/repair/channels/catalog.js'
import {loadLexicon} from '../../src/repair/model/lexicon.js'
import {repairMojibake} from '../../src/repair/index.js'

const lexicon = loadLexicon()
const article = readFileSync(new URL('../../articles/rolling-updates-without-downtime.md', import.meta.url), 'utf8')

/** Characters of the repaired text that differ from the article, and how many of them no uncertain record covers. */
function wrong(repaired: ReturnType<typeof repairMojibake>): {wrong: number; unflagged: number} {
  const flagged = repaired.repairs.filter((record) => record.confidence < 0.8)
  let wrongCount = 0
  let unflagged = 0
  let at = 0
  for (const [op, text] of diff(article, repaired.text)) {
    if (op === 1) {
      for (let index = 0; index < text.length; index++) {
        wrongCount++
        if (!flagged.some((record) => record.outputOffset <= at + index && at + index < record.outputOffset + record.after.length)) unflagged++
      }
    }
    if (op >= 0) at += text.length
  }
  return {wrong: wrongCount, unflagged}
}

describe('a byte marked lost (U+FFFD, ?) in text read by a codec windows-1252 cannot be told from', () => {
  for (const loss of ['fffd', 'question'] as const) {
    it(`may be a byte windows-1254 leaves undefined (0x8E, 0x9E): the example article read as windows-1254, ${loss}`, () => {
      const repaired = repairMojibake(utf8ReadAs('windows-1254', loss).damage(article), {lexicon})
      // 控 is E6 8E A7 and 探 E6 8E A2: they were rebuilt as 捧 and 换 (0x8D), sure of themselves.
      expect(repaired.text).toContain('Deployment 控制器会创建')
      expect(repaired.text).toContain('取决于就绪探针')
      expect(wrong(repaired)).toEqual({wrong: 1, unflagged: 0})
    })
  }
})
