/**
 * `number-mismatch`: numbers, versions, IP addresses, CIDRs and dates of the
 * English side that are missing or changed on the Chinese side.
 *
 * Tolerant of legitimate localisation: `four` is never extracted (only
 * digits are), small numbers may be written in Chinese numerals (`4` / `四`,
 * `3rd` / `第三`), decades may become centuries (`2000s` / `21 世纪`), and
 * digits glued to letters (`K8s`, `svc2`, `eth0`) are names, not numbers.
 */
import type {Finding, Rule, RuleContext} from './rule.js'
import {maskedSource, pairSides} from './qa-helpers.js'

/**
 * A number: optional `v`, digits with `.`, `,`, `:` or `/` groups, optional
 * decade or ordinal suffix; not glued to letters, digits, `_`, `-` or `.` before.
 */
const numberPattern = /(?<![\p{L}\p{N}_\-.])v?(\d+(?:[.,:/]\d+)*)(s|st|nd|rd|th)?(?![\p{L}\p{N}_])/gu

const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/**
 * A number below 100 in Chinese numerals (`24` → `二十四`).
 *
 * @param value 0–99.
 * @returns The numeral.
 */
export function chineseNumeral(value: number): string {
  if (value < 10) return digits[value]
  const tens = Math.floor(value / 10)
  const units = value % 10
  return `${tens === 1 ? '' : digits[tens]}十${units === 0 ? '' : digits[units]}`
}

/**
 * The ways a number may legitimately be written in Chinese.
 *
 * @param value The number as written in English, without `v` or suffix.
 * @param suffix `s` (decade), an ordinal suffix, or `''`.
 * @returns Accepted spellings.
 */
export function renderings(value: string, suffix: string): string[] {
  const plain = /^\d{1,3}(?:,\d{3})+$/.test(value) ? value.replaceAll(',', '') : value
  const accepted = [plain, value]
  if (/^\d+$/.test(plain)) {
    const number = Number(plain)
    if (number < 100) accepted.push(chineseNumeral(number))
    if (number === 2) accepted.push('两', '双')
    if (number === 1) accepted.push('单', '首')
    if (suffix === 's' && number >= 1000 && number % 10 === 0) {
      const century = Math.floor(number / 100) + 1
      accepted.push(`${century} 世纪`, `${century}世纪`, `${chineseNumeral(century % 100)}世纪`)
    }
  }
  return accepted
}

/**
 * Whether `haystack` contains `needle` as a whole number (not inside a longer one).
 */
function containsNumber(haystack: string, needle: string): boolean {
  if (!/\d/.test(needle)) return haystack.includes(needle)
  let from = 0
  for (;;) {
    const index = haystack.indexOf(needle, from)
    if (index < 0) return false
    const before = haystack[index - 1] ?? ''
    const after = haystack[index + needle.length] ?? ''
    const beforeOk = !/\d/.test(before) && !(before === '.' && /\d/.test(haystack[index - 2] ?? ''))
    const afterOk = !/\d/.test(after) && !(after === '.' && /\d/.test(haystack[index + needle.length + 1] ?? ''))
    if (beforeOk && afterOk) return true
    from = index + 1
  }
}

/**
 * Compare the numbers of each pair.
 *
 * @param context The document's data.
 * @returns Findings at each English number missing from the Chinese side.
 */
function check(context: RuleContext): Finding[] {
  const findings: Finding[] = []
  for (const {en, zh} of pairSides(context.alignment)) {
    const zhText = maskedSource(context.text, zh).normalize('NFKC')
    const enText = maskedSource(context.text, en)
    const enValues = new Set([...enText.matchAll(numberPattern)].map((match) => match[1]))
    const extra = [...zhText.matchAll(numberPattern)].map((match) => match[1]).filter((value) => !enValues.has(value))
    const seen = new Set<string>()
    for (const match of enText.matchAll(numberPattern)) {
      const value = match[1]
      const suffix = match[2] ?? ''
      if (seen.has(value)) continue
      seen.add(value)
      if (renderings(value, suffix).some((rendering) => containsNumber(zhText, rendering))) continue
      const start = en.range[0] + (match.index ?? 0)
      const finding: Finding = {
        reason: extra.length > 0
          ? `Missing \`${match[0]}\` in translation, found \`${extra.join('`, `')}\`, use \`${match[0]}\` or its Chinese form`
          : `Missing \`${match[0]}\` in translation, add \`${match[0]}\` or its Chinese form`,
        start,
        end: start + match[0].length,
        expected: [value],
        note: 'Numbers, versions, addresses and dates must survive translation (Chinese numerals are fine for small numbers)'
      }
      if (extra.length > 0) finding.actual = extra.join(', ')
      findings.push(finding)
    }
  }
  return findings
}

/** The `number-mismatch` rule. */
export const numberMismatch: Rule = {
  id: 'number-mismatch',
  group: 'qa',
  defaultSetting: 'warn',
  description: 'Number, version, address or date missing or changed in translation',
  check
}
