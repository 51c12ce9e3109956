/**
 * Inputs the fuzzer found, kept as plain examples: each one broke an output.
 */
import {describe, expect, it} from 'vitest'
import {toMarkdown} from '../../src/emit/markdown.js'
import {createParser} from '../../src/parse/index.js'
import {processArticle} from '../../src/pipeline.js'

async function outputs(text: string): Promise<Record<string, string>> {
  const file = await processArticle(Buffer.from(text, 'utf8'), 'articles/example.md', {formats: ['md']})
  expect(file.data.failed).toBeUndefined()
  return file.data.outputs ?? {}
}

function expectFixedPoints(files: Record<string, string>): void {
  const parser = createParser()
  for (const [name, text] of Object.entries(files)) expect(toMarkdown(parser.parse(text)), name).toBe(text)
}

describe('fuzz regressions', () => {
  it('keeps an English footnote definition that the Chinese text refers to', async () => {
    const files = await outputs('---\ntitle: Kubernetes\n---\n\n- [^1] 集群\n- 集群\n\n[^1]: footnote\n')
    expect(files['index.zh.md']).toBe('---\ntitle: Kubernetes\n---\n\n- [^1] 集群\n- 集群\n\n[^1]: footnote\n')
    expectFixedPoints(files)
  })

  it('keeps a link definition inside the English quote that the Chinese text uses', async () => {
    const files = await outputs('> The [docs][k8s] explain pods.\n>\n> [k8s]: https://kubernetes.io/docs/\n\n[文档][k8s]解释了 Pod。\n')
    expect(files['index.zh.md']).toBe('[文档][k8s]解释了 Pod。\n\n[k8s]: https://kubernetes.io/docs/\n')
    expect(files['index.en.md']).toBe('The [docs][k8s] explain pods.\n\n[k8s]: https://kubernetes.io/docs/\n')
    expectFixedPoints(files)
  })

  it('writes a thematic break that opens the document as *** so it is not read as front matter', async () => {
    const files = await outputs('***\n\nKubernetes\n')
    expect(files['bilingual.md']).toBe('***\n\n> Kubernetes\n')
    expectFixedPoints(files)
  })
})
