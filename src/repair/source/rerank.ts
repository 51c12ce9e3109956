/**
 * Re-rank lossy repairs with the English source: a bilingual article has the
 * English of every damaged Chinese paragraph next to it, and "Kubernetes in
 * the Enterprise" tells `在企业中应用` from `在企业不应用` where a unigram
 * lexicon cannot. The evidence of each candidate becomes a log-linear bonus in
 * the same lattice the repair chose with, so the source decides only where it
 * discriminates and the lexicon keeps deciding everywhere else.
 */
import type {RepairRecord} from '../../types.js'
import type {Candidate} from '../reconstruct/candidates.js'
import type {ContextModel} from '../model/context-model.js'
import type {DocumentCacheOptions} from '../model/document-cache.js'
import type {GlossDictionary} from './gloss-dictionary.js'
import {articleLexicon} from '../model/article-lexicon.js'
import {lexiconForLoss} from '../model/balanced-lexicon.js'
import type {Lexicon} from '../model/lexicon.js'
import {rebuild, type Part} from '../reconstruct/lossy.js'
import {candidateEvidence, defaultSourceWeights, negators, prepareSource, renderedPronouns, renderedStems, rendersAny, type CandidateEvidence, type EvidenceKind, type PreparedSource, type SourceWeights} from './source-bonus.js'
import {sourceLocator, type SourceSpan} from './source-evidence.js'
import {choiceFeatures} from './calibration.js'
import {uncertainBelow} from '../uncertain.js'
import {everyCompletion, proposeWords, type LostBytes, type ProposalSlot} from './english-proposals.js'

/** The highest confidence of an overturn that stays open: just below {@link uncertainBelow}, rounded as confidences are. */
const openBelow = uncertainBelow - 0.001

/** Options of {@link rerankRepairs}. */
export interface RerankOptions {
  /** The Chinese–English dictionary. */
  dictionary: GlossDictionary
  /** The lexicon the repair chose with. */
  lexicon: Lexicon
  /** Weights of the evidence (default {@link defaultSourceWeights}). */
  weights?: Partial<SourceWeights>
  /** The document cache of the second decoding pass (default: `documentCache`'s defaults). */
  cache?: DocumentCacheOptions
  /** The context model the repair chose with (default: none). */
  context?: ContextModel
  /** Its weight (default 0.7). */
  contextWeight?: number
  /**
   * Keep the features of every re-rankable choice (`calibration.ts`) in the
   * result, for fitting a calibrated confidence (default false).
   */
  features?: boolean
  /**
   * The document's damage report (`file.data.damage`): with it, the words
   * that the aligned English glosses may add candidates the repair did not
   * keep, where the bytes left allow them (`english-proposals.ts`; default:
   * none, only the repair's candidates).
   */
  damage?: LostBytes
  /**
   * The glossary's Chinese terms, approved and forbidden, that the repair took
   * for words (`articleLexicon`): the re-rank chooses with them too (default: none).
   */
  terms?: readonly string[]
}

/** Result of {@link rerankRepairs}. */
export interface RerankResult {
  /** The text with the re-ranked choices (the input itself when nothing changed). */
  text: string
  /** The repairs, with `after`, `confidence`, `alternatives`, `evidence` and `outputOffset` updated. */
  repairs: RepairRecord[]
  /** How many repairs chose another character. */
  changed: number
  /** Index of a re-rankable repair → its features (with `features: true`). */
  features?: Map<number, number[]>
}

/**
 * Whether a repair can be re-ranked: a rebuilt single character with
 * runner-ups of the same length.
 *
 * @param record A repair.
 * @returns True for a re-rankable lossy repair.
 */
export function isRerankable(record: RepairRecord): boolean {
  if (record.kind !== 'lossy' || record.alternatives.length === 0) return false
  const length = record.after.length
  return [...record.after].length === 1 && record.alternatives.every((alternative) => [...alternative].length === 1 && alternative.length === length)
}

