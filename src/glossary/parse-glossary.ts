/**
 * Read `glossary.yaml`: untrusted YAML in, a validated, compiled `Glossary`
 * out, or a `GlossaryError` with the line and column of the first problem.
 *
 * Forms are plain strings. Regular expressions are deliberately not
 * supported: a pattern from a shared glossary must not be able to make the
 * lint slow (catastrophic backtracking), and plain strings compile into one
 * automaton whose cost does not grow with the glossary.
 */
import {isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type YAMLMap} from 'yaml'
import {buildGlossaryIndex} from './build-index.js'
import {checkExamples} from './check-examples.js'
import {normalizePattern} from './normalize.js'
import type {Glossary, Term, TermExample} from './types.js'

/** A glossary that cannot be used, with the place of the problem. */
export class GlossaryError extends Error {
  override name = 'GlossaryError'
  /** Path of the glossary. */
  readonly path: string
  /** 1-based line. */
  readonly line: number
  /** 1-based column. */
  readonly column: number
  /** The problem alone, without the place. */
  readonly reason: string

  /**
   * @param path Path of the glossary.
   * @param line 1-based line.
   * @param column 1-based column.
   * @param reason What is wrong and what to write instead.
   */
  constructor(path: string, line: number, column: number, reason: string) {
    super(`${path}:${line}:${column}: ${reason}`)
    this.path = path
    this.line = line
    this.column = column
    this.reason = reason
  }
}

const termFields = ['en', 'zh', 'keep', 'forbid', 'case', 'when', 'unless', 'note', 'examples']
const exampleFields = ['en', 'zh', 'valid']

/**
 * Parse and validate a glossary, check its examples and compile it.
 *
 * @param text The YAML text.
 * @param path Its path, for messages.
 * @returns The glossary, with its index.
 * @throws GlossaryError at the first problem.
 */
export function parseGlossary(text: string, path: string): Glossary {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, {lineCounter, prettyErrors: false})
  const fail = (node: YamlNode | {range?: readonly number[] | null} | null | undefined, reason: string): never => {
    const offset = node?.range?.[0] ?? 0
    const place = lineCounter.linePos(offset)
    throw new GlossaryError(path, place.line, place.col, reason)
  }
  const yamlError = document.errors[0]
  if (yamlError) {
    const place = lineCounter.linePos(yamlError.pos[0])
    throw new GlossaryError(path, place.line, place.col, `invalid YAML: ${yamlError.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`)
  }
  const root = document.contents
  if (!isMap(root)) return fail(root, 'a glossary is a map such as `version: 1` and `terms: [...]`')
  for (const pair of root.items) {
    const key = keyOf(pair.key)
    if (key !== 'version' && key !== 'terms') fail(pair.key as YamlNode, `unknown field \`${key}\`; a glossary has \`version\` and \`terms\``)
  }
  const version = root.get('version', true)
  if (!isScalar(version) || (version as {value: unknown}).value !== 1) fail(version ?? root, 'expected `version: 1`')
  const termsNode = root.get('terms', true)
  if (!isSeq(termsNode)) return fail(termsNode ?? root, 'expected `terms:` followed by a list of terms')

  const terms: Term[] = []
  for (const item of termsNode.items) {
    if (!isMap(item)) return fail(item as YamlNode, 'a term is a map such as `{en: cluster, zh: 集群}`')
    terms.push(readTerm(item, lineCounter, fail))
  }
  checkConsistency(terms, termsNode.items as YamlNode[], fail)

  const glossary: Glossary = {path, terms, index: buildGlossaryIndex(terms)}
  const problem = checkExamples(glossary)
  if (problem) {
    throw new GlossaryError(path, problem.example.line ?? problem.term.line, problem.example.column ?? 1, problem.reason)
  }
  return glossary
}

/**
 * Make a glossary from terms already validated (for programs and tests).
 *
 * @param terms The terms.
 * @param path A name for messages (default `glossary`).
 * @returns The compiled glossary.
 */
export function createGlossary(terms: Term[], path = 'glossary'): Glossary {
  return {path, terms, index: buildGlossaryIndex(terms)}
}

type Fail = (node: YamlNode | null | undefined, reason: string) => never

function keyOf(node: unknown): string {
  return isScalar(node) ? String(node.value) : String(node)
}

