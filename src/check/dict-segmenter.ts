/**
 * jieba's cut without HMM (`cut(text, false)`), for runs of Han characters,
 * read straight from jieba's `dict.txt` instead of jieba's own structures.
 *
 * `@node-rs/jieba` builds its dictionary in ~0.2 s of CPU and ~42 MiB of
 * memory. `dict.txt` is sorted and has one `word freq tag` line per word, so
 * the file itself, with the offset of each line, is a dictionary: finding
 * the words that start at a character is a few binary searches over ~6.5 MB
 * (the file and its offsets), built in ~10 ms.
 *
 * The cut is jieba's: every dictionary word starting at each character is
 * an edge (a character that starts none is a one-character edge of
 * frequency 1); the route maximises the sum of `ln(freq) - ln(total)` from
 * the end of the run back, and an equal score goes to the longer word. The
 * scores are floating-point sums, and V8's `Math.log` may differ from the
 * C library's, which jieba uses, in the last bit: when two choices score
 * within a margin far above any such difference, or the run has characters
 * jieba's Han pattern does not cover, the cut is not answered here
 * (`undefined`) and the caller asks jieba itself.
 */

/** Cuts a run of Han characters, or returns `undefined` when only jieba itself can say. */
export type DictSegment = (text: string) => string[] | undefined

/** Scores closer than this (relative) may rank differently in jieba's own arithmetic. */
const nearTie = 1e-9

/** The code points jieba's `cut` reads as one block of Han text (its RE_HAN_DEFAULT, without the ASCII). */
function jiebaHan(code: number): boolean {
  return (
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x20000 && code <= 0x2a6df) ||
    (code >= 0x2a700 && code <= 0x2ebef) ||
    (code >= 0x2f800 && code <= 0x2fa1f)
  )
}

/**
 * Make a segmenter from the bytes of jieba's `dict.txt`.
 *
 * @param dict The file's bytes: `word freq tag` lines, sorted by word (bytewise).
 * @returns The segmenter.
 * @throws Error when a line is malformed or the words are not sorted (the
 *   binary search would then miss words).
 */
