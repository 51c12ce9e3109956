/**
 * Finding and reading the project's glossary for a command.
 */
import path from 'node:path'
import {SpecialFileError} from '../batch/read-regular.js'
import {GlossaryError, parseGlossary} from '../glossary/parse-glossary.js'
import type {Glossary} from '../glossary/types.js'
import {displayPath} from './articles.js'
import {UsageError} from './command.js'
import {defaultGlossaryName} from './config.js'
import type {CliIo} from './io.js'

export {defaultGlossaryName} from './config.js'

/**
 * Load the glossary: the given path (`--glossary` or configuration), else
 * `glossary.yaml` in the working directory when it exists, else none.
 *
 * @param given A path from `--glossary` or configuration (relative to `io.cwd`), if any.
 * @param io File system and working directory.
 * @returns The validated glossary, or undefined when there is none.
 * @throws UsageError when a given glossary is missing, or when the glossary is refused
 *   (the message has its line and column).
 */
export function loadProjectGlossary(given: string | undefined, io: CliIo): Glossary | undefined {
  const absolute = path.resolve(io.cwd, given ?? defaultGlossaryName)
  if (!io.fs.existsSync(absolute)) {
    if (given === undefined) return undefined
    throw new UsageError(`Cannot find the glossary \`${given}\`; pass an existing file to --glossary or remove \`glossary\` from the configuration`)
  }
  const shown = displayPath(absolute, io)
  let text: string
  try {
    text = io.fs.readFileSync(absolute, 'utf8')
  } catch (error) {
    if (error instanceof SpecialFileError) throw new UsageError(`The glossary \`${shown}\` is not a regular file but ${error.kind}; point --glossary at a YAML file`)
    throw new UsageError(`Cannot read the glossary \`${shown}\` (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
  }
  try {
    return parseGlossary(text, shown)
  } catch (error) {
    if (error instanceof GlossaryError) throw new UsageError(`${error.message}`)
    throw error
  }
}
