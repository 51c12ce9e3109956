/**
 * `bitext repair FILE… [--json] [--write [--no-backup]] [--out-dir DIR]`:
 * decode and repair mojibake, and print, save or explain the result.
 */
import path from 'node:path'
import {parseArgs} from 'node:util'
import type {Root} from 'mdast'
import {unified} from 'unified'
import {VFile} from 'vfile'
import bitextAlign from '../../align/index.js'
import {createParser} from '../../parse/index.js'
import {decode, DecodeError} from '../../decode/index.js'
import {lexiconLoader, repair, rerankWithSource, uncertainBelow} from '../../repair/index.js'
import {writeFileAtomic} from '../atomic-write.js'
import {UsageError, type Command} from '../command.js'
import type {CliIo} from '../io.js'

const usage = `Usage: bitext repair FILE... [options]

Decode FILE (any encoding; \`-\` for standard input), undo mojibake, and print
the repaired text as UTF-8. Every repair is explained with --json.

Options:
  --json            print the report instead: {encoding, confidence, damage,
                    repairs: [{line, column, before, after, confidence,
                    alternatives}], text} (an array for several files)
  --out-dir DIR     write each repaired file to DIR under its own name
  --write           replace each file in place, atomically, keeping the
                    original as FILE.orig (files that need no repair are
                    not touched)
  --no-backup       with --write, do not keep FILE.orig
  --encoding NAME   read the files in this encoding instead of detecting it

Exit status: 0 when every file was repaired or clean, 1 when a file could not
be read, decoded or fully repaired, 2 for bad usage.
`

/** The report of one file, as printed by `--json`. */
interface Report {
  file?: string
  encoding: string
  confidence: number
  damage: VFile['data']['damage']
  repairs: Array<{line: number; column: number; before: string; after: string; confidence: number; alternatives: string[]}>
  text: string
}

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
        'out-dir': {type: 'string'},
        encoding: {type: 'string'}
      },
      allowPositionals: true,
      allowNegative: true
    })
    const outDir = values['out-dir']
    if (positionals.length === 0) throw new UsageError('Expected at least one FILE (or `-` for standard input)')
    if (values.write && outDir !== undefined) throw new UsageError('Unexpected `--write` with `--out-dir`, expected one of them')
    if ((values.write || outDir !== undefined) && positionals.includes('-')) {
      throw new UsageError('Unexpected `-` with `--write` or `--out-dir`: standard input has no file to write; redirect stdout instead')
    }
    if (!values.json && !values.write && outDir === undefined && positionals.length > 1) {
      throw new UsageError(`Expected one FILE to print, got ${positionals.length}; use \`--out-dir DIR\` or \`--write\` for several`)
    }
    const lexicon = lexiconLoader()
    const reports: Report[] = []
    let failed = 0
    for (const name of positionals) {
      const outcome = await repairOne(name, io, values.encoding, lexicon)
      if (outcome.error !== undefined) {
        io.stderr.write(`${name}: ${outcome.error}\n`)
        failed++
        continue
      }
      const {file, bytes} = outcome
      const text = String(file.value)
      const repairs = file.data.repairs ?? []
      const lost = repairs.filter((record) => record.after.includes('\uFFFD') && !record.before.includes('\uFFFD')).length
      if (lost > 0) failed++
      io.stderr.write(summary(name, file, lost))
      if (values.json) {
        reports.push(toReport(file, positionals.length > 1 ? name : undefined))
      } else if (values.write) {
        const encoded = Buffer.from(text, 'utf8')
        if (bytes !== undefined && Buffer.compare(encoded, Buffer.from(bytes)) !== 0) {
          failed += attempt(io, name, () => writeFileAtomic(io.fs, path.resolve(io.cwd, name), encoded, {backup: values.backup}))
        }
      } else if (outDir !== undefined) {
        failed += attempt(io, name, () => {
          const directory = path.resolve(io.cwd, outDir)
          io.fs.mkdirSync(directory, {recursive: true})
          io.fs.writeFileSync(path.join(directory, path.basename(name)), text)
        })
      } else {
        io.stdout.write(text)
      }
    }
    if (values.json) io.stdout.write(`${JSON.stringify(reports.length === 1 && positionals.length === 1 ? reports[0] : reports, null, 2)}\n`)
    return failed > 0 ? 1 : 0
  }
}

type Outcome = {file: VFile; bytes: Uint8Array | undefined; error?: undefined} | {error: string}

/** Read, decode and repair one file; failures become a message. */
async function repairOne(
  name: string,
  io: CliIo,
  encoding: string | undefined,
  lexicon: ReturnType<typeof lexiconLoader>
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
  repair(file, {lexicon})
  checkAgainstSource(file)
  return {file, bytes: name === '-' ? undefined : bytes}
}

/**
 * A bilingual article's lossy repairs are checked against its English, as
 * `build` does: parse and align the repaired text, then re-rank. Text that
 * does not parse as an article keeps the plain repair.
 */
function checkAgainstSource(file: VFile): void {
  if (!(file.data.repairs ?? []).some((record) => record.kind === 'lossy' && record.alternatives.length > 0)) return
  const aligner = unified().use(bitextAlign, {messages: false})
  try {
    const tree = createParser().parse(file) as Root
    aligner.runSync(tree, file)
  } catch {
    return
  }
  rerankWithSource(file)
  delete file.data.alignment
}

/** One line per file on stderr: what was found and done. */
function summary(name: string, file: VFile, lost: number): string {
  const repairs = file.data.repairs ?? []
  const encoding = file.data.encoding
  const decoded = encoding !== undefined && encoding.encoding !== 'utf-8' ? ` (decoded from ${encoding.encoding})` : ''
  if (file.data.damage === null || file.data.damage === undefined) return `${name}: clean${decoded}\n`
  const uncertain = repairs.filter((record) => record.confidence < uncertainBelow).length
  return `${name}: ${file.data.damage.summary}${decoded}: ${repairs.length} repairs, ${uncertain} uncertain${lost > 0 ? `, ${lost} characters lost for good (U+FFFD)` : ''}\n`
}

function toReport(file: VFile, name: string | undefined): Report {
  const encoding = file.data.encoding ?? {encoding: 'utf-8', confidence: 1, bom: false, source: 'utf-8'}
  return {
    ...(name === undefined ? {} : {file: name}),
    encoding: encoding.encoding,
    confidence: encoding.confidence,
    damage: file.data.damage ?? null,
    repairs: (file.data.repairs ?? []).map(({line, column, before, after, confidence, alternatives}) => ({
      line,
      column,
      before,
      after,
      confidence,
      alternatives
    })),
    text: String(file.value)
  }
}

/** Run a write; a failure is reported on stderr and counted (returns 1). */
function attempt(io: CliIo, name: string, write: () => void): number {
  try {
    write()
    return 0
  } catch (error) {
    io.stderr.write(`${name}: cannot write: ${(error as Error).message}\n`)
    return 1
  }
}
