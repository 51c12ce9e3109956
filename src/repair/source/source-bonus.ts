/**
 * How well a candidate for a rebuilt character agrees with the English
 * source: does a Chinese word it forms have a gloss that the aligned English
 * contains? Content words count in the aligned sentence and, less, in the
 * English of the whole pair; function words (`与` "and", `中` "in", `不`
 * "not") only in the aligned sentence, and fully only when the English word
 * stands next to the English of a Chinese neighbour (`design and
 * implementation` for `设计?实现`).
 */
import {isHan} from '../reconstruct/choose.js'
import {completedFrame, frameReach, unknown} from '../model/context-model.js'
import {conjunctions, englishTokens, functionWords, habitualUsedTo, pronounOf, pronounPersons, senseWords, stemEnglish} from './english.js'
import type {GlossDictionary} from './gloss-dictionary.js'

/** Weights of the evidence, in natural-log units added to a candidate's score. */
export interface SourceWeights {
  /** A word of two or more characters whose gloss is in the aligned sentence (default 3). */
  wordInSentence: number
  /** … only in the English of the pair (default 1). */
  wordInBlock: number
  /** The character alone as a content word whose gloss is in the aligned sentence (default 1). */
  charInSentence: number
  /** A function word in the aligned sentence next to the English of a Chinese neighbour (default 5: 3 lost `在现实世界中是` to the lexicon's `不是`). */
  functionAnchored: number
  /**
   * A function word in the aligned sentence, not anchored, for a candidate
   * that completes a phrase frame of its clause (`像…一样` "like", `在…中` "in").
   */
  functionFramed: number
  /**
   * A function word in the aligned sentence, elsewhere (default 0: on the
   * CNCF corpus it breaks more than it fixes, `and` and `in` being everywhere).
   */
  functionInSentence: number
  /**
   * The same for function words that Chinese renders with one character of
   * their own wherever they stand, so that they count anywhere in the
   * aligned sentence: `or` (`或`), `but` (`但`), `will` (`将`). Word → weight;
   * a word not listed takes `functionInSentence`.
   */
  specificFunctionInSentence: Readonly<Record<string, number>>
  /**
   * A negator (`不`) where the aligned sentence says `not`, `never`, `no` …
   * more often than the intact Chinese of the sentence has negators (default 2.5).
   */
  negation: number
  /**
   * Every candidate but `不` at a place where `不` is a candidate, when the
   * aligned sentence negates nothing (no `not`, `never`, `un-`, `-less` …).
   */
  noNegation: number
  /**
   * A pronoun (`我` "I; me; my", `我们` "we", `你` "you") where the aligned
   * sentence has more forms of its person (`I`, `my`, `me`) than the intact
   * Chinese of the sentence has pronouns of it (default 2.5, a one-word gloss's).
   */
  pronoun: number
}

/** Default weights. */
export const defaultSourceWeights: SourceWeights = {
  wordInSentence: 3,
  wordInBlock: 1,
  charInSentence: 2.5,
  functionAnchored: 5,
  functionFramed: 2.5,
  functionInSentence: 0,
  specificFunctionInSentence: {or: 3, but: 1.5, will: 1.5},
  negation: 2.5,
  noNegation: 1.5,
  pronoun: 2.5
}

/** An English source prepared for matching. */
export interface PreparedSource {
  /** Tokens of the aligned sentence, in order (empty when only the block is known). */
  tokens: string[]
  /** Stem → a token with that stem, for the sentence. */
  sentenceStems: ReadonlyMap<string, string>
  /** Stem → a token with that stem, for the whole pair. */
  blockStems: ReadonlyMap<string, string>
  /**
   * Stems of English words that intact Chinese words of the sentence already
   * render: they are spoken for, and are no evidence for a rebuilt character.
   */
  covered: ReadonlySet<string>
  /** The same for the whole Chinese side of the pair, for matches in the block. */
  blockCovered: ReadonlySet<string>
  /** English negations of the sentence that no intact Chinese negator renders (0 when unknown). */
  unrenderedNegations: number
  /** Damaged characters of the sentence that may be a negator: they share those negations (set by the caller; default 1). */
  negatorSlots: number
  /** Whether the aligned sentence is known and negates nothing, not even by a prefix (`unpractical`) or a suffix (`stateless`). */
  negationFree: boolean
  /** The marks `! ? : ;` of the aligned sentence (empty when it is unknown). */
  marks: ReadonlySet<string>
  /**
   * Person (`pronounPersons`) → how many more forms of it the aligned
   * sentence has than the intact Chinese of the sentence has pronouns of it
   * (only persons with more; see {@link renderedPronouns}).
   */
  unrenderedPronouns: ReadonlyMap<string, number>
  /** Person → damaged characters of the sentence that may be one of its pronouns: they share its forms (set by the caller; default 1). */
  pronounSlots: Map<string, number>
}

