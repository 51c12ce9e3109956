/**
 * The review page of one article, as HTML built with hast (so that every
 * piece of user text is escaped) and with the article's content passed
 * through rehype-sanitize.
 */
import type {Element, ElementContent, Root} from 'hast'
import {h} from 'hastscript'
import rehypeSanitize, {defaultSchema, type Options as SanitizeSchema} from 'rehype-sanitize'
import {unified} from 'unified'
import type {VFile} from 'vfile'
import type {Severity} from '../types.js'
import {reviewPage} from './page.js'
import {contentSecurityPolicy, reviewScript} from './assets.js'
import {reviewModel, type ReviewChoice, type ReviewDecision, type ReviewDocument, type ReviewMessage, type ReviewRepair, type ReviewRow, type ReviewSide, type ReviewUncertainCounts} from './model.js'
import {isUncertain, settleCommands} from '../decisions/index.js'
import {rulePageHref} from './rule-page.js'
import {diffPrefix} from '../check/outdated-translation.js'
import {parseDiff} from '../sync/diff.js'

/** Options of the review page. */
export interface HtmlOptions {
  /** Link from the page back to the index (default: `index.html`; `false` for none). */
  indexHref?: string | false
  /**
   * Base of rule documentation links: `<docsBase>/<rule-id>.html` (default:
   * `rules`, where `bitext review` writes the rule pages beside the report).
   */
  docsBase?: string
}


const severityRank: Record<Severity, number> = {error: 3, warning: 2, info: 1}

/** What the sanitizer lets through in article content: text and our marks. */
const contentSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'mark'],
  attributes: {
    ...defaultSchema.attributes,
    mark: ['className', 'title', 'dataM', 'tabIndex'],
    span: ['className', 'lang']
  }
}

const sanitizer = unified().use(rehypeSanitize, contentSchema)

/**
 * Sanitize article content (a list of hast nodes).
 */
function sanitize(children: ElementContent[]): ElementContent[] {
  const root: Root = {type: 'root', children}
  const clean = sanitizer.runSync(root) as Root
  return clean.children.filter((node): node is ElementContent => node.type !== 'doctype')
}

/** A span of a slice to highlight: a message, a repair or an open decision. */
interface Highlight {
  start: number
  end: number
  message?: ReviewMessage
  repair?: ReviewRepair
  decision?: ReviewDecision
  /** For a twin (not the first place of its decision): the message of its decision, its card. */
  twinOf?: ReviewMessage
}

/**
 * Render a slice of the article with its messages and repairs highlighted.
 *
 * @param slice The text slice.
 * @param highlights Spans in file offsets.
 * @returns hast children (sanitized).
 */
