/**
 * The one-line summary printed at the end of a batch.
 */
import type {VFile} from 'vfile'

/** Counts over a batch of files. */
export interface Summary {
  articles: number
  failed: number
  repairs: number
  errors: number
  warnings: number
  /** `2 articles built, 1 failed, 812 repairs, 14 warnings, 1 error in 0.9 s`. */
  line: string
}

/**
 * Count what happened in a batch.
 *
 * @param files The processed files.
 * @param milliseconds How long the batch took.
 * @returns The counts and the summary line.
 */
export function summarize(files: readonly VFile[], milliseconds: number): Summary {
  let failed = 0
  let repairs = 0
  let errors = 0
  let warnings = 0
  for (const file of files) {
    if (file.data.failed) failed++
    repairs += file.data.repairs?.length ?? 0
    for (const message of file.messages) {
      if (message.fatal === true) errors++
      else if (message.fatal === false) warnings++
    }
  }
  const built = files.length - failed
  const parts = [
    `${built} article${built === 1 ? '' : 's'} built`,
    ...(failed > 0 ? [`${failed} failed`] : []),
    `${repairs} repair${repairs === 1 ? '' : 's'}`,
    `${warnings} warning${warnings === 1 ? '' : 's'}`,
    `${errors} error${errors === 1 ? '' : 's'}`
  ]
  const line = `${parts.join(', ')} in ${(milliseconds / 1000).toFixed(1)} s`
  return {articles: files.length, failed, repairs, errors, warnings, line}
}
