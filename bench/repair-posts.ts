/**
 * Repair end to end on bilingual blog posts, as a user runs it: posts in
 * the blog's format (English quoted before each Chinese block) made of two
 * held-out CNCF glossary pages each, the held-out Kubernetes website pages
 * (English in comments) and the project's example article, damaged through
 * every channel of the damage matrix, written to a file and repaired by
 * `bitext repair FILE --no-decisions` (decode, repair, the English re-rank);
 * characters right against the clean post (`score` of the matrix), wrong
 * characters, posts not restored exactly, and the uncertain characters the
 * command reports; and the throughput of the whole command in CPU time
 * (damaged bytes per second, in this process, warm: one untimed run first).
 * Only held-out pages by default: nothing there was tuned on. `--set tuning`
 * runs the posts of the tuning pages instead (no example article), to tune on.
 *
 *   npx tsx bench/repair-posts.ts [--channel ID] [--set held-out|tuning]
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {channels} from '../src/repair/channels/catalog.js'
import {run} from '../src/cli/run.js'
import {heldOutPosts, tuningPosts} from './held-out-posts.js'
import {percent, score} from './repair-matrix.js'

const {values} = parseArgs({options: {channel: {type: 'string', default: ''}, set: {type: 'string', default: 'held-out'}}})
if (values.set !== 'held-out' && values.set !== 'tuning') throw new Error(`Unexpected set \`${values.set}\`, expected \`held-out\` or \`tuning\``)
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const shared = path.resolve(root, process.env['BITEXT_SHARED'] ?? path.join('..', 'shared'))
const tuning = values.set === 'tuning'
const {posts, pairedPages} = tuning ? tuningPosts(shared) : heldOutPosts(shared, root)

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bitext-repair-posts-'))
process.stdout.write(tuning ? `${posts.length} posts (${pairedPages} tuning CNCF pages in pairs, tuning Kubernetes pages)\n` : `${posts.length} posts (${pairedPages} held-out CNCF pages in pairs, held-out Kubernetes pages, the example article)\n`)
process.stdout.write('| channel | characters right | wrong | posts not exact | uncertain characters reported | MB/s end to end (CPU) |\n| --- | --- | --- | --- | --- | --- |\n')
const repairPost = async (text: string): Promise<{out: string; err: string; cpuMs: number}> => {
  fs.writeFileSync(path.join(dir, 'post.md'), text)
  let out = ''
  let err = ''
  const started = process.cpuUsage()
  await run(['repair', 'post.md', '--no-decisions'], {stdout: {write: (chunk: string) => (out += chunk)}, stderr: {write: (chunk: string) => (err += chunk)}, fs, cwd: dir, env: {}})
  const used = process.cpuUsage(started)
  return {out, err, cpuMs: (used.user + used.system) / 1000}
}
try {
  // Once untimed, so that the dictionaries and models every channel uses are loaded.
  for (const channel of channels.filter((each) => each.lossy).slice(0, 2)) await repairPost(channel.damage(posts[0]!.text))
  for (const channel of channels.filter((each) => each.id.includes(values.channel))) {
    let right = 0
    let total = 0
    let inexact = 0
    let uncertain = 0
    let bytes = 0
    let cpuMs = 0
    for (const post of posts) {
      const damaged = channel.damage(post.text)
      const {out, err, cpuMs: used} = await repairPost(damaged)
      bytes += Buffer.byteLength(damaged)
      cpuMs += used
      const result = score(post.text, out)
      right += result.right
      total += result.total
      if (out !== post.text) inexact++
      uncertain += Number(/, (\d+) uncertain/.exec(err)?.[1] ?? 0)
    }
    process.stdout.write(`| \`${channel.id}\` | ${percent({right, total})} | ${total - right} | ${inexact} of ${posts.length} | ${uncertain} | ${(bytes / 1e6 / (cpuMs / 1000)).toFixed(2)} |\n`)
  }
} finally {
  fs.rmSync(dir, {recursive: true, force: true})
}