function renderSlice(slice: ReviewSide, highlights: Highlight[]): ElementContent[] {
  const inside = highlights
    .map((item) => ({...item, end: item.end > item.start ? item.end : item.start + 1}))
    .filter((item) => item.start < slice.end && item.end > slice.start)
  const cuts = new Set([slice.start, slice.end])
  for (const item of inside) {
    cuts.add(Math.max(item.start, slice.start))
    cuts.add(Math.min(item.end, slice.end))
  }
  const points = [...cuts].sort((a, b) => a - b)
  const out: ElementContent[] = []
  for (let index = 0; index < points.length - 1; index++) {
    const from = points[index]
    const to = points[index + 1]
    const text = slice.text.slice(from - slice.start, to - slice.start)
    const covering = inside.filter((item) => item.start <= from && item.end >= to)
    if (covering.length === 0) {
      out.push({type: 'text', value: text})
      continue
    }
    const messages = covering.flatMap((item) => (item.message ? [item.message] : []))
    const repairs = covering.flatMap((item) => (item.repair ? [item.repair] : []))
    const decisions = covering.flatMap((item) => (item.decision ? [item.decision] : []))
    // A twin is not an open item of its own: its mark leads to the card of its decision.
    const cards = covering.flatMap((item) => (item.twinOf && !messages.includes(item.twinOf) ? [item.twinOf] : []))
    const linked = [...messages, ...cards]
    const worst = messages.reduce<Severity | undefined>(
      (found, message) => (!found || severityRank[message.severity] > severityRank[found] ? message.severity : found),
      undefined
    )
    const className = [
      ...(worst ? [`sev-${worst}`] : []),
      ...(repairs.length > 0 || decisions.length > 0 ? ['repair'] : []),
      ...(decisions.length > 0 || repairs.some((repair) => isUncertain(repair)) ? ['uncertain'] : []),
      ...(cards.length > 0 ? ['twin'] : [])
    ]
    const title = [
      ...messages.map((message) => `${message.severity} ${message.ruleId}: ${message.reason}`),
      ...repairs.map((repair) => `repaired ${repair.before} → ${repair.after} (${choiceSummary({choice: repair.after, others: repair.alternatives, confidence: repair.confidence, evidence: repair.evidence})})`),
      ...decisions.map((decision) => `open decision: ${decision.choice} (${choiceSummary(decision)})`),
      ...cards.map((card) => `the same decision as ${card.line ?? 1}:${card.column ?? 1} (the same choice in the same word): settled with it, see its message`)
    ].join('\n')
    out.push(h('mark', {className, title, ...(linked.length > 0 ? {dataM: linked.map((message) => message.id).join(' '), tabIndex: 0} : {})}, text))
  }
  return sanitize(out)
}

/** Confidence, reason and other candidates of a choice, in one line. */
function choiceSummary(choice: Pick<ReviewChoice, 'choice' | 'others' | 'confidence' | 'evidence'>): string {
  const why = choice.evidence === null ? '' : `, by the English: ${choice.evidence}`
  return `confidence ${choice.confidence.toFixed(2)}${why}${choice.others.length > 0 ? `; other candidates: ${choice.others.join(', ')}` : ''}`
}

/**
 * The candidates of an uncertain character, as alternatives: the likeliest
 * (what the text has) first, with its confidence and reason, then the others.
 */
function candidatesItem(choice: ReviewChoice): Element {
  const why = choice.evidence === null ? 'the Chinese models' : `the English: ${choice.evidence}`
  return h('p', {className: ['candidates']}, [
    'Likeliest: ',
    h('code', choice.choice),
    ` (confidence ${choice.confidence.toFixed(2)}, by ${why})`,
    ...(choice.others.length > 0
      ? [' · other candidates: ', ...choice.others.flatMap((other, index) => [...(index > 0 ? [' '] : []), h('code', other)])]
      : [' · no other candidate fits']),
    choice.origin === 'block' ? ' · open in the decision block' : ''
  ])
}

/**
 * How to settle the decision of a message, with the exact commands: its
 * twins' places first (one command settles them all), then `--accept` and
 * `--choose` at the place the message points at. The commands take the
 * place of the message's note, which says the same with `FILE:LINE:COLUMN`.
 */
function settleItems(message: ReviewMessage, path: string): {twins: Element[]; commands: Element | undefined} {
  const choice = message.choice
  if (choice === null || message.line === null) return {twins: [], commands: undefined}
  const count = choice.twins.length + 1
  const twins = choice.twins.length === 0
    ? []
    : [h('p', {className: ['twins']}, [
        `One decision for ${count} characters: the same choice in the same word also at `,
        ...choice.twins.flatMap((twin, index) => [...(index === 0 ? [] : [index === choice.twins.length - 1 ? ' and ' : ', ']), `${twin.line}:${twin.column}`]),
        `. One command settles all ${count}.`
      ])]
  // A lost character (U+FFFD) has nothing to keep: only a character written in its place settles it.
  if (choice.choice === '\uFFFD') return {twins, commands: undefined}
  const commands = settleCommands(path, message.line, message.column ?? 1, choice.others[0] ?? 'CHARACTER')
  const all = count === 1 ? '' : ` (all ${count})`
  return {
    twins,
    commands: h('p', {className: ['settle']}, [
      'Keep ', h('code', choice.choice), `${all}: `, h('code', commands.accept),
      h('br'),
      `Put another candidate in its place${all}: `, h('code', commands.choose),
      h('br'),
      count === 1 ? 'Or edit the character by hand.' : 'Or edit the characters by hand: editing one settles only that one.'
    ])
  }
}