/**
 * Damaged characters with more completions than this take proposals from the
 * English: those the repair's narrowing had to cut (it keeps 12 at most,
 * `reconstruct/lossy.ts`). Below it the four kept are nearly all there is (the
 * seed's channel: one of 8 lost byte values), nothing was proposed on the
 * tuning pages of any channel but C1 stripped, and the dictionary's reverse
 * index (~0.5 s) is not built.
 */
const proposalsFrom = 12

/**
 * Proposals are made only where the document lost this many byte values or
 * more: UTF-8 read as Latin-1 with the C1 controls stripped (all 32 of
 * 0x80–0x9F), where a character that kept only its lead byte has hundreds of
 * completions. Where a windows-125x reading lost its 5–10 undefined bytes,
 * the characters with more than {@link proposalsFrom} completions are the
 * rare ones that lost two bytes; proposing there changed no choice on the
 * tuning pages of those channels, and cost a build of 120 such articles
 * about 2.5 s of CPU (the dictionary's reverse index and the fitting).
 */
const proposingLostBytes = 16

/** Whether the English proposes candidates in a document with this damage ({@link proposingLostBytes}). */
function proposing(damage: LostBytes): boolean {
  return damage.lostBytes.length + (damage.possiblyLostBytes?.length ?? 0) >= proposingLostBytes
}

/** A re-rankable repair and where it is. */
interface Target {
  index: number
  record: RepairRecord
  source: PreparedSource | undefined
  /** Every Han character its bytes can complete, when the damage is known (`completionsOf`). */
  fits: ReadonlySet<string> | undefined
}

/**
 * Re-rank the lossy repairs of a text against its English source.
 *
 * Pure: returns new records and text, never changes its arguments.
 *
 * @param text The repaired text (the output of the repair).
 * @param repairs Its repairs (offsets into `text` by `outputOffset`).
 * @param spans The English source of stretches of `text` (see `sourceSpans`).
 * @param given Dictionary, lexicon and weights (the lexicon is balanced as the repair's was where the damage report says the C1 controls were lost, `lexiconForLoss`).
 * @returns The text and repairs after re-ranking, and how many changed.
 */
export function rerankRepairs(text: string, repairs: readonly RepairRecord[], spans: readonly SourceSpan[], given: RerankOptions): RerankResult {
  // The lexicon the repair chose with: balanced where the text lost the C1 controls, with the glossary's terms.
  const options = {...given, lexicon: articleLexicon(lexiconForLoss(given.lexicon, given.damage?.lostBytes.length ?? 0), given.terms)}
  const shared: Shared = {locate: sourceLocator(spans), prepared: new Map(), damaged: undefined, blocks: new Map(), completions: new Map(), lists: new Map(), paragraphs: new Map()}
  const wide = given.damage !== undefined && proposing(given.damage)
  const first = rerankOnce(text, repairs, spans, options, shared)
  // A neighbour the first pass got right can anchor the English of another
  // damaged character (`像谷歌` "like Google" once `谷掌` is `谷歌`): weigh
  // again, once, while the offsets of the English still hold.
  if (first.changed === 0 || first.text.length !== text.length) return withFeatures(repairs, disagreements(repairs, first, wide), first.kinds, options)
  // The prepared English of the first pass holds for the second where the
  // intact text is the same: every choice kept its length (so every offset
  // holds) and the same repairs are damaged (`rerankOnce` checks the latter).
  if (!first.repairs.every((record, index) => record.after.length === repairs[index]!.after.length)) {
    shared.prepared.clear()
    shared.blocks.clear()
  }
  const second = rerankOnce(first.text, first.repairs, spans, options, shared)
  if (second.changed === 0) return withFeatures(repairs, disagreements(repairs, first, wide), first.kinds, options)
  for (const [index, kind] of first.kinds) if (!second.kinds.has(index)) second.kinds.set(index, kind)
  let changed = 0
  repairs.forEach((record, index) => {
    if (second.repairs[index]!.after !== record.after) changed++
  })
  return withFeatures(repairs, disagreements(repairs, {...second, changed}, wide), second.kinds, options)
}

