/**
 * Export a glossary for CAT tools: TBX (ISO 30042:2019, TBX-Basic dialect,
 * DCA style) and CSV (RFC 4180).
 */
import type {Glossary, Term} from './types.js'

/**
 * The glossary as a TBX-Basic document: one concept entry per term, English
 * and Chinese language sections, approved renderings as preferred (the first)
 * or admitted terms, forbidden ones as deprecated terms, `keep` terms with
 * their English form as the preferred Chinese term.
 *
 * @param glossary The glossary.
 * @returns The XML document.
 */
export function toTbx(glossary: Glossary): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tbx style="dca" type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">',
    '  <tbxHeader>',
    '    <fileDesc>',
    `      <sourceDesc><p>bitext glossary ${escapeXml(glossary.path)}</p></sourceDesc>`,
    '    </fileDesc>',
    '  </tbxHeader>',
    '  <text>',
    '    <body>'
  ]
  for (const [index, term] of glossary.terms.entries()) {
    lines.push(`      <conceptEntry id="c${index + 1}">`)
    if (term.note !== undefined) lines.push(`        <note>${escapeXml(term.note)}</note>`)
    if (term.en.length > 0) {
      lines.push('        <langSec xml:lang="en">')
      for (const [position, form] of term.en.entries()) lines.push(termSec(form, position === 0 ? 'preferredTerm' : 'admittedTerm'))
      lines.push('        </langSec>')
    }
    const zh = zhForms(term)
    if (zh.length > 0) {
      lines.push('        <langSec xml:lang="zh-CN">')
      for (const [form, status] of zh) lines.push(termSec(form, status))
      lines.push('        </langSec>')
    }
    lines.push('      </conceptEntry>')
  }
  lines.push('    </body>', '  </text>', '</tbx>', '')
  return lines.join('\n')
}

/**
 * The glossary as CSV with a header row `en,zh,forbid,keep,case,note`; several
 * forms in one cell are separated by `; `.
 *
 * @param glossary The glossary.
 * @returns The CSV text (CRLF line ends, as RFC 4180 says).
 */
export function toCsv(glossary: Glossary): string {
  const rows = [['en', 'zh', 'forbid', 'keep', 'case', 'note']]
  for (const term of glossary.terms) {
    rows.push([term.en.join('; '), term.zh.join('; '), term.forbid.join('; '), String(term.keep), String(term.case), term.note ?? ''])
  }
  return rows.map((row) => row.map((cell) => csvCell(cell)).join(',')).join('\r\n') + '\r\n'
}

type Status = 'preferredTerm' | 'admittedTerm' | 'deprecatedTerm'

function zhForms(term: Term): Array<[string, Status]> {
  const approved = term.keep ? [...term.en, ...term.zh] : term.zh
  const seen = new Set<string>()
  const forms: Array<[string, Status]> = []
  for (const form of approved) {
    if (seen.has(form)) continue
    seen.add(form)
    forms.push([form, forms.length === 0 ? 'preferredTerm' : 'admittedTerm'])
  }
  for (const form of term.forbid) forms.push([form, 'deprecatedTerm'])
  return forms
}

function termSec(form: string, status: Status): string {
  return `          <termSec><term>${escapeXml(form)}</term><termNote type="administrativeStatus">${status}-admn-sts</termNote></termSec>`
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}
