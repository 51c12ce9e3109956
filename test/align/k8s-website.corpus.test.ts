/**
 * The comment convention on the Kubernetes website's zh-cn pages, against a
 * gold standard (test/align/gold/k8s-website.json, see docs/align.md): for
 * each comment holding English (by the line of its `<!--`), the Chinese
 * chunks (runs of non-blank lines holding Chinese, by their first line) that
 * render it. A predicted link joins a comment and a chunk when a pair unit has
 * an English block from the comment and a Chinese block in the chunk.
 *
 * The aligner was developed on the first seven pages; the last five were
 * not looked at while tuning and give the reported numbers.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {toString} from 'mdast-util-to-string'
import {visit} from 'unist-util-visit'
import {alignBlocks} from '../../src/align/index.js'
import {createParser} from '../../src/parse/index.js'
import {sharedPath} from '../helpers.js'
import {parse} from './helpers.js'

/** A paragraph that is one shortcode, as written for Hugo or wrapped in `{% raw %}` for Hexo. */
const shortcodeOnly = /^\s*(?:\{%\s*raw\s*%\})?\{\{[%<][^]*[%>]\}\}(?:\{%\s*endraw\s*%\})?\s*$/

interface PageGold {
  comments: Array<{comment: number; zh: number[]}>
  chunks: Array<[number, number]>
}

const gold = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'gold', 'k8s-website.json'), 'utf8')) as Record<string, PageGold>

const development = ['api-server-bypass-risks', 'configmap', 'install-kubectl-linux', 'memory-manager', 'namespaces', 'pod-security-standards', 'quality-service-pod']
const heldOut = ['container-environment', 'cron-jobs', 'limit-range', 'proxies', 'taint-and-toleration']

interface Score {
  expected: number
  predicted: number
  correct: number
}

function score(page: string): Score {
  const source = fs.readFileSync(sharedPath('corpus', 'k8s-website', page, 'zh-cn.md'), 'utf8')
  const alignment = alignBlocks(parse(source), {source})
  const {comments, chunks} = gold[page]
  const chunkOf = (line: number): number | undefined => chunks.find(([start, end]) => start <= line && line <= end)?.[0]
  const ranges = (alignment.comments ?? []).map((comment) => [comment.node.position!.start.line, comment.node.position!.end.line])
  const commentOf = (line: number): number | undefined => ranges.find(([start, end]) => start <= line && line <= end)?.[0]
  const predicted = new Set<string>()
  for (const unit of alignment.units) {
    if (unit.kind !== 'pair') continue
    for (const en of unit.enBlocks ?? []) {
      for (const zh of unit.zhBlocks ?? []) {
        const comment = commentOf(en.line)
        const chunk = chunkOf(zh.line)
        if (comment !== undefined && chunk !== undefined) predicted.add(`${comment}:${chunk}`)
      }
    }
  }
  const expected = new Set(comments.flatMap((item) => item.zh.map((chunk) => `${item.comment}:${chunk}`)))
  let correct = 0
  for (const link of predicted) if (expected.has(link)) correct++
  return {expected: expected.size, predicted: predicted.size, correct}
}

function total(pages: readonly string[]): Score & {recall: number; precision: number} {
  const sum = {expected: 0, predicted: 0, correct: 0}
  for (const page of pages) {
    const one = score(page)
    sum.expected += one.expected
    sum.predicted += one.predicted
    sum.correct += one.correct
  }
  return {...sum, recall: sum.correct / sum.expected, precision: sum.correct / sum.predicted}
}

describe('the comment convention on kubernetes/website zh-cn pages', () => {
  it('covers all twelve pages in the gold standard, split into development and held-out pages', () => {
    expect(Object.keys(gold).sort()).toEqual([...development, ...heldOut].sort())
  })

  it('pairs comments with their Chinese on the held-out pages (recall and precision ≥ 0.98)', () => {
    const result = total(heldOut)
    console.log(`held-out pages: recall ${result.recall.toFixed(4)}, precision ${result.precision.toFixed(4)} (${result.correct} of ${result.expected} links, ${result.predicted} predicted)`)
    expect(result.recall).toBeGreaterThanOrEqual(0.98)
    expect(result.precision).toBeGreaterThanOrEqual(0.98)
  })

  it('keeps the development pages where they were (HTML tables of pod-security-standards aside)', () => {
    const result = total(development)
    console.log(`development pages: recall ${result.recall.toFixed(4)}, precision ${result.precision.toFixed(4)} (${result.correct} of ${result.expected} links, ${result.predicted} predicted)`)
    // pod-security-standards keeps 19 English comments inside HTML table cells: one `html` block, not aligned as units.
    expect(result.recall).toBeGreaterThanOrEqual(0.94)
    expect(result.precision).toBeGreaterThanOrEqual(0.99)
  })

  it('writes Chinese pages without English comments and English pages without Chinese prose', async () => {
    const {processArticle} = await import('../../src/pipeline.js')
    for (const page of [...development, ...heldOut]) {
      const file = await processArticle(fs.readFileSync(sharedPath('corpus', 'k8s-website', page, 'zh-cn.md')), `${page}.md`)
      const outputs = file.data.outputs!
      const comments = outputs['index.zh.md'].match(/<!--[^]*?-->/g) ?? []
      const english = comments.filter((comment) => /[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(comment) && !/\p{Script=Han}/u.test(comment) && !/^<!--\s*#/.test(comment))
      expect({page, english}).toEqual({page, english: []})
      // Chinese may stay in the English page only where both languages share it: code, HTML, shortcode parameters.
      const tree = createParser().parse(outputs['index.en.md'])
      const han: string[] = []
      visit(tree, 'text', (node, _index, parent) => {
        if (/\p{Script=Han}/u.test(node.value) && !(parent?.type === 'paragraph' && shortcodeOnly.test(toString(parent)))) han.push(node.value)
      })
      expect({page, han}).toEqual({page, han: []})
    }
  })
})
