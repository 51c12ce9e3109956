/**
 * The pages of a document that keeps its English in `<!-- -->` comments (the
 * Kubernetes website's zh-cn convention): fixture folders under
 * test/fixtures/emit/, one input and the expected pages each.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {processArticle} from '../../src/pipeline.js'
import {projectRoot} from '../align/seed-text.js'

const root = path.join(projectRoot, 'test', 'fixtures', 'emit')
const cases = fs.readdirSync(root).filter((name) => fs.statSync(path.join(root, name)).isDirectory()).sort()

describe('pages of the comment convention', () => {
  for (const name of cases) {
    it(name, async () => {
      const dir = path.join(root, name)
      const file = await processArticle(fs.readFileSync(path.join(dir, 'input.md')), 'input.md')
      const outputs = file.data.outputs!
      for (const output of ['index.zh.md', 'index.en.md', 'bilingual.md']) {
        await expect(outputs[output]).toMatchFileSnapshot(path.join(dir, output))
      }
      // The Chinese page keeps no English comment; the English page no Chinese.
      const comments = outputs['index.zh.md'].match(/<!--[^]*?-->/g) ?? []
      expect(comments.filter((comment) => !/^<!-- [a-z]+ -->$/.test(comment) && !/\p{Script=Han}/u.test(comment))).toEqual([])
      expect(outputs['index.en.md'].replace(/^---[^]*?---\n/, '')).not.toMatch(/\p{Script=Han}/u)
    })
  }
})
