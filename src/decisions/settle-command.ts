/**
 * The exact `bitext repair --accept` / `--choose` commands that settle a
 * decision, as a reviewer would paste them into a shell (the review report
 * shows them on the card of each decision). `parseTarget` reads their places.
 */

/** The two commands that settle one decision. */
export interface SettleCommands {
  /** Keep the repair's choice: `bitext repair --accept FILE:LINE:COLUMN`. */
  accept: string
  /** Put `other` in its place: `bitext repair --choose FILE:LINE:COLUMN=OTHER`. */
  choose: string
}

/**
 * The commands that settle the decision at a place on disk (and its twins).
 *
 * @param file The article's path, as the reviewer's shell sees it (`FILE` when empty).
 * @param line 1-based line on disk, as `mojibake-uncertain` reports it.
 * @param column 1-based column on disk.
 * @param other The text `--choose` puts in place of the choice (the likeliest other candidate).
 * @returns Both commands, each argument quoted for a POSIX shell when it needs it.
 */
export function settleCommands(file: string, line: number, column: number, other: string): SettleCommands {
  const place = `${file === '' ? 'FILE' : file}:${line}:${column}`
  return {
    accept: `bitext repair --accept ${shellWord(place)}`,
    choose: `bitext repair --choose ${shellWord(`${place}=${other}`)}`
  }
}

/**
 * One shell word: as is when it holds nothing a POSIX shell would read
 * (letters of any script, digits, `_./:=@%+,-`), else in single quotes.
 *
 * @param word The word.
 * @returns The word as typed in a shell.
 */
export function shellWord(word: string): string {
  return /^[\p{L}\p{N}\p{M}_./:=@%+,-]+$/u.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`
}
