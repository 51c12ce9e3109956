/**
 * The contract of a `bitext` sub-command. Commands are registered by name,
 * with their one-line summary, in `src/cli/commands/index.ts`, and loaded only
 * when run; `run` in `src/cli/run.ts` dispatches to them.
 */
import type {CliIo} from './io.js'

/** A sub-command of `bitext`. */
export interface Command {
  /** Name as typed: `build`, `repair`, `align`, `lint`, … */
  name: string
  /** Full usage text for `bitext <name> --help`. */
  usage: string
  /**
   * Run the command.
   *
   * @param args Arguments after the command name.
   * @param io Streams, file system and environment (fakes in tests).
   * @returns The exit code: 0 clean, 1 error-level findings, 2 bad usage or crash.
   */
  run(args: string[], io: CliIo): Promise<number>
}

/** Thrown for bad usage; `run` prints the message (no stack) and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}
