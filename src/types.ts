/**
 * Shared types of bitext and the augmentation of vfile's `DataMap`.
 *
 * Stages talk to each other through `file.data` only; every key they use is
 * declared here once.
 */
import type {Html, Root, RootContent} from 'mdast'
import type {FrontMatterYaml} from './parse/front-matter.js'
import type {LocalFile} from './parse/local-files.js'

/** Severity of a finding: `error` fails CI, `warning` does not, `info` carries facts. */
export type Severity = 'error' | 'warning' | 'info'

/** Severity setting of a rule in configuration. */
export type RuleSetting = 'off' | 'warn' | 'error' | 'info'

/** Result of decoding bytes into text. */
export interface EncodingInfo {
  /** Encoding name as iconv-lite knows it, lower case (`utf-8`, `gb18030`, `utf-16le`, …). */
  encoding: string
  /** How sure detection is, 0–1 (1 for a BOM, strict UTF-8 or `--encoding`). */
  confidence: number
  /** Whether a byte order mark was present (and removed). */
  bom: boolean
  /** How the encoding was chosen. */
  source: 'bom' | 'utf-8' | 'detected' | 'override'
  /**
   * UTF-8 whose lost bytes were saved as `?` (`E5 3F AF` for 可): where each
   * damaged character starts in the text (0-based offsets, in order); each
   * is there as windows-1252 shows its bytes (`å?¯`), for the repair stage
   * to rebuild.
   */
  lostAsQuestion?: number[]
  /**
   * UTF-8 that lost bytes on the way (`E5 AF` where `可` was `E5 8F AF`):
   * read byte for byte as windows-1252 shows them, C1 controls for the bytes
   * it leaves undefined, so that the repair stage rebuilds it as it does
   * UTF-8 read as windows-1252 with lost bytes.
   */
  lostBytes?: true
}

/** One automatic repair of mojibake, with its place in the input text. */
export interface RepairRecord {
  /** 1-based line in the text before repair (repair never changes line breaks). */
  line: number
  /** 1-based column in the text before repair. */
  column: number
  /** 0-based offset in the text before repair. */
  offset: number
  /** 0-based offset of the replacement in the repaired text. */
  outputOffset: number
  /** The damaged text as found. */
  before: string
  /** What it was replaced with. */
  after: string
  /** 0–1: how sure the repair is. Lossless re-decodes are close to 1. */
  confidence: number
  /** Runner-up candidates for `after`, best first (empty when there was no choice). */
  alternatives: string[]
  /** `lossless` when the bytes were all there, `lossy` when some had to be rebuilt. */
  kind: 'lossless' | 'lossy'
  /**
   * What in the English source supports `after`, when the bilingual re-rank
   * used it: `EN "architecture" (架构)`, or `EN "in" by "enterprise"` for a
   * function word next to the English of its Chinese neighbour.
   */
  evidence?: string
}

/**
 * An uncertain repaired character that waits for a person to confirm it or
 * pick another candidate. `bitext repair --write` keeps these in the
 * article's decision block (`<!-- bitext-decisions … -->`, see
 * docs/repair.md), found again by the text around them.
 */
export interface RepairDecision {
  /** The text the repair chose, as the article has it now. */
  choice: string
  /** The other candidates, most likely first (empty when none fits). */
  others: string[]
  /** 0–1: how sure the repair was of `choice`. */
  confidence: number
  /** Why `choice` is the most likely, when the English said so (`EN "volume" (卷)`). */
  evidence?: string
  /** Up to 8 characters before `choice` on its line (the anchor). */
  left: string
  /** Up to 8 characters after `choice` on its line (the anchor). */
  right: string
  /** 1-based line where it was last seen (a hint when the anchor occurs twice). */
  line: number
  /** 1-based column where it was last seen. */
  column: number
}

/** An open decision found in the text. */
export interface OpenDecision extends RepairDecision {
  /** 0-based offsets of `choice` in the text after repair (`file.value`). */
  start: number
  end: number
}

/** A decision block line that could not be used: malformed, or its place is gone. */
export interface DecisionProblem {
  /** What is wrong and what to do. */
  reason: string
  /** 0-based offsets of the block line in the text after repair. */
  start: number
  end: number
}

/** Damage found in one file, reported once per file. */
export interface DamageReport {
  /** Human summary, such as `UTF-8 read as windows-1252, lost bytes 0x81 0x8D 0x8F 0x90 0x9D`. */
  summary: string
  /** The original encoding of the bytes (`utf-8`, `gbk`, …). */
  from: string
  /** The codec that was wrongly used to read them (`windows-1252`, …). */
  via: string
  /** Byte values that were lost, inferred from the document. */
  lostBytes: number[]
  /**
   * Byte values that may have been lost too: only a codec that the text cannot
   * be told from leaves them undefined (a short page read as windows-1254
   * looks like windows-1252). Rebuilding considers them; absent when none.
   */
  possiblyLostBytes?: number[]
  /** How many layers of the same mojibake (1 or 2). */
  layers: number
}

/** A run of text in the input, for the alignment contract. */
export interface Span {
  /** 1-based first line in the input file. */
  line: number
  /** 1-based last line in the input file. */
  endLine: number
  /** Plain text of the block(s). */
  text: string
}

/** Kinds of alignment units. */
export type UnitKind = 'pair' | 'source-only' | 'target-only' | 'shared'

