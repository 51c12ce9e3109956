/**
 * Every sub-command of `bitext`, in `--help` order. A command's module is
 * imported only when that command runs, so `bitext build` does not load the
 * review report, the exporters or the repair command.
 */
import type {Command} from '../command.js'

/** A registered command: what `--help` shows, and how to load it. */
export interface CommandEntry {
  name: string
  /** One-line summary for `bitext --help`. */
  summary: string
  load(): Promise<Command>
}

/** The registered commands. */
export const commands: readonly CommandEntry[] = [
  {
    name: 'build',
    summary: 'publish articles into dist/ (ZH, EN, parallel Markdown and bilingual HTML)',
    load: async () => (await import('./build.js')).buildCommand
  },
  {
    name: 'lint',
    summary: 'check articles against the QA rules and the glossary (for CI)',
    load: async () => (await import('./lint.js')).lintCommand
  },
  {
    name: 'review',
    summary: 'write the review report (HTML and JSON per article, and an index)',
    load: async () => (await import('./review.js')).reviewCommand
  },
  {
    name: 'repair',
    summary: 'decode and repair mojibake (stdout, --out-dir, --write or --json)',
    load: async () => (await import('./repair.js')).repairCommand
  },
  {
    name: 'align',
    summary: 'show the EN/ZH alignment of an article (two columns or --json)',
    load: async () => (await import('./align.js')).alignCommand
  },
  {
    name: 'sync',
    summary: 'find the paragraphs of a translation that are out of date with their English source',
    load: async () => (await import('./sync.js')).syncCommand
  },
  {
    name: 'export',
    summary: 'export an article as TMX 1.4 or XLIFF 2.0',
    load: async () => (await import('./export.js')).exportCommand
  },
  {
    name: 'glossary',
    summary: 'check the glossary, or export it as TBX or CSV for CAT tools',
    load: async () => (await import('./glossary.js')).glossaryCommand
  },
  {
    name: 'merge-reports',
    summary: 'merge the JSON or SARIF reports of sharded runs into one',
    load: async () => (await import('./merge-reports.js')).mergeReportsCommand
  }
]
