/**
 * The I/O a command may use. Only `src/cli/` touches the process; tests pass fakes.
 */
import * as nodeFs from 'node:fs'

/** A writable text stream (process.stdout or a fake). */
export interface TextSink {
  write(chunk: string): unknown
  /** Whether this is an interactive terminal (progress bars only then). */
  isTTY?: boolean
  /** Columns of the terminal, when it is one. */
  columns?: number
}

/** Streams, file system and environment for a command. */
export interface CliIo {
  stdout: TextSink
  stderr: TextSink
  /** Reads standard input fully (for `-`). */
  stdin?: () => Promise<Uint8Array>
  /** Node's `fs` module or a compatible fake. */
  fs: typeof nodeFs
  /** Working directory that relative paths resolve against. */
  cwd: string
  /** Environment variables. */
  env: Record<string, string | undefined>
}

/**
 * The real process I/O.
 *
 * @returns A `CliIo` over `process`.
 */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: async () => {
      const chunks: Buffer[] = []
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
      return Buffer.concat(chunks)
    },
    fs: nodeFs,
    cwd: process.cwd(),
    env: process.env
  }
}

/** Width of piped reports: lines stay readable in logs and pagers. */
export const pipedReportWidth = 100

/**
 * How wide the lines of a report may be: `COLUMNS` when set, the terminal's
 * columns, or {@link pipedReportWidth} when the output is piped.
 *
 * @param sink Where the report goes.
 * @param env The environment.
 * @returns The width in columns.
 */
export function reportWidth(sink: TextSink, env: Record<string, string | undefined>): number {
  const columns = Number(env['COLUMNS'])
  if (Number.isInteger(columns) && columns > 0) return columns
  if (sink.isTTY === true && sink.columns !== undefined && sink.columns > 0) return sink.columns
  return pipedReportWidth
}
