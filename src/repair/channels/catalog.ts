/**
 * The channels bitext knows, each a small description plus its forward
 * damage. The damage matrix (`bench/repair-matrix.ts`, the corpus test)
 * damages clean pages through every one of them and measures the repair.
 */
import iconv from 'iconv-lite'
import {decodeSingleByte, type Channel, type Loss} from './channel.js'
import {decodeAsPythonGbk} from './gbk.js'

/** UTF-8 read with a single-byte codec, with one way of losing what it cannot show. */
export function utf8ReadAs(via: string, loss: Loss, layers = 1): Channel {
  const lossNames: Record<Loss, string> = {
    none: '',
    'c1-kept': ', undefined bytes kept as C1 controls',
    dropped: ', undefined bytes and soft hyphens dropped',
    fffd: ', undefined bytes as U+FFFD',
    question: ', undefined bytes as ?',
    'c1-stripped': ', C1 controls stripped',
    'c1-fffd': ', C1 controls replaced by U+FFFD'
  }
  return {
    id: `utf-8>${via}/${loss}${layers > 1 ? `x${layers}` : ''}`,
    title: `UTF-8 read as ${via}${lossNames[loss]}${layers > 1 ? `, ${layers} layers` : ''}`,
    from: 'utf-8',
    via,
    loss,
    layers,
    lossy: loss !== 'none' && loss !== 'c1-kept',
    damage(text) {
      let result = text
      for (let layer = 0; layer < layers; layer++) result = decodeSingleByte(Buffer.from(result, 'utf8'), via, loss)
      return result
    }
  }
}

/**
 * UTF-8 read as GBK, by a browser or iconv-lite (the WHATWG gb18030
 * decoder: a byte pair GBK does not define, or a lead byte before ASCII,
 * becomes U+FFFD) or by Python (`bytes.decode('gbk', errors=…)`: every byte
 * it cannot decode is one U+FFFD, 0x80 and GBK's user-defined rows
 * included, so there are about three times as many and the byte pairs after
 * each one shift). Then `question` turns each U+FFFD into `?`, and
 * `dropped` (Python's `errors='ignore'`) removes it.
 */
export function utf8ReadAsGbk(loss: 'fffd' | 'question' | 'dropped', reader: 'browser' | 'python' = 'browser'): Channel {
  const lost = {fffd: 'as U+FFFD', question: 'as ?', dropped: 'dropped'}[loss]
  return {
    id: `utf-8>gbk${reader === 'python' ? '-python' : ''}/${loss}`,
    title: `UTF-8 read as GBK${reader === 'python' ? ' by Python' : ''}, undecodable bytes ${lost}`,
    from: 'utf-8',
    via: 'gbk',
    loss,
    layers: 1,
    lossy: true,
    damage(text) {
      const bytes = Buffer.from(text, 'utf8')
      const decoded = reader === 'python' ? decodeAsPythonGbk(bytes) : iconv.decode(bytes, 'gbk')
      return loss === 'fffd' ? decoded : decoded.replaceAll('\uFFFD', loss === 'question' ? '?' : '')
    }
  }
}

/**
 * GBK text read as windows-1252 (bytes it leaves undefined kept as C1
 * controls), after the GBK encoder had turned the characters GBK cannot
 * encode into `?`.
 */
export const gbkReadAsWindows1252: Channel = {
  id: 'gbk>windows-1252/question',
  title: 'GBK read as windows-1252, characters GBK cannot encode as ?',
  from: 'gbk',
  via: 'windows-1252',
  loss: 'question',
  layers: 1,
  lossy: true,
  damage(text) {
    return decodeSingleByte(iconv.encode(text, 'gbk'), 'windows-1252', 'c1-kept')
  }
}

/**
 * Two codecs in layers: UTF-8 read as windows-1252 (undefined bytes kept as
 * C1 controls), saved as UTF-8, then read as GBK (U+FFFD for what GBK
 * cannot decode, mostly a lone byte before ASCII).
 */
export const utf8ReadAsWindows1252ThenGbk: Channel = {
  id: 'utf-8>windows-1252>gbk/fffd',
  title: 'UTF-8 read as windows-1252, then read as GBK, undecodable bytes as U+FFFD',
  from: 'utf-8',
  via: 'gbk',
  loss: 'fffd',
  layers: 2,
  lossy: true,
  damage(text) {
    return iconv.decode(Buffer.from(decodeSingleByte(Buffer.from(text, 'utf8'), 'windows-1252', 'c1-kept'), 'utf8'), 'gbk')
  }
}

/** Every channel of the damage matrix, lossless first. */
export const channels: readonly Channel[] = [
  utf8ReadAs('windows-1252', 'c1-kept'),
  utf8ReadAs('latin1', 'none'),
  utf8ReadAs('windows-1252', 'c1-kept', 2),
  utf8ReadAs('windows-1254', 'dropped'),
  utf8ReadAs('windows-1252', 'dropped'),
  utf8ReadAs('windows-1252', 'fffd'),
  utf8ReadAs('windows-1252', 'question'),
  utf8ReadAs('windows-1252', 'dropped', 2),
  utf8ReadAs('windows-1255', 'fffd'),
  utf8ReadAs('windows-1258', 'dropped'),
  utf8ReadAs('iso-8859-7', 'fffd'),
  utf8ReadAs('latin1', 'c1-stripped'),
  utf8ReadAs('latin1', 'c1-fffd'),
  utf8ReadAsGbk('fffd'),
  utf8ReadAsGbk('question'),
  utf8ReadAsGbk('fffd', 'python'),
  utf8ReadAsGbk('dropped', 'python'),
  gbkReadAsWindows1252,
  utf8ReadAsWindows1252ThenGbk
]