/** The features of every re-rankable choice, when asked for (`calibration.ts`). */
function withFeatures(repairs: readonly RepairRecord[], result: RerankResult, kinds: ReadonlyMap<number, EvidenceKind | undefined>, options: RerankOptions): RerankResult {
  if (options.features !== true) return result
  const damaged = new Set(result.repairs.filter(isRerankable).map((record) => record.outputOffset))
  const features = new Map<number, number[]>()
  result.repairs.forEach((record, index) => {
    if (isRerankable(record)) features.set(index, choiceFeatures(result.text, record, repairs[index]!, kinds.get(index), damaged, options.lexicon))
  })
  return {...result, features}
}

/**
 * Where the re-rank overturned the repair stage's choice on a function word
 * alone (`with`, `in`, `not` next to the English of a neighbour), the two
 * models disagree and neither is strong: the choice stays uncertain. Its
 * confidence becomes the mean of the two models' probabilities for it (the
 * repair stage's at most one minus its confidence in its own choice), and
 * the repair stage's choice is named first among the others and in the
 * evidence (`EN "with" by "management", where the word and context models
 * chose 中`). On the tuning
 * pages, function-word evidence overturned 30 choices of the seed's channel,
 * 13 of them wrongly (8 of those above the flag threshold); a word of two or
 * more characters overturned 87, 2 wrongly, both left below it.
 *
 * A choice the English proposed (`english-proposals.ts`), which the repair
 * stage had not even kept among its four, is pooled the same way with the
 * most the repair stage can have given it, a third of what its own choice
 * left: on the C1-stripped tuning pages such choices were right 499 times
 * and wrong 207; before this rule (in a run that also charged them 1.5), 48
 * of 147 wrong ones were above the flag threshold, and no feature at hand
 * (the English word's specificity, the word's length) told them apart.
 *
 * Where the damage was wide (the English proposes candidates: C1 stripped),
 * an overturn that no word or character of the sentence vouches for (a
 * function word, a negation, a frame, or only its neighbours' English) is
 * pooled too and stays below the flag threshold: on the C1-stripped tuning
 * pages such overturns raised above it were wrong 38 times in 159 (none
 * 16 of 63, a function word next to its English neighbours 18 of 51), a
 * word's 100 of 884. Capping them: 40 fewer wrong characters without a flag
 * for 168 more flags; on the seed's channel it flagged 18 right characters
 * and no wrong one, so it holds only there.
 */
function disagreements(repairs: readonly RepairRecord[], result: PassResult, wide: boolean): RerankResult {
  const {kinds, ...rest} = result
  for (const [index, kind] of kinds) {
    const before = repairs[index]!
    const record = rest.repairs[index]!
    if (record.after === before.after) continue
    // A candidate the English proposed (`english-proposals.ts`) was not even
    // among the repair stage's four: its probability there was at most a third
    // of what its own choice left.
    const proposed = !before.alternatives.includes(record.after)
    // Where the damage was wide, only a word or a character of the sentence vouches for an overturn.
    const unvouched = wide && kind !== 'word' && kind !== 'char'
    if (kind !== 'function' && kind !== 'char' && !proposed && !unvouched) continue
    const pooled = (record.confidence + (1 - before.confidence) / (proposed ? Math.max(3, before.alternatives.length) : 1)) / 2
    record.confidence = Math.round(Math.min(record.confidence, pooled, unvouched ? openBelow : 1) * 1000) / 1000
    record.alternatives = [before.after, ...record.alternatives.filter((char) => char !== before.after)]
    record.evidence = `${record.evidence ?? 'chosen with the English of its neighbours'}, where the word and context models chose ${before.after}`
  }
  return rest
}

/** The result of one pass, with the kind of evidence behind each choice it made. */
interface PassResult extends RerankResult {
  /** Index of a repair → the kind of English evidence for its choice. */
  kinds: Map<number, EvidenceKind | undefined>
}

/**
 * What the passes of one {@link rerankRepairs} share: where each offset's
 * English is, and the English prepared for each span, which depends only on
 * the intact text and the set of damaged offsets.
 */
