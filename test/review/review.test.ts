/**
 * The review report: the model, the HTML page, the JSON and the index, on a
 * small article and on the seed.
 */
import fs from 'node:fs'
import {describe, expect, it} from 'vitest'
import {processArticle} from '../../src/pipeline.js'
import {contentSecurityPolicy, reviewScript} from '../../src/review/assets.js'
import {renderReviewHtml, renderReviewIndex, renderReviewJson, reviewModel, worstFirst} from '../../src/review/index.js'
import {seedPath} from '../helpers.js'

const small = [
  '---',
  'title: Small <b>test</b>',
  '---',
  '',
  '> Check [this video](https://example.com/watch?v=abc123) about the the <script>alert(1)</script> cluster.',
  '',
  '请查看[该视频](https://example.com/watch?vabc123)，了解集群的的情况。',
  '',
  '> Kubernetes runs on 4 nodes.',
  '',
  'Kubernetes 运行在 4 个节点上。',
  ''
].join('\n')

async function process(text: string, path = 'small.md') {
  return processArticle(new TextEncoder().encode(text), path, {emit: false})
}

describe('reviewModel', () => {
  it('has one row per unit and puts each message in its row and side', async () => {
    const file = await process(small)
    const review = reviewModel(file)
    expect(review.rows.length).toBe(file.data.alignment?.units.length)
    expect(review.rows.map((row) => row.kind)).toEqual(['pair', 'pair'])
    const link = review.messages.find((message) => message.ruleId === 'link-mismatch')
    expect(link).toMatchObject({row: 0, side: 'zh', severity: 'warning', expected: ['https://example.com/watch?v=abc123']})
    const repeats = review.messages.filter((message) => message.ruleId === 'repeated-text').map((message) => [message.side, message.reason])
    expect(repeats).toEqual([
      ['en', 'Unexpected repeated word `the`, remove one'],
      ['zh', 'Unexpected repeated `的` in `的的`, remove one']
    ])
    expect(review.rows[0].messages.length).toBe(review.messages.filter((message) => message.row === 0).length)
    expect(review.counts.warning).toBe(review.messages.filter((message) => message.severity === 'warning').length)
    expect(review.title).toBe('Small <b>test</b>')
  })

  it('renders JSON with the same content as the model', async () => {
    const file = await process(small)
    expect(JSON.parse(renderReviewJson(file))).toEqual(JSON.parse(JSON.stringify(reviewModel(file))))
  })
})

describe('renderReviewHtml', () => {
  it('escapes article text, sanitizes content and loads nothing from the network', async () => {
    const html = renderReviewHtml(await process(small))
    expect(html).not.toContain('<script>alert(1)')
    expect(html).toContain('&#x3C;script>alert(')
    expect(html).toContain(')&#x3C;/script> cluster.')
    expect(html).not.toContain('<b>test</b>')
    expect(html).not.toMatch(/\b(?:src|href)="https?:/)
    const hash = /'(sha256-[^']+)'/.exec(contentSecurityPolicy(reviewScript))?.[1]
    expect(hash).toBeDefined()
    expect(html).toContain(`http-equiv="Content-Security-Policy"`)
    expect(html).toContain(String(hash))
    expect(html.match(/<script>/g)).toHaveLength(1)
    // One section per unit, one list item per message, one mark per located message at least.
    expect(html.match(/<section class="row kind-pair/g)).toHaveLength(2)
    const review = reviewModel(await process(small))
    expect(html.match(/<li class="msg /g)).toHaveLength(review.messages.length)
    for (const message of review.messages.filter((item) => item.row !== null)) {
      expect(html).toMatch(new RegExp(`data-m="[^"]*\\b${message.id}\\b`))
    }
  })
})

describe('renderReviewIndex', () => {
  it('lists articles worst first with counts per rule', async () => {
    const clean = await process('> Kubernetes runs on 4 nodes.\n\nKubernetes 运行在 4 个节点上。\n', 'clean.md')
    const bad = await process(small, 'bad.md')
    const order = worstFirst([reviewModel(clean), reviewModel(bad)]).map((review) => review.path)
    expect(order).toEqual(['bad.md', 'clean.md'])
    const html = renderReviewIndex([clean, bad])
    expect(html.indexOf('bad.html')).toBeLessThan(html.indexOf('clean.html'))
    expect(html).toContain('<td><a href="rules/link-mismatch.html">link-mismatch</a></td>')
  })
})

describe('the seed article', () => {
  it('shows its real problems in the right rows', async () => {
    const file = await processArticle(fs.readFileSync(seedPath), seedPath, {emit: false})
    const review = reviewModel(file)
    const byRule = (rule: string) => review.messages.filter((message) => message.ruleId === rule)
    const rowText = (index: number | null, side: 'en' | 'zh') => (index === null ? '' : review.rows[index][side]?.text ?? '')

    const untranslated = byRule('untranslated').filter((message) => message.side === 'zh')
    expect(untranslated.length).toBeGreaterThan(0)
    expect(untranslated.some((message) => rowText(message.row, 'zh').includes('The core concept behind this is that an ingress-controller'))).toBe(true)

    const mangled = byRule('link-mismatch').find((message) => message.actual === 'https://www.youtube.com/watch?v3lhf7T9Bp2E')
    expect(mangled?.expected).toEqual(['https://www.youtube.com/watch?v=3lhf7T9Bp2E'])
    expect(byRule('repeated-text').some((message) => message.actual === '到到')).toBe(true)
    expect(byRule('number-mismatch')).toEqual([])

    expect(review.rows.length).toBe(file.data.alignment?.units.length)
    expect(review.messages.length).toBe(file.messages.length)
    const placed = review.rows.reduce((total, row) => total + row.messages.length, 0)
    expect(placed + review.documentMessages.length).toBe(review.messages.length)
    expect(review.repairs.length).toBe(file.data.repairs?.length)
  })
})
