/**
 * The Chromium the browser tests run, and the CJK font its pages render
 * Chinese with.
 *
 * The browser, first that works:
 * 1. `BITEXT_CHROMIUM=/path/to/chromium` (a path; or the words `system`,
 *    `npm` or `none` to take only that source, `none` simulating a machine
 *    with no browser at all);
 * 2. a system Chromium on the PATH (`chromium`, `chromium-browser`: Debian's);
 * 3. the npm package @sparticuz/chromium (a devDependency): its tarball holds
 *    a brotli-packed headless Chromium, unpacked once into
 *    node_modules/.cache/bitext-chromium/; nothing is downloaded.
 *
 * The CJK font: when fontconfig knows no Chinese font (`fc-list :lang=zh`), or
 * `BITEXT_FONTS=npm`, the browser gets a FONTCONFIG_FILE that adds Noto Sans
 * SC from the npm package @embedpdf/fonts-sc.
 *
 * None works: the tests skip, with the reason in their title and on stderr;
 * under CI (`CI=true`) that is an error instead: browser tests never skip in CI.
 */
import {execFileSync} from 'node:child_process'
import {randomBytes} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import type {LaunchOptions, Page} from 'playwright-core'
import {projectRoot} from '../helpers.js'

/** Flags for headless Chromium on a machine without network. */
export const launchArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

/** A Chromium that started, and how to start it. */
export interface FoundChromium {
  /** Where it came from. */
  source: 'BITEXT_CHROMIUM' | 'system' | 'npm'
  executablePath: string
  /** What `--version` printed. */
  version: string
  /** Environment for the browser process (FONTCONFIG_FILE, LD_LIBRARY_PATH when needed). */
  env: Record<string, string>
  /** Where the CJK font comes from: the system's fontconfig, or the npm package. */
  fonts: 'system' | 'npm'
}

/** The result of looking for Chromium: a browser, or why the tests skip. */
export type ChromiumLookup = {chromium: FoundChromium; skipReason?: undefined} | {chromium?: undefined; skipReason: string}

/** Where unpacked npm browsers and font configs are kept. */
const cacheRoot = path.join(projectRoot, 'node_modules', '.cache', 'bitext-chromium')

/** The folder of an npm package installed in the project, or undefined. */
function packageDir(name: string): string | undefined {
  const folder = path.join(projectRoot, 'node_modules', ...name.split('/'))
  return fs.existsSync(path.join(folder, 'package.json')) ? folder : undefined
}

/** Run `chromium --version`; the first line, or an error message. */
function versionOf(executable: string, env: Record<string, string>): {version?: string; error?: string} {
  try {
    const out = execFileSync(executable, ['--version'], {encoding: 'utf8', env: {...process.env, ...env}, timeout: 30_000, stdio: ['ignore', 'pipe', 'pipe']})
    return {version: out.trim().split('\n')[0] ?? ''}
  } catch (error) {
    const stderr = (error as {stderr?: string}).stderr?.trim()
    return {error: stderr === undefined || stderr === '' ? String(error) : (stderr.split('\n')[0] ?? '')}
  }
}

/** The path of a command on the PATH, or undefined. */
function onPath(name: string): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
    if (dir === '') continue
    const candidate = path.join(dir, name)
    try {
      fs.accessSync(candidate, fs.constants.X_OK)
      if (fs.statSync(candidate).isFile()) return candidate
    } catch {
      // Not here.
    }
  }
  return undefined
}

/**
 * Unpack @sparticuz/chromium's brotli files into the cache once: the binary,
 * its NSS libraries (used when the system has none) and its Latin fonts.
 * Concurrent test workers each unpack into a private folder and rename it
 * into place; the loser discards its copy.
 */
function unpackNpmChromium(packageFolder: string, version: string): string {
  const target = path.join(cacheRoot, `sparticuz-${version}`)
  if (fs.existsSync(path.join(target, 'chromium'))) return target
  fs.mkdirSync(cacheRoot, {recursive: true})
  const staging = `${target}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`
  fs.mkdirSync(staging)
  try {
    const bin = path.join(packageFolder, 'bin')
    fs.writeFileSync(path.join(staging, 'chromium'), zlib.brotliDecompressSync(fs.readFileSync(path.join(bin, 'chromium.br'))), {mode: 0o755})
    for (const archive of ['al2023.tar.br', 'fonts.tar.br']) {
      const file = path.join(bin, archive)
      if (fs.existsSync(file)) execFileSync('tar', ['-x', '-C', staging], {input: zlib.brotliDecompressSync(fs.readFileSync(file))})
    }
    try {
      fs.renameSync(staging, target)
    } catch (error) {
      if (!fs.existsSync(path.join(target, 'chromium'))) throw error
    }
  } finally {
    fs.rmSync(staging, {recursive: true, force: true})
  }
  return target
}

