/**
 * Just enough English for matching dictionary glosses against a source
 * sentence: tokens in lower case, a light stem for content words, and the
 * function words that carry no content of their own.
 */

/**
 * Function words that are also the whole sense of a character, and say so
 * wherever they stand: `to do` (做, 搞), `still` (仍), `already` (已), `again`
 * (再), `only` (只, 仅), `also` (也). A gloss made of one of them is a content
 * sense; in an English sentence, `do` counts as one only as a main verb (see
 * `source-bonus.ts`).
 */
export const senseWords: ReadonlySet<string> = new Set(['do', 'still', 'already', 'again', 'only', 'also'])

/**
 * English function words: pronouns, articles, auxiliaries, prepositions,
 * conjunctions and the like. A gloss made of one of them (`与` "and", `中`
 * "in", `不` "not") is evidence only in the aligned sentence, never in a
 * whole paragraph.
 */
export const functionWords: ReadonlySet<string> = new Set(
  (
    'a an the and or nor but if then than so as also too not no never none nothing without ' +
    'in on at to into onto from of by for with within among between through across over under above below ' +
    'after before during until since about against along around behind beside besides beyond ' +
    'like unlike via per upon toward towards off out up down ' +
    'i me my mine we us our ours you your yours he him his she her hers it its they them their theirs ' +
    'this that these those there here who whom whose which what when where why how ' +
    'while whereas although though because unless whether whenever wherever ' +
    'be am is are was were been being have has had having do does did doing done ' +
    'can could will would shall should may might must ' +
    'all any each every some many much more most few less least other another such same own ' +
    'very just only even still already yet again once ever else both either neither ' +
    'sth sb etc esp lit fig one ones'
  ).split(' ')
)

/**
 * The function words whose glosses are evidence: prepositions, conjunctions,
 * negation and comparison, which Chinese renders with one character of their
 * own (`与`, `和`, `中`, `在`, `不`, `像`), and the future's `will` (`将`).
 * Left out: pronouns, articles and the other auxiliaries (`台` "(honorific)
 * you"), and `to`, `from`, `for`, `of`, `as`, whose English uses are too
 * many to point at one character (`from` as evidence for `从`: 5 more wrong
 * characters on the tuning pages of the seed's damage).
 */
export const evidentFunctionWords: ReadonlySet<string> = new Set(
  'and or nor but with without within among between in into inside on at by not no never like unlike than during while after before under over through will'.split(' ')
)

/** A map from `from:to` pairs separated by spaces. */
function wordMap(pairs: string): Map<string, string> {
  return new Map(pairs.split(' ').map((pair) => pair.split(':') as [string, string]))
}

/**
 * Personal pronouns by the person they name: `I`, `me`, `my` and `myself`
 * are all `i`. A Chinese pronoun (`我` "I; me; my") renders every form of
 * its person, so the forms of one person count together. Not `mine`, a
 * noun as often (`矿山` "mine"). The demonstrative `this`/`these` counts as a
 * person of its own (`这`, `此`: "this; these"); not `that`, a conjunction as
 * often.
 */
export const pronounPersons: ReadonlyMap<string, string> = wordMap(
  'i:i me:i my:i myself:i we:we us:we our:we ours:we ourselves:we ' +
    'you:you your:you yours:you yourself:you yourselves:you he:he him:he his:he himself:he ' +
    'she:she her:she hers:she herself:she it:it its:it itself:it they:they them:they their:they theirs:they themselves:they this:this these:this'
)

/**
 * The person of a word that is a personal pronoun as written: in lower case
 * or capitalised (`We` and `This` begin sentences), not in capitals (`US`,
 * the United States, nor `IT`), except `I`.
 *
 * @param word A word as written.
 * @returns Its person (`pronounPersons`), or undefined.
 */
export function pronounOf(word: string): string | undefined {
  if (word !== 'I' && word.length > 1 && word === word.toUpperCase()) return undefined
  return pronounPersons.get(word.toLowerCase())
}

/**
 * Coordinating conjunctions: they join two conjuncts, so their rendering
 * stands between the renderings of both (`design and implementation` →
 * `设计与实现`).
 */
export const conjunctions: ReadonlySet<string> = new Set(['and', 'or', 'nor', 'but'])

/**
 * Split English text into lower-case word tokens; contractions become their
 * parts, with `n't` as `not` (`don't` → `do`, `not`; `can't` → `can`, `not`).
 *
 * @param text English text.
 * @returns Tokens in order.
 */
