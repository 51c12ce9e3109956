/**
 * Plain text of mdast blocks with a map back to file offsets, and a mask that
 * tells prose from inline code, link text and URLs (so that script statistics
 * and the untranslated check can ignore what is legitimately English).
 */
import type {Nodes, RootContent} from 'mdast'

/** What a character of block text came from. */
export const Mask = {
  /** Ordinary prose. */
  Text: 0,
  /** Inline code. */
  Code: 1,
  /** The visible text of a link. */
  Link: 2,
  /** A URL shown as text (autolinks, bare URLs). */
  Url: 3,
  /** A separator added between blocks or for a line break. */
  Gap: 4
} as const

/** One of the `Mask` values. */
export type MaskValue = (typeof Mask)[keyof typeof Mask]

/** Plain text of one or more blocks with offsets and mask. */
export interface BlockText {
  /** The plain text. */
  text: string
  /** For every UTF-16 unit of `text`, its 0-based offset in the file, or -1. */
  offsets: number[]
  /** For every UTF-16 unit of `text`, a `Mask` value. */
  mask: number[]
  /** Link targets met in the blocks. */
  urls: string[]
  /** Values of inline code met in the blocks. */
  codes: string[]
}

const urlLike = /^(?:[a-z][a-z\d+.-]*:\/\/|www\.|mailto:)/i

/**
 * Collect the plain text of blocks.
 *
 * @param nodes Top-level blocks (or any mdast nodes).
 * @param source The file's text; when given, offsets are exact even through
 *   blockquote markers and escapes, otherwise they are approximate.
 * @returns The text with offsets, mask, link targets and inline code values.
 */
export function blockText(nodes: readonly RootContent[], source?: string): BlockText {
  const out: BlockText = {text: '', offsets: [], mask: [], urls: [], codes: []}
  const parts: string[] = []

  function push(value: string, start: number | undefined, end: number | undefined, mask: MaskValue): void {
    parts.push(value)
    mapOffsets(out.offsets, value, start, end, source)
    for (let i = 0; i < value.length; i++) out.mask.push(mask)
  }

  function gap(value: string): void {
    if (parts.length === 0) return
    const last = parts[parts.length - 1]
    if (last.endsWith('\n') || last.endsWith(' ')) return
    push(value, undefined, undefined, Mask.Gap)
  }

  function walk(node: Nodes, mask: MaskValue): void {
    switch (node.type) {
      case 'text': {
        push(node.value, node.position?.start.offset, node.position?.end.offset, mask)
        return
      }
      case 'inlineCode': {
        out.codes.push(node.value)
        const start = node.position?.start.offset
        const end = node.position?.end.offset
        push(node.value, start, end, Mask.Code)
        return
      }
      case 'link': {
        out.urls.push(node.url)
        const label = node.children.map((child) => plain(child)).join('')
        const isUrl = label === node.url || urlLike.test(label)
        for (const child of node.children) walk(child, isUrl ? Mask.Url : Mask.Link)
        return
      }
      case 'linkReference': {
        for (const child of node.children) walk(child, Mask.Link)
        return
      }
      case 'break': {
        push('\n', undefined, undefined, Mask.Gap)
        return
      }
      case 'image':
      case 'imageReference':
      case 'html':
      case 'footnoteReference':
      case 'definition':
      case 'yaml': {
        return
      }
      case 'code': {
        gap('\n')
        push(node.value, undefined, undefined, Mask.Code)
        gap('\n')
        return
      }
      default: {
        if (!('children' in node)) return
        const block = isBlock(node)
        if (block) gap('\n')
        for (const child of node.children) {
          walk(child, mask)
          if (isBlock(child)) gap('\n')
        }
        if (block) gap('\n')
      }
    }
  }

  for (const node of nodes) {
    walk(node, Mask.Text)
    gap('\n')
  }

  out.text = parts.join('')
  // Drop trailing separators so that the text ends with its last character.
  let end = out.text.length
  while (end > 0 && out.mask[end - 1] === Mask.Gap) end--
  out.text = out.text.slice(0, end)
  out.offsets.length = end
  out.mask.length = end
  return out
}

function plain(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value
  if ('children' in node) return node.children.map((child) => plain(child)).join('')
  return ''
}

function isBlock(node: Nodes): boolean {
  return (
    node.type === 'paragraph' ||
    node.type === 'heading' ||
    node.type === 'listItem' ||
    node.type === 'list' ||
    node.type === 'blockquote' ||
    node.type === 'table' ||
    node.type === 'tableRow' ||
    node.type === 'tableCell' ||
    node.type === 'footnoteDefinition'
  )
}

/**
 * Map each unit of `value` to a file offset, appended to `offsets`. With the
 * source, characters are matched in order, skipping markup in between (`> `,
 * backslashes, entities).
 */
function mapOffsets(
  offsets: number[],
  value: string,
  start: number | undefined,
  end: number | undefined,
  source: string | undefined
): void {
  if (start === undefined) {
    for (let i = 0; i < value.length; i++) offsets.push(-1)
    return
  }
  const stop = end ?? start + value.length
  // `source.slice(start, stop) === value`, without the copy (offsets are never negative).
  if (source === undefined || (Math.max(0, Math.min(stop, source.length) - Math.min(start, source.length)) === value.length && source.startsWith(value, start))) {
    for (let i = 0; i < value.length; i++) offsets.push(Math.min(start + i, Math.max(start, stop - 1)))
    return
  }

  let at = start
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]
    let probe = at
    // Skip at most a few characters of markup between two characters of text.
    while (probe < stop && probe - at < 8 && source[probe] !== ch) probe++
    if (probe < stop && source[probe] === ch) {
      offsets.push(probe)
      at = probe + 1
    } else {
      offsets.push(Math.min(at, stop - 1))
    }
  }
}
