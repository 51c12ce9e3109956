/**
 * `bitext repair FILE… [--json] [--write [--no-backup]] [--out-dir DIR]`,
 * `bitext repair --accept SPEC… --choose SPEC…`: decode and repair mojibake,
 * print, save or explain the result, and settle the open decisions that
 * uncertain repairs leave in the file.
 */
import path from 'node:path'
import {parseArgs} from 'node:util'
import type {Root} from 'mdast'
import {unified} from 'unified'
import {VFile} from 'vfile'
import bitextAlign from '../../align/index.js'
import {createParser} from '../../parse/index.js'
import {decode, DecodeError} from '../../decode/index.js'
import {collectDecisions, isUncertain, readBlock, settleDecisions, withBlock, parseTarget, twinGroups, type DecisionBlock, type FileDecisions, type SettleResult, type Target} from '../../decisions/index.js'
import {glossaryForms, repair, rerankWithSource, resolveLexicon} from '../../repair/index.js'
import {ChangedOnDiskError, writeFileAtomic} from '../atomic-write.js'
import {UsageError, type Command} from '../command.js'
import {ruleIds} from '../../check/rule-ids.js'
import {loadConfig, loadGlossaryWhenPresent} from '../config.js'
import type {CliIo} from '../io.js'

const usage = `Usage: bitext repair FILE... [options]
       bitext repair --accept FILE[:LINE[:COLUMN]]... --choose FILE:LINE:COLUMN=TEXT...

Decode FILE (any encoding; \`-\` for standard input), undo mojibake, and print
the repaired text as UTF-8. Every repair is explained with --json.

Characters rebuilt from lost bytes with low confidence stay open decisions:
the repaired text ends with a decision block (an HTML comment) that lists
them, and lint, review and build flag each one until a person settles it:

  --accept SPEC     keep the repair's choice: FILE:LINE:COLUMN (as lint
                    prints it), FILE:LINE (every decision on the line) or
                    FILE (every decision in the file); repeatable
  --choose SPEC     put another text in place of the choice:
                    FILE:LINE:COLUMN=TEXT, e.g. a.md:96:14=卷; repeatable
Both repair the file if it still needs it and write it like --write. Editing
the character by hand, or deleting its line in the block, settles it too.

Options:
  --json            print the report instead: {encoding, confidence, damage,
                    repairs: [{line, column, before, after, confidence,
                    alternatives}], decisions: [{line, column, choice, others,
                    confidence, evidence, state}], text} (an array for
                    several files)
  --out-dir DIR     write each repaired file to DIR under its own name
  --write           replace each file in place, atomically, keeping the
                    original as FILE.orig (files that need no change are
                    not touched)
  --no-backup       with --write, --accept or --choose, do not keep FILE.orig
  --no-decisions    leave the decision block out (the open decisions are
                    then forgotten)
  --encoding NAME   read the files in this encoding instead of detecting it
  --glossary FILE   glossary whose terms, approved and forbidden, the repair
                    takes for words, as build does (default: glossary.yaml
                    when it exists)

Positions (LINE:COLUMN) are always those of the file as it is on disk.

Exit status: 0 when every file was repaired, clean or settled; 1 when a file
could not be read, decoded, fully repaired or settled (a place with no open
decision, a malformed decision block); 2 for bad usage.
`

/** The report of one file, as printed by `--json`. */
interface Report {
  file?: string
  encoding: string
  confidence: number
  damage: VFile['data']['damage']
  /** Mojibake recognised and left as it is, with what to do (`mojibake-unrepaired`). */
  unrepaired?: string
  repairs: Array<{line: number; column: number; before: string; after: string; confidence: number; alternatives: string[]}>
  decisions: Array<{line: number; column: number; choice: string; others: string[]; confidence: number; evidence?: string; state: 'open' | 'lost'}>
  text: string
}

/** What to settle in one file: every decision, or the places given. */
type Settle = {all: true} | {all: false; targets: Target[]}