export function createDictSegmenter(dict: Uint8Array): DictSegment {
  const bytes = Buffer.from(dict.buffer, dict.byteOffset, dict.byteLength)
  // Per line: where its word starts and ends (the first space). One pass,
  // which also checks the order and sums the frequencies, over the bytes
  // read as Latin-1 (one character per byte, so offsets and order are the
  // bytes'), where finding line ends and spaces is native.
  const latin1 = bytes.toString('latin1')
  let wordStarts = new Int32Array(1 << 16)
  let wordEnds = new Int32Array(1 << 16)
  let lines = 0
  let total = 0
  for (let lineStart = 0; lineStart < latin1.length; ) {
    let lineEnd = latin1.indexOf('\n', lineStart)
    if (lineEnd === -1) lineEnd = latin1.length
    const next = lineEnd + 1
    if (lineEnd > lineStart && latin1.charCodeAt(lineEnd - 1) === 0x0d) lineEnd--
    if (lineEnd === lineStart) {
      lineStart = next
      continue
    }
    const wordEnd = latin1.indexOf(' ', lineStart)
    if (wordEnd === -1 || wordEnd >= lineEnd) throw new Error(`jieba's dictionary has a line without a frequency at byte ${lineStart}`)
    let freq = 0
    let at = wordEnd + 1
    for (; at < lineEnd; at++) {
      const code = latin1.charCodeAt(at)
      if (code < 0x30 || code > 0x39) break
      freq = freq * 10 + (code - 0x30)
    }
    if (wordEnd === lineStart || at === wordEnd + 1 || (at < lineEnd && latin1.charCodeAt(at) !== 0x20)) {
      throw new Error(`jieba's dictionary has a malformed line at byte ${lineStart}`)
    }
    if (lines > 0 && !below(latin1, wordStarts[lines - 1]!, wordEnds[lines - 1]!, lineStart, wordEnd)) {
      throw new Error(`jieba's dictionary is not sorted at byte ${lineStart}`)
    }
    if (lines === wordStarts.length) {
      wordStarts = grow(wordStarts)
      wordEnds = grow(wordEnds)
    }
    wordStarts[lines] = lineStart
    wordEnds[lines] = wordEnd
    lines++
    total += freq
    lineStart = next
  }
  wordStarts = wordStarts.slice(0, lines)
  wordEnds = wordEnds.slice(0, lines)
  const logTotal = Math.log(total)

  /** The first line whose word is not below `key[from, to)`. */
  function lowerBound(key: Buffer, from: number, to: number): number {
    let low = 0
    let high = wordStarts.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (bytes.compare(key, from, to, wordStarts[middle], wordEnds[middle]) < 0) low = middle + 1
      else high = middle
    }
    return low
  }

  /** Whether line `line`'s word starts with `key[from, to)`; 2 when it is exactly that. */
  function prefixOf(line: number, key: Buffer, from: number, to: number): 0 | 1 | 2 {
    if (line >= wordStarts.length) return 0
    const start = wordStarts[line]!
    const length = wordEnds[line]! - start
    if (length < to - from || key.compare(bytes, start, start + (to - from), from, to) !== 0) return 0
    return length === to - from ? 2 : 1
  }

  return (text) => {
    // Code points, and their UTF-8 offsets in `key`.
    const points: string[] = []
    for (const point of text) {
      if (!jiebaHan(point.codePointAt(0)!)) return undefined
      points.push(point)
    }
    const key = Buffer.from(text, 'utf8')
    const offsets = new Int32Array(points.length + 1)
    for (let index = 0; index < points.length; index++) offsets[index + 1] = offsets[index]! + Buffer.byteLength(points[index]!)
    const count = points.length
    const score = new Float64Array(count + 1)
    const next = new Int32Array(count + 1)
    for (let from = count - 1; from >= 0; from--) {
      let best = Number.NEGATIVE_INFINITY
      let bestEnd = -1
      let runnerUp = Number.NEGATIVE_INFINITY
      const consider = (end: number, freq: number) => {
        const candidate = Math.log(freq) - logTotal + score[end]!
        // Equal scores go to the longer word, as in jieba; ends come in increasing order.
        if (candidate >= best) {
          runnerUp = best
          best = candidate
          bestEnd = end
        } else if (candidate > runnerUp) runnerUp = candidate
      }
      for (let end = from + 1; end <= count; end++) {
        const line = lowerBound(key, offsets[from]!, offsets[end]!)
        const match = prefixOf(line, key, offsets[from]!, offsets[end]!)
        if (match === 0) break
        if (match === 2) consider(end, frequencyAt(bytes, wordEnds[line]! + 1))
      }
      if (bestEnd === -1) consider(from + 1, 1)
      if (runnerUp !== Number.NEGATIVE_INFINITY && best - runnerUp <= nearTie * (Math.abs(best) + Math.abs(runnerUp))) return undefined
      score[from] = best
      next[from] = bestEnd
    }
    const words: string[] = []
    for (let from = 0; from < count; from = next[from]!) words.push(points.slice(from, next[from]).join(''))
    return words
  }
}

/** Whether the characters `[a, aEnd)` of `text` sort strictly before `[b, bEnd)`. */
function below(text: string, a: number, aEnd: number, b: number, bEnd: number): boolean {
  for (; a < aEnd && b < bEnd; a++, b++) {
    const left = text.charCodeAt(a)
    const right = text.charCodeAt(b)
    if (left !== right) return left < right
  }
  return a === aEnd && b < bEnd
}

/** An array twice as long, holding the same values first. */
function grow(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const longer = new Int32Array(array.length * 2)
  longer.set(array)
  return longer
}

/** The decimal number at `at` (a frequency, checked when the dictionary was read). */
function frequencyAt(bytes: Uint8Array, at: number): number {
  let value = 0
  for (let byte = bytes[at]!; byte >= 0x30 && byte <= 0x39; byte = bytes[++at]!) value = value * 10 + (byte - 0x30)
  return value
}
