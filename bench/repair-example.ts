/**
 * The project's example article (a bilingual post) damaged through one
 * channel and repaired by `bitext repair FILE --no-decisions`, as a user runs
 * it (decode, repair, the English re-rank): its Han characters right, wrong,
 * and the uncertain characters the command reports. The channels that keep
 * every character in place only (C1 stripped does); the others print nothing.
 *
 *   npx tsx bench/repair-example.ts [--channel PART-OF-ID]   # default: c1
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {channels} from '../src/repair/channels/catalog.js'
import {run} from '../src/cli/run.js'

const {values} = parseArgs({options: {channel: {type: 'string', default: 'c1'}}})
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const name = 'articles/rolling-updates-without-downtime.md'
const text = fs.readFileSync(path.join(root, name), 'utf8')
const han = /\p{Script=Han}/u
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bitext-repair-example-'))
try {
  for (const channel of channels.filter((each) => each.lossy && each.id.includes(values.channel))) {
    fs.writeFileSync(path.join(dir, 'post.md'), channel.damage(text))
    let out = ''
    let err = ''
    await run(['repair', 'post.md', '--no-decisions'], {stdout: {write: (chunk: string) => (out += chunk)}, stderr: {write: (chunk: string) => (err += chunk)}, fs, cwd: dir, env: {}})
    const truth = [...text]
    const got = [...out]
    if (got.length !== truth.length) {
      process.stdout.write(`${channel.id}: the repair changed the length (${truth.length} → ${got.length} characters)\n`)
      continue
    }
    let total = 0
    let right = 0
    truth.forEach((char, index) => {
      if (!han.test(char)) return
      total++
      if (got[index] === char) right++
    })
    const uncertain = Number(/, (\d+) uncertain/.exec(err)?.[1] ?? 0)
    process.stdout.write(`${channel.id}: ${name}, Han characters right ${right} of ${total} (${((100 * right) / total).toFixed(2)} %), wrong ${total - right}, uncertain characters reported ${uncertain}\n`)
  }
} finally {
  fs.rmSync(dir, {recursive: true, force: true})
}
