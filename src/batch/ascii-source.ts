/**
 * Make a bundle's JavaScript pure ASCII, for `scripts/bundle-worker.mjs`.
 */

/**
 * Escape every character beyond ASCII as `\uXXXX` (a pair of them beyond
 * the BMP).
 *
 * esbuild escapes such characters in strings and names, not in regular
 * expression literals, where `\uXXXX` stands for the same character, in
 * and out of a class, with or without the `u` flag. A pure ASCII source is
 * held by V8 in one byte per character instead of two: for the worker's
 * bundle, which each worker keeps for its whole life, 1.7 MB of heap.
 *
 * @param source JavaScript whose characters beyond ASCII are in string or
 *   regular expression literals (not in comments, template literals read
 *   raw, or names).
 * @returns The same program in ASCII.
 * @throws Error when such a character follows a backslash (`\é`): escaping
 *   it would turn the backslash into one of its own.
 */
export function escapeNonAscii(source: string): string {
  return source.replace(/[^\0-\x7f]/g, (character, offset: number) => {
    if (source[offset - 1] === '\\') throw new Error(`A backslash before a character beyond ASCII at offset ${offset - 1}: cannot escape it`)
    return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`
  })
}
