import * as fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {processArticle, reporters, toTmx} from '../src/index.js'
import {projectRoot} from './helpers.js'

describe('the public API', () => {
  it('processes an article, reports it and exports it through src/index.ts alone', async () => {
    const file = await processArticle(fs.readFileSync(path.join(projectRoot, 'articles', 'rolling-updates-without-downtime.md')), 'rolling.md')
    expect(file.data.failed).toBeUndefined()
    expect(Object.keys(file.data.outputs ?? {}).sort()).toEqual(['bilingual.md', 'index.en.md', 'index.html', 'index.zh.md'])
    expect(file.data.outputs?.['index.zh.md']).toContain('## 零停机滚动更新')
    expect(JSON.parse(reporters['json']!([file]))).toMatchObject([{file: 'rolling.md'}])
    expect(toTmx(file)).toContain('<seg>零停机滚动更新</seg>')
  })
})