/** The repair command. */
export const repairCommand: Command = {
  name: 'repair',
  usage,
  async run(args, io) {
    const {values, positionals} = parseArgs({
      args,
      options: {
        json: {type: 'boolean', default: false},
        write: {type: 'boolean', default: false},
        backup: {type: 'boolean', default: true},
        decisions: {type: 'boolean', default: true},
        accept: {type: 'string', multiple: true},
        choose: {type: 'string', multiple: true},
        'out-dir': {type: 'string'},
        encoding: {type: 'string'},
        glossary: {type: 'string'}
      },
      allowPositionals: true,
      allowNegative: true
    })
    const outDir = values['out-dir']
    const settling = settleRequests(values.accept ?? [], values.choose ?? [])
    if (settling.size > 0) {
      if (positionals.length > 0) throw new UsageError(`Unexpected FILE \`${positionals[0]}\` with --accept or --choose: name the file in the place, as in \`--accept ${positionals[0]}:LINE:COLUMN\``)
      if (values.json || values.write || outDir !== undefined || !values.decisions) throw new UsageError('Unexpected --json, --write, --out-dir or --no-decisions with --accept or --choose: they write the file in place')
    }
    const names = settling.size > 0 ? [...settling.keys()] : positionals
    const write = values.write || settling.size > 0
    if (names.length === 0) throw new UsageError('Expected at least one FILE (or `-` for standard input)')
    if (values.write && outDir !== undefined) throw new UsageError('Unexpected `--write` with `--out-dir`, expected one of them')
    if ((write || outDir !== undefined) && names.includes('-')) {
      throw new UsageError('Unexpected `-` with `--write` or `--out-dir`: standard input has no file to write; redirect stdout instead')
    }
    if (!values.json && !write && outDir === undefined && names.length > 1) {
      throw new UsageError(`Expected one FILE to print, got ${names.length}; use \`--out-dir DIR\` or \`--write\` for several`)
    }
    // The process-wide lexicon, which the context model is trained from too: loaded once.
    const lexicon = (): ReturnType<typeof resolveLexicon> => resolveLexicon()
    // The glossary's terms are words of the article, as in build.
    const glossary = await loadGlossaryWhenPresent(values.glossary ?? loadConfig(io, ruleIds.map((id) => ({id}))).glossary, io)
    const terms = glossary === undefined ? [] : glossaryForms(glossary)
    const reports: Report[] = []
    let failed = 0
    names: for (const name of names) {
      for (let round = 1; ; round++) {
        const outcome = await repairOne(name, io, values.encoding, lexicon, terms)
        if (outcome.error !== undefined) {
          io.stderr.write(`${name}: ${outcome.error}\n`)
          failed++
          continue names
        }
        const {file, bytes, found} = outcome
        const repairs = file.data.repairs ?? []
        const lost = repairs.filter((record) => record.after.includes('\uFFFD') && !record.before.includes('\uFFFD')).length
        // Characters lost for good, or mojibake that cannot be rebuilt at all (left as it is): exit 1.
        const lostFailed = lost > 0 || unrepaired(file) !== undefined ? 1 : 0
        const settle = settling.get(name) ?? {all: false, targets: []}
        const settled = settleDecisions(String(file.value), found.open, found.lost.map((entry) => entry.decision), settle.all ? 'all' : settle.targets)
        io.stderr.write(summary(name, file, lost, found, settled, write && values.decisions))
        for (const target of settled.unmatched) io.stderr.write(unmatchedMessage(name, target, found))
        if (values.json) {
          reports.push(toReport(file, names.length > 1 ? name : undefined, found))
          failed += lostFailed
          continue names
        }
        const output = values.decisions ? withBlock(settled.text, settled.remaining) : settled.text
        if (write) {
          if (settled.unmatched.length > 0 || found.malformed.length > 0) {
            for (const problem of found.malformed) io.stderr.write(`${name}: ${problem.reason}\n`)
            io.stderr.write(`${name}: not written; nothing was changed\n`)
            failed += 1 + lostFailed
            continue names
          }
          const encoded = Buffer.from(output, 'utf8')
          if (bytes !== undefined && Buffer.compare(encoded, Buffer.from(bytes)) !== 0) {
            // Written only if the file still holds the bytes repaired; if another
            // edit changed it meanwhile, it is read and repaired again.
            const written = attempt(io, name, () => writeFileAtomic(io.fs, path.resolve(io.cwd, name), encoded, {backup: values.backup, expected: bytes}), round < 5)
            if (written === 'changed') {
              io.stderr.write(`${name}: changed on disk while it was being repaired; repairing it again\n`)
              continue
            }
            failed += written
          }
        } else if (outDir !== undefined) {
          failed += +(attempt(io, name, () => {
            const directory = path.resolve(io.cwd, outDir)
            io.fs.mkdirSync(directory, {recursive: true})
            io.fs.writeFileSync(path.join(directory, path.basename(name)), output)
          }) !== 0)
        } else {
          io.stdout.write(output)
        }
        failed += lostFailed
        break
      }
    }
    if (values.json) io.stdout.write(`${JSON.stringify(reports.length === 1 && names.length === 1 ? reports[0] : reports, null, 2)}\n`)
    return failed > 0 ? 1 : 0
  }
}

