/**
 * The cross-file part of `glossary-inconsistent`: after every file went
 * through the check stage, compare the approved renderings each English term
 * got (`file.data.termUses`) across all files, and warn at each use of a
 * rendering other than the most used one, naming where the usual one is;
 * then apply each file's comment markers to those messages.
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {createParser} from '../parse/index.js'
import {needsMarkers, reportInconsistentRenderings, type CrossFileOptions} from './inconsistent-renderings.js'
import {applySuppressions} from './suppress.js'

export type {CrossFileOptions} from './inconsistent-renderings.js'

/**
 * Report inconsistent renderings across files, as `glossary-inconsistent`
 * messages on the files. Comment markers in each file still apply (its
 * `file.data.tree` is used for them, or its text is parsed again).
 *
 * @param files The checked files (in a stable order: it decides ties).
 * @param options Settings.
 * @returns The number of messages added.
 */
export function checkCrossFile(files: readonly VFile[], options: CrossFileOptions = {}): number {
  const {added, touched} = reportInconsistentRenderings(files, options)
  applyMarkers([...touched].filter((file) => needsMarkers(file)))
  return added
}

/**
 * Apply the comment markers of files to their messages (`bitext-disable`
 * and its kin switch messages off), reading them from `file.data.tree`, or
 * from the file's text parsed again.
 *
 * @param files Files that got cross-file messages and may have markers (`needsMarkers`).
 */
export function applyMarkers(files: readonly VFile[]): void {
  for (const file of files) {
    const tree = (file.data.tree as Root | undefined) ?? (typeof file.value === 'string' ? createParser().parse(file.value) : undefined)
    if (tree) applySuppressions(tree, file, {onDisk: true})
  }
}
