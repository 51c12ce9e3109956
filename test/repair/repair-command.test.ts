import * as fs from 'node:fs'
import iconv from 'iconv-lite'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {repairCommand} from '../../src/cli/commands/repair.js'
import {UsageError} from '../../src/cli/command.js'
import {readBlock} from '../../src/decisions/index.js'
import {captureIo, projectRoot, seedPath, tempDir} from '../helpers.js'

const mojibake = 'title: ã€ç¿»è¯‘ã€‘ç»™ VMware ç”¨æˆ·çš„ Kubernetes ç®€ä»‹\n\næ‰€ä»¥æˆ‘ä»¬å°†ä»Žä¸åˆ†é… Podã€‚\n'
const repaired = 'title: 【翻译】给 VMware 用户的 Kubernetes 简介\n\n所以我们将从中分配 Pod。\n'

/** The `中` of 从中 is rebuilt from a lost byte (`ä¸` is 不, 中 or 与): an open decision in the output's block. */
function expectTitleOutput(output: string): void {
  const block = readBlock(output)
  expect(output.slice(0, block.start)).toBe(repaired)
  expect(block.problems).toEqual([])
  expect(block.entries.map(({decision}) => [decision.line, decision.column, decision.left, decision.choice, decision.right])).toEqual([[3, 7, '所以我们将从', '中', '分配 Pod。']])
  expect(block.entries[0].decision.others.length).toBeGreaterThan(0)
}

function setup(files: Record<string, string | Uint8Array>): string {
  const dir = tempDir('bitext-repair-')
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content)
  return dir
}

