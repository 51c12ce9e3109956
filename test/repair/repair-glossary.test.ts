import * as fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {channels} from '../../src/repair/channels/catalog.js'
import {repairCommand} from '../../src/cli/commands/repair.js'
import {repairMojibake} from '../../src/repair/reconstruct/repair-mojibake.js'
import {captureIo, seedPath, tempDir} from '../helpers.js'
import {lexicon} from './lexicon-shared.js'

const glossary = 'version: 1\nterms:\n  - en: cluster\n    zh: 集群\n    forbid: [群集]\n'

describe('bitext repair with a glossary', () => {
  // Lines 97–145 of the seed, repaired: three pairs that say 群集 (the
  // translator's word, which the glossary forbids), damaged as UTF-8 read as
  // Latin-1 without its C1 controls, where 集 keeps only its lead byte and
  // 群雄 ("rival warlords") is the lexicon's word.
  const seed = repairMojibake(fs.readFileSync(seedPath, 'utf8'), {lexicon}).text
  const clean = seed.split('\n').slice(96, 145).join('\n') + '\n'
  const damaged = channels.find((channel) => channel.id === 'utf-8>latin1/c1-stripped')!.damage(clean)

  it('takes the glossary’s terms, approved and forbidden, for words, in the repair and in the re-rank against the English', async () => {
    expect(clean.match(/群集/g)).toHaveLength(3)
    const dir = tempDir('bitext-repair-glossary-')
    fs.writeFileSync(path.join(dir, 'a.md'), damaged)
    const without = captureIo(dir)
    expect(await repairCommand.run(['a.md', '--no-decisions'], without)).toBe(0)
    expect(without.out().match(/群雄/g)).toHaveLength(3)
    fs.writeFileSync(path.join(dir, 'glossary.yaml'), glossary)
    const io = captureIo(dir)
    expect(await repairCommand.run(['a.md', '--no-decisions'], io)).toBe(0)
    expect(io.out().match(/群集/g)).toHaveLength(3)
    expect(io.out()).not.toContain('群雄')
  }, 60_000)

  it('refuses a glossary that is not there, as a usage error', async () => {
    const dir = tempDir('bitext-repair-glossary-')
    fs.writeFileSync(path.join(dir, 'a.md'), damaged)
    const io = captureIo(dir)
    await expect(repairCommand.run(['a.md', '--glossary', 'missing.yaml'], io)).rejects.toThrow(/Cannot find the glossary `missing.yaml`/)
  })
})
