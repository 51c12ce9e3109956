/**
 * The examples of `docs/rules/<rule-id>.md` are test cases: every `markdown`
 * block under “### Invalid” is followed by a `text` block with the exact
 * messages; every `markdown` block under “### Valid” gives none.
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {qaRules} from '../../src/check/qa-rules.js'
import type {RepairRecord} from '../../src/types.js'
import {run} from './qa-harness.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

interface Example {
  kind: 'valid' | 'invalid'
  markdown: string
  expected: string[]
  flags: Record<number, string[]>
  repairs: RepairRecord[]
}

/** Read the examples of a docs page. */
function examples(page: string): Example[] {
  const section = page.split(/^## Examples$/m)[1] ?? ''
  const found: Example[] = []
  let kind: Example['kind'] | undefined
  const pattern = /^### (Valid|Invalid)$|^(`{3,})(\w+)(?: (.*))?\n([\s\S]*?)\n\2$/gm
  for (const match of section.matchAll(pattern)) {
    if (match[1]) {
      kind = match[1] === 'Valid' ? 'valid' : 'invalid'
      continue
    }
    const [, , , lang, meta, body] = match
    if (lang === 'markdown' && kind) {
      const data = meta ? (JSON.parse(meta) as {flags?: Record<number, string[]>; repairs?: RepairRecord[]}) : {}
      found.push({kind, markdown: `${body}\n`, expected: [], flags: data.flags ?? {}, repairs: data.repairs ?? []})
    } else if (lang === 'text' && found.length > 0) {
      found[found.length - 1].expected = body.split('\n').filter((line) => line.trim() !== '')
    }
  }
  return found
}

describe('docs/rules examples', () => {
  for (const rule of qaRules) {
    it(`${rule.id} has a page whose examples hold`, () => {
      const file = path.join(root, 'docs/rules', `${rule.id}.md`)
      const page = fs.readFileSync(file, 'utf8')
      expect(page.startsWith(`# ${rule.id}\n`)).toBe(true)
      const cases = examples(page)
      expect(cases.some((example) => example.kind === 'valid')).toBe(true)
      expect(cases.some((example) => example.kind === 'invalid')).toBe(true)
      for (const example of cases) {
        const actual = run(rule, example.markdown, {flags: example.flags, repairs: example.repairs})
        expect(actual, example.markdown).toEqual(example.kind === 'valid' ? [] : example.expected)
        if (example.kind === 'invalid') expect(actual.length).toBeGreaterThan(0)
      }
    })
  }
})
