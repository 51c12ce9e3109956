/**
 * Project configuration: `.bitextrc.json`, or the `bitext` field of
 * package.json. Read once per command; untrusted input enters as `unknown`.
 */
import path from 'node:path'
import {SpecialFileError} from '../batch/read-regular.js'
import type {Rule} from '../check/rule.js'
import {validateRuleSettings, type RuleSettings} from '../check/settings.js'
import {UsageError} from './command.js'
import type {CliIo} from './io.js'
import type {Glossary} from '../glossary/types.js'

/** Validated configuration. */
/** The glossary a project uses when nothing else is configured. */
export const defaultGlossaryName = 'glossary.yaml'

/**
 * The project's glossary: the one given (on the command line or in the
 * configuration), else `glossary.yaml` when it exists. Its parser (and its
 * YAML library, 72 files) loads only when there is a glossary.
 *
 * @param given The glossary's path, if one was given.
 * @param io File system and working directory.
 * @returns The validated glossary, or undefined when there is none.
 * @throws UsageError as `loadProjectGlossary` does.
 */
export async function loadGlossaryWhenPresent(given: string | undefined, io: CliIo): Promise<Glossary | undefined> {
  if (given === undefined && !io.fs.existsSync(path.resolve(io.cwd, defaultGlossaryName))) return undefined
  return (await import('./glossary-file.js')).loadProjectGlossary(given, io)
}

export interface Config {
  /** Severity per rule id. */
  rules: RuleSettings
  /** Glossary path from configuration, resolved against the config file's folder. */
  glossary?: string
  /** The file the configuration came from, if any. */
  source?: string
  /**
   * The Hexo site sets `disableNunjucks`: template braces stay as written in
   * the Markdown outputs (no `{% raw %}`), and `template-braces` is off.
   */
  disableNunjucks?: boolean
}

const knownKeys = new Set(['rules', 'glossary', 'disableNunjucks'])

/**
 * Load the configuration of the project in `io.cwd`.
 *
 * @param io File system and working directory.
 * @param rules Known rules, to validate rule ids.
 * @returns The configuration (empty when there is none).
 * @throws UsageError naming the file and what to write instead.
 */
export function loadConfig(io: CliIo, rules: ReadonlyArray<Pick<Rule, 'id'>>): Config {
  const rcPath = path.join(io.cwd, '.bitextrc.json')
  const pkgPath = path.join(io.cwd, 'package.json')
  let raw: unknown
  let source: string | undefined
  if (io.fs.existsSync(rcPath)) {
    source = rcPath
    raw = parseJson(readConfigFile(io, rcPath, '.bitextrc.json'), '.bitextrc.json')
  } else if (io.fs.existsSync(pkgPath)) {
    const pkg = parseJson(readConfigFile(io, pkgPath, 'package.json'), 'package.json')
    if (typeof pkg === 'object' && pkg !== null && 'bitext' in pkg) {
      source = pkgPath
      raw = (pkg as Record<string, unknown>)['bitext']
    }
  }
  if (raw === undefined) return {rules: {}}
  const where = path.basename(source ?? 'configuration') + (source?.endsWith('package.json') ? ' (field `bitext`)' : '')
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new UsageError(`${where}: configuration must be an object such as {"rules": {"repeated-text": "off"}}`)
  }
  for (const key of Object.keys(raw)) {
    if (!knownKeys.has(key)) throw new UsageError(`${where}: unknown key \`${key}\`; allowed keys: rules, glossary, disableNunjucks`)
  }
  const record = raw as Record<string, unknown>
  let settings: RuleSettings
  try {
    settings = validateRuleSettings(record['rules'], rules, where)
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const config: Config = {rules: settings}
  if (source) config.source = source
  const disableNunjucks = record['disableNunjucks']
  if (disableNunjucks !== undefined) {
    if (typeof disableNunjucks !== 'boolean') throw new UsageError(`${where}: \`disableNunjucks\` must be true or false`)
    config.disableNunjucks = disableNunjucks
  }
  const glossary = record['glossary']
  if (glossary !== undefined) {
    if (typeof glossary !== 'string' || glossary === '') {
      throw new UsageError(`${where}: \`glossary\` must be a path such as "glossary.yaml"`)
    }
    config.glossary = path.resolve(path.dirname(source ?? io.cwd), glossary)
  }
  return config
}

/**
 * The rule settings of a command, with the publishing switches applied:
 * `--allow-untranslated` makes `no-translation` a warning, and a site with
 * `disableNunjucks` needs no `template-braces`.
 *
 * @param config The configuration.
 * @param options The command's switches.
 * @returns The settings to run the checks with.
 */
export function publishSettings(config: Config, options: {allowUntranslated?: boolean | undefined; disableNunjucks?: boolean | undefined}): RuleSettings {
  const settings: RuleSettings = {...config.rules}
  if (options.allowUntranslated && settings['no-translation'] !== 'off') settings['no-translation'] = 'warn'
  if (options.disableNunjucks || config.disableNunjucks) settings['template-braces'] = 'off'
  return settings
}

function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    throw new UsageError(`${name}: invalid JSON (${(error as Error).message}); fix the file or remove it`)
  }
}

/** A configuration file's text; a FIFO or device in its place is a usage error, not a hang. */
function readConfigFile(io: CliIo, file: string, shown: string): string {
  try {
    return io.fs.readFileSync(file, 'utf8')
  } catch (error) {
    if (error instanceof SpecialFileError) throw new UsageError(`\`${shown}\` is not a regular file but ${error.kind}; replace it with a JSON file or remove it`)
    throw new UsageError(`Cannot read \`${shown}\` (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
  }
}
