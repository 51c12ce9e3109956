/**
 * `bitext align FILE [ZH_FILE] [--json]`: show how the Chinese text renders
 * the English, as two columns or as the JSON contract.
 */
import {parseArgs} from 'node:util'
import type {Root} from 'mdast'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import bitextAlign, {alignFiles, reportAlignment, toAlignmentJson} from '../../align/index.js'
import {formatAlignment} from '../../align/format-alignment.js'
import {createParser} from '../../parse/index.js'
import {dropDecisionBlock, mapMessagesToDisk} from '../../decisions/index.js'
import {repair} from '../../repair/index.js'
import type {Alignment} from '../../types.js'
import {UsageError, type Command} from '../command.js'
import type {CliIo} from '../io.js'
import {readDecoded} from '../read-input.js'

const usage = `Usage: bitext align FILE [ZH_FILE] [options]

Align the English and Chinese blocks and sentences of a bilingual article
(FILE), or of an English file and its translation kept apart (FILE ZH_FILE).

Options:
  --json            print the alignment as JSON (the contract other tools use)
  --width N         width of the two-column view (default: 100)
  --encoding NAME   read the files in this encoding instead of detecting it
`

const alignRules = new Set(['missing-translation', 'omission', 'untranslated'])

/** The align command. */
export const alignCommand: Command = {
  name: 'align',
  usage,
  async run(args, io) {
    const {values, positionals} = parseArgs({
      args,
      options: {
        json: {type: 'boolean', default: false},
        width: {type: 'string'},
        encoding: {type: 'string'}
      },
      allowPositionals: true
    })
    if (positionals.length === 0 || positionals.length > 2) {
      throw new UsageError(`Expected one bilingual file or an English and a Chinese file, got ${positionals.length}`)
    }
    const width = values.width === undefined ? 100 : Number(values.width)
    if (!Number.isInteger(width) || width < 40) {
      throw new UsageError(`Unexpected width \`${values.width ?? ''}\`, expected a whole number of columns, at least 40`)
    }
    const encoding = values.encoding === undefined ? {} : {encoding: values.encoding}
    const [enPath, zhPath] = positionals
    const enFile = readFile(enPath, io, encoding)
    const zhFile = zhPath === undefined ? undefined : readFile(zhPath, io, encoding)
    const parser = createParser()

    let alignment: Alignment
    if (zhFile) {
      const enTree = parser.parse(enFile) as Root
      const zhTree = parser.parse(zhFile) as Root
      dropDecisionBlock(enTree)
      dropDecisionBlock(zhTree)
      alignment = alignFiles(enTree, zhTree, {enSource: String(enFile.value), zhSource: String(zhFile.value)})
      reportAlignment(enFile, alignment, zhFile)
    } else {
      const tree = parser.parse(enFile) as Root
      dropDecisionBlock(tree)
      await unified().use(bitextAlign).run(tree, enFile)
      alignment = enFile.data.alignment ?? {units: [], ratio: 0, quoted: 'none'}
    }

    const files = zhFile ? [enFile, zhFile] : [enFile]
    if (values.json) {
      io.stdout.write(`${JSON.stringify(toAlignmentJson(enPath, alignment, zhPath), null, 2)}\n`)
    } else {
      io.stdout.write(formatAlignment(alignment, {width}))
    }
    // Show the aligner's findings (and anything fatal), not every repair note.
    for (const file of files) {
      file.messages = file.messages.filter((message) => message.fatal || alignRules.has(message.ruleId ?? ''))
      mapMessagesToDisk(file)
    }
    const report = reporter(files, {quiet: true})
    if (report) io.stderr.write(`${report}\n`)
    return files.some((file) => file.messages.some((message) => message.fatal)) ? 1 : 0
  }
}

/** Read, decode and repair one file; unreadable or undecodable input is a usage error. */
function readFile(shown: string, io: CliIo, options: {encoding?: string}): VFile {
  const file = readDecoded(shown, io, options)
  repair(file)
  return file
}