function readTerm(map: YAMLMap, lineCounter: LineCounter, fail: Fail): Term {
  for (const pair of map.items) {
    const key = keyOf(pair.key)
    if (!termFields.includes(key)) fail(pair.key as YamlNode, `unknown field \`${key}\` in a term; allowed: ${termFields.join(', ')}`)
  }
  const place = lineCounter.linePos(map.range?.[0] ?? 0)
  const term: Term = {
    en: strings(map, 'en', fail),
    zh: strings(map, 'zh', fail),
    keep: flag(map, 'keep', fail),
    forbid: strings(map, 'forbid', fail),
    case: flag(map, 'case', fail),
    examples: [],
    line: place.line,
    column: place.col
  }
  for (const field of ['when', 'unless'] as const) {
    const words = strings(map, field, fail)
    if (words.length === 0) continue
    if (term.en.length === 0) fail(map.get(field, true) as YamlNode, `\`${field}\` needs the English form in \`en\`: it names words of the English side`)
    term[field] = words
  }
  const note = map.get('note', true)
  if (note !== undefined) {
    if (!isScalar(note) || typeof note.value !== 'string') fail(note, '`note` must be text')
    term.note = String((note as {value: unknown}).value)
  }
  if (term.en.length === 0 && term.zh.length === 0) fail(map, 'a term needs `en` (English forms) or `zh` (Chinese forms)')
  if (term.keep && term.en.length === 0) fail(map.get('keep', true) as YamlNode, '`keep: true` needs the English form in `en`')
  const examples = map.get('examples', true)
  if (examples !== undefined) {
    if (!isSeq(examples)) fail(examples, '`examples` must be a list such as `[{zh: 在 Kubernetes 中, valid: true}]`')
    for (const item of (examples as {items: unknown[]}).items) term.examples.push(readExample(item, lineCounter, fail))
  }
  return term
}

function readExample(item: unknown, lineCounter: LineCounter, fail: Fail): TermExample {
  if (!isMap(item)) return fail(item as YamlNode, 'an example is a map such as `{zh: 在 Kubernetes 中, valid: true}`')
  for (const pair of item.items) {
    const key = keyOf(pair.key)
    if (!exampleFields.includes(key)) fail(pair.key as YamlNode, `unknown field \`${key}\` in an example; allowed: en, zh, valid`)
  }
  const valid = item.get('valid', true)
  if (!isScalar(valid) || typeof valid.value !== 'boolean') fail(valid ?? item, 'an example needs `valid: true` or `valid: false`')
  const place = lineCounter.linePos(item.range?.[0] ?? 0)
  const example: TermExample = {valid: (valid as {value: boolean}).value, line: place.line, column: place.col}
  for (const side of ['en', 'zh'] as const) {
    const node = item.get(side, true)
    if (node === undefined) continue
    if (!isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '') fail(node, `\`${side}\` of an example must be text`)
    example[side] = String((node as {value: unknown}).value)
  }
  if (example.en === undefined && example.zh === undefined) fail(item, 'an example needs `en`, `zh` or both')
  return example
}

function strings(map: YAMLMap, field: string, fail: Fail): string[] {
  const node = map.get(field, true)
  if (node === undefined) return []
  const items = isSeq(node) ? (node.items as unknown[]) : [node]
  const result: string[] = []
  const seen = new Set<string>()
  for (const item of items) {
    if (!isScalar(item) || (typeof item.value !== 'string' && typeof item.value !== 'number')) {
      fail(item as YamlNode, `\`${field}\` must be text or a list of texts`)
    }
    const value = String((item as {value: unknown}).value)
    if (value.trim() === '' || value !== value.trim()) fail(item as YamlNode, `\`${field}\` has an empty form or one with spaces around it`)
    if (seen.has(value)) fail(item as YamlNode, `\`${value}\` is listed twice in \`${field}\``)
    seen.add(value)
    result.push(value)
  }
  return result
}

function flag(map: YAMLMap, field: string, fail: Fail): boolean {
  const node = map.get(field, true)
  if (node === undefined) return false
  if (!isScalar(node) || typeof node.value !== 'boolean') fail(node, `\`${field}\` must be true or false`)
  return (node as {value: boolean}).value
}

/** Duplicates, self-contradictions, and forms one term forbids and another approves. */
function checkConsistency(terms: readonly Term[], nodes: readonly YamlNode[], fail: Fail): void {
  const keyOfForm = (form: string, term: Term): string => {
    const normal = normalizePattern(form)
    return term.case ? normal.cased : normal.text
  }
  const enOwner = new Map<string, number>()
  const zhOnlyOwner = new Map<string, number>()
  const approvedOwner = new Map<string, number>()
  for (const [index, term] of terms.entries()) {
    const node = nodes[index]
    const owners = term.en.length > 0 ? enOwner : zhOnlyOwner
    for (const form of term.en.length > 0 ? term.en : term.zh) {
      const key = normalizePattern(form).text
      const previous = owners.get(key)
      if (previous !== undefined && previous !== index) {
        fail(node, `duplicate term \`${form}\`, already defined at line ${terms[previous].line}; merge the two entries`)
      }
      owners.set(key, index)
    }
    const approved = [...term.zh, ...(term.keep ? term.en : [])]
    for (const form of approved) approvedOwner.set(normalizePattern(form).text, index)
    const own = new Set(approved.map((form) => keyOfForm(form, term)))
    for (const form of term.forbid) {
      if (own.has(keyOfForm(form, term))) fail(node, `the term forbids its own form \`${form}\`; remove it from \`forbid\``)
    }
  }
  for (const [index, term] of terms.entries()) {
    for (const form of term.forbid) {
      const other = approvedOwner.get(normalizePattern(form).text)
      if (other !== undefined && other !== index) {
        fail(nodes[index], `\`${form}\` is forbidden here but approved by the term at line ${terms[other].line}; a forbidden form is wrong everywhere, so remove one of the two`)
      }
    }
  }
}
