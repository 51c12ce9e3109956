/**
 * The local files an article refers to: images and links whose URL is a
 * relative path (`images/shot.png`, `files/slides.pdf`). The build copies
 * them beside the article's outputs, so the pages show them.
 */
import type {Nodes, Root} from 'mdast'
import {eachNode} from './each-node.js'

/** One reference to a local file. */
export interface LocalFile {
  /** The URL as written. */
  url: string
  /** The path it names, relative to the article's folder: decoded, without query or fragment, `/` separated. */
  path: string
  /** 1-based place of the image or link in the article. */
  line: number
  column: number
  endLine: number
  endColumn: number
}

/** A scheme (`https:`, `mailto:`, `data:`) or a protocol-relative `//host`. */
const external = /^(?:[a-z][a-z\d+.-]*:|\/\/)/i

/**
 * Collect the local files of an article. Links to other Markdown files and
 * to folders are links between articles, not files to copy; absolute paths
 * (`/images/a.png`) belong to the site and are left alone.
 *
 * @param tree The parsed article.
 * @returns The references in document order (one per place).
 */
export function localFiles(tree: Root): LocalFile[] {
  const found: LocalFile[] = []
  eachNode(tree as Nodes, (node) => {
    const position = node.position
    if (!position) return
    const place = {line: position.start.line, column: position.start.column, endLine: position.end.line, endColumn: position.end.column}
    // Raw HTML: `<img src="…">`, `<a href="…">`, `<source srcset>` is left alone.
    const urls = node.type === 'html' ? [...node.value.matchAll(htmlUrl)].map((match) => ({url: match[2] ?? '', image: match[1]?.toLowerCase() === 'src'})) : []
    if (node.type === 'image' || node.type === 'link' || node.type === 'definition') urls.push({url: node.url, image: node.type === 'image'})
    for (const {url, image} of urls) {
      const file = localPath(url)
      if (file === undefined || (!image && /\.(?:md|markdown)$/i.test(file))) continue
      found.push({url, path: file, ...place})
    }
  })
  return found
}

/** A `src` or `href` attribute in raw HTML, quoted. */
const htmlUrl = /\b(src|href)\s*=\s*["']([^"']*)["']/gi

/** The file a URL names, or undefined when it names none on this disk. */
function localPath(url: string): string | undefined {
  const trimmed = url.trim()
  if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('/') || trimmed.startsWith('\\') || external.test(trimmed)) return undefined
  const bare = trimmed.replace(/[?#].*$/, '')
  if (bare === '' || bare.endsWith('/')) return undefined
  try {
    return decodeURIComponent(bare)
  } catch {
    return bare
  }
}
