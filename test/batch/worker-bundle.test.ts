import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {bundleIsCurrent} from '../../src/batch/worker-pool.js'
import {tempDir} from '../helpers.js'

describe('bundleIsCurrent', () => {
  it('takes the bundle only when no compiled module is newer', () => {
    const lib = tempDir('bitext-bundle-')
    fs.mkdirSync(path.join(lib, 'batch'))
    fs.mkdirSync(path.join(lib, 'check'))
    const bundle = path.join(lib, 'batch', 'worker.bundle.js')
    const module = path.join(lib, 'check', 'rule.js')
    expect(bundleIsCurrent(bundle)).toBe(false)
    fs.writeFileSync(module, '')
    fs.writeFileSync(bundle, '')
    fs.utimesSync(module, new Date(1_000_000), new Date(1_000_000))
    fs.utimesSync(bundle, new Date(2_000_000), new Date(2_000_000))
    expect(bundleIsCurrent(bundle)).toBe(true)
    // tsc rewrote a module after the bundle was made: the bundle is stale.
    fs.utimesSync(module, new Date(3_000_000), new Date(3_000_000))
    expect(bundleIsCurrent(bundle)).toBe(false)
  })
})
