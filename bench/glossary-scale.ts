/**
 * Glossary matching cost against glossary size: the four glossary rules on
 * the same aligned corpus with 10 and with 10,000 terms, in the same run,
 * interleaved, and the ratio of the medians. Also the whole lint (decode,
 * repair, parse, align, glossary checks) per article with both sizes, and the
 * time to compile the 10,000-term glossary (paid once per run).
 *
 * Run: `npx tsx bench/glossary-scale.ts [--rounds N]` (prints JSON).
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import type {Root} from 'mdast'
import {glossaryRules} from '../src/check/glossary-rules.js'
import type {RuleContext} from '../src/check/rule.js'
import {buildGlossaryIndex} from '../src/glossary/build-index.js'
import {createGlossary, parseGlossary} from '../src/glossary/parse-glossary.js'
import type {Glossary} from '../src/glossary/types.js'
import {createPipeline} from '../src/pipeline.js'
import {generateCorpus} from './corpus.js'
import {syntheticGlossary} from './synthetic-glossary.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const {values} = parseArgs({options: {rounds: {type: 'string', default: '7'}, articles: {type: 'string', default: '40'}}})
const rounds = Number(values.rounds)
const project = parseGlossary(fs.readFileSync(path.join(root, 'glossary.yaml'), 'utf8'), 'glossary.yaml')
const ten = createGlossary(project.terms.slice(0, 10), 'ten.yaml')
const compileStart = performance.now()
const large = syntheticGlossary(project.terms.slice(0, 10), 10_000)
const compileMs = performance.now() - compileStart
const indexOnlyStart = performance.now()
buildGlossaryIndex(large.terms)
const indexOnlyMs = performance.now() - indexOnlyStart

const corpus = generateCorpus({
  count: Number(values.articles),
  glossaryDir: path.resolve(root, '../shared/corpus/cncf-glossary'),
  seedArticle: path.join(root, 'articles/kubernetes-intro-for-vmware-users.md')
})

// Decode, repair, parse and align once; keep what the rules look at.
const prepare = createPipeline({rules: [], emit: false})
const contexts: Array<Omit<RuleContext, 'glossary'>> = []
for (const article of corpus) {
  const file = await prepare.process(article.bytes, article.name)
  if (file.data.failed || !file.data.alignment || !file.data.tree) continue
  contexts.push({tree: file.data.tree as Root, text: String(file.value), alignment: file.data.alignment, repairs: [], damage: null})
}
const chars = contexts.reduce((sum, context) => sum + context.text.length, 0)

function checkAll(glossary: Glossary): number {
  let findings = 0
  for (const context of contexts) for (const rule of glossaryRules) findings += rule.check({...context, glossary}).length
  return findings
}

const median = (list: number[]): number => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]
const time = (run: () => unknown): number => {
  const start = performance.now()
  run()
  return performance.now() - start
}

// Warm up, then interleave so that both sizes see the same machine state.
checkAll(ten)
checkAll(large)
const small: number[] = []
const big: number[] = []
for (let round = 0; round < rounds; round++) {
  small.push(time(() => checkAll(ten)))
  big.push(time(() => checkAll(large)))
}
const findings = {ten: checkAll(ten), tenThousand: checkAll(large)}

// The whole lint of each article (repair dominates), fewer rounds.
const lintSmall: number[] = []
const lintLarge: number[] = []
const pipelines = {small: createPipeline({rules: glossaryRules, glossary: ten, emit: false}), large: createPipeline({rules: glossaryRules, glossary: large, emit: false})}
for (const pipeline of [pipelines.small, pipelines.large]) for (const article of corpus) await pipeline.process(article.bytes, article.name)
for (let round = 0; round < Math.max(2, Math.floor(rounds / 3)); round++) {
  for (const [list, pipeline] of [
    [lintSmall, pipelines.small],
    [lintLarge, pipelines.large]
  ] as const) {
    const start = performance.now()
    for (const article of corpus) await pipeline.process(article.bytes, article.name)
    list.push(performance.now() - start)
  }
}

const result = {
  articles: contexts.length,
  characters: chars,
  rounds,
  patterns: {ten: ten.index?.size, tenThousand: large.index?.size},
  compileTenThousandMs: Math.round(compileMs),
  indexTenThousandMs: Math.round(indexOnlyMs),
  findings,
  glossaryRules: {
    tenMs: +median(small).toFixed(1),
    tenThousandMs: +median(big).toFixed(1),
    perArticleTenMs: +(median(small) / contexts.length).toFixed(3),
    perArticleTenThousandMs: +(median(big) / contexts.length).toFixed(3),
    ratio: +(median(big) / median(small)).toFixed(3)
  },
  wholeLint: {
    tenMs: Math.round(median(lintSmall)),
    tenThousandMs: Math.round(median(lintLarge)),
    ratio: +(median(lintLarge) / median(lintSmall)).toFixed(3)
  }
}
process.stdout.write(JSON.stringify(result, null, 2) + '\n')
