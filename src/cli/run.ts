/**
 * The `bitext` command line: dispatch to a sub-command and turn every failure
 * into an exit code (0 clean, 1 error-level findings, 2 bad usage or crash).
 */
import {UsageError} from './command.js'
import {commands} from './commands/index.js'
import type {CliIo} from './io.js'
import {refuseSpecialFiles} from './regular-files.js'

const version = '0.1.0'

/**
 * Run `bitext` with arguments.
 *
 * @param argv Arguments after the program name.
 * @param io Streams, file system and environment.
 * @returns The exit code.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(help())
    return name === undefined ? 2 : 0
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${version}\n`)
    return 0
  }
  const entry = commands.find((candidate) => candidate.name === name)
  if (!entry) {
    io.stderr.write(`bitext: unknown command \`${name}\`; run \`bitext --help\` for the list\n`)
    return 2
  }
  const command = await entry.load()
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(command.usage)
    return 0
  }
  const debug = rest.includes('--debug') || io.env['BITEXT_DEBUG'] === '1'
  try {
    return await command.run(rest, {...io, fs: refuseSpecialFiles(io.fs)})
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.stderr.write(`bitext ${name}: ${(error as Error).message}\nRun \`bitext ${name} --help\` for usage.\n`)
      return 2
    }
    const detail = debug && error instanceof Error && error.stack ? error.stack : String(error instanceof Error ? error.message : error)
    io.stderr.write(`bitext ${name}: internal error: ${detail}\n${debug ? '' : 'Run again with --debug for the stack trace, and please report it.\n'}`)
    return 2
  }
}

/** Errors that node:util parseArgs throws for unknown or malformed options. */
function isParseArgsError(error: unknown): boolean {
  const code = (error as {code?: unknown} | null)?.code
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')
}

function help(): string {
  const width = Math.max(...commands.map((command) => command.name.length))
  const lines = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`)
  return `bitext ${version}: bilingual English→Chinese articles into a clean, checked blog

Usage: bitext <command> [options]

Commands:
${lines.join('\n')}

Run \`bitext <command> --help\` for a command's options.
`
}
