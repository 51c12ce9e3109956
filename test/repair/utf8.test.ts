import {describe, expect, it} from 'vitest'
import {isStrictUtf8} from '../../src/repair/channels/utf8.js'

const decoder = new TextDecoder('utf-8', {fatal: true})

/** What a fatal decoder says of the bytes. */
function decodes(bytes: Uint8Array): boolean {
  try {
    decoder.decode(bytes)
    return true
  } catch {
    return false
  }
}

describe('isStrictUtf8', () => {
  it('agrees with a fatal decoder on every string of one and two bytes', () => {
    const bytes = new Uint8Array(2)
    for (let first = 0; first < 256; first++) {
      expect(isStrictUtf8(Uint8Array.of(first))).toBe(decodes(Uint8Array.of(first)))
      for (let second = 0; second < 256; second++) {
        bytes[0] = first
        bytes[1] = second
        expect(isStrictUtf8(bytes)).toBe(decodes(bytes))
      }
    }
  })

  it('agrees with a fatal decoder on every three-byte string led by E0–F4 and on seeded random strings', () => {
    const bytes = new Uint8Array(3)
    let disagreements = 0
    for (let first = 0xe0; first <= 0xf4; first++) {
      for (let second = 0x70; second < 0xd0; second++) {
        for (let third = 0x70; third < 0xd0; third++) {
          bytes[0] = first
          bytes[1] = second
          bytes[2] = third
          if (isStrictUtf8(bytes) !== decodes(bytes)) disagreements++
        }
      }
    }
    // A small linear congruential generator: the same strings every run.
    let seed = 12345
    const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24
    for (let sample = 0; sample < 20000; sample++) {
      const random = Uint8Array.from({length: 1 + (next() % 8)}, () => (next() % 2 === 0 ? 0x80 + (next() % 0x40) : next()))
      if (isStrictUtf8(random) !== decodes(random)) disagreements++
    }
    expect(disagreements).toBe(0)
  })

  it('rejects overlongs, surrogates, values above U+10FFFF and cut sequences', () => {
    expect(isStrictUtf8(Uint8Array.of(0xe4, 0xb8, 0xad))).toBe(true)
    expect(isStrictUtf8(Uint8Array.of(0xc0, 0x80))).toBe(false)
    expect(isStrictUtf8(Uint8Array.of(0xe0, 0x80, 0x80))).toBe(false)
    expect(isStrictUtf8(Uint8Array.of(0xed, 0xa0, 0x80))).toBe(false)
    expect(isStrictUtf8(Uint8Array.of(0xf4, 0x90, 0x80, 0x80))).toBe(false)
    expect(isStrictUtf8(Uint8Array.of(0xe4, 0xb8))).toBe(false)
  })
})