/** English words that Chinese renders with a negator (`不`, `没`, `无`, `未`, `非`). */
const negations = new Set(['not', 'no', 'never', 'none', 'nothing', 'neither', 'nor', 'cannot', 'without'])

/**
 * English words that negate by their form, or that Chinese often renders
 * with `不` although they have no `not` (`rather than` 而不是, `different`
 * 不同, `continuously` 不断, `regardless` 不管, `less secure` 不如…安全;
 * `have to` 不得不 is {@link haveTo}).
 */
const negativeForm = /^(?:un[a-z]{3,}|non[a-z]*|im(?:possib|mutab|prop|prac|perfect|balanc)[a-z]*|ir[a-z]{4,}|il(?:legal|logic)[a-z]*|dis(?:abl|allow|agree|like|continu|connect|trust)[a-z]*|in(?:correct|valid|consisten|complet|secur|sufficien|appropriat|activ|accessib|compatib|capab|definit|direct|effectiv|efficien|evitab|flexib|frequen|stab|adequa)[a-z]*|[a-z]{3,}less(?:ly|ness)?|rather|instead|differ[a-z]*|continu[a-z]*|constant[a-z]*|regardless|fail[a-z]*|lack[a-z]*|avoid[a-z]*|prevent[a-z]*|refus[a-z]*|stop[a-z]*|hardly|barely|rarely|seldom|few|little|less|worse|inferior|only|however|but)$/

/**
 * English words negated by a prefix, which Chinese renders with `不`
 * (`unpractical` 不实际, `incorrect` 不正确, `impossible` 不可能): a negation
 * like `not`. Not `under`, `unique`, `until`, nor the verbs that undo
 * (`uninstall` 卸载, `unlock` 解锁), nor `unlike` (与…不同) and `unless`.
 */
const negativeAffix = /^(?:un(?!der|til|i|like|less|install|mount|load|lock|pack|set|do|zip|tar|regist|subscrib|link|wrap|tie|plug|pin|cordon|schedul|tag|ix)[a-z]{3,}|non|im(?:possib|mutab|prop|prac|perfect|balanc)[a-z]*|ir(?:relevan|regular|revers|respons)[a-z]*|il(?:legal|logic)[a-z]*|in(?:correct|valid|consisten|complet|secur|sufficien|appropriat|accessib|compatib|capab|definit|effectiv|efficien|evitab|flexib|frequen|stab|adequa)[a-z]*)$/

/** `have to`, `has to`, `had to`: Chinese often says `不得不`. */
function haveTo(tokens: readonly string[], index: number): boolean {
  return (tokens[index] === 'have' || tokens[index] === 'has' || tokens[index] === 'had') && tokens[index + 1] === 'to'
}

/** Characters that negate in Chinese: an intact one renders an English negation. */
export const negators: ReadonlySet<string> = new Set([...'不没未无非别勿莫否'])

/** Whether an English token negates (`not`, `never`, `unpractical`). */
function isNegation(token: string): boolean {
  return negations.has(token) || negativeAffix.test(token)
}

/** Words whose negator character negates nothing (`特别` "especially", `非常` "very", `是否` "whether"). */
const notNegating: ReadonlySet<string> = new Set('特别 区别 分别 别人 别的 告别 识别 级别 类别 差别 个别 辨别 鉴别 性别 非常 是否 与否 能否 未来'.split(' '))

/** How many characters of a Chinese text negate (`不`, `没`, … outside {@link notNegating} words). */
function countNegators(chinese: string): number {
  const chars = [...chinese]
  return chars.filter((char, index) => negators.has(char) && !notNegating.has((chars[index - 1] ?? '') + char) && !notNegating.has(char + (chars[index + 1] ?? ''))).length
}

/** The block {@link prepareSource} prepared last, and its stems (shared, never changed). */
let lastBlock: {block: string; stems: Map<string, string>} | undefined

/**
 * Prepare an English sentence and its block for matching.
 *
 * @param sentence The aligned sentence (`''` when unknown).
 * @param block The English of the pair.
 * @param covered Stems already rendered by intact Chinese words of the sentence (see {@link renderedStems}).
 * @param blockCovered Stems already rendered by intact Chinese words of the pair.
 * @param intactChinese The intact characters of the Chinese sentence (for its negators).
 * @param intactPronouns Person → pronouns of it in the intact Chinese of the sentence (see {@link renderedPronouns}).
 * @returns The prepared source.
 */
