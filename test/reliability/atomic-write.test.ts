import {spawn} from 'node:child_process'
import * as fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {backupSuffix, writeFileAtomic, type AtomicFs} from '../../src/cli/atomic-write.js'
import {projectRoot, tempDir} from '../helpers.js'

const childScript = path.join(projectRoot, 'test', 'reliability', 'atomic-child.ts')

/** A real folder with one file in it. */
function folderWith(content: string | Uint8Array, name = 'article.md'): {dir: string; target: string} {
  const dir = fs.realpathSync(tempDir('bitext-atomic-'))
  const target = path.join(dir, name)
  fs.writeFileSync(target, content)
  return {dir, target}
}

/** Distinct, line-structured contents of ~2 MB, so a torn file is recognisable. */
function bigContent(tag: string): Buffer {
  return Buffer.from(Array.from({length: 40_000}, (_, index) => `${tag} line ${index} 中文内容 mojibake-free\n`).join(''), 'utf8')
}

/**
 * Run the child until it freezes at `phase`, then SIGKILL it.
 *
 * @returns How the child ended (`killed` when it was stopped at the phase).
 */
function runChildUntil(target: string, content: Buffer, phase: string): Promise<'killed' | 'finished'> {
  const contentFile = path.join(path.dirname(target), '..', `${path.basename(path.dirname(target))}-${phase}.content`)
  fs.writeFileSync(contentFile, content)
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', childScript, target, contentFile, phase], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      if (stdout.includes('paused')) child.kill('SIGKILL')
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code, signal) => {
      fs.rmSync(contentFile, {force: true})
      if (signal === 'SIGKILL' && stdout.includes('paused')) resolve('killed')
      else if (code === 0 && stdout.includes('done')) resolve('finished')
      else reject(new Error(`child exited with ${code ?? signal}: ${stderr}`))
    })
  })
}

function temporaries(dir: string): string[] {
  return fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'))
}

describe('writeFileAtomic', () => {
  it('replaces the content and leaves no temporary file', () => {
    const {dir, target} = folderWith('old\n')
    const result = writeFileAtomic(fs, target, '新的内容\n')
    expect(fs.readFileSync(target, 'utf8')).toBe('新的内容\n')
    expect(result).toEqual({path: target})
    expect(fs.readdirSync(dir)).toEqual(['article.md'])
  })

  it('creates a file that did not exist, without a backup', () => {
    const dir = fs.realpathSync(tempDir('bitext-atomic-'))
    const target = path.join(dir, 'new.md')
    expect(writeFileAtomic(fs, target, Uint8Array.from([0xe4, 0xb8, 0xad]), {backup: true})).toEqual({path: target})
    expect(fs.readFileSync(target, 'utf8')).toBe('中')
    expect(fs.readdirSync(dir)).toEqual(['new.md'])
  })

  it('keeps the original in .orig before the first overwrite, and never replaces that backup', () => {
    const {dir, target} = folderWith('original bytes \xff\n')
    const original = fs.readFileSync(target)
    expect(writeFileAtomic(fs, target, 'first\n', {backup: true})).toEqual({path: target, backup: target + backupSuffix})
    expect(writeFileAtomic(fs, target, 'second\n', {backup: true})).toEqual({path: target})
    expect(fs.readFileSync(target, 'utf8')).toBe('second\n')
    expect(fs.readFileSync(target + backupSuffix)).toEqual(original)
    expect(fs.readdirSync(dir).sort()).toEqual(['article.md', 'article.md.orig'])
  })

  it('keeps the permissions of the file it replaces', () => {
    const {target} = folderWith('old\n')
    fs.chmodSync(target, 0o640)
    writeFileAtomic(fs, target, 'new\n', {backup: true})
    expect(fs.statSync(target).mode & 0o777).toBe(0o640)
    expect(fs.statSync(target + backupSuffix).mode & 0o777).toBe(0o640)
  })

  it('writes through a symbolic link instead of replacing the link', () => {
    const {dir, target} = folderWith('old\n', 'real.md')
    const link = path.join(dir, 'link.md')
    fs.symlinkSync(target, link)
    expect(writeFileAtomic(fs, link, 'new\n').path).toBe(target)
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true)
    expect(fs.readFileSync(target, 'utf8')).toBe('new\n')
  })

  it('refuses to write over a folder', () => {
    const dir = fs.realpathSync(tempDir('bitext-atomic-'))
    fs.mkdirSync(path.join(dir, 'sub'))
    expect(() => writeFileAtomic(fs, path.join(dir, 'sub'), 'x')).toThrow('Cannot write `' + path.join(dir, 'sub') + '`: it is a folder')
  })

  it('leaves the target unchanged and removes the temporary file when a write fails', () => {
    const {dir, target} = folderWith('old\n')
    const failing: AtomicFs = {
      ...fs,
      writeSync: (() => {
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), {code: 'ENOSPC'})
      }) as AtomicFs['writeSync']
    }
    expect(() => writeFileAtomic(failing, target, 'new\n', {backup: true})).toThrow('ENOSPC')
    expect(fs.readFileSync(target, 'utf8')).toBe('old\n')
    expect(fs.readdirSync(dir)).toEqual(['article.md'])
  })

  it('leaves the target unchanged when the rename fails', () => {
    const {dir, target} = folderWith('old\n')
    const failing: AtomicFs = {
      ...fs,
      renameSync: (() => {
        throw Object.assign(new Error('EXDEV: cross-device link not permitted'), {code: 'EXDEV'})
      }) as AtomicFs['renameSync']
    }
    expect(() => writeFileAtomic(failing, target, 'new\n')).toThrow('EXDEV')
    expect(fs.readFileSync(target, 'utf8')).toBe('old\n')
    expect(fs.readdirSync(dir)).toEqual(['article.md'])
  })
})

