/**
 * `bitext merge-reports`: combine the JSON or SARIF reports of the shards of
 * a CI matrix (`bitext lint --shard i/n`) into one report.
 */
import path from 'node:path'
import {parseArgs} from 'node:util'
import {mergeJsonReports, mergeSarifLogs, parseReport, type JsonReportFile} from '../../batch/merge-reports.js'
import {UsageError, type Command} from '../command.js'
import type {Log} from 'sarif'

const usage = `Usage: bitext merge-reports [options] FILE...

Merge reports written by \`bitext lint --format json\` or \`--format sarif\`
(one per shard of a CI matrix, see docs/performance.md) into one report of
the same format.

Options:
  --out FILE   write the merged report to FILE (default: standard output)
`

/** The merge-reports command. */
export const mergeReportsCommand: Command = {
  name: 'merge-reports',
  usage,
  async run(args, io) {
    const {values, positionals} = parseArgs({args, options: {out: {type: 'string'}}, allowPositionals: true})
    if (positionals.length === 0) throw new UsageError('No reports given; pass the JSON or SARIF files to merge')
    const json: JsonReportFile[][] = []
    const sarif: Log[] = []
    for (const name of positionals) {
      let text: string
      try {
        text = io.fs.readFileSync(path.resolve(io.cwd, name), 'utf8')
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'error'
        throw new UsageError(`Cannot read \`${name}\` (${code}); pass existing report files`)
      }
      let report
      try {
        report = parseReport(text, name)
      } catch (error) {
        throw new UsageError((error as Error).message)
      }
      if (report.format === 'json') json.push(report.files)
      else sarif.push(report.log)
    }
    if (json.length > 0 && sarif.length > 0) {
      throw new UsageError('Cannot merge JSON reports with SARIF logs; pass reports of one format')
    }
    const merged = json.length > 0 ? mergeJsonReports(json) : mergeSarifLogs(sarif)
    const output = JSON.stringify(merged, null, 2) + '\n'
    if (values.out === undefined) {
      io.stdout.write(output)
    } else {
      const target = path.resolve(io.cwd, values.out)
      io.fs.mkdirSync(path.dirname(target), {recursive: true})
      io.fs.writeFileSync(target, output)
    }
    return 0
  }
}