export function prepareSource(
  sentence: string,
  block: string,
  covered: ReadonlySet<string> = new Set(),
  blockCovered: ReadonlySet<string> = covered,
  intactChinese = '',
  intactPronouns: ReadonlyMap<string, number> = new Map()
): PreparedSource {
  const tokens = englishTokens(sentence)
  const unrenderedPronouns = new Map<string, number>()
  // As written: `US` and `IT` are no pronouns.
  for (const [word] of sentence.matchAll(/[A-Za-z]+/g)) {
    const person = pronounOf(word)
    if (person !== undefined) unrenderedPronouns.set(person, (unrenderedPronouns.get(person) ?? 0) + 1)
  }
  for (const [person, count] of unrenderedPronouns) {
    const left = count - (intactPronouns.get(person) ?? 0)
    if (left > 0) unrenderedPronouns.set(person, left)
    else unrenderedPronouns.delete(person)
  }
  const negated = tokens.filter(isNegation).length
  const rendered = countNegators(intactChinese)
  // Every sentence of a pair, and the pair itself, have the same block: its stems are made once, one after the other.
  if (lastBlock?.block !== block) lastBlock = {block, stems: contentStems(englishTokens(block))}
  return {
    tokens,
    sentenceStems: contentStems(tokens),
    blockStems: lastBlock.stems,
    covered,
    blockCovered,
    unrenderedNegations: Math.max(0, negated - rendered),
    negatorSlots: 1,
    negationFree: tokens.length > 0 && negated === 0 && !tokens.some((token, index) => negativeForm.test(token) || haveTo(tokens, index)),
    marks: new Set(sentence.match(/[!?:;]/g) ?? []),
    unrenderedPronouns,
    pronounSlots: new Map()
  }
}

/**
 * How many pronouns of each person the intact Chinese of a stretch has: a
 * word of two characters that is a pronoun (`我们`, `他们`), else a character
 * that is one (`我`, `你`), unless it makes another word with the character
 * after it (`其他` "other", `我国` "our country").
 *
 * @param chars The characters of the stretch.
 * @param damaged Indices of damaged characters in `chars`.
 * @param dictionary The dictionary.
 * @returns Person → count.
 */
export function renderedPronouns(chars: readonly string[], damaged: ReadonlySet<number>, dictionary: GlossDictionary): Map<string, number> {
  const counts = new Map<string, number>()
  const add = (persons: readonly string[]): void => {
    for (const person of persons) counts.set(person, (counts.get(person) ?? 0) + 1)
  }
  const intact = (index: number): boolean => index < chars.length && !damaged.has(index) && isHan(chars[index]!)
  for (let index = 0; index < chars.length; index++) {
    if (!intact(index)) continue
    const single = dictionary.lookup(chars[index]!)?.pronoun
    if (single === undefined) continue
    if (intact(index + 1) && dictionary.has(chars[index]! + chars[index + 1]!)) {
      const pair = dictionary.lookup(chars[index]! + chars[index + 1]!)?.pronoun
      if (pair !== undefined) add(pair)
      index++
      continue
    }
    add(single)
  }
  return counts
}

/**
 * The stems that the intact Chinese words of a stretch render: glosses of
 * every dictionary word of two to four Han characters that touches no damaged
 * character.
 *
 * @param chars The characters of the stretch.
 * @param damaged Indices of damaged characters in `chars`.
 * @param dictionary The dictionary.
 * @returns Content stems.
 */
export function renderedStems(chars: readonly string[], damaged: ReadonlySet<number>, dictionary: GlossDictionary): Set<string> {
  const stems = new Set<string>()
  for (let start = 0; start < chars.length; start++) {
    let word = ''
    // The word's node in the dictionary's trie: no entry is longer than a string no entry starts with.
    let node = 0
    for (let end = start; end < chars.length && end - start < 4; end++) {
      if (damaged.has(end) || !isHan(chars[end]!)) break
      node = dictionary.prefixStep(node, chars[end]!)
      if (node < 0) break
      word += chars[end]!
      if (word.length < 2 || !dictionary.endsEntry(node)) continue
      for (const gloss of dictionary.lookup(word)?.content ?? []) stems.add(gloss)
    }
  }
  return stems
}

/** Forms of `do`, and what follows `do` as a main verb rather than an auxiliary (`do that`, `doing this`). */
const doForms: ReadonlySet<string> = new Set(['do', 'does', 'did', 'doing', 'done'])
const doObjects: ReadonlySet<string> = new Set(['this', 'that', 'it', 'so', 'something', 'anything', 'everything', 'nothing', 'what', 'these', 'those', 'more', 'much'])
/** What follows `do` as a main verb with its object before it (`what I did on my laptop`), where an auxiliary would have its verb. */
const afterMainDo: ReadonlySet<string> = new Set(['on', 'in', 'at', 'with', 'for', 'about', 'here', 'there', 'well', 'better', 'differently'])

function contentStems(tokens: readonly string[]): Map<string, string> {
  const stems = new Map<string, string>()
  for (const [index, token] of tokens.entries()) {
    const next = tokens[index + 1]
    if (doForms.has(token) && (next === undefined || doObjects.has(next) || afterMainDo.has(next))) {
      if (!stems.has('do')) stems.set('do', token)
      continue
    }
    if (senseWords.has(token) && token !== 'do') {
      const stem = stemEnglish(token)
      if (!stems.has(stem)) stems.set(stem, token)
      continue
    }
    if (token.length < 3 || functionWords.has(token) || /^\d+$/.test(token) || habitualUsedTo(tokens, index)) continue
    const stem = stemEnglish(token)
    if (!stems.has(stem)) stems.set(stem, token)
  }
  return stems
}

