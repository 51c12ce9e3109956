import {readFileSync} from 'node:fs'
import diff from 'fast-diff'
import {describe, expect, it} from 'vitest'
import {utf8ReadAs} from '../../src/repair/channels/catalog.js'
import {decodeSingleByte} from '../../src/repair/channels/channel.js'
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

describe('a space after a character that lost its last byte', () => {
  it('stays a space when the character the lost bytes complete is much likelier than the no-break-space reading', () => {
    // 的 is E7 9A 84; windows-1253 leaves 0x84 undefined, so `的 Pod` read
    // with 0x84 dropped is `ηΪ Pod`, and the space read as 0xA0 made 焠 (E7 84 A0).
    const repaired = repairMojibake(utf8ReadAs('windows-1253', 'dropped').damage(article), {lexicon})
    expect(repaired.text).toContain('的 Deployment 描述了')
    expect(repaired.text).toContain('一个新的 ReplicaSet')
    expect(repaired.text).toContain('| 发布期间的 Pod 数 |')
    expect(repaired.text).not.toContain('焠')
  })

  it('stays a space after a closing quote that lost its last byte, where the text has intact no-break spaces as its own codec shows them', () => {
    // ” is E2 80 9D; windows-1253 leaves 0x9D undefined, so `” ` with it dropped is `β€ `, and the space read as
    // 0xA0 made † (E2 80 A0). Intact characters with a byte 0xA0 (`你` is E4 BD A0) show that no editor turned
    // no-break spaces into spaces, but they were counted as windows-1252 reads the text, and it reads little of
    // windows-1253's mojibake: it saw none.
    const text = '他说“你好” 然后离开了。我们称之为“命名空间” ，它们用于确保资源配额。\n'.repeat(6)
    for (const codec of ['windows-1252', 'windows-1253', 'windows-1257']) {
      expect(repairMojibake(utf8ReadAs(codec, 'dropped').damage(text), {lexicon}).text, codec).toBe(text)
    }
  })

  it('still reads as a no-break space where that makes the likelier character (删 is E5 88 A0)', () => {
    const text = '如果你想删除这个集群中的所有对象，请先备份。'.repeat(3)
    // A no-break space turned into a space by an editor, in text that lost 0x8D (windows-1252).
    const damaged = utf8ReadAs('windows-1252', 'dropped').damage(text).replaceAll('\u00A0', ' ')
    expect(repairMojibake(damaged, {lexicon}).text).toBe(text)
  })
})

describe('two layers, the inner one keeping undefined bytes as C1 controls and the outer one losing them', () => {
  // windows-1252 as WHATWG decodes it keeps 0x8D as U+008D, Latin-1 keeps every byte 0x80–0x9F so; saved as
  // UTF-8 (C2 8D) and read as windows-1252 again, 0x8D is dropped: `Â`. Before, the Â stayed and the character
  // under it was rebuilt as if nothing was lost there (88 characters wrong; Latin-1's text was no outer layer at all).
  // The outer layer dropped soft hyphens too (U+00AD, C2 AD), so the marked byte may also be 0xAD.
  for (const innerCodec of ['windows-1252', 'latin1']) {
    it(`takes \`Â\` that lost its second byte for a marked loss of the inner layer (${innerCodec} inside)`, () => {
      const inner = decodeSingleByte(Buffer.from(article, 'utf8'), innerCodec, 'c1-kept')
      const repaired = repairMojibake(decodeSingleByte(Buffer.from(inner, 'utf8'), 'windows-1252', 'dropped'), {lexicon})
      expect(repaired.text).not.toContain('Â')
      expect(repaired.text).toContain('零停机滚动更新')
      expect(wrong(repaired).wrong).toBe(4)
    })
  }
})
