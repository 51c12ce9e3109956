import {describe, expect, it} from 'vitest'
import {reporter} from 'vfile-reporter'
import type {Rule} from '../../src/check/rule.js'
import {hideStacks} from '../../src/cli/hide-stacks.js'
import {processArticle} from '../../src/pipeline.js'

const throwing: Rule = {
  id: 'boom',
  group: 'qa',
  defaultSetting: 'error',
  description: 'a rule with a bug',
  check() {
    throw new Error('kaboom')
  }
}

describe('stack traces in reports', () => {
  it('are left out unless debugging, and the failure is still one clear message', async () => {
    const file = await processArticle(Buffer.from('# Hi\n\n你好\n'), 'a.md', {rules: [throwing]})
    hideStacks([file], false)
    expect(reporter([file])).toBe(
      'a.md\n error Could not process this article: kaboom; this is a bug in bitext, please report it with the article internal-error bitext\n\n✖ 1 error'
    )
  })

  it('are kept with --debug', async () => {
    const file = await processArticle(Buffer.from('# Hi\n\n你好\n'), 'a.md', {rules: [throwing]})
    hideStacks([file], true)
    expect(reporter([file])).toMatch(/\[cause\]:\n\s+Error: kaboom\n\s+at /)
  })
})