/**
 * How much of a gloss of one or two content words the English renders: the
 * specificity of its most specific matched word (a generic one, `use`,
 * glossing thousands of entries, is weaker evidence), halved when only one
 * of two words is there (`used` for `start using`). Words that intact
 * Chinese already renders do not count.
 */
function senseMatch(sense: readonly string[], stems: ReadonlyMap<string, string>, covered: ReadonlySet<string>, dictionary: GlossDictionary): {share: number; tokens: string[]} | undefined {
  const tokens: string[] = []
  let specificity = 0
  for (const gloss of sense) {
    const token = matchStem(gloss, stems)
    if (token === undefined || covered.has(stemEnglish(token))) continue
    tokens.push(token)
    specificity = Math.max(specificity, dictionary.specificity(stemEnglish(token)))
  }
  if (tokens.length === 0) return undefined
  return {share: (specificity * tokens.length) / sense.length, tokens}
}

/**
 * The English token whose stem a gloss stem matches: the same stem, or one
 * a prefix of the other when the shorter has five letters or more and the
 * longer at most five more (`implement` and `implementation`, `subnet` and
 * `subnetwork`, `malic` and `malicious`; not `opera` and `operational`).
 */
function matchStem(gloss: string, stems: ReadonlyMap<string, string>): string | undefined {
  const exact = stems.get(gloss)
  if (exact !== undefined) return exact
  // A prefix match needs five letters or more on both sides, the same first
  // five: only the stems that begin as the gloss does are tried, in the map's order.
  if (gloss.length < minPrefix) return undefined
  for (const [stem, token] of stemsByHead(stems).get(gloss.slice(0, minPrefix)) ?? []) {
    const [short, long] = stem.length < gloss.length ? [stem, gloss] : [gloss, stem]
    if (prefixOf(short, long)) return token
  }
  return undefined
}

/** The shortest stem that matches a longer one by a prefix (see {@link matchStem}). */
const minPrefix = 5

/** The stems of five letters or more of each map of stems, grouped by their first five, in the map's order. */
const headIndex = new WeakMap<ReadonlyMap<string, string>, {size: number; heads: Map<string, Array<[string, string]>>}>()

/**
 * The stems of a map of stems (stem → token) grouped by their first
 * {@link minPrefix} letters, made once per map (again if its size changed).
 */
function stemsByHead(stems: ReadonlyMap<string, string>): Map<string, Array<[string, string]>> {
  const known = headIndex.get(stems)
  if (known !== undefined && known.size === stems.size) return known.heads
  const heads = new Map<string, Array<[string, string]>>()
  for (const [stem, token] of stems) {
    if (stem.length < minPrefix) continue
    const head = stem.slice(0, minPrefix)
    const group = heads.get(head)
    if (group === undefined) heads.set(head, [[stem, token]])
    else group.push([stem, token])
  }
  headIndex.set(stems, {size: stems.size, heads})
  return heads
}

function prefixOf(short: string, long: string): boolean {
  return short.length >= minPrefix && long.length - short.length <= 5 && long.startsWith(short)
}

/**
 * Whether the English of a place may say what a Chinese word means: true
 * when the word has no short gloss to check, when only the pair's English is
 * known and matches one, or when the aligned sentence matches one.
 *
 * @param word A Chinese word.
 * @param source The English of the place.
 * @param dictionary The dictionary.
 * @returns False when the aligned sentence (else the pair) renders none of the word's senses.
 */
export function rendersAny(word: string, source: PreparedSource, dictionary: GlossDictionary): boolean {
  const glosses = dictionary.lookup(word)?.content ?? []
  if (glosses.length === 0) return true
  const stems = source.tokens.length > 0 ? source.sentenceStems : source.blockStems
  return glosses.some((gloss) => matchStem(gloss, stems) !== undefined)
}

/** The characters of a paragraph and the candidates of its damaged ones. */
export interface Neighbourhood {
  /** Characters (code points) with the current choices filled in. */
  chars: readonly string[]
  /** Character index → candidates of the damaged character there. */
  slots: ReadonlyMap<number, readonly string[]>
  /**
   * Whether the language model knows a string as a word (default: every
   * dictionary entry is one). A character bound in such a word with a
   * neighbour is judged as that word, not by its own senses.
   */
  isWord?: (word: string) => boolean
}

/**
 * What kind of English agreed with a candidate: a Chinese word of two or more
 * characters (`word`), the character alone by a one-word gloss (`char`), a
 * negation the intact Chinese does not render (`negation`), or a function
 * word (`function`: `with`, `in`, `and`, …, which says little on its own),
 * or a function word whose English neighbours on both sides are rendered by
 * the Chinese neighbours on both sides (`framed-function`: `what is happening
 * in the industry` for `行业?正在发生`).
 */
