import iconv from 'iconv-lite'
import {describe, expect, it} from 'vitest'
import {gbkReadAsWindows1252, mayBeStrongRun} from '../../src/repair/channels/gbk-as-windows-1252.js'

/** Text as GBK bytes read as windows-1252. */
const asWindows1252 = (text: string): string => iconv.decode(iconv.encode(text, 'gbk'), 'windows-1252')
/** Text as UTF-8 bytes read as Latin-1, with the bytes 0x80–0x9F stripped. */
const c1Stripped = (text: string): string => iconv.decode(Buffer.from(text, 'utf8'), 'latin1').replace(/[\u0080-\u009F]/g, '')

describe('mayBeStrongRun', () => {
  it('holds for the runs gbkReadAsWindows1252 finds strong, and not for UTF-8 mojibake', () => {
    const strong = asWindows1252('你好世界')
    expect(gbkReadAsWindows1252(strong, 0)?.strong).toBe(true)
    expect(mayBeStrongRun(strong)).toBe(true)
    const utf8 = c1Stripped('中文的世界')
    expect(gbkReadAsWindows1252(utf8, 0)?.strong ?? false).toBe(false)
    expect(mayBeStrongRun(utf8)).toBe(false)
  })

  it('is never false where the run is strong (seeded Chinese phrases, with and without holes)', () => {
    const chars = [...'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严']
    let seed = 7
    const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16
    let strong = 0
    for (let sample = 0; sample < 3000; sample++) {
      const phrase = Array.from({length: 2 + (next() % 6)}, () => chars[next() % chars.length]!).join('')
      let run = asWindows1252(phrase)
      if (next() % 4 === 0) run = run.slice(0, 2) + '?' + run.slice(3)
      const repair = gbkReadAsWindows1252(run, 0)
      if (repair?.strong === true) {
        strong++
        expect(mayBeStrongRun(run)).toBe(true)
      }
    }
    expect(strong).toBeGreaterThan(500)
  })
})
