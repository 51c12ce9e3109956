/**
 * The cache is input like any other (CI restores it from a cache shared
 * between branches): a tampered entry is never published. Each case damages
 * one entry of a warm cache; the rebuild must give the cold build's blog
 * byte for byte, report the entry once, and rewrite it.
 */
import {execFileSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import * as fs from 'node:fs'
import path from 'node:path'
import {brotliCompressSync, brotliDecompressSync} from 'node:zlib'
import {beforeAll, describe, expect, it} from 'vitest'
import {run} from '../../src/cli/run.js'
import {captureIo, projectRoot, tempDir} from '../helpers.js'
import {treeHash} from './build-child.js'

const good = fs.readFileSync(path.join(projectRoot, 'articles', 'rolling-updates-without-downtime.md'))
const second = '---\ntitle: Second\nslug: second\n---\n\n> Kubernetes is a container orchestrator.\n\nKubernetes 是一个容器编排器。\n'
const cacheDir = (cwd: string) => path.join(cwd, 'node_modules', '.cache', 'bitext')

/** The cache entry of an article (found by the path it records). */
function entryOf(cwd: string, article: string): string {
  const dir = cacheDir(cwd)
  for (const name of fs.readdirSync(dir, {recursive: true}) as string[]) {
    const file = path.join(dir, name)
    if (name.endsWith('.json') && fs.lstatSync(file).isFile() && unpack(file).view.includes(`"path":"${article}"`)) return file
  }
  throw new Error(`no cache entry for ${article}`)
}

/**
 * An entry's first line, and its content as one JSON text: after the first
 * line, packed with brotli, comes the result's JSON on one line and then the
 * outputs' bytes, which `outputBytes` names and measures; the view puts the
 * outputs back into the JSON as strings.
 */
function unpack(file: string): {head: string; view: string} {
  const bytes = fs.readFileSync(file)
  const newline = bytes.indexOf(0x0a)
  const body = brotliDecompressSync(bytes.subarray(newline + 1))
  const end = body.indexOf(0x0a)
  const {outputBytes, ...stored} = JSON.parse(body.toString('utf8', 0, end)) as {outputBytes: Array<[string, number]>; data: Record<string, unknown>}
  const outputs: Record<string, string> = {}
  let at = end + 1
  for (const [name, length] of outputBytes) {
    outputs[name] = body.toString('utf8', at, at + length)
    at += length
  }
  return {head: bytes.toString('latin1', 0, newline), view: JSON.stringify({...stored, data: {...stored.data, outputs}})}
}

/** Rewrite an entry's content and give it a valid digest, as a forger who read the source would. */
function forge(file: string, change: (view: string) => string): void {
  const {head, view} = unpack(file)
  const {data, ...stored} = JSON.parse(change(view)) as {data: {outputs: Record<string, string>}}
  const {outputs, ...rest} = data
  const blobs = Object.entries(outputs).map(([name, text]) => [name, Buffer.from(text, 'utf8')] as const)
  const json = JSON.stringify({...stored, data: rest, outputBytes: blobs.map(([name, bytes]) => [name, bytes.length])})
  const packed = brotliCompressSync(Buffer.concat([Buffer.from(`${json}\n`, 'utf8'), ...blobs.map(([, bytes]) => bytes)]))
  const digest = createHash('sha256').update(`${path.basename(file, '.json')}\n`).update(packed).digest('hex')
  fs.writeFileSync(file, Buffer.concat([Buffer.from(head.replace(/sha256=[\da-f]+/, `sha256=${digest}`) + '\n', 'latin1'), packed]))
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

async function build(cwd: string): Promise<{code: number; err: string; seconds: number}> {
  const io = captureIo(cwd)
  const started = performance.now()
  const code = await run(['build', '--quiet', '--jobs', '1'], io)
  return {code, err: io.err(), seconds: (performance.now() - started) / 1000}
}

describe('a tampered cache entry is never published', () => {
  let cold: string

  beforeAll(async () => {
    const cwd = project()
    const built = await build(cwd)
    expect(built.code).toBe(0)
    cold = treeHash(path.join(cwd, 'dist'))
  }, 120_000)

  function project(): string {
    const cwd = fs.realpathSync(tempDir('bitext-tamper-'))
    fs.mkdirSync(path.join(cwd, 'articles'))
    fs.writeFileSync(path.join(cwd, 'articles', 'good.md'), good)
    fs.writeFileSync(path.join(cwd, 'articles', 'second.md'), second)
    return cwd
  }

  /** Build warm, damage the entry of articles/good.md, build again: cold output, one report, entry rewritten. */
  async function expectCaught(damage: (entry: string, cwd: string) => void, reason: string): Promise<number> {
    const cwd = project()
    expect((await build(cwd)).code).toBe(0)
    const entry = entryOf(cwd, 'articles/good.md')
    damage(entry, cwd)
    const rebuilt = await build(cwd)
    expect(rebuilt.code).toBe(0)
    expect(rebuilt.err).toMatch(
      new RegExp(`^${escape(`bitext build: ignored the cache entry of articles/good.md: ${reason}; built it again`)}\\nbitext build: 2 articles built, .* \\(1 from cache\\) → dist\\n$`)
    )
    expect(treeHash(path.join(cwd, 'dist'))).toBe(cold)
    expect(fs.readdirSync(cwd).sort()).toEqual(['articles', 'dist', 'node_modules'])
    // Rewritten: the next build takes it from the cache without a word.
    const again = await build(cwd)
    expect(again.err).toMatch(/^bitext build: 2 articles built, .* \(2 from cache\) → dist\n$/)
    expect(treeHash(path.join(cwd, 'dist'))).toBe(cold)
    return rebuilt.seconds
  }

  it('a bit flipped in the packed body', async () => {
    await expectCaught((entry) => {
      const bytes = fs.readFileSync(entry)
      const at = Math.floor(bytes.length / 2)
      bytes[at] = (bytes[at] ?? 0) ^ 0x01
      fs.writeFileSync(entry, bytes)
    }, 'its digest does not match its content')
  })

  it('a truncated entry', async () => {
    await expectCaught((entry) => fs.truncateSync(entry, Math.floor(fs.statSync(entry).size / 2)), 'its digest does not match its content')
  })

  it('a script injected into the cached page, with a digest that matches', async () => {
    await expectCaught(
      (entry) => forge(entry, (body) => body.replace('</article>', '<script>alert(1)</script></article>')),
      'its index.html is not a page bitext writes (the sanitizer would change it)'
    )
  })

  it('an event handler injected into the cached page, with a digest that matches', async () => {
    await expectCaught(
      (entry) => forge(entry, (body) => body.replace('<h1>', '<h1 onmouseover=\\"alert(1)\\">')),
      'its index.html is not a page bitext writes (the sanitizer would change it)'
    )
  })

  it('the pages of an article that is not published are not checked, and nothing of it is published', async () => {
    const cwd = project()
    expect((await build(cwd)).code).toBe(0)
    // A failed article is never published, so its cached page is not read back through the sanitizer.
    forge(entryOf(cwd, 'articles/good.md'), (body) =>
      body.replace('"data":{', '"data":{"failed":true,').replace('</article>', '<script>alert(1)</script></article>')
    )
    const rebuilt = await build(cwd)
    expect(rebuilt.code).toBe(1)
    expect(rebuilt.err).not.toMatch(/ignored the cache entry/)
    expect(rebuilt.err).toMatch(/^bitext build: 1 article built, 1 failed, .* \(2 from cache\) → dist\n$/)
    const published = fs.readdirSync(path.join(cwd, 'dist'), {recursive: true}) as string[]
    expect(published.filter((name) => name.startsWith('rolling-updates-without-downtime'))).toEqual([])
    for (const name of published) {
      const file = path.join(cwd, 'dist', name)
      if (fs.statSync(file).isFile()) expect(fs.readFileSync(file, 'utf8')).not.toContain('alert(1)')
    }
  })

  it('a slug that points outside dist/, with a digest that matches', async () => {
    await expectCaught((entry) => forge(entry, (body) => body.replace('"slug":"rolling-updates-without-downtime"', '"slug":"../../escaped"')), 'its slug would write outside the output folder')
  })

  it('an entry copied from another article', async () => {
    await expectCaught((entry, cwd) => fs.copyFileSync(entryOf(cwd, 'articles/second.md'), entry), 'its digest does not match its content')
  })

  it('a FIFO in place of an entry is refused without waiting for a writer', async () => {
    const seconds = await expectCaught((entry) => {
      fs.rmSync(entry)
      execFileSync('mkfifo', [entry])
    }, 'it is a FIFO (named pipe)')
    console.log(`rebuild with a FIFO in the cache: ${seconds.toFixed(2)} s`)
  })

  it('a symbolic link out of the cache', async () => {
    await expectCaught((entry, cwd) => {
      const outside = path.join(cwd, '..', `${path.basename(cwd)}-outside.json`)
      fs.copyFileSync(entry, outside)
      fs.rmSync(entry)
      fs.symlinkSync(outside, entry)
    }, 'it is a symbolic link')
  })
})