export type EvidenceKind = 'word' | 'char' | 'negation' | 'function' | 'framed-function' | 'no-negation'

/** The evidence found for one candidate. */
export interface CandidateEvidence {
  /** Score to add (0 when nothing agrees). */
  bonus: number
  /** What agreed, such as `EN "architecture" (架构)`, or `''`. */
  note: string
  /** The kind of the evidence (absent when nothing agrees). */
  kind?: EvidenceKind
}

const noEvidence: CandidateEvidence = {bonus: 0, note: ''}

/** Full-width marks and the ASCII marks that English writes for them. */
const fullWidthMarks: ReadonlyMap<string, string> = new Map([['！', '!'], ['？', '?'], ['：', ':'], ['；', ';']])
const longestWord = 6
const maxCombinations = 64

/**
 * Score one candidate at one damaged position against the English source.
 *
 * @param around The paragraph and its damaged characters.
 * @param index Index of the damaged character in `around.chars`.
 * @param candidate The candidate character.
 * @param source The English source of this place.
 * @param dictionary The Chinese–English dictionary.
 * @param weights Weights of the evidence.
 * @returns The best evidence for the candidate.
 */
export function candidateEvidence(
  around: Neighbourhood,
  index: number,
  candidate: string,
  source: PreparedSource,
  dictionary: GlossDictionary,
  weights: SourceWeights = defaultSourceWeights
): CandidateEvidence {
  if (!isHan(candidate)) {
    // `梦想！` for "dream!": a full-width mark whose ASCII mark the sentence has.
    const mark = fullWidthMarks.get(candidate)
    return mark !== undefined && source.marks.has(mark) ? {bonus: weights.charInSentence, note: `EN "${mark}"`, kind: 'char'} : noEvidence
  }
  let best = noEvidence
  const consider = (bonus: number, note: string, kind: EvidenceKind): void => {
    if (bonus > best.bonus) best = {bonus, note, kind}
  }
  // A character that forms a word with a neighbour means that word there
  // (`启` in `启用` is "to start using", not "to state"): its own senses are no evidence.
  const bound = formsWordOnce(around, index, candidate, dictionary)
  // Nor is it evidence for a lone character where another candidate makes a
  // word there (`coming` is no `来` in `?下来` where `接下来` is a word).
  const alone = !bound && !(around.slots.get(index) ?? []).some((other) => other !== candidate && formsWordOnce(around, index, other, dictionary))
  // `理解吗？` for "So far so good?": a question particle before a question mark, where the English asks.
  if (alone && source.marks.has('?') && /^[？?]$/.test(around.chars[index + 1] ?? '') && dictionary.lookup(candidate)?.question === true) {
    consider(weights.charInSentence, 'EN "?"', 'char')
  }
  for (const word of wordsThrough(around, index, candidate, dictionary)) {
    if (word.length < 2 && bound) continue
    const glosses = dictionary.lookup(word)
    if (glosses === undefined) continue
    // `我的` for "my", where no intact `我` of the sentence renders it; a
    // pronoun is a pronoun whatever word another candidate might make there.
    for (const person of glosses.pronoun ?? []) {
      const left = source.unrenderedPronouns.get(person)
      if (left === undefined || word.length > 2) continue
      const share = Math.min(1, left / Math.max(1, source.pronounSlots.get(person) ?? 1))
      consider(weights.pronoun * share, `EN "${source.tokens.find((token) => pronounPersons.get(token) === person)!}" (${word})`, 'char')
    }
    if (word.length < 2 && !alone) continue
    for (const sense of word.length > 1 ? glosses.senses : glosses.head.map((stem) => [stem])) {
      const weight = word.length > 1 ? weights.wordInSentence : weights.charInSentence
      const inSentence = senseMatch(sense, source.sentenceStems, source.covered, dictionary)
      // A lone character's sense that a word of its sentence renders (`answer` by `回答`, rebuilt too) is spoken for.
      if (inSentence !== undefined && word.length < 2 && inSentence.tokens.some((token) => renderedInSentence(around, index, token, dictionary))) continue
      if (inSentence !== undefined) {
        consider(weight * inSentence.share, `EN "${inSentence.tokens.join(' ')}" (${word})`, word.length > 1 ? 'word' : 'char')
        continue
      }
      if (word.length < 2) continue
      const inBlock = senseMatch(sense, source.blockStems, source.blockCovered, dictionary)
      if (inBlock !== undefined) consider(weights.wordInBlock * inBlock.share, `EN "${inBlock.tokens.join(' ')}" (${word})`, 'word')
    }
  }
  const functions = dictionary.lookup(candidate)?.function ?? []
  if (source.unrenderedNegations > 0 && negators.has(candidate) && functions.includes('not')) {
    const token = source.tokens.find(isNegation)!
    const share = Math.min(1, source.unrenderedNegations / Math.max(1, source.negatorSlots))
    consider(weights.negation * share, `EN "${token}", which the intact Chinese does not negate`, 'negation')
  }
  if (negators.has(candidate) && functions.includes('not')) {
    // `不实际` for "unpractical": the word after the negator renders the English word without its negative prefix.
    const negated = negatedWord(around, index, source, dictionary)
    if (negated !== undefined) consider(weights.wordInSentence, `EN "${negated.token}" (${candidate}${negated.word})`, 'word')
  }
  // A preposition whose phrase the clause closes (`像其他 Linux 机器一样`), or a
  // locative whose preposition opens it (`在现实世界中`): the Chinese frame is
  // the other side of the English function word.
  const frame = frameOf(around, index, candidate, dictionary)
  const frameFunctions = frame === undefined ? functions : [...functions, ...frame.functions]
  if (frameFunctions.length > 0 && source.tokens.length > 0) {
    const neighbours = neighbourGlosses(around, index, dictionary)
    source.tokens.forEach((token, position) => {
      if (!frameFunctions.includes(token)) return
      const anchor = functions.includes(token) ? anchorNear(source.tokens, position, neighbours, conjunctions.has(token)) : undefined
      if (frame !== undefined && !conjunctions.has(token)) {
        if (anchor === undefined) consider(weights.functionFramed, `EN "${token}" (${frame.text})`, 'function')
        else consider(weights.functionAnchored, `EN "${token}" by "${anchor.token}" (${frame.text})`, 'framed-function')
      } else if (anchor === undefined) consider(weights.specificFunctionInSentence[token] ?? weights.functionInSentence, `EN "${token}"`, 'function')
      else consider(weights.functionAnchored, `EN "${token}" by "${anchor.token}"`, anchor.framed ? 'framed-function' : 'function')
    })
  }
  // `从?分配` "allocate … from": a sentence that negates nothing speaks against `不`.
  if (source.negationFree && weights.noNegation > 0 && candidate !== '不' && (around.slots.get(index) ?? []).includes('不')) {
    return {bonus: best.bonus + weights.noNegation, note: best.note === '' ? 'no negation in it, so not 不' : best.note, kind: best.kind ?? 'no-negation'}
  }
  return best
}

