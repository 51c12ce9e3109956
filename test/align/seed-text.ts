/**
 * Test helper: the seed article as text. Until repair lands, a crude
 * re-decode (UTF-8 read as windows-1252, bytes lost on the way become U+FFFD).
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import iconv from 'iconv-lite'

/** Root of the project. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** Path of the seed article in the project. */
export const seedPath = path.join(projectRoot, 'articles', 'kubernetes-intro-for-vmware-users.md')

/**
 * The seed, decoded back to (mostly) proper Chinese.
 *
 * @returns The text.
 */
export function seedText(): string {
  const mojibake = fs.readFileSync(seedPath, 'utf8')
  return iconv.decode(iconv.encode(mojibake, 'windows-1252'), 'utf8')
}

/**
 * Path of the shared folder beside the project (`../shared`); throws when
 * it is missing so that tests that need it fail loudly.
 *
 * @returns The absolute path.
 */
export function sharedDir(): string {
  const dir = path.resolve(projectRoot, '..', 'shared')
  if (!fs.existsSync(dir)) throw new Error(`Missing \`${dir}\`: clone the shared data beside the project`)
  return dir
}