/**
 * One side cell.
 */
function cell(lang: 'en' | 'zh', side: ReviewSide | null, highlights: Highlight[]): Element {
  if (!side || side.text.trim() === '') {
    return h('div', {className: [lang, 'empty'], lang: lang === 'en' ? 'en' : 'zh-CN'}, lang === 'en' ? '(no English)' : '（无译文）')
  }
  return h('div', {className: [lang], lang: lang === 'en' ? 'en' : 'zh-CN'}, renderSlice(side, highlights))
}

/**
 * The list item of one message.
 */
function messageItem(message: ReviewMessage, path: string, options: HtmlOptions): Element {
  const href = message.url === null || message.ruleId === undefined ? undefined : options.docsBase === undefined ? rulePageHref(message.ruleId) : `${options.docsBase.replace(/\/$/, '')}/${encodeURIComponent(message.ruleId)}.html`
  const where = message.line === null ? 'file' : `${message.line}:${message.column ?? 1}${message.side ? ` ${message.side.toUpperCase()}` : ''}`
  const settle = settleItems(message, path)
  return h('li', {
    className: ['msg', `sev-${message.severity}`],
    id: message.id,
    tabIndex: -1,
    dataRule: message.ruleId,
    dataSeverity: message.severity
  }, [
    h('span', {className: ['sev']}, message.severity),
    href ? h('a', {className: ['rule'], href}, message.ruleId) : h('span', {className: ['rule']}, message.ruleId),
    h('span', {className: ['reason']}, message.reason),
    h('span', {className: ['where']}, where),
    ...(message.actual !== null && message.actual.length <= 200 && message.actual !== ''
      ? [h('p', {className: ['actual']}, ['Found: ', h('code', message.actual)])]
      : []),
    ...(message.choice === null ? [] : [candidatesItem(message.choice), ...settle.twins, ...(settle.commands ? [settle.commands] : [])]),
    ...(message.expected.length > 0
      ? [h('p', {className: ['expected']}, ['Expected: ', ...message.expected.flatMap((text, index) => [...(index > 0 ? [' or '] : []), h('code', text === '' ? '(nothing)' : text)])])]
      : []),
    ...(message.note === null || settle.commands !== undefined ? [] : [h('p', {className: ['note']}, message.note)])
  ])
}

/**
 * One row: a unit with its sides (sentence by sentence in pairs) and messages.
 */
