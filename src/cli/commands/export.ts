/**
 * `bitext export`: an aligned article as TMX 1.4 or XLIFF 2.0 for CAT tools.
 */
import path from 'node:path'
import {parseArgs} from 'node:util'
import {reporter} from 'vfile-reporter'
import {allRules} from '../../check/rules.js'
import {toTmx, toXliff, xliffVersions, type XliffVersion} from '../../export/index.js'
import {fromResult, processBatchAll} from '../../batch/index.js'
import type {PipelineOptions} from '../../pipeline.js'
import {displayPath} from '../articles.js'
import {UsageError, type Command} from '../command.js'
import {loadConfig} from '../config.js'
import {loadProjectGlossary} from '../glossary-file.js'

const usage = `Usage: bitext export FILE (--tmx | --xliff [2.0|1.2]) [options]

Export an article's alignment for CAT tools: TMX 1.4 (sentence-level units
where the alignment is sentence-level, paragraph-level otherwise) or XLIFF 2.0
or 1.2 (one unit per segment, with the review messages as notes).

Options:
  --tmx             write TMX 1.4
  --xliff [VERSION] write XLIFF 2.0 (default) or 1.2 (--xliff 1.2: what most CAT
                    tools and translate-toolkit read)
  --out FILE        write here instead of standard output
  --glossary FILE   glossary, for the glossary notes (default: glossary.yaml when it exists)
  --encoding NAME   read the article in this encoding instead of detecting it
`

/** The export command. */
export const exportCommand: Command = {
  name: 'export',
  usage,
  async run(args, io) {
    // `--xliff` takes an optional version: `--xliff`, `--xliff 1.2`, `--xliff=2.0`.
    const normalized = args.flatMap((arg, index) =>
      arg === '--xliff' ? [`--xliff=${xliffVersions.includes(args[index + 1] as XliffVersion) ? args[index + 1] : '2.0'}`] : index > 0 && args[index - 1] === '--xliff' && xliffVersions.includes(arg as XliffVersion) ? [] : [arg])
    const {values, positionals} = parseArgs({
      args: normalized,
      options: {
        tmx: {type: 'boolean', default: false},
        xliff: {type: 'string'},
        out: {type: 'string'},
        glossary: {type: 'string'},
        encoding: {type: 'string'}
      },
      allowPositionals: true
    })
    if (positionals.length !== 1) throw new UsageError('Pass exactly one article, such as `bitext export articles/a.md --tmx`')
    if (values.tmx === (values.xliff !== undefined)) throw new UsageError('Pass one of --tmx or --xliff')
    const version = values.xliff as XliffVersion | undefined
    if (version !== undefined && !xliffVersions.includes(version)) throw new UsageError(`Unknown XLIFF version \`${version}\`; use --xliff 2.0 or --xliff 1.2`)
    const config = loadConfig(io, allRules)
    const glossary = loadProjectGlossary(values.glossary ?? config.glossary, io)
    const pipeline: PipelineOptions = {
      settings: config.rules,
      emit: false,
      ...(glossary ? {glossary} : {}),
      ...(values.encoding ? {encoding: values.encoding} : {})
    }
    const absolute = path.resolve(io.cwd, positionals[0])
    // One article, in this thread, uncached: the batch reads it and turns an unreadable file into a message.
    const [result] = await processBatchAll([absolute], {
      pipeline,
      jobs: 1,
      cacheDir: false,
      readFile: (file) => io.fs.readFileSync(file),
      displayPath: (file) => displayPath(file, io)
    })
    const file = fromResult(result!)
    if (file.data.failed || !file.data.alignment) {
      io.stderr.write(`${reporter([file], {quiet: true})}\n`)
      return 1
    }
    let output: string
    try {
      output = values.tmx ? toTmx(file) : toXliff(file, {version: version ?? '2.0'})
    } catch (error) {
      io.stderr.write(`bitext export: ${displayPath(absolute, io)}: ${(error as Error).message}\n`)
      return 1
    }
    if (values.out) {
      const target = path.resolve(io.cwd, values.out)
      io.fs.mkdirSync(path.dirname(target), {recursive: true})
      io.fs.writeFileSync(target, output)
      io.stderr.write(`bitext export: ${displayPath(absolute, io)} → ${displayPath(target, io)}\n`)
    } else {
      io.stdout.write(output)
    }
    return 0
  }
}