interface Shared {
  /** `sourceAt` over the spans, indexed once. */
  locate: (offset: number) => SourceSpan | undefined
  /** The prepared English of each span (cleared when the damaged offsets or the intact text differ). */
  prepared: Map<SourceSpan, PreparedSource>
  /** The damaged offsets the prepared English was made with. */
  damaged: ReadonlySet<number> | undefined
  /** What the intact Chinese of each pair renders, by `blockStart:blockEnd`: every sentence of a pair asks it. */
  blocks: Map<string, Set<string>>
  /** Every completion of a damaged text (`everyCompletion`), by the text: one set for every place with the same bytes. */
  completions: Map<string, ReadonlySet<string> | undefined>
  /** The candidate lists given to the lattice, one per distinct list (see {@link candidateList}). */
  lists: Map<string, Candidate[]>
  /** Each paragraph's weighing in the last pass, by its start (see {@link weighParagraphOnce}). */
  paragraphs: Map<number, WeighedParagraph>
}

/** A paragraph as it was weighed, and the result. */
interface WeighedParagraph {
  end: number
  text: string
  /** Per target: its offset, choice, runner-ups, English, completions and the English's negator slots then. */
  targets: Array<{offset: number; after: string; alternatives: readonly string[]; source: PreparedSource | undefined; negatorSlots: number; pronounSlots: string; fits: ReadonlySet<string> | undefined}>
  weighed: Weighed[]
}

/**
 * {@link weighParagraph}, or what it gave in the first pass for the same
 * paragraph: the same text, and the same targets at the same offsets with
 * the same candidates in the same order, the same English (the same
 * prepared object, with the same count of negator slots) and the same
 * completions. Everything the weighing reads is then the same, so its
 * result is; in the second pass only the paragraphs the first changed
 * are weighed again.
 */
function weighParagraphOnce(text: string, group: {start: number; end: number; targets: Target[]}, options: RerankOptions, weights: SourceWeights, memo: Map<number, WeighedParagraph>): Weighed[] {
  const known = memo.get(group.start)
  if (known !== undefined && sameParagraph(known, text, group)) {
    return known.weighed.map((item, position) => ({...item, target: group.targets[position]!}))
  }
  const weighed = weighParagraph(text, group, options, weights)
  memo.set(group.start, {
    end: group.end,
    text: text.slice(group.start, group.end),
    targets: group.targets.map(({record, source, fits}) => ({offset: record.outputOffset, after: record.after, alternatives: record.alternatives, source, negatorSlots: source?.negatorSlots ?? 1, pronounSlots: slotsKey(source), fits})),
    weighed
  })
  return weighed
}

/** Whether a paragraph is the one weighed before (see {@link weighParagraphOnce}). */
function sameParagraph(known: WeighedParagraph, text: string, group: {start: number; end: number; targets: Target[]}): boolean {
  if (known.end !== group.end || known.targets.length !== group.targets.length) return false
  for (let position = 0; position < group.targets.length; position++) {
    const before = known.targets[position]!
    const {record, source, fits} = group.targets[position]!
    if (before.offset !== record.outputOffset || before.after !== record.after || before.source !== source || before.fits !== fits) return false
    if (before.negatorSlots !== (source?.negatorSlots ?? 1) || before.pronounSlots !== slotsKey(source)) return false
    if (before.alternatives.length !== record.alternatives.length || before.alternatives.some((char, index) => char !== record.alternatives[index])) return false
  }
  return known.text === text.slice(group.start, group.end)
}

/** The pronoun slots of an English source as a string, to compare one pass's with another's. */
function slotsKey(source: PreparedSource | undefined): string {
  return source === undefined ? '' : [...source.pronounSlots].join(' ')
}

/** Whether two sets hold the same numbers. */
function sameSet(a: ReadonlySet<number>, b: ReadonlySet<number>): boolean {
  if (a.size !== b.size) return false
  for (const value of a) if (!b.has(value)) return false
  return true
}

