/**
 * The I/O a command may use. Only `src/cli/` touches the process; tests pass fakes.
 */
import * as nodeFs from 'node:fs'

/** A writable text stream (process.stdout or a fake). */
export interface TextSink {
  write(chunk: string): unknown
  /** Whether this is an interactive terminal (progress bars only then). */
  isTTY?: boolean
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
