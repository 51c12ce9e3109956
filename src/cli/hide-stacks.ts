/**
 * Keep stack traces out of reports unless asked for: vfile-reporter prints a
 * message's `cause` with its stack, which is noise for a user's mistake and
 * belongs behind `--debug`.
 */
import type {VFile} from 'vfile'

/**
 * Drop the `cause` of every message unless debugging.
 *
 * @param files The files about to be reported.
 * @param debug Whether `--debug` was given.
 */
export function hideStacks(files: readonly VFile[], debug: boolean): void {
  if (debug) return
  for (const file of files) {
    for (const message of file.messages) {
      if (message.cause !== undefined) message.cause = undefined
    }
  }
}