/** One pass of {@link rerankRepairs}. */
function rerankOnce(text: string, repairs: readonly RepairRecord[], spans: readonly SourceSpan[], options: RerankOptions, shared: Shared): PassResult {
  const weights = {...defaultSourceWeights, ...options.weights}
  const targets: Target[] = []
  const negatorSlots = new Map<PreparedSource, number>()
  // Damaged characters of each sentence that may be a pronoun of each person (`PreparedSource.pronounSlots`).
  const pronounSlots = new Map<PreparedSource, Map<string, number>>()
  // Rebuilt characters do not vouch for what the sentence already says.
  const damaged = new Set(repairs.filter(isRerankable).map((record) => record.outputOffset))
  if (shared.damaged === undefined || !sameSet(shared.damaged, damaged)) {
    shared.prepared.clear()
    shared.blocks.clear()
  }
  shared.damaged = damaged
  const {prepared} = shared
  repairs.forEach((record, index) => {
    if (!isRerankable(record)) return
    const span = shared.locate(record.outputOffset)
    let source: PreparedSource | undefined
    if (span !== undefined) {
      source = prepared.get(span)
      if (source === undefined) {
        source = prepareSource(
          span.sentence,
          span.block,
          span.sentence === '' ? new Set() : coveredIn(text, span.start, span.end, damaged, options.dictionary),
          blockCoveredIn(text, span, damaged, options.dictionary, shared.blocks),
          span.sentence === '' ? '' : intactIn(text, span.start, span.end, damaged),
          span.sentence === '' ? new Map() : pronounsIn(text, span.start, span.end, damaged, options.dictionary)
        )
        prepared.set(span, source)
      }
    }
    const fits = options.damage === undefined || source === undefined || !proposing(options.damage) ? undefined : completionsIn(shared.completions, record, options.damage)
    targets.push({index, record, source, fits: fits !== undefined && fits.size > proposalsFrom ? fits : undefined})
    if (source !== undefined && [record.after, ...record.alternatives].some((char) => negators.has(char))) negatorSlots.set(source, (negatorSlots.get(source) ?? 0) + 1)
    if (source !== undefined && source.unrenderedPronouns.size > 0) {
      const persons = new Set([record.after, ...record.alternatives].flatMap((char) => options.dictionary.lookup(char)?.pronoun ?? []))
      let counts = pronounSlots.get(source)
      if (counts === undefined) pronounSlots.set(source, (counts = new Map()))
      for (const person of persons) counts.set(person, (counts.get(person) ?? 0) + 1)
    }
  })
  // Every prepared source, also one kept from the first pass: a count of this pass, else the default 1.
  for (const source of prepared.values()) {
    source.negatorSlots = negatorSlots.get(source) ?? 1
    source.pronounSlots = pronounSlots.get(source) ?? new Map()
  }
  const updated = repairs.map((record) => ({...record}))
  const weighed = byParagraph(text, targets).flatMap((group) => weighParagraphOnce(text, group, options, weights, shared.paragraphs))
  const kinds = new Map<number, EvidenceKind | undefined>()
  if (!weighed.some((item) => item.discriminates)) return {text, repairs: updated, changed: 0, kinds}
  const parts: Part[] = []
  let cursor = 0
  for (const item of weighed) {
    const at = item.target.record.outputOffset
    if (at > cursor) parts.push(text.slice(cursor, at))
    parts.push({candidates: candidateList(item, shared.lists)})
    cursor = at + item.target.record.after.length
  }
  if (cursor < text.length) parts.push(text.slice(cursor))
  // The document cache says half as much where the English is known and
  // renders none of the word's senses (`启用` "to start using" where the
  // sentence reads "production-ready"): a translator reuses a word for the
  // same meaning. Not nothing: CC-CEDICT's glosses are not all the English
  // a word can have (`发送` "to transmit" for "sent").
  const scale = (word: string, slots: readonly number[]): number =>
    slots.every((slot) => {
      const source = weighed[slot]?.target.source
      return source === undefined || rendersAny(word, source, options.dictionary)
    }) ? 1 : 0.5
  const rebuilt = rebuild(parts, options.lexicon, {
    cache: {scale, ...options.cache},
    ...(options.context === undefined ? {} : {context: options.context}),
    ...(options.contextWeight === undefined ? {} : {contextWeight: options.contextWeight})
  })
  let changed = 0
  // Where the English proposes candidates, it may also keep a choice it contradicts uncertain (`contradicted`).
  const lossy = options.damage !== undefined && proposing(options.damage)
  weighed.forEach((item, position) => {
    const result = rebuilt[position]!
    const {target, evidence, choices} = item
    if (!item.mattered && result.char === target.record.after) return
    // In a paragraph where the English does not discriminate, only the
    // document cache may change a choice: the lexicon alone already chose there.
    if (!item.discriminates && result.char === result.plain) return
    const record = updated[target.index]!
    if (result.char !== record.after) changed++
    record.after = result.char
    const chosen = evidence[choices.indexOf(result.char)]
    const confidence = confirms(chosen?.kind, result.confusion) ? result.latticeConfidence : result.confidence
    record.confidence = Math.round((lossy ? contradicted(confidence, choices.indexOf(result.char), evidence) : confidence) * 1000) / 1000
    record.alternatives = choices.filter((char) => char !== result.char).sort((a, b) => rank(result.alternatives, a) - rank(result.alternatives, b)).slice(0, Math.max(3, target.record.alternatives.length))
    const note = chosen?.note ?? ''
    kinds.set(target.index, chosen?.kind)
    if (note === '') delete record.evidence
    else record.evidence = note
  })
  if (changed === 0) return {text, repairs: updated, changed, kinds}
  return {...applyChoices(text, repairs, updated), changed, kinds}
}

