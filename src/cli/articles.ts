/**
 * Finding the articles a command works on.
 */
import path from 'node:path'
import {UsageError} from './command.js'
import type {CliIo} from './io.js'

/**
 * Expand files and folders into a sorted list of Markdown article paths.
 *
 * @param inputs Files or folders (folders are searched recursively for `*.md`).
 * @param io File system and working directory.
 * @returns Absolute paths, sorted, without duplicates.
 * @throws UsageError when an input does not exist.
 */
export function findArticles(inputs: readonly string[], io: CliIo): string[] {
  const found = new Set<string>()
  for (const input of inputs) {
    const absolute = path.resolve(io.cwd, input)
    let stats
    try {
      stats = io.fs.statSync(absolute)
    } catch {
      throw new UsageError(`Cannot find \`${input}\`; pass an existing Markdown file or folder`)
    }
    if (stats.isDirectory()) {
      for (const entry of io.fs.readdirSync(absolute, {recursive: true, withFileTypes: false}) as string[]) {
        if (entry.endsWith('.md') && !entry.split(path.sep).some((part) => part.startsWith('.') || part === 'node_modules')) {
          found.add(path.join(absolute, entry))
        }
      }
    } else {
      found.add(absolute)
    }
  }
  return [...found].sort()
}

/**
 * A path for messages: relative to the working directory when inside it.
 *
 * @param file Absolute path.
 * @param io Working directory.
 * @returns The display path.
 */
export function displayPath(file: string, io: CliIo): string {
  const relative = path.relative(io.cwd, file)
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative
}
