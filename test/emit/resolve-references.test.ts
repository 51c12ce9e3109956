/**
 * Reference links and images on the HTML page resolve against the
 * definitions of the whole article, wherever the definition stands.
 */
import type {RootContent} from 'mdast'
import {describe, expect, it} from 'vitest'
import {resolveReferences} from '../../src/emit/resolve-references.js'
import {createPipeline} from '../../src/pipeline.js'

const pipeline = createPipeline({formats: ['html']})

async function page(text: string): Promise<string> {
  const file = await pipeline.process(Buffer.from(text, 'utf8'), 'articles/refs.md')
  return String(file.data.outputs?.['index.html'])
}

/** The page's paragraphs (`<p>…</p>`), in order. */
function paragraphs(html: string): string[] {
  return [...html.matchAll(/<p>(.*?)<\/p>/g)].map((match) => match[1]!)
}

const article = `---
title: 引用
---

> See [the docs][docs], [Kubernetes] and [nowhere][missing].

参见[文档][docs]、[Kubernetes] 和[无处][missing]。

> ![The logo][logo]

![标志][logo]

[docs]: https://example.com/docs "The docs"
[Kubernetes]: https://kubernetes.io
[kubernetes]: https://example.com/second-definition-of-the-same-id
[logo]: /images/logo.png
`

describe('reference links on the HTML page', () => {
  it('link to the definition at the end of the article, on both sides; a reference without one is shown as written', async () => {
    expect(paragraphs(await page(article))).toEqual([
      'See <a href="https://example.com/docs" title="The docs">the docs</a>, <a href="https://kubernetes.io">Kubernetes</a> and [nowhere][missing].',
      '参见<a href="https://example.com/docs" title="The docs">文档</a>、<a href="https://kubernetes.io">Kubernetes</a> 和[无处][missing]。',
      '<img src="/images/logo.png" alt="The logo">',
      '<img src="/images/logo.png" alt="标志">'
    ])
  })

  it('footnotes: each call links to its note, which keeps its text and its label, in both languages', async () => {
    const html = await page(`---
title: 脚注
---

> Kubernetes schedules Pods.[^sched] Nodes run them.[^2]

Kubernetes 调度 Pod。[^sched]节点运行它们。[^2]

[^sched]: The scheduler. 调度器。

[^2]: A kubelet. 即 kubelet。
`)
    expect(paragraphs(html)).toEqual([
      'Kubernetes schedules Pods.<sup><a href="#user-content-fn-1">sched</a></sup> Nodes run them.<sup><a href="#user-content-fn-2">2</a></sup>',
      'Kubernetes 调度 Pod。<sup><a href="#user-content-fn-1">sched</a></sup>节点运行它们。<sup><a href="#user-content-fn-2">2</a></sup>',
      '<sup>sched</sup> The scheduler. 调度器。',
      '<sup>2</sup> A kubelet. 即 kubelet。'
    ])
    expect([...html.matchAll(/<div id="([^"]+)">/g)].map((match) => match[1])).toEqual(['user-content-fn-1', 'user-content-fn-2'])
  })

  it('leave the blocks they read unchanged, and blocks without a reference the same objects', () => {
    const reference: RootContent = {type: 'paragraph', children: [{type: 'linkReference', identifier: 'a', label: 'A', referenceType: 'shortcut', children: [{type: 'text', value: 'A'}]}]}
    const plain: RootContent = {type: 'paragraph', children: [{type: 'text', value: 'plain'}]}
    const definition: RootContent = {type: 'definition', identifier: 'a', label: 'A', url: 'https://a.example', title: null}
    const before = structuredClone([reference, plain, definition])
    const [first, second] = resolveReferences([[reference, plain], [definition]])
    expect(first).toEqual([{type: 'paragraph', children: [{type: 'link', url: 'https://a.example', title: null, children: [{type: 'text', value: 'A'}]}]}, plain])
    expect(first![1]).toBe(plain)
    expect(second![0]).toBe(definition)
    expect([reference, plain, definition]).toEqual(before)
  })
})