/**
 * The candidates of a weighed repair for the lattice: the choices with their
 * bonuses, one list object for every place (and both passes) with the same
 * characters and bonuses in the same order. The lattice keeps what it works
 * out about a list (its pruning, scores, pair tables) by the list object, as
 * the repair stage's places of one shape share theirs, and works it out
 * from the characters and bonuses alone; most places of a document have the
 * same few lists (`中`, `不`, `与`, … with no English for any).
 */
function candidateList(item: Weighed, lists: Map<string, Candidate[]>): Candidate[] {
  let key = ''
  item.choices.forEach((char, option) => {
    key += `${char}\u0000${item.evidence[option]!.bonus}\u0000`
  })
  let list = lists.get(key)
  if (list === undefined) {
    list = item.choices.map((char, option) => ({char, filled: [], bonus: item.evidence[option]!.bonus}))
    lists.set(key, list)
  }
  return list
}

/**
 * How much more English evidence another candidate's word needs than the
 * choice has for {@link contradicted}: half a word of the aligned sentence
 * (`wordInSentence` 3), more than any word only in the pair's English (1).
 * On the C1-stripped tuning posts, any margin flagged 57 more wrong
 * characters for 451 more flags; 1.5, 26 for 198; 2.5, 19 for 120.
 */
const contradictingBonus = 1.5

/**
 * The confidence of a choice that the English contradicts: where a word of
 * another candidate has its gloss in the English (`运行` "run") and the
 * choice has less evidence or none (`进行容器`, which the lexicon likes about
 * 2.8 nats better), the lattice's confidence and the English's own (a
 * softmax over the candidates' bonuses alone) are pooled, as two models that
 * disagree: the choice stays uncertain instead of confident and wrong.
 * Only where the English proposes candidates too (a document that lost 16
 * byte values or more, {@link proposingLostBytes}): there the repair stage
 * chose among hundreds of completions, and on the tuning posts of C1
 * stripped this rule flagged 26 more wrong characters for 198 more flags;
 * on those of the seed's channel (`windows-1254/dropped`), whose four
 * candidates are nearly all there are, it flagged no wrong one and 2 right
 * ones.
 *
 * @param confidence The lattice's confidence in the choice.
 * @param chosen Index of the choice among the candidates.
 * @param evidence The evidence of every candidate.
 * @returns The confidence, lowered where the English contradicts the choice.
 */