function renderRow(row: ReviewRow, review: ReviewDocument, byId: Map<string, ReviewMessage>, twinCards: Map<number, ReviewMessage>, options: HtmlOptions): Element {
  const messages = row.messages.flatMap((id) => byId.get(id) ?? [])
  const card = (start: number) => {
    const found = twinCards.get(start)
    return found === undefined ? {} : {twinOf: found}
  }
  const highlights: Highlight[] = [
    ...messages.flatMap((message) => (message.start === null || message.end === null ? [] : [{start: message.start, end: message.end, message}])),
    ...review.repairs.map((repair) => ({start: repair.start, end: repair.end, repair, ...card(repair.start)})),
    ...review.decisions.map((decision) => ({start: decision.start, end: decision.end, decision, ...card(decision.start)}))
  ]
  const worst = messages.reduce((rank, message) => Math.max(rank, severityRank[message.severity]), 0)
  const lines = [row.en ? `EN L${row.en.line}` : '', row.zh ? `ZH L${row.zh.line}` : ''].filter(Boolean).join(' · ')
  let body: Element[]
  if (row.kind === 'shared') {
    body = [h('div', {className: ['sent']}, [h('div', {className: ['shared']}, row.en ? renderSlice(row.en, highlights) : [])])]
  } else if (row.sentences.length > 0) {
    body = row.sentences.map((sentence) =>
      h('div', {className: ['sent'], ...(sentence.flags.length > 0 ? {dataFlags: sentence.flags.join(' ')} : {})}, [
        cell('en', sentence.en, highlights),
        cell('zh', sentence.zh, highlights)
      ]))
  } else {
    body = [h('div', {className: ['sent']}, [cell('en', row.en, highlights), cell('zh', row.zh, highlights)])]
  }
  return h('section', {
    className: ['row', `kind-${row.kind}`, ...(worst === 3 ? ['has-error'] : worst === 2 ? ['has-warning'] : [])],
    id: `u${row.index}`,
    dataRules: [...new Set(messages.map((message) => message.ruleId))].join(' '),
    ariaLabel: `Unit ${row.index}, ${row.kind} ${row.block}`
  }, [
    h('div', {className: ['row-head']}, [
      h('a', {href: `#u${row.index}`}, `#${row.index}`),
      h('span', `${row.kind} · ${row.block}`),
      h('span', lines),
      ...row.flags.map((flag) => h('span', {className: ['flag']}, flag))
    ]),
    h('div', {className: ['cols']}, body),
    ...(messages.length > 0 ? [h('ol', {className: ['msgs']}, messages.map((message) => messageItem(message, review.path, options)))] : [])
  ])
}

/**
 * Stale pairs first: every `outdated-translation` message (Chinese whose
 * English changed, English to translate, pairs the source removed), with the
 * English word diff when the message carries it, linking to its unit.
 */
function staleSection(review: ReviewDocument): Element[] {
  const stale = review.messages.filter((message) => message.ruleId === 'outdated-translation')
  if (stale.length === 0) return []
  return [
    h('section', {className: ['row', 'kind-stale'], id: 'stale', ariaLabel: 'Stale pairs'}, [
      h('div', {className: ['row-head']}, [h('span', `Stale pairs (${stale.length}): the English changed since the translation`)]),
      h('ol', {className: ['msgs', 'stale']}, stale.map((message) => staleItem(message, review)))
    ])
  ]
}

function staleItem(message: ReviewMessage, review: ReviewDocument): Element {
  const row = message.row === null ? undefined : review.rows[message.row]
  const diff = message.note?.startsWith(diffPrefix) ? parseDiff(message.note.slice(diffPrefix.length)) : undefined
  return h('li', {className: ['msg', `sev-${message.severity}`], dataRule: message.ruleId, dataSeverity: message.severity}, [
    row ? h('a', {className: ['where'], href: `#u${row.index}`}, `#${row.index}`) : h('span', {className: ['where']}, message.line === null ? 'file' : `${message.line}`),
    ' ',
    h('span', {className: ['reason']}, message.reason),
    ...(diff
      ? [h('p', {className: ['diff'], lang: 'en'}, diff.map((part) => (part.kind === 'same' ? part.text : h(part.kind === 'removed' ? 'del' : 'ins', part.text))))]
      : []),
    ...(row?.zh ? [h('p', {className: ['zh'], lang: 'zh-CN'}, row.zh.text)] : [])
  ])
}

/**
 * The filter toolbar.
 */
