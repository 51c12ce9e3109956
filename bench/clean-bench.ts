/**
 * The benchmark on clean, unseen-style posts (issue 16): `bitext build`
 * against two baselines over the same files in the same run, bare remark
 * (parse with front matter, stringify) and `hexo generate` (marked renderer,
 * a minimal theme). Every run is a fresh process measured from inside (time,
 * CPU of all threads, peak RSS); figures are printed as ratios.
 */
import {availableParallelism} from 'node:os'
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {cleanCorpusMissing, generateCleanCorpus, type CleanKind} from './clean-corpus.js'
import {hexoMissing, writeHexoSite} from './hexo-site.js'

/** What a measured child process reports. */
export interface Run {
  ms: number
  cpuMs: number
  maxRssMb: number
}

/** Options of {@link runCleanBench}. */
export interface CleanBenchOptions {
  /** The project folder. */
  root: string
  /** The compiled code. */
  lib: string
  /**
   * Other compiled trees (such as main's, before a change) whose build steps
   * run in the same run, against the same baselines, alternating with `lib`'s
   * (default: none).
   */
  compare?: string[]
  /** A temporary folder for the posts, the outputs and the Hexo site. */
  work: string
  /** The `shared/corpus` folder. */
  corpusDir: string
  /** Number of posts. */
  count: number
  /** Progress lines. */
  log: (line: string) => void
}

/** The build steps of one compiled tree. */
export interface BuildSteps {
  build: {jobs1: Run; jobs2: Run; cold: Run; warm: Run; quiet: Run}
  oneArticle: Array<{kind: CleanKind; bytes: number; run: Run}>
  cache: {bytes: number; inputBytes: number}
  ratios: Record<string, number>
}

/** The results: measurements, ratios, and what was skipped and why. */
export interface CleanBenchResults extends Partial<BuildSteps> {
  skipped: string[]
  posts?: {count: number; megabytes: number; kinds: Record<CleanKind, number>}
  remark?: Run
  hexo?: Run
  /** The same steps for each tree of `compare`, by its folder. */
  compared?: Record<string, BuildSteps>
}

/**
 * Run one of the bench's child scripts (`bench/*-child.mjs`) in a fresh
 * process and read the JSON line it ends its output with.
 *
 * @param root The project's folder.
 * @param script The script's name in `bench/`.
 * @param args Its arguments.
 * @param stderr What to do with its standard error (default: ignore it).
 * @returns What its last line says.
 */
