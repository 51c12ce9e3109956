/**
 * GBK (or Big5) text read as UTF-8, and that once more read as GBK
 * (`锟斤拷`): recognised, left as it is, and reported once with what to do
 * (`mojibake-unrepaired`), on the example articles' real text.
 */
import {readFileSync} from 'node:fs'
import iconv from 'iconv-lite'
import {describe, expect, it} from 'vitest'
import {channels} from '../../src/repair/channels/catalog.js'
import {findLostToUtf8} from '../../src/repair/detect/lost-to-utf8.js'
import {processArticle} from '../../src/pipeline.js'

const read = (name: string): string => readFileSync(new URL(`../../articles/${name}`, import.meta.url), 'utf8')
const clean = read('rolling-updates-without-downtime.md')
// The other example article is the seed, UTF-8 read as windows-1252 with lost bytes.
const seedLike = read('kubernetes-intro-for-vmware-users.md')

/** A text's bytes in a codec, read by a UTF-8 decoder that writes U+FFFD for what it cannot decode. */
const readAsUtf8 = (text: string, codec: string): string => new TextDecoder('utf-8').decode(iconv.encode(text, codec))

describe('findLostToUtf8', () => {
  it('names GBK for the article in GBK read as UTF-8, at its first U+FFFD', () => {
    const damaged = readAsUtf8(clean, 'gbk')
    // The title: `【翻译】` is lost, `实战` shows as the letters `ʵս` (CA B5 D5 BD).
    expect(damaged.split('\n')[1]).toMatch(/^title: \uFFFD+.*Kubernetes Deployment ʵս$/)
    const found = findLostToUtf8(damaged)
    expect(found).toMatchObject({codec: 'GBK', offset: damaged.indexOf('\uFFFD'), thenGbk: false})
    expect(found!.lost).toBe(damaged.match(/\uFFFD/g)!.length)
    expect(found!.readBack).toBeGreaterThan(50)
  })

  it('says GBK or Big5 for Traditional Chinese in Big5 read as UTF-8 (its letters read back in both)', () => {
    const traditional = '滾動更新時，Deployment 控制器會建立一個新的 ReplicaSet，並逐步擴充它，同時縮減舊的 ReplicaSet。這就是滾動更新的過程。\n'.repeat(3)
    expect(findLostToUtf8(readAsUtf8(traditional, 'big5'))?.codec).toBe('GBK or Big5')
  })

  it('names GBK under `锟斤拷`: that text saved as UTF-8 and read as GBK again', () => {
    const kun = iconv.decode(Buffer.from(readAsUtf8(clean, 'gbk'), 'utf8'), 'gbk')
    expect(kun).toContain('锟斤拷')
    expect(findLostToUtf8(kun)).toMatchObject({codec: 'GBK', offset: kun.indexOf('锟'), thenGbk: true})
  })

  it('finds nothing in the articles, in their damage that bitext repairs, nor in a European text with a few U+FFFD', () => {
    for (const text of [clean, seedLike]) {
      expect(findLostToUtf8(text)).toBeUndefined()
      for (const channel of channels) expect(findLostToUtf8(channel.damage(text)), channel.id).toBeUndefined()
    }
    const french = 'Déployer une mise à jour progressive, sans interruption: le contrôleur crée un nouvel ensemble réplicatif. '.repeat(6)
    expect(findLostToUtf8(`${french}\uFFFD`.repeat(8))).toBeUndefined()
  })
})

describe('the repair stage on GBK read as UTF-8', () => {
  it('changes nothing and reports one error at the first U+FFFD, naming the codec and what to do', async () => {
    const damaged = readAsUtf8(clean, 'gbk')
    const file = await processArticle(Buffer.from(damaged, 'utf8'), 'articles/gbk.md', {emit: false})
    expect(file.data.repairs).toEqual([])
    expect(file.data.damage).toBeNull()
    const mojibake = file.messages.filter((message) => message.ruleId?.startsWith('mojibake'))
    expect(mojibake.map((message) => [message.ruleId, message.fatal, message.line, message.column])).toEqual([['mojibake-unrepaired', true, 2, 8]])
    expect(mojibake[0]!.reason).toMatch(
      /^Unrepairable text: this is GBK read as UTF-8 \(\d+ `\uFFFD` where characters were lost; the letters between them read back as \d+ Chinese characters in GBK\); the lost bytes are gone and bitext left the text as it is: restore the article from its original GBK file \(bitext reads GBK files itself\)$/
    )
  })
})