/**
 * Group `--accept` and `--choose` places by file.
 *
 * @throws UsageError for a malformed place.
 */
function settleRequests(accept: readonly string[], choose: readonly string[]): Map<string, Settle> {
  const byFile = new Map<string, Settle>()
  for (const [spec, chooses] of [...accept.map((spec) => [spec, false] as const), ...choose.map((spec) => [spec, true] as const)]) {
    const parsed = parseTarget(spec, chooses)
    if (!parsed) {
      throw new UsageError(chooses
        ? `Malformed --choose \`${spec}\`: expected FILE:LINE:COLUMN=TEXT, e.g. article.md:96:14=卷`
        : `Malformed --accept \`${spec}\`: expected FILE, FILE:LINE or FILE:LINE:COLUMN`)
    }
    const known = byFile.get(parsed.file) ?? {all: false, targets: []}
    if (parsed.target === undefined) byFile.set(parsed.file, {all: true})
    else if (!known.all) byFile.set(parsed.file, {all: false, targets: [...known.targets, parsed.target]})
    else byFile.set(parsed.file, known)
  }
  return byFile
}

type Outcome = {file: VFile; bytes: Uint8Array | undefined; found: FileDecisions; error?: undefined} | {error: string}

/** Read, decode and repair one file, and collect its decisions; failures become a message. */
async function repairOne(
  name: string,
  io: CliIo,
  encoding: string | undefined,
  lexicon: () => ReturnType<typeof resolveLexicon>,
  terms: readonly string[]
): Promise<Outcome> {
  let bytes: Uint8Array
  try {
    if (name === '-') {
      if (io.stdin === undefined) return {error: 'standard input is not available'}
      bytes = await io.stdin()
    } else {
      bytes = io.fs.readFileSync(path.resolve(io.cwd, name))
    }
  } catch (error) {
    return {error: `cannot read: ${(error as Error).message}`}
  }
  const file = new VFile({path: name === '-' ? 'stdin' : name, value: bytes})
  try {
    decode(file, encoding === undefined ? {} : {encoding})
  } catch (error) {
    if (error instanceof DecodeError) return {error: error.message}
    throw error
  }
  // The block is rewritten from the decisions, never repaired: repair the content only.
  const disk = String(file.value)
  const block: DecisionBlock = readBlock(disk)
  file.value = disk.slice(0, block.start)
  repair(file, terms.length > 0 ? {lexicon, terms} : {lexicon})
  checkAgainstSource(file, terms)
  const found = collectDecisions(disk, block, String(file.value), file.data.repairs ?? [])
  return {file, bytes: name === '-' ? undefined : bytes, found}
}

/**
 * A bilingual article's lossy repairs are checked against its English, as
 * `build` does: parse and align the repaired text, then re-rank. Text that
 * does not parse as an article keeps the plain repair.
 */
function checkAgainstSource(file: VFile, terms: readonly string[]): void {
  if (!(file.data.repairs ?? []).some((record) => record.kind === 'lossy' && record.alternatives.length > 0)) return
  const aligner = unified().use(bitextAlign, {messages: false})
  try {
    const tree = createParser().parse(file) as Root
    aligner.runSync(tree, file)
  } catch {
    return
  }
  rerankWithSource(file, terms.length > 0 ? {terms} : {})
  delete file.data.alignment
}