export function contradicted(confidence: number, chosen: number, evidence: readonly CandidateEvidence[]): number {
  const own = evidence[chosen]?.bonus ?? 0
  if (!evidence.some((item, index) => index !== chosen && item.kind === 'word' && item.bonus - own >= contradictingBonus)) return confidence
  let total = 0
  for (const item of evidence) total += Math.exp(item.bonus - own)
  return Math.min(confidence, (confidence + 1 / total) / 2)
}

/**
 * Whether the English confirms a choice between two function characters
 * (`reconstruct/confusion.ts`), so that it keeps the lattice's confidence
 * instead of the tempered one: any evidence for it, except a sentence
 * without negation where the character it is confused with is no negator
 * (`no negation in it, so not 不` says nothing between `中` and `与`).
 *
 * @param kind The kind of English evidence for the choice, if any.
 * @param confusion The function character the choice is confused with, if any.
 * @returns True when the English speaks for the choice against the confused one.
 */
export function confirms(kind: EvidenceKind | undefined, confusion: string | undefined): boolean {
  if (kind === undefined || confusion === undefined) return false
  return kind !== 'no-negation' || negators.has(confusion)
}

/** The characters of `text.slice(start, end)`, and the indices among them of the damaged ones. */
function charsIn(text: string, start: number, end: number, damaged: ReadonlySet<number>): {chars: string[]; indices: Set<number>} {
  const chars: string[] = []
  const indices = new Set<number>()
  let offset = start
  for (const char of text.slice(start, end)) {
    if (damaged.has(offset)) indices.add(chars.length)
    chars.push(char)
    offset += char.length
  }
  return {chars, indices}
}

/** What the intact Chinese of `text.slice(start, end)` already renders. */
function coveredIn(text: string, start: number, end: number, damaged: ReadonlySet<number>, dictionary: GlossDictionary): Set<string> {
  const {chars, indices} = charsIn(text, start, end, damaged)
  return renderedStems(chars, indices, dictionary)
}

/**
 * `completionsOf` of a repair, the completions of each damaged text worked
 * out once (the same set object for each place with those bytes).
 */
function completionsIn(memo: Map<string, ReadonlySet<string> | undefined>, record: RepairRecord, damage: LostBytes): ReadonlySet<string> | undefined {
  let fits = memo.get(record.before)
  if (fits === undefined && !memo.has(record.before)) {
    fits = everyCompletion(record.before, damage)
    memo.set(record.before, fits)
  }
  return fits?.has(record.after) === true ? fits : undefined
}

/** The pronouns of each person in the intact Chinese of `text.slice(start, end)` (`renderedPronouns`). */
function pronounsIn(text: string, start: number, end: number, damaged: ReadonlySet<number>, dictionary: GlossDictionary): Map<string, number> {
  const {chars, indices} = charsIn(text, start, end, damaged)
  return renderedPronouns(chars, indices, dictionary)
}

/** {@link coveredIn} for the whole Chinese side of a span's pair, once per pair (the same set for each of its spans). */
function blockCoveredIn(text: string, span: SourceSpan, damaged: ReadonlySet<number>, dictionary: GlossDictionary, blocks: Map<string, Set<string>>): Set<string> {
  const key = `${span.blockStart}:${span.blockEnd}`
  let covered = blocks.get(key)
  if (covered === undefined) {
    covered = coveredIn(text, span.blockStart, span.blockEnd, damaged, dictionary)
    blocks.set(key, covered)
  }
  return covered
}

/** The characters of `text.slice(start, end)` that are not damaged. */
function intactIn(text: string, start: number, end: number, damaged: ReadonlySet<number>): string {
  const {chars, indices} = charsIn(text, start, end, damaged)
  return chars.filter((_, index) => !indices.has(index)).join('')
}