export function benchChild<T>(root: string, script: string, args: readonly string[], stderr: 'ignore' | 'inherit' = 'ignore'): T {
  const output = execFileSync(process.execPath, [path.join(root, 'bench', script), ...args], {encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', stderr]})
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as T
}

/**
 * Run the clean-post benchmark.
 *
 * @param options Folders, size and logging.
 * @returns The results (with the reasons of what could not run).
 */
export function runCleanBench(options: CleanBenchOptions): CleanBenchResults {
  const {root, lib, work, log} = options
  const missing = cleanCorpusMissing(options.corpusDir)
  if (missing) {
    log(`clean posts: skipped, ${missing} (the posts are made from ../shared/corpus)`)
    return {skipped: [`clean posts and both baselines: ${missing}`]}
  }
  const skipped: string[] = []
  const posts = generateCleanCorpus(options.corpusDir, options.count)
  const articles = path.join(work, 'clean', 'articles')
  fs.rmSync(path.join(work, 'clean'), {recursive: true, force: true})
  fs.mkdirSync(articles, {recursive: true})
  for (const post of posts) fs.writeFileSync(path.join(articles, post.name), post.bytes)
  const inputBytes = posts.reduce((sum, post) => sum + post.bytes.length, 0)
  const kinds = {k8s: 0, zh: 0, pair: 0}
  for (const post of posts) kinds[post.kind]++
  log(`clean posts: ${posts.length} (${(inputBytes / 1e6).toFixed(2)} MB: ${kinds.k8s} kubernetes/website pages, ${kinds.zh} Chinese glossary pages, ${kinds.pair} bilingual glossary posts)`)

  const child = (script: string, args: readonly string[]): Run => benchChild<Run>(root, script, args)
  const best = (runs: Run[]): Run => runs.reduce((a, b) => (b.ms < a.ms ? b : a))
  const paths = posts.map((post) => path.join(articles, post.name))
  const remark = best([child('remark-child.mjs', [JSON.stringify(paths)]), child('remark-child.mjs', [JSON.stringify(paths)])])
  log(`  bare remark: ${remark.ms.toFixed(0)} ms, CPU ${remark.cpuMs.toFixed(0)} ms, ${remark.maxRssMb.toFixed(0)} MiB`)

  let hexo: Run | undefined
  const noHexo = hexoMissing(root)
  if (noHexo) {
    skipped.push(`Hexo baseline: ${noHexo}`)
    log(`  hexo: skipped, ${noHexo}`)
  } else {
    const site = path.join(work, 'clean', 'hexo')
    writeHexoSite(site, root, posts)
    hexo = child('hexo-child.mjs', [site])
    log(`  hexo generate: ${hexo.ms.toFixed(0)} ms, CPU ${hexo.cpuMs.toFixed(0)} ms, ${hexo.maxRssMb.toFixed(0)} MiB`)
  }

  // Each tree's steps, one after the other, in the same run.
  const steps = new Map<string, BuildSteps>()
  for (const tree of [...(options.compare ?? []), lib]) {
    if (tree !== lib) log(`  compared: ${tree}`)
    steps.set(tree, buildSteps(tree))
  }
  const own = steps.get(lib)!
  const compared = Object.fromEntries([...steps].filter(([tree]) => tree !== lib))

  function buildSteps(lib: string): BuildSteps {
    const out = path.join(work, 'clean', 'dist')
    const cacheDir = path.join(work, 'clean', 'cache')
    const build = (folder: string, extra: readonly string[]) => child('cli-child.mjs', [lib, 'build', '--articles', folder, '--out', out, ...extra])
    const jobs1 = build(articles, ['--jobs', '1', '--no-cache'])
    log(`  build --jobs 1 --no-cache: ${jobs1.ms.toFixed(0)} ms, CPU ${jobs1.cpuMs.toFixed(0)} ms, ${jobs1.maxRssMb.toFixed(0)} MiB`)
    const quiet = build(articles, ['--jobs', '1', '--no-cache', '--quiet'])
    const jobs2 = build(articles, ['--jobs', '2', '--no-cache'])
    log(`  build --jobs 2 --no-cache: ${jobs2.ms.toFixed(0)} ms, CPU ${jobs2.cpuMs.toFixed(0)} ms, ${jobs2.maxRssMb.toFixed(0)} MiB`)
    fs.rmSync(cacheDir, {recursive: true, force: true})
    const cold = build(articles, ['--cache-dir', cacheDir])
    const warm = build(articles, ['--cache-dir', cacheDir])
    log(`  build with a cache (default --jobs): cold ${cold.ms.toFixed(0)} ms, warm ${warm.ms.toFixed(0)} ms`)
    const cacheBytes = fs
      .readdirSync(cacheDir, {recursive: true, encoding: 'utf8'})
      .map((name) => path.join(cacheDir, name))
      .filter((file) => fs.statSync(file).isFile())
      .reduce((sum, file) => sum + fs.statSync(file).size, 0)

    // One article, in a folder of its own: the first post of each kind, the faster of two runs.
    const oneArticle = (['k8s', 'zh', 'pair'] as const).flatMap((kind) => {
      const post = posts.find((candidate) => candidate.kind === kind)
      if (!post) return []
      const folder = path.join(work, 'clean', `one-${kind}`)
      fs.mkdirSync(folder, {recursive: true})
      fs.writeFileSync(path.join(folder, post.name), post.bytes)
      const run = best([build(folder, ['--no-cache']), build(folder, ['--no-cache'])])
      log(`  one article (${kind}, ${(post.bytes.length / 1000).toFixed(0)} kB): ${run.ms.toFixed(0)} ms, CPU ${run.cpuMs.toFixed(0)} ms, ${run.maxRssMb.toFixed(0)} MiB`)
      return [{kind, bytes: post.bytes.length, run}]
    })

    const ratios: Record<string, number> = {
      'build --jobs 1 / bare remark, time': jobs1.ms / remark.ms,
      'build --jobs 1 / bare remark, CPU': jobs1.cpuMs / remark.cpuMs,
      'build --jobs 1 --quiet / bare remark, time': quiet.ms / remark.ms,
      'build --jobs 2 / build --jobs 1, time': jobs2.ms / jobs1.ms,
      'build --jobs 2 / build --jobs 1, peak RSS': jobs2.maxRssMb / jobs1.maxRssMb,
      'warm rebuild / cold build, time': warm.ms / cold.ms,
      'cache / input, bytes': cacheBytes / inputBytes
    }
    if (hexo) {
      ratios['hexo / bare remark, time'] = hexo.ms / remark.ms
      ratios['build --jobs 1 / hexo, time'] = jobs1.ms / hexo.ms
    }
    return {build: {jobs1, jobs2, cold, warm, quiet}, oneArticle, cache: {bytes: cacheBytes, inputBytes}, ratios}
  }

  return {
    skipped,
    posts: {count: posts.length, megabytes: inputBytes / 1e6, kinds},
    remark,
    ...(hexo ? {hexo} : {}),
    ...own,
    ...(Object.keys(compared).length > 0 ? {compared} : {})
  }
}

/**
 * The clean-post results as table rows: measure, value, target. The steps of
 * compared trees come first, each under its folder, then this tree's.
 *
 * @param results The results.
 * @returns Rows.
 */
export function cleanBenchRows(results: CleanBenchResults): Array<[string, string, string]> {
  const rows: Array<[string, string, string]> = results.skipped.map((reason) => ['skipped', reason, ''])
  const {remark} = results
  if (!remark || !results.build || !results.ratios || !results.oneArticle || !results.cache) return rows
  const mib = (run: Run) => `${run.maxRssMb.toFixed(0)} MiB`
  rows.push(
    [`clean posts (${results.posts?.count ?? 0}, ${(results.posts?.megabytes ?? 0).toFixed(2)} MB)`, '', ''],
    ['  bare remark', `${remark.ms.toFixed(0)} ms, CPU ${remark.cpuMs.toFixed(0)} ms, ${mib(remark)}`, ''],
    ...(results.hexo ? [['  hexo generate', `${results.hexo.ms.toFixed(0)} ms ×${(results.hexo.ms / remark.ms).toFixed(2)} remark, ${mib(results.hexo)}`, ''] as [string, string, string]] : [])
  )
  const own: BuildSteps = {build: results.build, ratios: results.ratios, oneArticle: results.oneArticle, cache: results.cache}
  for (const [tree, steps] of [...Object.entries(results.compared ?? {}), ['this tree', own] as const]) {
    if (results.compared) rows.push([`  ${tree}:`, '', ''])
    rows.push(...stepRows(steps, remark, results.hexo !== undefined))
  }
  return rows
}

function stepRows({build, ratios, oneArticle}: BuildSteps, remark: Run, hexo: boolean): Array<[string, string, string]> {
  const ratio = (name: string) => `×${(ratios[name] ?? Number.NaN).toFixed(2)}`
  const mib = (run: Run) => `${run.maxRssMb.toFixed(0)} MiB`
  return [
    ['  build --jobs 1 --no-cache', `${(build.jobs1.ms / 1000).toFixed(2)} s, ${ratio('build --jobs 1 / bare remark, time')} remark`, '≤ ×2.0'],
    ['    same, CPU time', `${(build.jobs1.cpuMs / 1000).toFixed(2)} s, ${ratio('build --jobs 1 / bare remark, CPU')} remark`, ''],
    ['    same, --quiet', `${ratio('build --jobs 1 --quiet / bare remark, time')} remark`, ''],
    ...(hexo ? [['    against hexo', ratio('build --jobs 1 / hexo, time'), ''] as [string, string, string]] : []),
    ['  peak RSS --jobs 1', `${mib(build.jobs1)} (${(build.jobs1.maxRssMb / remark.maxRssMb).toFixed(1)}× remark)`, '≤ 300 MiB for 300 posts'],
    // The speed-up of a second worker; the target (default not slower than --jobs 1) holds by
    // construction here: the default is a worker per core but one (src/cli/batch-options.ts).
    ['  --jobs 2 / --jobs 1, time', `${ratio('build --jobs 2 / build --jobs 1, time')} (CPU ×${(build.jobs2.cpuMs / build.jobs1.cpuMs).toFixed(2)})`, `default: ${Math.max(1, availableParallelism() - 1)} worker(s)`],
    ['  added worker, RSS', `${(build.jobs2.maxRssMb - build.jobs1.maxRssMb).toFixed(0)} MiB`, '≤ 120 MiB'],
    ['  warm rebuild / cold', `${((ratios['warm rebuild / cold build, time'] ?? 0) * 100).toFixed(1)} %`, '≤ 10 %'],
    ['  cache / input', ratio('cache / input, bytes'), '≤ ×3'],
    ...oneArticle.map((one): [string, string, string] => [`  one article (${one.kind})`, `${(one.run.ms / 1000).toFixed(2)} s, CPU ${(one.run.cpuMs / 1000).toFixed(2)} s`, '≤ 0.6 s'])
  ]
}