describe('an interrupted write (the process is killed mid-way)', () => {
  const before = bigContent('OLD')
  const after = bigContent('NEW')

  it('control: a plain in-place write killed half-way leaves a torn file', async () => {
    const {target} = folderWith(before)
    expect(await runChildUntil(target, after, 'naive')).toBe('killed')
    const left = fs.readFileSync(target)
    expect(left.equals(before)).toBe(false)
    expect(left.equals(after)).toBe(false)
  })

  it('killed while writing the temporary file: the old file is intact', async () => {
    const {dir, target} = folderWith(before)
    expect(await runChildUntil(target, after, 'mid-write')).toBe('killed')
    expect(fs.readFileSync(target).equals(before)).toBe(true)
    // The torn bytes are only in the temporary file, which the next write ignores.
    const [temporary] = temporaries(dir)
    expect(temporary).toMatch(/^\.article\.md\.\d+\.[0-9a-f]{12}\.tmp$/)
    expect(fs.statSync(path.join(dir, temporary!)).size).toBe(Math.floor(after.length / 2))
  })

  it('killed just before the rename: the old file is intact', async () => {
    const {target} = folderWith(before)
    expect(await runChildUntil(target, after, 'before-rename')).toBe('killed')
    expect(fs.readFileSync(target).equals(before)).toBe(true)
  })

  it('killed just after the rename: the new file is complete', async () => {
    const {dir, target} = folderWith(before)
    expect(await runChildUntil(target, after, 'after-rename')).toBe('killed')
    expect(fs.readFileSync(target).equals(after)).toBe(true)
    expect(temporaries(dir)).toEqual([])
  })

  it('killed while writing the backup: the original is intact and a later write still backs it up', async () => {
    const {target} = folderWith(before)
    expect(await runChildUntil(target, after, 'mid-backup')).toBe('killed')
    expect(fs.readFileSync(target).equals(before)).toBe(true)
    expect(fs.existsSync(target + backupSuffix)).toBe(false)
    writeFileAtomic(fs, target, after, {backup: true})
    expect(fs.readFileSync(target + backupSuffix).equals(before)).toBe(true)
    expect(fs.readFileSync(target).equals(after)).toBe(true)
  })
})