/** Try the npm Chromium; the browser, or why not. */
function npmChromium(): {executablePath?: string; version?: string; env?: Record<string, string>; error?: string} {
  const folder = packageDir('@sparticuz/chromium')
  if (folder === undefined) return {error: 'the npm package @sparticuz/chromium is not installed (npm ci installs it)'}
  const {version} = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')) as {version: string}
  let unpacked: string
  try {
    unpacked = unpackNpmChromium(folder, version)
  } catch (error) {
    return {error: `@sparticuz/chromium ${version} could not be unpacked: ${String(error)}`}
  }
  const executablePath = path.join(unpacked, 'chromium')
  // The system's NSS libraries first; the package's own when the system has none.
  const plain = versionOf(executablePath, {})
  if (plain.version !== undefined) return {executablePath, version: plain.version, env: {}}
  const env = {LD_LIBRARY_PATH: [path.join(unpacked, 'lib'), process.env['LD_LIBRARY_PATH']].filter(Boolean).join(path.delimiter)}
  const withLibs = versionOf(executablePath, env)
  if (withLibs.version !== undefined) return {executablePath, version: withLibs.version, env}
  return {error: `@sparticuz/chromium ${version} does not start here: ${withLibs.error ?? plain.error ?? ''}`}
}

/** Whether the system's fontconfig knows a Chinese font (false without fc-list). */
function systemHasCjkFont(): boolean {
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}).trim() !== ''
  } catch {
    return false
  }
}

/**
 * A fontconfig file with the npm CJK font (and the npm Chromium's Latin
 * fonts), plus the system's configuration unless `alone` (a simulated fresh
 * machine).
 */
