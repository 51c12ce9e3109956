/**
 * The `bitext` executable that package.json's `bin` names is compiled with
 * its run bit, so `npx bitext` (and a direct `lib/cli/bin.js`) works inside
 * the repository. `npm ci` compiles it (the `prepare` script).
 */
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {projectRoot} from '../helpers.js'

const manifest = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {bin: Record<string, string>; scripts: Record<string, string>}
const bin = path.join(projectRoot, manifest.bin['bitext'] ?? '')
const windows = process.platform === 'win32'

describe('the bitext executable', () => {
  it('is compiled by npm ci (prepare runs compile)', () => {
    expect(manifest.scripts['prepare']).toBe('npm run -s compile')
    expect(fs.existsSync(bin)).toBe(true)
  })

  it.skipIf(windows)(`has its run bit and runs without \`node\` in front${windows ? ' (skipped: Windows has no run bit)' : ''}`, () => {
    expect(fs.statSync(bin).mode & 0o111).toBe(0o111)
    expect(execFileSync(bin, ['--version'], {encoding: 'utf8'})).toBe('0.1.0\n')
  })
})
