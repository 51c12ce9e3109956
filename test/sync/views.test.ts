/**
 * Stale pairs everywhere a person looks: `bitext lint` (rule
 * `outdated-translation`, all four formats, `--source`), the review report
 * and the bilingual HTML page.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {run} from '../../src/cli/run.js'
import {createPipeline} from '../../src/pipeline.js'
import {renderReviewHtml, reviewModel} from '../../src/review/index.js'
import {captureIo, projectRoot, tempDir} from '../helpers.js'

const fixtures = path.join(projectRoot, 'test/fixtures/sync')

/** A folder with the comment fixture after `sync --write` (markers in it) as `ns.md`. */
function marked(): string {
  const dir = tempDir('bitext-sync-views-')
  fs.copyFileSync(path.join(fixtures, 'comment/expected.md'), path.join(dir, 'ns.md'))
  fs.copyFileSync(path.join(fixtures, 'comment/en.md'), path.join(dir, 'en.md'))
  return dir
}

const outdated = 'Outdated translation `不必使用多个名字空间来分隔仅仅轻微不同的资源。`: its English changed, translate the new English and remove the `bitext: outdated` marker'
const removed = 'Removed from the English source: `Namespaces cannot be nested inside one …`, remove this pair and its `bitext: removed` marker'
const untranslated = 'Untranslated English `Each Kubernetes resource can only be in…` added from the source, translate it and remove the `bitext: untranslated` marker'

describe('bitext lint: outdated-translation', () => {
  it('reports the markers sync --write left, in every format', async () => {
    const dir = marked()
    const json = captureIo(dir)
    expect(await run(['lint', 'ns.md', '--rules', 'outdated-translation', '--no-cache', '--format', 'json'], json)).toBe(0)
    const messages = (JSON.parse(json.out()) as Array<{messages: Array<{ruleId: string; line: number; message: string}>}>)[0].messages
    expect(messages.map((message) => [message.ruleId, message.line, message.message])).toEqual([
      ['outdated-translation', 27, outdated],
      ['outdated-translation', 33, removed],
      ['outdated-translation', 36, untranslated]
    ])

    const github = captureIo(dir)
    await run(['lint', 'ns.md', '--rules', 'outdated-translation', '--no-cache', '--format', 'github'], github)
    expect(github.out().split('\n')[0]).toBe(`::warning file=ns.md,line=27,col=1,endLine=27,endColumn=24,title=bitext(outdated-translation)::${outdated}`)

    const sarif = captureIo(dir)
    await run(['lint', 'ns.md', '--rules', 'outdated-translation', '--no-cache', '--format', 'sarif'], sarif)
    const log = JSON.parse(sarif.out()) as {runs: Array<{results: Array<{ruleId: string; message: {text: string}}>; tool: {driver: {rules: Array<{id: string}>}}}>}
    expect(log.runs[0].results.map((result) => result.ruleId)).toEqual(['outdated-translation', 'outdated-translation', 'outdated-translation'])
    expect(log.runs[0].tool.driver.rules.map((rule) => rule.id)).toContain('outdated-translation')

    const stylish = captureIo(dir)
    await run(['lint', 'ns.md', '--rules', 'outdated-translation', '--no-cache'], stylish)
    expect(stylish.out()).toMatch(/^ns\.md\n27:1-27:24 +warning +Outdated translation/)
    expect(stylish.out()).toContain('3 warnings')
  })

  it('with --source, reports the changed pairs not marked yet, and never a cosmetic one', async () => {
    const io = captureIo(fixtures)
    expect(await run(['lint', 'comment/zh.md', '--source', 'comment/en.md', '--rules', 'outdated-translation', '--no-cache', '--format', 'json'], io)).toBe(0)
    const messages = (JSON.parse(io.out()) as Array<{messages: Array<{line: number; message: string; actual: string; expected: string[]}>}>)[0].messages
    expect(messages.map((message) => [message.line, message.message])).toEqual([
      [27, 'Outdated translation `不必使用多个名字空间来分隔仅仅轻微不同的资源。`: its English changed in the source, translate the new English (`bitext sync --write` marks it)']
    ])
    expect(messages[0].expected).toEqual(['It is not necessary to use multiple namespaces to separate resources that differ only slightly.'])

    const many = captureIo(fixtures)
    expect(await run(['lint', 'comment/zh.md', 'quote/zh.md', '--source', 'comment/en.md'], many)).toBe(2)
    expect(many.err()).toContain('--source compares one translation with its English source, but 2 articles were given; pass one file')
  })
})

describe('review report and HTML page', () => {
  it('the review report lists stale pairs first, with the English word diff', async () => {
    const dir = marked()
    const file = await createPipeline({emit: false}).process(fs.readFileSync(path.join(dir, 'ns.md')), 'ns.md')
    const model = reviewModel(file)
    const stale = model.messages.filter((message) => message.ruleId === 'outdated-translation')
    expect(stale[0].note).toBe('English diff: It is not necessary to use multiple namespaces to separate [-slightly different resources-]{+resources that differ only slightly+}.')
    const html = renderReviewHtml(file)
    const staleAt = html.indexOf('id="stale"')
    expect(staleAt).toBeGreaterThan(0)
    expect(staleAt).toBeLessThan(html.indexOf('id="u0"'))
    expect(html).toContain('<del>slightly different resources</del><ins>resources that differ only slightly</ins>')
    expect(html).toContain('Stale pairs (3): the English changed since the translation')
  })

  it('the bilingual page marks stale pairs and keeps the new English beside the old Chinese', async () => {
    const dir = marked()
    const file = await createPipeline({formats: ['html']}).process(fs.readFileSync(path.join(dir, 'ns.md')), 'ns.md')
    const page = file.data.outputs?.['index.html'] ?? ''
    const section = /<section class="unit pair paragraph stale-outdated">([^]*?)<\/section>/.exec(page)?.[1] ?? ''
    expect(section).toContain('resources that differ only slightly')
    expect(section).toContain('不必使用多个名字空间来分隔仅仅轻微不同的资源。')
    expect(page).toContain('class="unit pair paragraph stale-removed"')
    expect(page).toContain('class="unit source-only paragraph stale-new"')
    expect(page).toContain('.unit.stale-outdated::before { content: "译文待更新：英文原文已修改 · The English changed since this was translated"; }')
    // The Chinese-only view still shows the new English of a stale pair.
    expect(page).toContain('#view-zh:checked ~ main .unit.stale-outdated .en')
  })
})