/** Targets grouped by paragraph (text between blank lines). */
function byParagraph(text: string, targets: readonly Target[]): Array<{start: number; end: number; targets: Target[]}> {
  const breaks: Array<[number, number]> = []
  for (const match of text.matchAll(/\n[ \t]*\n/g)) breaks.push([match.index + 1, match.index + match[0].length - 1])
  const groups: Array<{start: number; end: number; targets: Target[]}> = []
  let next = 0
  for (const target of targets) {
    const at = target.record.outputOffset
    while (next < breaks.length && breaks[next]![1] <= at) next++
    const start = next === 0 ? 0 : breaks[next - 1]![1]
    const end = next < breaks.length ? breaks[next]![0] : text.length
    const last = groups.at(-1)
    if (last !== undefined && last.start === start) last.targets.push(target)
    else groups.push({start, end, targets: [target]})
  }
  return groups
}

/** The evidence for the candidates of one re-rankable repair. */
interface Weighed {
  target: Target
  /** The current choice and its runner-ups. */
  choices: string[]
  /** Evidence per choice. */
  evidence: CandidateEvidence[]
  /** Whether its paragraph has English that discriminates between some candidates. */
  discriminates: boolean
  /** Whether its own candidates get different evidence. */
  mattered: boolean
}

/** Weigh the candidates of one paragraph's repairs against their English. */
function weighParagraph(text: string, group: {start: number; end: number; targets: Target[]}, options: RerankOptions, weights: SourceWeights): Weighed[] {
  const chars = [...text.slice(group.start, group.end)]
  // Character index of each target, by UTF-16 offset within the paragraph.
  const charIndex = new Map<number, number>()
  let offset = 0
  chars.forEach((char, index) => {
    charIndex.set(offset, index)
    offset += char.length
  })
  const slots = new Map<number, string[]>()
  const placed = group.targets.map((target) => {
    const index = charIndex.get(target.record.outputOffset - group.start)!
    slots.set(index, [target.record.after, ...target.record.alternatives])
    return {target, index}
  })
  const isWord = (word: string): boolean => (options.lexicon.lookup(word) ?? 1) < 0
  // Only damaged characters given their completions (`fits`, set in `rerankOnce`) take proposals.
  if (placed.some(({target}) => target.fits !== undefined)) {
    const proposalSlots = new Map<number, ProposalSlot>(placed.map(({target, index}) => [index, {choices: slots.get(index)!, fits: target.fits, source: target.source}]))
    for (const [index, proposed] of proposeWords(chars, proposalSlots, options.dictionary, {isWord})) slots.get(index)!.push(...proposed)
  }
  const around = {chars, slots, isWord}
  const weighed = placed.map(({target, index}): Weighed => {
    const {source} = target
    const choices = slots.get(index)!
    const evidence = choices.map((char) => (source === undefined ? noEvidence : candidateEvidence(around, index, char, source, options.dictionary, weights)))
    return {target, choices, evidence, discriminates: false, mattered: evidence.some((item) => item.bonus !== evidence[0]!.bonus)}
  })
  const discriminates = weighed.some((item) => item.mattered)
  for (const item of weighed) item.discriminates = discriminates
  return weighed
}

const noEvidence: CandidateEvidence = {bonus: 0, note: ''}

/** Position of a runner-up in the lattice's order (unlisted ones last, in their old order). */
function rank(order: readonly string[], char: string): number {
  const position = order.indexOf(char)
  return position === -1 ? order.length : position
}

/** Apply the new choices to the text and shift output offsets where lengths differ. */
function applyChoices(text: string, before: readonly RepairRecord[], after: RepairRecord[]): {text: string; repairs: RepairRecord[]} {
  let output = ''
  let cursor = 0
  let shift = 0
  before.forEach((old, index) => {
    const record = after[index]!
    output += text.slice(cursor, old.outputOffset)
    record.outputOffset = old.outputOffset + shift
    output += record.after
    cursor = old.outputOffset + old.after.length
    shift += record.after.length - old.after.length
  })
  output += text.slice(cursor)
  return {text: output, repairs: after}
}