/**
 * The clause on one side of a position, nearest first, as the context model
 * takes it (`completedFrame`): Han characters, `' '` for a run of other
 * letters or digits; it ends at punctuation. Other damaged characters count
 * with their current choice (`之前` rebuilt still closes `在…之前`), except
 * the one just before when it may be a locative (`API 中?`: it may close the phrase itself).
 */
function clauseSide(around: Neighbourhood, index: number, step: number): string[] {
  const {chars, slots} = around
  const units: string[] = []
  for (let position = index + step; position >= 0 && position < chars.length && units.length < frameReach; position += step) {
    const char = chars[position]!
    if (step < 0 && position === index - 1 && (slots.get(position) ?? []).some(isLocative)) units.push(unknown)
    else if (isHan(char)) units.push(char)
    else if (/[\p{L}\p{N}]/u.test(char)) {
      if (units.at(-1) !== ' ') units.push(' ')
    } else if (char !== ' ' && char !== '\t') break
  }
  return units
}

/** Whether a character is a locative that closes a phrase (`中`, `上`, `里`, `内`). */
function isLocative(char: string): boolean {
  return completedFrame(char, [' ', '在'], []) !== undefined
}

/**
 * The phrase frame a candidate completes in its clause, and the function
 * words the frame can stand for besides the candidate's own: those of the
 * word that closes a preposition's phrase (`与…一样` "like").
 */
function frameOf(around: Neighbourhood, index: number, candidate: string, dictionary: GlossDictionary): {text: string; functions: readonly string[]} | undefined {
  const right = clauseSide(around, index, 1)
  const left = clauseSide(around, index, -1)
  const frame = completedFrame(candidate, left, right)
  if (frame === undefined) return undefined
  if (frame.opener !== candidate) {
    // The preposition is no end of a word (`旨在确保中`, like `存在`, `现在`).
    const word = (left[left.indexOf(frame.opener) + 1] ?? '') + frame.opener
    if (word.length > 1 && dictionary.has(word) && (around.isWord?.(word) ?? true)) return undefined
    return {text: `${frame.opener}…${frame.closer}`, functions: []}
  }
  // `与的节点充当像 ESXi 主机一样`: the `像` between opens the phrase that `一样` closes.
  const between = right.slice(0, right.join('').indexOf(frame.closer))
  if (between.some((unit) => unit !== ' ' && completedFrame(unit, [], right.slice(between.indexOf(unit) + 1))?.closer === frame.closer)) return undefined
  return {text: `${frame.opener}…${frame.closer}`, functions: dictionary.lookup(frame.closer)?.function ?? []}
}

/**
 * The word after a negator that renders an English word negated by its
 * prefix: `实际` "practical" after `不`, for "unpractical".
 */
