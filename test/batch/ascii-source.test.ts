import vm from 'node:vm'
import {describe, expect, it} from 'vitest'
import {escapeNonAscii} from '../../src/batch/ascii-source.js'

describe('escapeNonAscii', () => {
  it('escapes characters beyond ASCII, a surrogate pair beyond the BMP', () => {
    expect(escapeNonAscii('/[。！？]$/.test(x) && "ok"')).toBe('/[\\u3002\\uff01\\uff1f]$/.test(x) && "ok"')
    expect(escapeNonAscii('/😀/u')).toBe('/\\ud83d\\ude00/u')
    expect(escapeNonAscii('plain')).toBe('plain')
  })

  it('keeps what regular expressions and strings match', () => {
    const program = '[/[。！？；]+$/.test("好。"), /^[？?]/.test("？x"), /[“”„‟]/g[Symbol.replace]("“a”", "\'"), /😀+/u.test("😀😀"), /^.$/u.test("😀"), /\\p{Script=Han}{2}/u.test("汉字"), "é" + \'ü\'].join(" ")'
    const escaped = escapeNonAscii(program)
    expect(/^[\0-\x7f]*$/.test(escaped)).toBe(true)
    expect(vm.runInNewContext(escaped)).toBe(vm.runInNewContext(program))
    expect(vm.runInNewContext(program)).toBe("true true 'a' true true true éü")
  })

  it('refuses a character escaped with a backslash', () => {
    expect(() => escapeNonAscii('/a\\。/')).toThrow('A backslash before a character beyond ASCII at offset 2: cannot escape it')
  })
})