function toolbar(review: ReviewDocument): Element {
  const rules = Object.entries(review.counts.byRule).sort(([a], [b]) => a.localeCompare(b))
  const severities: Severity[] = ['error', 'warning', 'info']
  return h('nav', {className: ['toolbar'], ariaLabel: 'Filters and navigation'}, [
    h('fieldset', [
      h('legend', 'Severity'),
      ...severities.map((severity) =>
        h('label', [h('input', {type: 'checkbox', dataFilter: 'severity', value: severity, checked: true}), ` ${severity} (${review.counts[severity]})`]))
    ]),
    h('fieldset', [
      h('legend', 'Rules'),
      ...rules.map(([rule, counts]) =>
        h('label', [h('input', {type: 'checkbox', dataFilter: 'rule', value: rule, checked: true}), ` ${rule} (${counts.error + counts.warning + counts.info})`]))
    ]),
    h('label', [h('input', {type: 'checkbox', id: 'only-problems'}), ' only units with problems']),
    h('button', {type: 'button', id: 'prev', title: 'Previous problem (k)'}, '◀ Previous (k)'),
    h('button', {type: 'button', id: 'next', title: 'Next problem (j)'}, 'Next problem (j) ▶'),
    h('span', {className: ['status'], id: 'status', ariaLive: 'polite'})
  ])
}

/**
 * Render the review page of one processed article.
 *
 * @param file The file from the pipeline.
 * @param options Links.
 * @returns A complete, self-contained HTML document.
 */
export function renderReviewHtml(file: VFile, options: HtmlOptions = {}): string {
  return renderReviewDocument(reviewModel(file), options)
}

/**
 * Render the review page from a review model.
 *
 * @param review The model.
 * @param options Links.
 * @returns A complete, self-contained HTML document.
 */
export function renderReviewDocument(review: ReviewDocument, options: HtmlOptions = {}): string {
  const byId = new Map(review.messages.map((message) => [message.id, message]))
  const documentMessages = review.documentMessages.flatMap((id) => byId.get(id) ?? [])
  // Each twin's mark leads to the message of its decision (its card).
  const twinCards = new Map<number, ReviewMessage>()
  for (const message of review.messages) for (const twin of message.choice?.twins ?? []) twinCards.set(twin.start, message)
  const indexHref = options.indexHref ?? 'index.html'
  return reviewPage(`Review: ${review.title}`, contentSecurityPolicy(reviewScript), [
    h('a', {className: ['skip'], href: '#rows'}, 'Skip to the units'),
    h('header', {className: ['page']}, [
      h('h1', review.title),
      h('p', [
        ...(indexHref === false ? [] : [h('a', {href: indexHref}, 'All articles'), ' · ']),
        `${review.path} · ${review.rows.length} units · `,
        h('strong', `${review.counts.error} errors, ${review.counts.warning} warnings, ${review.counts.info} info`),
        ` · ${review.repairs.length} repairs`,
        ...uncertainSummary(review.uncertain),
        ...(review.ratio === null ? [] : [` · ZH:EN ratio ${review.ratio.toFixed(2)}`])
      ])
    ]),
    toolbar(review),
    h('main', {id: 'rows'}, [
      ...(documentMessages.length > 0
        ? [h('section', {className: ['row', 'kind-document'], id: 'document', ariaLabel: 'Whole article'}, [
            h('div', {className: ['row-head']}, [h('span', 'Whole article')]),
            h('ol', {className: ['msgs']}, documentMessages.map((message) => messageItem(message, review.path, options)))
          ])]
        : []),
      ...staleSection(review),
      ...review.rows.map((row) => renderRow(row, review, byId, twinCards, options))
    ]),
    h('script', reviewScript)
  ])
}

/**
 * The summary of what repair left to a person: decisions (twins counted
 * once, as `mojibake-uncertain` reports them) and, when that differs, the
 * characters they cover.
 *
 * @param counts The counts of the model.
 * @returns Summary parts (nothing when nothing waits).
 */
function uncertainSummary(counts: ReviewUncertainCounts): string[] {
  const parts: string[] = []
  if (counts.decisions > 0) {
    const characters = counts.characters === counts.decisions ? '' : ` (${counts.characters} characters)`
    parts.push(` · ${counts.decisions} ${counts.decisions === 1 ? 'decision' : 'decisions'} to make${characters}`)
  }
  if (counts.problems > 0) parts.push(` · ${counts.problems} decision block ${counts.problems === 1 ? 'line' : 'lines'} to fix`)
  return parts
}