function negatedWord(around: Neighbourhood, index: number, source: PreparedSource, dictionary: GlossDictionary): {word: string; token: string} | undefined {
  const stems = new Map<string, string>()
  for (const token of source.tokens) {
    if (!negativeAffix.test(token)) continue
    const bare = token.replace(/^(?:non|un|in|im|ir|il)/, '')
    if (bare.length >= 4) stems.set(stemEnglish(bare), token)
  }
  if (stems.size === 0) return undefined
  let word = ''
  for (let position = index + 1; position < around.chars.length && position - index <= 4; position++) {
    const char = around.chars[position]!
    if (!isHan(char)) break
    word += char
    if (word.length < 2) continue
    for (const sense of dictionary.lookup(word)?.senses ?? []) {
      if (sense.length !== 1) continue
      const token = matchStem(sense[0]!, stems)
      if (token !== undefined) return {word, token}
    }
  }
  return undefined
}

/** Whether a word of two to four Han characters of the sentence around `index`, not through it, renders an English token. */
function renderedInSentence(around: Neighbourhood, index: number, token: string, dictionary: GlossDictionary): boolean {
  const {chars} = around
  const stem = stemEnglish(token)
  const end = (step: number): number => {
    let position = index
    while (position + step >= 0 && position + step < chars.length && !/[。！？!?\n]/.test(chars[position + step]!)) position += step
    return position
  }
  const first = end(-1)
  const last = end(1)
  for (let start = first; start <= last; start++) {
    let word = ''
    for (let position = start; position <= last && position - start < 4; position++) {
      if (position === index || !isHan(chars[position]!)) break
      word += chars[position]!
      if (word.length > 1 && (dictionary.lookup(word)?.content ?? []).includes(stem)) return true
    }
  }
  return false
}

/**
 * Whether `candidate` at `index` makes a word with the character just before
 * or just after it: an entry of the dictionary that the language model knows
 * too (CC-CEDICT lists `小的` "the little one", which no one reads in `较小的`).
 */
function formsWord(around: Neighbourhood, index: number, candidate: string, dictionary: GlossDictionary): boolean {
  const {chars, isWord = () => true} = around
  // An entry (`has`, asked of the trie: no string is made for most pairs, which are none) that the lexicon knows.
  const word = (first: string, second: string): boolean => {
    const node = dictionary.prefixStep(0, first)
    return node >= 0 && dictionary.endsEntry(dictionary.prefixStep(node, second)) && isWord(first + second)
  }
  const before = chars[index - 1]
  const after = chars[index + 1]
  return (before !== undefined && isHan(before) && word(before, candidate)) || (after !== undefined && isHan(after) && word(candidate, after))
}

/**
 * What {@link formsWord} said for each neighbourhood, position and candidate:
 * every candidate of a place asks it of every other one. The answer depends
 * only on the characters beside the place, the dictionary and `isWord`.
 */
const formsWordCache = new WeakMap<Neighbourhood, {dictionary: GlossDictionary; at: Map<number, Map<string, boolean>>}>()

/** {@link formsWord}, remembered per neighbourhood (see {@link formsWordCache}). */
function formsWordOnce(around: Neighbourhood, index: number, candidate: string, dictionary: GlossDictionary): boolean {
  let cache = formsWordCache.get(around)
  if (cache === undefined || cache.dictionary !== dictionary) {
    cache = {dictionary, at: new Map()}
    formsWordCache.set(around, cache)
  }
  let answers = cache.at.get(index)
  if (answers === undefined) {
    answers = new Map()
    cache.at.set(index, answers)
  }
  let answer = answers.get(candidate)
  if (answer === undefined) {
    answer = formsWord(around, index, candidate, dictionary)
    answers.set(candidate, answer)
  }
  return answer
}

/**
 * Every entry of the dictionary among the Han strings of up to six characters
 * through `index` (the candidate itself first, whatever it is), with each
 * other damaged character inside taking each of its candidates in turn: a
 * word broken in two places (`恶意` for `架构`) is found whole. In the order the
 * strings are made: by start from `index` back, then by end, then by the
 * candidates in order; of a string's variants only the first
 * {@link maxCombinations} count. Strings are grown one character at a time
 * from each start, and a string no entry starts with is not grown further;
 * its rank among all variants is kept so that the cap leaves out the same
 * ones as if every variant were made.
 *
 * @param around The paragraph and its damaged characters.
 * @param index Index of the damaged character in `around.chars`.
 * @param candidate The candidate at `index`.
 * @param dictionary The dictionary whose entries are wanted.
 * @returns The candidate, then the entries found, each once.
 */
