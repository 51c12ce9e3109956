/**
 * Whether a text can hold a suppression marker, without parsing it.
 */

/**
 * Whether a text can hold a suppression marker (`<!-- bitext-disable … -->`,
 * `bitext-enable`, `bitext-disable-next-line`). A text without one needs no
 * parse to apply suppressions to messages added after its pipeline ran.
 *
 * @param text An article's text.
 * @returns False when the text has no marker.
 */
export function mayHaveMarkers(text: string): boolean {
  return text.includes('bitext-disable') || text.includes('bitext-enable')
}
