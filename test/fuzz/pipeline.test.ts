/**
 * Fuzzing the whole pipeline: decode + repair + parse + align + check + emit
 * over arbitrary bytes and arbitrary bilingual Markdown. `npm test` runs a
 * bounded number of cases; `npm run fuzz` sets BITEXT_FUZZ_RUNS=20000.
 * Replay a failure with BITEXT_FUZZ_SEED=<seed> (fast-check prints it).
 */
import fc from 'fast-check'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {decode} from '../../src/decode/index.js'
import {stringifyMarkdown} from '../../src/emit/markdown.js'
import {createParser} from '../../src/parse/index.js'
import {createPipeline, type Pipeline} from '../../src/pipeline.js'
import {repair, repairMojibake} from '../../src/repair/index.js'
import {articleBytes, cleanText, fuzzParameters, markdownArticle, mojibake, numRuns} from './arbitraries.js'

/** Room for long runs: the default 2 minutes, or about 50 ms a case. */
const timeout = Math.max(120_000, numRuns * 50)

/** What a processed file says, as comparable data. */
async function summary(pipeline: Pipeline, bytes: Uint8Array) {
  const file = await pipeline.process(bytes, 'articles/fuzz.md')
  return {
    failed: file.data.failed === true,
    outputs: file.data.outputs ?? {},
    messages: file.messages.map((message) => [message.ruleId, message.reason, message.line, message.column, message.fatal])
  }
}

describe('the pipeline never crashes', () => {
  const pipeline = createPipeline()

  it(
    'on arbitrary bytes: either outputs, or exactly one fatal message that is not an internal error',
    async () => {
      await fc.assert(
        fc.asyncProperty(articleBytes, async (bytes) => {
          const result = await summary(pipeline, bytes)
          const internal = result.messages.filter(([ruleId]) => ruleId === 'internal-error')
          expect(internal).toEqual([])
          if (result.failed) {
            expect(result.messages.filter(([, , , , fatal]) => fatal === true)).toHaveLength(1)
            expect(result.outputs).toEqual({})
          } else {
            expect(Object.keys(result.outputs).sort()).toEqual(['bilingual.md', 'index.en.md', 'index.html', 'index.zh.md'])
          }
        }),
        fuzzParameters
      )
    },
    timeout
  )

  it(
    'on arbitrary bilingual Markdown: the article is built',
    async () => {
      await fc.assert(
        fc.asyncProperty(markdownArticle, async (text) => {
          const result = await summary(pipeline, Buffer.from(text, 'utf8'))
          expect(result.messages.filter(([ruleId]) => ruleId === 'internal-error')).toEqual([])
          // Only the front matter and an empty body may stop a well-formed article.
          if (result.failed) {
            const fatal = result.messages.find(([, , , , isFatal]) => isFatal === true)
            expect(['front-matter', 'input-limit']).toContain(fatal?.[0])
          }
        }),
        fuzzParameters
      )
    },
    timeout
  )
})

describe('the build is deterministic', () => {
  it(
    'two pipelines give byte-identical outputs and identical messages',
    async () => {
      const first = createPipeline()
      const second = createPipeline()
      await fc.assert(
        fc.asyncProperty(articleBytes, async (bytes) => {
          const a = await summary(first, bytes)
          // Another article in between: nothing may leak from one article to the next.
          await second.process(Buffer.from('> Other.\n\n其他。\n'), 'articles/other.md')
          const b = await summary(second, bytes)
          expect(b).toEqual(a)
        }),
        fuzzParameters
      )
    },
    timeout
  )
})

describe('repair', () => {
  it(
    'of clean text is the identity (through decode, as a file on disk)',
    () => {
      fc.assert(
        // A leading BOM is removed by decode on purpose: not part of the text.
        fc.property(
          cleanText.filter((text) => !text.startsWith('\uFEFF')),
          (text) => {
            const file = new VFile({path: 'clean.md', value: Buffer.from(text, 'utf8')})
            decode(file)
            repair(file)
            expect(String(file.value)).toBe(text)
            expect(file.data.repairs).toEqual([])
            expect(file.data.damage).toBeNull()
          }
        ),
        fuzzParameters
      )
    },
    timeout
  )

  it(
    'is idempotent: repairing its own output changes nothing',
    () => {
      fc.assert(
        fc.property(fc.oneof(mojibake, cleanText, fc.string({unit: 'binary', maxLength: 300})), (text) => {
          const once = repairMojibake(text).text
          const twice = repairMojibake(once)
          expect(twice.text).toBe(once)
          expect(twice.repairs).toEqual([])
        }),
        fuzzParameters
      )
    },
    timeout
  )
})

describe('emitted Markdown', () => {
  const pipeline = createPipeline({formats: ['md']})
  const parser = createParser()

  it(
    'is a fixed point: parsing it and writing it again in one pass changes nothing',
    async () => {
      await fc.assert(
        fc.asyncProperty(markdownArticle, async (text) => {
          const file = await pipeline.process(Buffer.from(text, 'utf8'), 'articles/fuzz.md')
          for (const [name, output] of Object.entries(file.data.outputs ?? {})) {
            expect(stringifyMarkdown(parser.parse(output)), name).toBe(output)
          }
        }),
        fuzzParameters
      )
    },
    timeout
  )
})