export function wordsThrough(around: Neighbourhood, index: number, candidate: string, dictionary: GlossDictionary): string[] {
  const {chars, slots} = around
  const words = [candidate]
  const seen = new Set<string>(words)
  for (let start = index; start >= 0 && index - start < longestWord; start--) {
    if (start < index && !hanOrSlot(around, start)) break
    // Each kept variant: its text, its node in the dictionary's trie, its
    // rank; in two reused buffers (`current`, then the one grown into), so
    // that growing a string makes no arrays (it did, three per step: the
    // re-rank's largest allocation).
    let current = variantsA
    let next = variantsB
    current.texts[0] = ''
    current.nodes[0] = 0
    current.ranks[0] = 0
    current.count = 1
    for (let position = start; position < chars.length && position - start < longestWord; position++) {
      if (position > index && !hanOrSlot(around, position)) break
      const single = position === index ? candidate : slots.get(position) === undefined ? chars[position]! : undefined
      const options = single === undefined ? slots.get(position)! : undefined
      const width = options === undefined ? 1 : options.length
      next.count = 0
      for (let variant = 0; variant < current.count; variant++) {
        const base = current.ranks[variant]! * width
        if (base >= maxCombinations) break
        for (let option = 0; option < width && base + option < maxCombinations; option++) {
          const char = options === undefined ? single! : options[option]!
          const node = dictionary.prefixStep(current.nodes[variant]!, char)
          if (node < 0) continue
          next.push(current.texts[variant]! + char, node, base + option)
        }
      }
      const grown = next
      next = current
      current = grown
      if (current.count === 0) break
      if (position < index || position - start < 1) continue
      for (let variant = 0; variant < current.count; variant++) {
        if (!dictionary.endsEntry(current.nodes[variant]!)) continue
        const text = current.texts[variant]!
        if (seen.has(text)) continue
        seen.add(text)
        words.push(text)
      }
    }
  }
  return words
}

/**
 * The variants of {@link wordsThrough} at one length: texts, trie nodes and
 * ranks side by side, `count` of them in use. Never more than
 * {@link maxCombinations} (each has its own rank below it).
 */
class Variants {
  texts: string[] = new Array<string>(maxCombinations).fill('')
  nodes = new Int32Array(maxCombinations)
  ranks = new Int32Array(maxCombinations)
  count = 0

  push(text: string, node: number, rank: number): void {
    this.texts[this.count] = text
    this.nodes[this.count] = node
    this.ranks[this.count++] = rank
  }
}

const variantsA = new Variants()
const variantsB = new Variants()

function hanOrSlot(around: Neighbourhood, position: number): boolean {
  return around.slots.has(position) || isHan(around.chars[position]!)
}

/** What the neighbours of a position mean, on each side: content stems of the Han words of two or more characters that end just before it (start just after it), and the adjacent Latin words. */
interface Side {
  stems: Set<string>
  latin: Set<string>
}

function neighbourGlosses(around: Neighbourhood, index: number, dictionary: GlossDictionary): [Side, Side] {
  const {chars} = around
  return [-1, 1].map((step) => {
    const side: Side = {stems: new Set(), latin: new Set()}
    let word = ''
    for (let position = index + step; position >= 0 && position < chars.length && Math.abs(position - index) <= 4 && isHan(chars[position]!); position += step) {
      word = step < 0 ? chars[position]! + word : word + chars[position]!
      // Single characters gloss too widely to anchor anything.
      if (word.length < 2) continue
      for (const gloss of dictionary.lookup(word)?.content ?? []) side.stems.add(gloss)
    }
    let position = index + step
    while (position >= 0 && position < chars.length && chars[position] === ' ') position += step
    let run = ''
    while (position >= 0 && position < chars.length && /^[A-Za-z0-9-]$/.test(chars[position]!)) {
      run = step < 0 ? chars[position]! + run : run + chars[position]!
      position += step
    }
    for (const token of englishTokens(run)) side.latin.add(token)
    return side
  }) as [Side, Side]
}

/**
 * An English content word within three tokens of `position` that a Chinese
 * neighbour renders; for a conjunction, one for each neighbour. `framed`
 * when both neighbours anchor one (different) word each.
 */
function anchorNear(tokens: readonly string[], position: number, sides: readonly [Side, Side], conjunction: boolean): {token: string; framed: boolean} | undefined {
  const found = sides.map((side) => {
    for (let distance = 1; distance <= 3; distance++) {
      for (const other of [position - distance, position + distance]) {
        const token = tokens[other]
        if (token === undefined || functionWords.has(token)) continue
        if (side.latin.has(token) || renders(side.stems, token)) return token
      }
    }
    return undefined
  })
  const framed = found[0] !== undefined && found[1] !== undefined && found[0] !== found[1]
  if (conjunction) return framed ? {token: `${found[0]}", "${found[1]}`, framed} : undefined
  const token = found[0] ?? found[1]
  return token === undefined ? undefined : {token, framed}
}

function renders(stems: ReadonlySet<string>, token: string): boolean {
  const stem = stemEnglish(token)
  if (stems.has(stem)) return true
  for (const gloss of stems) if (gloss.length < stem.length ? prefixOf(gloss, stem) : prefixOf(stem, gloss)) return true
  return false
}
