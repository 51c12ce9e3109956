/**
 * Types of `bitext sync`: the paragraphs compared, and the per-paragraph
 * statuses of a translation against today's English source.
 */

/** Status of one stored or source paragraph. */
export type SyncStatus = 'current' | 'cosmetic' | 'changed' | 'new' | 'removed'

/** What kind of block a paragraph is; only blocks of the same group pair. */
export type ParagraphKind = 'text' | 'heading' | 'code' | 'table'

/** One block of English, as compared by sync. */
export interface Paragraph {
  kind: ParagraphKind
  /** The Markdown as written, container prefixes (`>`, list indentation) removed. */
  raw: string
  /** The cosmetic key: equal keys mean only cosmetic differences (see `normalize.ts`). */
  key: string
  /** 1-based first line holding the paragraph's text. */
  line: number
  /** 0-based offset of its first character in its file. */
  start: number
  /** 0-based offset just after it. */
  end: number
}

/** A place in the translated file: a block of Chinese (or a shared block). */
export interface ZhPlace {
  /** 1-based first line of the block's text. */
  line: number
  start: number
  end: number
  text: string
}

/** A marker left by `sync --write` (see `markers.ts`). */
export interface Marker {
  kind: 'outdated' | 'untranslated' | 'removed'
  /** For `outdated`: the English the Chinese was translated from; for `removed`: the English removed. Paragraphs joined by ` ¶ ` (absent when unknown). */
  was?: string
  /** 0-based offsets of the whole comment in the file. */
  start: number
  end: number
  /** 1-based line of the comment. */
  line: number
}

/** A paragraph of English stored in the translated file, with the Chinese it renders. */
export interface StoredParagraph extends Paragraph {
  /** Index of its alignment unit: paragraphs of one unit share their Chinese and markers. */
  unit: number
  /** Whether the block is its own rendering (code, an English heading left untranslated). */
  shared: boolean
  /** The Chinese blocks of its unit (empty when none). */
  zh: ZhPlace[]
  /** Markers attached to its unit. */
  markers: Marker[]
  /** Offsets of what holds the stored English (the comment, the quote) in the file. */
  container: {start: number; end: number}
  /** Text before the paragraph on its first line that continuation lines repeat (indentation, `>`). */
  prefix: string
}

/** One result: a stored paragraph, a source paragraph, or both. */
export interface SyncUnit {
  status: SyncStatus
  stored: StoredParagraph | null
  source: Paragraph | null
  /** Word diff of the English (`[-old-]{+new+}`) for `changed`, else null. */
  diff: string | null
  /** Whether the source moved the paragraph elsewhere (its Chinese stands at the old place). */
  moved?: boolean
}

/** The result of comparing one translation with its source. */
export interface SyncResult {
  units: SyncUnit[]
  /** Where the translation keeps its English (`git`: read from the base commit). */
  convention: 'comment' | 'quote' | 'git' | 'none'
  /** Whether the whole-file fast path decided (nothing but current paragraphs). */
  fast: boolean
}
