/**
 * The comparison half of the cross-file `glossary-inconsistent`: compare the
 * approved renderings each English term got (`file.data.termUses`) across
 * all files, and warn at each use of a rendering other than the most used
 * one, naming where the usual one is. This needs no Markdown parser: only
 * applying a file's comment markers does (`applyMarkers` in
 * `cross-file.ts`), so a build whose files have none never loads one.
 */
import type {VFile} from 'vfile'
import type {TermUse} from '../types.js'
import {glossaryInconsistent} from './glossary-inconsistent.js'
import {severityOf, type RuleSettings} from './settings.js'
import {mayHaveMarkers} from './suppress-markers.js'

/** Options of `reportInconsistentRenderings` and `checkCrossFile`. */
export interface CrossFileOptions {
  /** Severity per rule id (default: the rule's default, `warn`). */
  settings?: RuleSettings
  /** How many places a message names before "and N more" (default 3). */
  maxPlaces?: number
}

/** One use with its file. */
interface Located {
  file: VFile
  use: TermUse
}

/**
 * Report inconsistent renderings across files, as `glossary-inconsistent`
 * messages on the files, before comment markers apply.
 *
 * @param files The checked files (in a stable order: it decides ties).
 * @param options Settings.
 * @returns The number of messages added, and the files that got one.
 */
export function reportInconsistentRenderings(files: readonly VFile[], options: CrossFileOptions = {}): {added: number; touched: Set<VFile>} {
  const severity = severityOf(glossaryInconsistent, options.settings ?? {})
  if (severity === undefined) return {added: 0, touched: new Set()}
  const maxPlaces = options.maxPlaces ?? 3
  const byTerm = new Map<string, Located[]>()
  for (const file of files) {
    for (const use of file.data.termUses ?? []) {
      const list = byTerm.get(use.term) ?? []
      list.push({file, use})
      byTerm.set(use.term, list)
    }
  }

  const touched = new Set<VFile>()
  let added = 0
  for (const [term, uses] of byTerm) {
    const byRendering = new Map<string, Located[]>()
    for (const located of uses) {
      const list = byRendering.get(located.use.rendering) ?? []
      list.push(located)
      byRendering.set(located.use.rendering, list)
    }
    if (byRendering.size < 2) continue
    // The usual rendering: most uses; on a tie, the one used first.
    const [usual, usualUses] = [...byRendering].reduce((best, entry) => (entry[1].length > best[1].length ? entry : best))
    const places = usualUses.map((located) => `${located.file.path}:${located.use.line}:${located.use.column}`)
    const named = places.length > maxPlaces ? `${places.slice(0, maxPlaces).join(', ')} and ${places.length - maxPlaces} more` : places.join(', ')
    for (const [rendering, odd] of byRendering) {
      if (rendering === usual) continue
      for (const {file, use} of odd) {
        const start = {line: use.line, column: use.column}
        const place = use.endLine !== undefined && use.endColumn !== undefined ? {start, end: {line: use.endLine, column: use.endColumn}} : start
        const message = file.message(`Inconsistent \`${rendering}\` for \`${term}\`, expected \`${usual}\` as in ${named}`, {
          place,
          ruleId: glossaryInconsistent.id,
          source: 'bitext'
        })
        message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined
        message.url = `docs/rules/${glossaryInconsistent.id}.md`
        message.actual = rendering
        message.expected = [usual]
        message.note = `\`${term}\` is rendered \`${usual}\` ${usualUses.length} time${usualUses.length === 1 ? '' : 's'} and \`${rendering}\` ${odd.length} time${odd.length === 1 ? '' : 's'} in the checked files`
        touched.add(file)
        added++
      }
    }
  }
  return {added, touched}
}

/**
 * Whether comment markers may switch off messages of a file: it has a tree
 * (which `applyMarkers` reads them from), or text with a marker in it.
 * Files rebuilt from batch results carry no tree, and most have no marker:
 * parsing each again was most of what this check cost at the end of a build.
 *
 * @param file A file that got a message.
 * @returns True when `applyMarkers` has work to do on it.
 */
export function needsMarkers(file: VFile): boolean {
  return file.data.tree !== undefined || (typeof file.value === 'string' && mayHaveMarkers(file.value))
}