/** What was found and done in one file, for stderr. */
function summary(name: string, file: VFile, lost: number, found: FileDecisions, settled: SettleResult, kept: boolean): string {
  const repairs = file.data.repairs ?? []
  const encoding = file.data.encoding
  const decoded = encoding !== undefined && encoding.encoding !== 'utf-8' ? ` (decoded from ${encoding.encoding})` : ''
  const lines: string[] = []
  for (const item of settled.settled) {
    lines.push(item.text === item.decision.choice
      ? `${name}:${item.line}:${item.column}: accepted \`${item.decision.choice}\``
      : `${name}:${item.line}:${item.column}: chose \`${item.text}\` in place of \`${item.decision.choice}\``)
  }
  const open = settled.remaining.length
  const groups = decisionCount(String(file.value), found, settled)
  const fromBlock = found.open.filter((placed) => placed.origin === 'block').length + found.lost.length
  const decisions = open === 0 && fromBlock === 0 && settled.settled.length === 0
    ? ''
    : `; ${groups} open ${groups === 1 ? 'decision' : 'decisions'}${groups === open ? '' : ` (${open} characters)`}${kept && open > 0 ? ' kept in the file (see `bitext lint`; settle with `bitext repair --accept` or `--choose`)' : ''}`
  const byHand = found.resolved.length > 0 ? `; ${found.resolved.length} settled by hand` : ''
  const left = unrepaired(file)
  if (left !== undefined) {
    lines.push(`${name}:${left.line ?? 1}:${left.column ?? 1}: ${left.reason}`)
  } else if (file.data.damage === null || file.data.damage === undefined) {
    lines.push(`${name}: clean${decoded}${decisions}${byHand}`)
  } else {
    const uncertain = repairs.filter(isUncertain).length
    lines.push(`${name}: ${file.data.damage.summary}${decoded}: ${repairs.length} repairs, ${uncertain} uncertain${lost > 0 ? `, ${lost} characters lost for good (U+FFFD)` : ''}${decisions}${byHand}`)
  }
  return lines.map((line) => `${line}\n`).join('')
}

/**
 * How many decisions the open places make, as lint and review count them:
 * twins (the same character rebuilt the same way beside the same
 * neighbour, settled together) once; a block decision whose place is lost
 * is one on its own.
 */
function decisionCount(text: string, found: FileDecisions, settled: SettleResult): number {
  const done = new Set(settled.settled.map((item) => item.decision))
  const open = found.open.filter((placed) => !done.has(placed.decision)).map((placed) => placed.decision)
  return twinGroups(text, open).length + (settled.remaining.length - open.length)
}

/** The error of mojibake the repair recognised and could not rebuild (`mojibake-unrepaired`), if any. */
function unrepaired(file: VFile): VFile['messages'][number] | undefined {
  return file.messages.find((message) => message.ruleId === 'mojibake-unrepaired')
}

/** Say that a place holds no open decision, and which places do nearby. */
function unmatchedMessage(name: string, target: Target, found: FileDecisions): string {
  const where = `${name}:${target.line}${target.column === undefined ? '' : `:${target.column}`}`
  const onLine = found.open.filter((placed) => placed.line === target.line)
  const hint = onLine.length > 0
    ? `; open on line ${target.line}: ${onLine.map((placed) => `${placed.line}:${placed.column} \`${placed.decision.choice}\``).join(', ')}`
    : found.open.length > 0 ? `; run \`bitext lint ${name}\` for the ${found.open.length} open places` : '; this file has no open decision'
  return `${where}: no open repair decision here${hint}\n`
}

function toReport(file: VFile, name: string | undefined, found: FileDecisions): Report {
  const left = unrepaired(file)
  const encoding = file.data.encoding ?? {encoding: 'utf-8', confidence: 1, bom: false, source: 'utf-8'}
  return {
    ...(name === undefined ? {} : {file: name}),
    encoding: encoding.encoding,
    confidence: encoding.confidence,
    damage: file.data.damage ?? null,
    ...(left === undefined ? {} : {unrepaired: left.reason}),
    repairs: (file.data.repairs ?? []).map(({line, column, before, after, confidence, alternatives}) => ({
      line,
      column,
      before,
      after,
      confidence,
      alternatives
    })),
    decisions: [
      ...found.open.map(({decision, line, column}) => ({line, column, ...decisionData(decision), state: 'open' as const})),
      ...found.lost.map(({decision}) => ({line: decision.line, column: decision.column, ...decisionData(decision), state: 'lost' as const}))
    ],
    text: String(file.value)
  }
}

function decisionData(decision: {choice: string; others: string[]; confidence: number; evidence?: string}) {
  return {
    choice: decision.choice,
    others: [...decision.others],
    confidence: decision.confidence,
    ...(decision.evidence === undefined ? {} : {evidence: decision.evidence})
  }
}

/** Run a write; a failure is reported on stderr and counted (returns 1). */
function attempt(io: CliIo, name: string, write: () => void, retry = false): number | 'changed' {
  try {
    write()
    return 0
  } catch (error) {
    if (retry && error instanceof ChangedOnDiskError) return 'changed'
    io.stderr.write(`${name}: cannot write: ${(error as Error).message}\n`)
    return 1
  }
}
