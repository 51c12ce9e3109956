/**
 * Test helper: the seed article as text, really repaired by the repair stage.
 */
import fs from 'node:fs'
import {repairMojibake} from '../../src/repair/index.js'
import {seedPath} from '../helpers.js'

export {projectRoot, seedPath} from '../helpers.js'

/**
 * The seed, with its mojibake repaired.
 *
 * @returns The text.
 */
export function seedText(): string {
  return repairMojibake(fs.readFileSync(seedPath, 'utf8')).text
}