describe('bitext repair', () => {
  it('prints the repaired text of one file', async () => {
    const dir = setup({'a.md': mojibake})
    const io = captureIo(dir)
    expect(await repairCommand.run(['a.md'], io)).toBe(0)
    expectTitleOutput(io.out())
    // `ä»Ž` (从) shows byte 0x8E, so it was not windows-1254, which leaves 0x8E undefined.
    expect(io.err()).toMatch(/^a\.md: UTF-8 read as windows-1252, lost bytes 0x81 0x8D 0x8F 0x90 0x9D 0xAD: \d+ repairs, 1 uncertain; 1 open decision\n$/)
  })

  it('leaves the decision block out with --no-decisions', async () => {
    const dir = setup({'a.md': mojibake})
    const io = captureIo(dir)
    expect(await repairCommand.run(['a.md', '--no-decisions'], io)).toBe(0)
    expect(io.out()).toBe(repaired)
  })

  it('reads standard input for `-`', async () => {
    const io = {...captureIo(tempDir()), stdin: async () => Buffer.from(mojibake)}
    expect(await repairCommand.run(['-'], io)).toBe(0)
    expectTitleOutput(io.out())
  })

  it('prints the report with --json', async () => {
    const dir = setup({'a.md': 'CafÃ© â€œbonjourâ€\u009d\n'})
    const io = captureIo(dir)
    expect(await repairCommand.run(['a.md', '--json'], io)).toBe(0)
    expect(JSON.parse(io.out())).toEqual({
      encoding: 'utf-8',
      confidence: 1,
      damage: {summary: 'UTF-8 read as windows-1252', from: 'utf-8', via: 'windows-1252', lostBytes: [], layers: 1},
      repairs: [
        {line: 1, column: 4, before: 'Ã©', after: 'é', confidence: 0.95, alternatives: []},
        {line: 1, column: 7, before: 'â€œ', after: '“', confidence: 0.99, alternatives: []},
        {line: 1, column: 17, before: 'â€\u009d', after: '”', confidence: 0.99, alternatives: []}
      ],
      decisions: [],
      text: 'Café “bonjour”\n'
    })
  })

  it('writes many files to --out-dir under their own names', async () => {
    const dir = setup({'a.md': mojibake, 'b.md': '干净的中文。\n'})
    const io = captureIo(dir)
    expect(await repairCommand.run(['a.md', 'b.md', '--out-dir', 'out'], io)).toBe(0)
    expectTitleOutput(fs.readFileSync(path.join(dir, 'out', 'a.md'), 'utf8'))
    expect(fs.readFileSync(path.join(dir, 'out', 'b.md'), 'utf8')).toBe('干净的中文。\n')
    expect(io.out()).toBe('')
  })

  it('replaces files with --write, keeping FILE.orig, and leaves clean files alone', async () => {
    const dir = setup({'a.md': mojibake, 'b.md': '干净的中文。\n'})
    const before = fs.statSync(path.join(dir, 'b.md')).mtimeMs
    const io = captureIo(dir)
    expect(await repairCommand.run(['a.md', 'b.md', '--write'], io)).toBe(0)
    expectTitleOutput(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'))
    expect(fs.readFileSync(path.join(dir, 'a.md.orig'), 'utf8')).toBe(mojibake)
    expect(fs.existsSync(path.join(dir, 'b.md.orig'))).toBe(false)
    expect(fs.statSync(path.join(dir, 'b.md')).mtimeMs).toBe(before)
    expect(fs.readdirSync(dir).sort()).toEqual(['a.md', 'a.md.orig', 'b.md'])
  })

  it('converts a legacy encoding with --write --no-backup', async () => {
    const gb = fs.readFileSync(path.join(projectRoot, 'test', 'fixtures', 'decode', 'gb18030.md'))
    const dir = setup({'g.md': gb})
    expect(await repairCommand.run(['g.md', '--write', '--no-backup'], captureIo(dir))).toBe(0)
    expect(fs.readFileSync(path.join(dir, 'g.md'), 'utf8')).toBe('你好，世界。这是一个测试：Kubernetes 集群与容器编排。\n第二行文字。\n')
    expect(fs.existsSync(path.join(dir, 'g.md.orig'))).toBe(false)
  })

  it('exits 1 when a file cannot be read or decoded, and goes on with the others', async () => {
    const dir = setup({'bin.md': Buffer.from([0x23, 0x0a, 0x00, 0x01, 0x02]), 'a.md': mojibake})
    const io = captureIo(dir)
    expect(await repairCommand.run(['missing.md', 'bin.md', 'a.md', '--out-dir', 'out'], io)).toBe(1)
    expect(io.err()).toContain('missing.md: cannot read: ')
    expect(io.err()).toContain('bin.md: Unexpected NUL byte at line 2: this is not a text file')
    expectTitleOutput(fs.readFileSync(path.join(dir, 'out', 'a.md'), 'utf8'))
  })

  it('says where mojibake it cannot rebuild starts, leaves the file as it is and exits 1; reads a lossless codec outside ftfy\'s list back', async () => {
    const article = fs.readFileSync(path.join(projectRoot, 'articles', 'rolling-updates-without-downtime.md'), 'utf8')
    const big5 = iconv.decode(Buffer.from(article, 'utf8'), 'big5')
    const arabic = iconv.decode(Buffer.from(article, 'utf8'), 'windows-1256')
    const dir = setup({'big5.md': big5, 'arabic.md': arabic})
    const io = captureIo(dir)
    expect(await repairCommand.run(['--write', 'big5.md', 'arabic.md'], io)).toBe(1)
    expect(io.err()).toMatch(/^big5\.md:2:8: Unrepairable mojibake: this is UTF-8 read as Big5 \(\d+ `\uFFFD` or `\?` where bytes were lost, \d+ runs that read back as Chinese\); bitext cannot rebuild the lost bytes and left the text as it is: restore the article from its original UTF-8 file\narabic\.md: UTF-8 read as windows-1256: \d+ repairs, 0 uncertain\n$/)
    expect(fs.readFileSync(path.join(dir, 'big5.md'), 'utf8')).toBe(big5)
    expect(fs.existsSync(path.join(dir, 'big5.md.orig'))).toBe(false)
    expect(fs.readFileSync(path.join(dir, 'arabic.md'), 'utf8')).toBe(article)
    const json = captureIo(dir)
    fs.writeFileSync(path.join(dir, 'big5.md'), big5)
    expect(await repairCommand.run(['--json', 'big5.md'], json)).toBe(1)
    const report = JSON.parse(json.out()) as {damage: unknown; unrepaired: string; repairs: unknown[]}
    expect(report.damage).toBeNull()
    expect(report.repairs).toEqual([])
    expect(report.unrepaired).toMatch(/^Unrepairable mojibake: this is UTF-8 read as Big5 /)
  })

  it('refuses bad usage', async () => {
    const io = captureIo(tempDir())
    await expect(repairCommand.run([], io)).rejects.toThrow(UsageError)
    await expect(repairCommand.run(['a.md', 'b.md'], io)).rejects.toThrow('Expected one FILE to print, got 2; use `--out-dir DIR` or `--write` for several')
    await expect(repairCommand.run(['-', '--write'], io)).rejects.toThrow(UsageError)
    await expect(repairCommand.run(['a.md', '--write', '--out-dir', 'x'], io)).rejects.toThrow(UsageError)
  })

  it('repairs the seed article', async () => {
    const io = captureIo(path.dirname(seedPath))
    expect(await repairCommand.run([path.basename(seedPath)], io)).toBe(0)
    expect(io.out()).not.toContain('\uFFFD')
    expect(io.out().split('\n')[1]).toBe('title: 【翻译】给 VMware vSphere 用户的 Kubernetes 简介')
    // Twins (the three `号影` of line 203) are one decision, as lint and review count them.
    const [, uncertain, decisions, open] = /: \d+ repairs, (\d+) uncertain; (\d+) open decisions \((\d+) characters\)\n$/.exec(io.err()) ?? []
    expect(io.err()).toMatch(/^kubernetes-intro-for-vmware-users\.md: UTF-8 read as windows-1254, lost bytes 0x81 0x8D 0x8E 0x8F 0x90 0x9D 0x9E 0xAD: \d+ repairs, \d+ uncertain; \d+ open decisions \(\d+ characters\)\n$/)
    expect(open).toBe(uncertain)
    expect(Number(decisions)).toBe(Number(open) - 2)
    expect(readBlock(io.out()).entries.length).toBe(Number(open))
  })
})
