/**
 * The inline limits refuse paragraphs whose markup would make parsing or
 * writing take minutes, and nothing a real article holds.
 */
import fs from 'node:fs'
import path from 'node:path'
import type {Root} from 'mdast'
import {describe, expect, it} from 'vitest'
import {createParser} from '../../src/parse/index.js'
import {InputLimitError, assertInlineMarkup, assertPhrasingDepth} from '../../src/parse/input-limits.js'
import {projectRoot} from '../helpers.js'

/** The message and line of the refusal, or `undefined` when the text is accepted. */
function refusal(text: string): string | undefined {
  try {
    assertInlineMarkup(text)
    assertPhrasingDepth(createParser().parse(text) as Root)
    return undefined
  } catch (error) {
    if (!(error instanceof InputLimitError)) throw error
    return `${error.line ?? '?'}: ${error.message}`
  }
}

const emphasis = (runs: number) => '*a* '.repeat(runs / 2)

describe('inline limits', () => {
  it.each([
    ['1,000 emphasized words in one paragraph', emphasis(2000)],
    ['the same markers escaped', '\\*a\\* '.repeat(5000)],
    ['3,000 links, one list item each', Array.from({length: 3000}, (_, index) => `- [item ${index}](https://example.com/${index})`).join('\n')],
    ['3,000 links, one table row each', '| a |\n| - |\n' + Array.from({length: 3000}, (_, index) => `| [x](y${index}) |`).join('\n')],
    ['paragraphs split by blank lines', Array.from({length: 10}, () => emphasis(1500)).join('\n\n')],
    ['300,000 `&` in a fenced code block', '```\n' + '&'.repeat(300_000) + '\n```\n'],
    ['emphasis nested 100 levels', '*a '.repeat(100) + 'b' + ' a*'.repeat(100)],
    ['links nested 1,000 times (a link holds no link: the tree stays flat)', '['.repeat(1000) + 'a' + '](b)'.repeat(1000)]
  ])('accepts %s', (_, text) => {
    expect(refusal(text)).toBeUndefined()
  })

  it.each([
    ['2,002 emphasis runs on one line', 'intro\n\n' + emphasis(2002), '3: Paragraph with 2002 runs of emphasis markers (`*` or `_`), the limit is 2000: parsing it would take minutes; split the paragraph, or escape the markers with `\\`'],
    ['emphasis runs spread over the lines of one quoted paragraph', Array.from({length: 3}, () => '> ' + emphasis(700)).join('\n'), '1: Paragraph with 2100 runs of emphasis markers (`*` or `_`), the limit is 2000: parsing it would take minutes; split the paragraph, or escape the markers with `\\`'],
    ['2,001 opening brackets', '['.repeat(2001) + 'a', '1: Paragraph with 2001 opening brackets (`[`), the limit is 2000: parsing it would take minutes; split the paragraph, or escape the markers with `\\`'],
    ['250,001 `&` after a closed fence', '```\n&\n```\n' + '&'.repeat(250_001), '4: Paragraph with 250001 markup characters (such as `&`, `<`, `*`), the limit is 250000: parsing it would take minutes; split the paragraph, or escape the markers with `\\`'],
    ['emphasis nested 101 levels', 'x\n\n' + '*a '.repeat(101) + 'b' + ' a*'.repeat(101), '3: Emphasis or links nested more than 100 levels inside each other, the limit is 100; flatten the nesting in this paragraph'],
    ['strong and emphasis nested 101 levels', '**a *b '.repeat(51).slice(0, -1) + 'c' + '* a**'.repeat(51), '1: Emphasis or links nested more than 100 levels inside each other, the limit is 100; flatten the nesting in this paragraph']
  ])('refuses %s', (_, text, expected) => {
    expect(refusal(text)).toBe(expected)
  })

  it('accepts every article in articles/', () => {
    const folder = path.join(projectRoot, 'articles')
    const names = fs.readdirSync(folder).filter((name) => name.endsWith('.md'))
    expect(names.length).toBeGreaterThan(0)
    for (const name of names) expect(refusal(fs.readFileSync(path.join(folder, name), 'utf8')), name).toBeUndefined()
  })
})