/** One aligned sentence inside a pair (`''` on the missing side). */
export interface SentencePair {
  en: string
  zh: string
  /** 0-based offsets in the file of each side, where known (for messages). */
  enStart?: number
  enEnd?: number
  zhStart?: number
  zhEnd?: number
  /** Flags of this sentence pair (`omission`, `untranslated`), set by align. */
  flags?: string[]
}

/**
 * One block of a unit's side with its place in the file. For English kept in
 * an HTML comment, the place of the English itself (not of `<!--`); for a
 * `>` quote, the quote's first line.
 */
export interface UnitBlock {
  /** 1-based first line holding the block's text. */
  line: number
  /** 1-based last line of the block. */
  endLine: number
  /** 0-based offset of the block's first character in the file. */
  start: number
  /** 0-based offset just after the block. */
  end: number
  /** Plain text of the block. */
  text: string
}

/** An HTML comment that holds stored English (the Kubernetes website's zh-cn convention). */
export interface StoredComment {
  /** The comment's `html` node in the tree (the Chinese page drops it). */
  node: Html
  /** The comment's content parsed as Markdown, positions in the file. */
  nodes: RootContent[]
  /** 1-based first line holding the English (not the `<!--` line). */
  line: number
  /** 1-based last line holding the English. */
  endLine: number
  /** The English as written, container indentation removed. */
  text: string
}

/**
 * One unit of the alignment. With the `>` convention every top-level block
 * of the document is in exactly one unit; with the comment convention units
 * are made of leaf blocks (inside lists too), and the English blocks are those
 * parsed from the comments.
 */
export interface AlignUnit {
  kind: UnitKind
  /** `paragraph`, `heading`, `caption`, `list`, `table`, `code`, `image`, `html`, `thematicBreak`, … */
  block: string
  en: Span | null
  zh: Span | null
  /** The English-side mdast nodes (empty for target-only; for shared, the shared nodes). */
  enNodes: RootContent[]
  /** The Chinese-side mdast nodes (empty for source-only; for shared, the shared nodes). */
  zhNodes: RootContent[]
  /** Sentence alignment, pairs only. */
  sentences: SentencePair[]
  /** Flags such as `untranslated`, `omission`, `swapped-quote`. */
  flags: string[]
  /** The EN blocks with their places (set by align; shared units list their blocks on both sides). */
  enBlocks?: UnitBlock[]
  /** The ZH blocks with their places (set by align). */
  zhBlocks?: UnitBlock[]
}

/** The alignment of one document. */
export interface Alignment {
  units: AlignUnit[]
  /** Estimated ZH:EN character ratio of the document (ZH chars per EN char). */
  ratio: number
  /** Whether the document quotes its English (`en`) or its Chinese (`zh`) side. */
  quoted: 'en' | 'zh' | 'none'
  /**
   * Where the document keeps its English: `quote` (blocks of their own, `>`
   * quoted or not; also two-file mode) or `comment` (`<!--` English `-->`
   * before the Chinese). Absent means `quote`.
   */
  convention?: 'quote' | 'comment'
  /** With the comment convention: every comment holding English, in document order. */
  comments?: StoredComment[]
  /** With the comment convention: the English front matter kept in a comment, if any. */
  frontMatter?: {node: Html; line: number; endLine: number; text: string} | null
}

/** A fix proposed by a check: replace `range` (0-based offsets in the file) with `text`. */
export interface Fix {
  range: [number, number]
  text: string
}

/** One use of a glossary term in a file, for cross-file consistency. */
export interface TermUse {
  /** The glossary entry's key (its first `en`). */
  term: string
  /** The rendering found in the ZH text. */
  rendering: string
  line: number
  column: number
  /** End of the use (1-based line), where known. */
  endLine?: number
  /** End of the use (1-based column, exclusive), where known. */
  endColumn?: number
}

/** Outputs produced by the emit stage, name → content (`index.zh.md`, `index.html`, …). */
export type Outputs = Record<string, string>

export type {LocalFile} from './parse/local-files.js'
export type {FrontMatterYaml} from './parse/front-matter.js'

/** Front matter of an article, as parsed YAML (a map), or `{}`. */
export type FrontMatter = Record<string, unknown>

declare module 'vfile' {
  interface DataMap {
    /** Set by decode. */
    encoding: EncodingInfo
    /** Set by repair: every repair made. */
    repairs: RepairRecord[]
    /** Set by repair: the damage detected, or null for clean text. */
    damage: DamageReport | null
    /** Set by the pipeline: open decisions of the article's decision block. */
    decisions: OpenDecision[]
    /** Set by the pipeline: decision block lines that could not be used. */
    decisionProblems: DecisionProblem[]
    /** Set by parse: the front matter. */
    frontMatter: FrontMatter
    /** Set by parse: the front matter's YAML document, which emit rewrites for the English outputs without parsing it again. */
    frontMatterYaml: FrontMatterYaml
    /** Set by parse: the slug of the article. */
    slug: string
    /** Set by parse: the local files the article refers to (images, linked files). */
    localFiles: LocalFile[]
    /** Set by align. */
    alignment: Alignment
    /** Set by the glossary checks: term uses, for cross-file consistency. */
    termUses: TermUse[]
    /** Set by checks: fixes proposed (applied by `lint --fix`). */
    fixes: Fix[]
    /** Set by emit. */
    outputs: Outputs
    /** Set by emit: the English title (front matter or the English of the first heading), when there is one. */
    titleEn: string
    /** The parsed tree, kept for reporters that need it. */
    tree: Root
    /** Today's English source of a translation (`lint --source`), for the `outdated-translation` rule. */
    syncSource: string
    /** Set when the article could not be processed (a fatal message says why). */
    failed: boolean
  }
}