export function englishTokens(text: string): string[] {
  const tokens: string[] = []
  for (const match of text.toLowerCase().matchAll(/[a-z0-9]+(?:['’][a-z]+)?/g)) {
    const word = match[0].replace('’', "'")
    const apostrophe = word.indexOf("'")
    if (apostrophe === -1) {
      tokens.push(word)
      continue
    }
    const head = word.slice(0, apostrophe)
    const tail = word.slice(apostrophe + 1)
    if (tail === 't' && head.endsWith('n')) {
      const verb = head.slice(0, -1)
      tokens.push(verb === 'wo' ? 'will' : verb === 'ca' ? 'can' : verb === 'sha' ? 'shall' : verb, 'not')
    } else {
      tokens.push(head)
      if (tail === 're') tokens.push('are')
      else if (tail === 'll') tokens.push('will')
      else if (tail === 've') tokens.push('have')
      else if (tail === 'm') tokens.push('am')
    }
  }
  return tokens
}

/**
 * Past forms of common irregular verbs, and their base: `ran` and `run`
 * meet as `running` and `run` do (`it ran on VMs` for `运行`). Only forms
 * that are no other common word (not `saw`, `left`, `found`, `lay`).
 */
const irregularForms: ReadonlyMap<string, string> = wordMap(
  'ran:run began:begin begun:begin broke:break broken:break brought:bring built:build bought:buy caught:catch ' +
    'chose:choose chosen:choose came:come drew:draw drawn:draw drove:drive driven:drive fell:fall fallen:fall ' +
    'forgot:forget forgotten:forget gave:give given:give went:go gone:go grew:grow grown:grow held:hold kept:keep ' +
    'knew:know known:know lost:lose made:make meant:mean met:meet paid:pay rose:rise risen:rise said:say seen:see ' +
    'sent:send shown:show sold:sell spent:spend stood:stand taught:teach thought:think told:tell took:take ' +
    'taken:take understood:understand wrote:write written:write hid:hide hidden:hide spoke:speak spoken:speak ' +
    'threw:throw thrown:throw wore:wear worn:wear'
)

/**
 * A light stem for matching inflected forms: `technologies` and `technology`,
 * `architectures` and `architecture`, `using`, `used` and `use`, `running`
 * and `run` meet, and so do `ran` and `run` (a past form of a common
 * irregular verb is stemmed as its base). Not a real stemmer: both sides go
 * through the same function, so only agreement matters.
 *
 * @param word A lower-case word.
 * @returns Its stem (the word itself when short).
 */
export function stemEnglish(word: string): string {
  const base = irregularForms.get(word)
  if (base !== undefined) return stemEnglish(base)
  if (word.length <= 3) return word.endsWith('e') && word.length === 3 ? word.slice(0, -1) : word
  let stem = word
  // A suffix goes only when two or three letters remain.
  if (stem.endsWith('ies') && stem.length >= 6) stem = `${stem.slice(0, -3)}y`
  else if (stem.endsWith('ing') && stem.length >= 5) stem = stem.slice(0, -3)
  else if (stem.endsWith('ed') && !stem.endsWith('eed') && stem.length >= 4) stem = stem.slice(0, -2)
  else if (stem.endsWith('es') && stem.length >= 5) stem = stem.slice(0, -2)
  else if (stem.endsWith('s') && !stem.endsWith('ss') && stem.length >= 4) stem = stem.slice(0, -1)
  // `running` → `runn` → `run`; `used` → `us`, `use` → `us`.
  if (stem.length > 3 && stem.at(-1) === stem.at(-2) && !/[aeiouls]/.test(stem.at(-1)!)) stem = stem.slice(0, -1)
  if (stem.endsWith('e') && stem.length >= 3) stem = stem.slice(0, -1)
  if (stem.endsWith('y') && stem.length > 3) stem = `${stem.slice(0, -1)}i`
  return stem
}

/** Forms of `be` and `get` that make `used to` passive (`are used to define`) or `accustomed`. */
const passiveAuxiliaries: ReadonlySet<string> = new Set(['be', 'am', 'is', 'are', 'was', 'were', 'been', 'being', 'get', 'gets', 'got', 'getting'])

/**
 * Whether the token at `index` is the habitual `used to` (`If you used to run
 * VMware Workstation`, `did not use to`): a past habit, not a use of
 * anything, so it is no evidence for a gloss `use`. A form of `be` or `get`
 * within the two tokens before makes it a real use (`files are commonly used
 * to define`).
 *
 * @param tokens Tokens of a sentence (see {@link englishTokens}).
 * @param index Position of the token to test.
 * @returns True for habitual `used to` / `use to`.
 */
export function habitualUsedTo(tokens: readonly string[], index: number): boolean {
  const token = tokens[index]
  if ((token !== 'used' && token !== 'use') || tokens[index + 1] !== 'to') return false
  const before = tokens.slice(Math.max(0, index - 2), index)
  if (token === 'use') return before.includes('did')
  return !before.some((word) => passiveAuxiliaries.has(word))
}
