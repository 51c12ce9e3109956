/**
 * Twin decisions: the same damaged character rebuilt the same way in the
 * same word at several places (the seed's three `号影`, `卷影` in the
 * original). A person decides them once: the `mojibake-uncertain` rule
 * reports one message for them, naming the other places' lines, and
 * settling one (`bitext repair --accept` or `--choose`) settles them all.
 * Pure: offsets into one text in, groups out.
 */

/** What twins are compared on: the choice, its runner-ups, and where it is. */
export interface TwinItem {
  /** The chosen text. */
  choice: string
  /** The other candidates. */
  others: readonly string[]
  /** 0-based offsets of `choice` in the text. */
  start: number
  end: number
}

/**
 * Group twin decisions: the same choice with the same other candidates and
 * the same Han character just before or just after it (the same two-character
 * sequence: `号影` thrice). Each group is in text order, and the groups are
 * in the order of their first place; a decision without twins is a group of one.
 *
 * Only Han neighbours count: `Kubernetes 中` twice is two prepositions in two
 * phrases, each for its own English, not one word.
 *
 * @param text The text the offsets point into.
 * @param items Decisions.
 * @returns The groups.
 */
export function twinGroups<T extends TwinItem>(text: string, items: readonly T[]): T[][] {
  const ordered = [...items].sort((a, b) => a.start - b.start)
  const parent = ordered.map((_, index) => index)
  const root = (index: number): number => {
    while (parent[index] !== index) index = parent[index] = parent[parent[index]!]!
    return index
  }
  const seen = new Map<string, number>()
  ordered.forEach((item, index) => {
    if (item.choice.length === 0 || !isHan(item.choice)) return
    const candidates = `${item.choice}|${[...item.others].sort().join('\u0000')}`
    const before = charBefore(text, item.start)
    const after = charAfter(text, item.end)
    for (const key of [isHan(before) ? `${candidates}|<${before}` : '', isHan(after) ? `${candidates}|>${after}` : '']) {
      if (key === '') continue
      const other = seen.get(key)
      if (other === undefined) seen.set(key, index)
      else parent[root(index)] = root(other)
    }
  })
  const groups = new Map<number, T[]>()
  ordered.forEach((item, index) => {
    const group = groups.get(root(index))
    if (group === undefined) groups.set(root(index), [item])
    else group.push(item)
  })
  return [...groups.values()].sort((a, b) => a[0]!.start - b[0]!.start)
}

function charBefore(text: string, offset: number): string {
  const code = text.codePointAt(offset - 1) ?? 0
  return offset >= 2 && code >= 0xdc00 && code <= 0xdfff ? text.slice(offset - 2, offset) : text.slice(offset - 1, offset)
}

function charAfter(text: string, offset: number): string {
  const code = text.codePointAt(offset)
  return code === undefined ? '' : String.fromCodePoint(code)
}

function isHan(text: string): boolean {
  return /^\p{Script=Han}+$/u.test(text)
}
