/**
 * Test helper: the seed article as text, really repaired by the repair stage.
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {repairMojibake} from '../../src/repair/index.js'

/** Root of the project. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** Path of the seed article in the project. */
export const seedPath = path.join(projectRoot, 'articles', 'kubernetes-intro-for-vmware-users.md')

/**
 * The seed, with its mojibake repaired.
 *
 * @returns The text.
 */
export function seedText(): string {
  return repairMojibake(fs.readFileSync(seedPath, 'utf8')).text
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
