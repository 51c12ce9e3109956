/**
 * Large synthetic glossaries for scale tests and benchmarks: real terms plus
 * thousands of generated ones that never occur in real text (their Chinese
 * uses CJK Extension A characters, their English a `zq` prefix) but share
 * prefixes with real forms (`cluster zqab`, `集群㐀㐁`), so the automaton is
 * large and its failure links are exercised, while the findings on real text
 * stay those of the real terms.
 */
import {createGlossary} from '../src/glossary/parse-glossary.js'
import type {Glossary, Term} from '../src/glossary/types.js'

/**
 * A glossary of `count` terms: the given real terms first, then generated ones.
 *
 * @param real Real terms (kept as they are).
 * @param count Total number of terms wanted (at least `real.length`).
 * @returns The compiled glossary.
 */
export function syntheticGlossary(real: readonly Term[], count: number): Glossary {
  const terms: Term[] = [...real]
  const prefixesEn = real.flatMap((term) => term.en).filter((form) => /^[A-Za-z]/.test(form))
  const prefixesZh = real.flatMap((term) => [...term.zh, ...term.forbid]).filter((form) => /[\u4E00-\u9FFF]/.test(form))
  for (let i = 0; terms.length < count; i++) {
    const code = letters(i)
    const rare = extA(i)
    const en = i % 3 === 0 && prefixesEn.length > 0 ? `${prefixesEn[i % prefixesEn.length]} zq${code}` : `zq${code}`
    const zh = i % 2 === 0 && prefixesZh.length > 0 ? `${prefixesZh[i % prefixesZh.length]}${rare}` : `${rare}系统`
    terms.push({en: [en], zh: [zh], keep: false, forbid: [`${rare}${extA(i + 7919)}`], case: false, examples: [], line: 0})
  }
  return createGlossary(terms, `synthetic-${count}.yaml`)
}

function letters(n: number): string {
  let out = ''
  let value = n
  do {
    out = String.fromCharCode(97 + (value % 26)) + out
    value = Math.floor(value / 26)
  } while (value > 0)
  return out
}

/** Two CJK Extension A characters (U+3400–U+4DBF) from a number. */
function extA(n: number): string {
  const span = 0x4dbf - 0x3400 + 1
  return String.fromCodePoint(0x3400 + (n % span), 0x3400 + (Math.floor(n / span) % span))
}