function npmFontConfig(alone: boolean): string | undefined {
  const fonts = packageDir('@embedpdf/fonts-sc')
  if (fonts === undefined) return undefined
  fs.mkdirSync(cacheRoot, {recursive: true})
  const dirs = [path.join(fonts, 'fonts')]
  for (const entry of fs.existsSync(cacheRoot) ? fs.readdirSync(cacheRoot) : []) {
    const latin = path.join(cacheRoot, entry, 'fonts')
    if (entry.startsWith('sparticuz-') && !entry.includes('.tmp-') && fs.existsSync(latin)) dirs.push(latin)
  }
  const escape = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;')
  const xml = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
    '<fontconfig>',
    ...(alone ? [] : ['  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>']),
    ...dirs.map((dir) => `  <dir>${escape(dir)}</dir>`),
    `  <cachedir>${escape(path.join(cacheRoot, 'fontconfig-cache'))}</cachedir>`,
    '</fontconfig>',
    ''
  ].join('\n')
  const file = path.join(cacheRoot, alone ? 'fonts-npm-only.conf' : 'fonts.conf')
  const staging = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`
  fs.writeFileSync(staging, xml)
  fs.renameSync(staging, file)
  return file
}

/**
 * Find a Chromium that starts, in the order described at the top of this file.
 *
 * @param env The environment to read `BITEXT_CHROMIUM`, `BITEXT_FONTS` and `CI` from.
 * @returns The browser, or the reason the browser tests skip.
 */
export function findChromium(env: Record<string, string | undefined> = process.env): ChromiumLookup {
  const wanted = env['BITEXT_CHROMIUM'] ?? ''
  const only = ['system', 'npm', 'none'].includes(wanted) ? wanted : undefined
  const tried: string[] = []
  let found: Omit<FoundChromium, 'fonts' | 'env'> & {env: Record<string, string>} | undefined

  if (wanted !== '' && only === undefined) {
    const result = versionOf(wanted, {})
    if (result.version !== undefined) found = {source: 'BITEXT_CHROMIUM', executablePath: wanted, version: result.version, env: {}}
    else tried.push(`BITEXT_CHROMIUM=${wanted} does not start: ${result.error ?? ''}`)
  }
  if (found === undefined && (only === undefined || only === 'system')) {
    const executable = onPath('chromium') ?? onPath('chromium-browser')
    if (executable === undefined) tried.push('no chromium or chromium-browser on the PATH')
    else {
      const result = versionOf(executable, {})
      if (result.version !== undefined) found = {source: 'system', executablePath: executable, version: result.version, env: {}}
      else tried.push(`${executable} does not start: ${result.error ?? ''}`)
    }
  }
  if (found === undefined && (only === undefined || only === 'npm')) {
    const result = npmChromium()
    if (result.executablePath !== undefined) found = {source: 'npm', executablePath: result.executablePath, version: result.version ?? '', env: result.env ?? {}}
    else tried.push(result.error ?? '')
  }
  if (only === 'none') tried.push('BITEXT_CHROMIUM=none')

  if (found === undefined) return {skipReason: `no Chromium: ${tried.join('; ')}`}
  const forceNpmFonts = env['BITEXT_FONTS'] === 'npm'
  if (!forceNpmFonts && systemHasCjkFont()) return {chromium: {...found, fonts: 'system'}}
  const config = npmFontConfig(forceNpmFonts)
  if (config === undefined) return {skipReason: 'no CJK font: fontconfig has none and the npm package @embedpdf/fonts-sc is not installed (npm ci installs it)'}
  return {chromium: {...found, env: {...found.env, FONTCONFIG_FILE: config}, fonts: 'npm'}}
}

/** The browser for this test run, looked up once per test file. */
let lookup: ChromiumLookup | undefined

/**
 * The Chromium for a browser test, or why it skips. The reason is printed on
 * stderr and belongs in the skipped test's title (see {@link skipNote}).
 *
 * @param what The test that needs it, for the messages.
 * @returns The browser, or the reason to skip.
 * @throws Error when no Chromium works and `CI=true`: browser tests never skip in CI.
 */
export function requireChromium(what: string): ChromiumLookup {
  lookup ??= findChromium()
  if (lookup.skipReason !== undefined) {
    if (process.env['CI'] === 'true') throw new Error(`Chromium is required for ${what} in CI, and ${lookup.skipReason}`)
    process.stderr.write(`Skipping ${what}: ${lookup.skipReason}\n`)
  }
  return lookup
}

/**
 * The text to add to a browser test's title: empty when it runs,
 * ` (skipped: <reason>)` when it skips.
 */
export function skipNote(found: ChromiumLookup): string {
  return found.skipReason === undefined ? '' : ` (skipped: ${found.skipReason})`
}

/**
 * Options for playwright-core's `chromium.launch…`: the executable, the
 * offline flags, headless, and the browser's environment (the process's,
 * plus the font config and libraries the browser needs).
 */
export function launchOptions(found: FoundChromium): Required<Pick<LaunchOptions, 'executablePath' | 'args' | 'headless'>> & {env: Record<string, string | undefined>} {
  return {executablePath: found.executablePath, args: launchArgs, headless: true, env: {...process.env, ...found.env}}
}

/** A font Chromium drew a node's text with, as CDP reports it. */
export interface PlatformFont {
  familyName: string
  postScriptName: string
  glyphCount: number
}

/**
 * The fonts Chromium really drew the text of the first node matching
 * `selector` with (CDP `CSS.getPlatformFontsForNode`): the way to assert that
 * Chinese glyphs came from a CJK font and not from a Latin one or tofu.
 */
export async function platformFonts(page: Page, selector: string): Promise<PlatformFont[]> {
  const session = await page.context().newCDPSession(page)
  try {
    await session.send('DOM.enable')
    await session.send('CSS.enable')
    const {root} = await session.send('DOM.getDocument')
    const {nodeId} = await session.send('DOM.querySelector', {nodeId: root.nodeId, selector})
    if (nodeId === 0) throw new Error(`No node matches ${selector}`)
    return (await session.send('CSS.getPlatformFontsForNode', {nodeId})).fonts
  } finally {
    await session.detach()
  }
}

/** Family names of the CJK fonts the tests may meet (Debian's and the npm one). */
export const cjkFamily = /Chinese|CJK|WenQuanYi|Hei|Han Sans|Song|Ming|Kai|Fang|SC\b/i
