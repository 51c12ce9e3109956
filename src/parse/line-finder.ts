/**
 * Lines of offsets in a text, for callers that ask for many: the line feeds
 * are found once and each offset's line by binary search (vfile-location's
 * `toPoint` scans its line list for every call).
 */

/**
 * Make a finder of 1-based lines for a text.
 *
 * @param text The text (as on disk, or as repaired: the lines are the same).
 * @returns The line of an offset: one plus the line feeds before it.
 */
export function lineFinder(text: string): (offset: number) => number {
  const feeds: number[] = []
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) feeds.push(at)
  return (offset) => {
    let low = 0
    let high = feeds.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (feeds[middle]! < offset) low = middle + 1
      else high = middle
    }
    return low + 1
  }
}
