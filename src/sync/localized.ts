/**
 * A code block kept in a translation with its comments or placeholders in
 * Chinese, matched against the English code block it renders.
 */
import {hasHan} from '../align/script.js'
import type {Paragraph, StoredParagraph} from './types.js'

/** Most Chinese runs a localized code block may hold (each is a wildcard). */
const maxWildcards = 40

/**
 * Whether a shared code block of the translation, whose comments or
 * placeholders are in Chinese, is the source's code block: each line's span
 * from its first to its last Han character stands for any text.
 */
export function localizedMatch(stored: StoredParagraph, source: Paragraph): boolean {
  if (!stored.shared || stored.kind !== 'code' || !hasHan(stored.key)) return false
  const parts = stored.key.split('\n').map((line) => {
    const han = /\p{Script=Han}(?:.*\p{Script=Han})?[\p{P}]*/u.exec(line)
    if (!han) return escape(line)
    return `${escape(line.slice(0, han.index))}[^]*?${escape(line.slice(han.index + han[0].length))}`
  })
  if (parts.filter((part) => part.includes('[^]*?')).length > maxWildcards) return false
  return new RegExp(`^${parts.join('\n')}$`, 'u').test(source.key)
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
