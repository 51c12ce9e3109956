/**
 * Heading ids on the bilingual page: the Hugo id the article writes, else
 * the GitHub slug of the English heading, else of the Chinese; the `{#id}`
 * is not shown on the page and stays in the Markdown.
 */
import {describe, expect, it} from 'vitest'
import {createPipeline} from '../../src/pipeline.js'

const pipeline = createPipeline({formats: ['md', 'html']})

async function build(text: string): Promise<Record<string, string>> {
  const file = await pipeline.process(Buffer.from(text, 'utf8'), 'articles/ids.md')
  return Object.fromEntries(Object.entries(file.data.outputs ?? {}).map(([name, value]) => [name, String(value)]))
}

/** Each section's id and its headings' HTML, in order. */
function headings(html: string): string[] {
  return [...html.matchAll(/<section( id="[^"]*")? class="unit [^"]*heading[^"]*"[^>]*>(.*?)<\/section>/g)].map((match) => `${match[1]?.trim() ?? '(no id)'} ${match[2]!.replace(/<\/?div[^>]*>/g, '')}`)
}

describe('heading ids on the page', () => {
  it('take the Hugo id of a comment-convention page, cut from the heading, and keep it in the Markdown', async () => {
    const outputs = await build(`---
title: 名字空间
---

<!--
## Initial namespaces
-->
## 初始名字空间   {#initial-namespaces}

<!--
See [the namespaces](#initial-namespaces).
-->
参见[初始名字空间](#initial-namespaces)。
`)
    expect(headings(outputs['index.html']!)).toEqual(['id="initial-namespaces" <h2>Initial namespaces</h2><h2>初始名字空间</h2>'])
    expect(outputs['index.html']).toContain('<a href="#initial-namespaces">初始名字空间</a>')
    // (in `{% raw %}` for Hexo, whose Nunjucks reads `{#` as a comment)
    expect(outputs['index.zh.md']).toContain('## 初始名字空间   {% raw %}{#initial-namespaces}{% endraw %}')
  })

  it('cut an empty Hugo id `{#}` from the heading and slug its text, as the alignment reads it', async () => {
    const outputs = await build(`---
title: 标题
---

## Set-up {#}

## 设置 {#}

> Text.

正文。
`)
    expect(headings(outputs['index.html']!)).toEqual(['id="set-up" <h2>Set-up</h2><h2>设置</h2>'])
  })

  it('else slug the English heading (numbered when repeated, never the page toggle\'s ids), else the Chinese', async () => {
    const outputs = await build(`---
title: 标题
---

# Rolling Updates: How & Why?

# 滚动更新：方式与原因？

> Text.

正文。

## Example

## 示例

## Example

## 示例

## View zh

## 查看中文

## 只有中文的标题
`)
    expect(headings(outputs['index.html']!)).toEqual([
      'id="rolling-updates-how--why" <h1>Rolling Updates: How &#x26; Why?</h1><h1>滚动更新：方式与原因？</h1>',
      'id="example" <h2>Example</h2><h2>示例</h2>',
      'id="example-1" <h2>Example</h2><h2>示例</h2>',
      'id="view-zh-1" <h2>View zh</h2><h2>查看中文</h2>',
      'id="只有中文的标题" <h2>只有中文的标题</h2>'
    ])
  })
})
