/**
 * The fingerprint of the running bitext: its version and a hash of its own
 * code, so that a cache written by other code is never read.
 */
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/**
 * Hash bitext's code: package.json's version, every module of the code
 * folder this file was loaded from (`lib/` when compiled, `src/` under tsx
 * or vitest), and package-lock.json when there is one (dependency versions).
 *
 * @param codeDir The code folder (default: the parent of this module's folder).
 * @returns A hex digest.
 */
export function codeFingerprint(codeDir: string = path.dirname(path.dirname(fileURLToPath(import.meta.url)))): string {
  const hash = createHash('sha256')
  const root = path.dirname(codeDir)
  for (const name of ['package.json', 'package-lock.json']) {
    try {
      hash.update(`${name}\n`).update(fs.readFileSync(path.join(root, name)))
    } catch {
      // Installed as a dependency there is no lock file; the version still counts.
    }
  }
  for (const file of codeFiles(codeDir)) {
    hash.update(`\n${file}\n`).update(fs.readFileSync(path.join(codeDir, file)))
  }
  return hash.digest('hex')
}

/** Module files under `dir`, sorted, as relative paths with `/`. */
function codeFiles(dir: string): string[] {
  const entries = fs.readdirSync(dir, {recursive: true, withFileTypes: false}) as string[]
  return entries
    .filter((entry) => /\.(?:[cm]?js|ts)$/.test(entry) && !entry.endsWith('.d.ts'))
    .map((entry) => entry.split(path.sep).join('/'))
    .sort()
}
