/**
 * `docs/rules/glossary-*.md`: each page's `## Glossary` block is the glossary
 * of its examples; every `markdown` block under “### Invalid” is followed by
 * a `text` block with the exact messages, every one under “### Valid” gives
 * none. The messages include the cross-file pass, as `bitext lint` runs it.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {checkCrossFile} from '../../src/check/cross-file.js'
import {glossaryRules} from '../../src/check/glossary-rules.js'
import {parseGlossary} from '../../src/glossary/parse-glossary.js'
import {check, messages, root} from './helpers.js'

interface Example {
  kind: 'valid' | 'invalid'
  markdown: string
  expected: string[]
}

function examples(page: string): Example[] {
  const section = page.split(/^## Examples$/m)[1] ?? ''
  const found: Example[] = []
  let kind: Example['kind'] | undefined
  for (const match of section.matchAll(/^### (Valid|Invalid)$|^```(\w+)\n([\s\S]*?)\n```$/gm)) {
    if (match[1]) {
      kind = match[1] === 'Valid' ? 'valid' : 'invalid'
    } else if (match[2] === 'markdown' && kind) {
      found.push({kind, markdown: `${match[3]}\n`, expected: []})
    } else if (match[2] === 'text' && found.length > 0) {
      found[found.length - 1].expected = match[3].split('\n').filter((line) => line.trim() !== '')
    }
  }
  return found
}

describe('docs/rules/glossary-*.md', () => {
  for (const rule of glossaryRules) {
    it(`${rule.id} has a page whose examples hold`, async () => {
      const page = fs.readFileSync(path.join(root, 'docs/rules', `${rule.id}.md`), 'utf8')
      expect(page.startsWith(`# ${rule.id}\n`)).toBe(true)
      expect(page).toContain(`* Default: \`${rule.defaultSetting}\``)
      const yaml = /^## Glossary\n\n```yaml\n([\s\S]*?)\n```$/m.exec(page)?.[1]
      if (!yaml) throw new Error(`${rule.id}.md has no glossary block`)
      const glossary = parseGlossary(yaml, `${rule.id}.md`)
      const cases = examples(page)
      expect(cases.some((example) => example.kind === 'valid')).toBe(true)
      expect(cases.some((example) => example.kind === 'invalid')).toBe(true)
      for (const example of cases) {
        const file = await check(example.markdown, glossary, [rule])
        checkCrossFile([file])
        const actual = messages(file)
        expect(actual, example.markdown).toEqual(example.kind === 'valid' ? [] : example.expected)
      }
    })
  }
})
