/**
 * `bitext glossary`: check the glossary, or export it for CAT tools.
 */
import path from 'node:path'
import {parseArgs} from 'node:util'
import {toCsv, toTbx} from '../../glossary/export.js'
import {UsageError, type Command} from '../command.js'
import {loadConfig} from '../config.js'
import {allRules} from '../../check/rules.js'
import {defaultGlossaryName, loadProjectGlossary} from '../glossary-file.js'

const usage = `Usage: bitext glossary <check|export> [FILE] [options]

  check [FILE]                validate the glossary and run its examples
  export [FILE] --tbx|--csv   write the glossary as TBX-Basic or CSV, for CAT tools

FILE is the glossary (default: --glossary, the configured one, or glossary.yaml).

Options:
  --glossary FILE   glossary, like FILE
  --output FILE     write to FILE instead of standard output (export)
`

/** The glossary command. */
export const glossaryCommand: Command = {
  name: 'glossary',
  usage,
  async run(args, io) {
    const {values, positionals} = parseArgs({
      args,
      options: {
        tbx: {type: 'boolean', default: false},
        csv: {type: 'boolean', default: false},
        glossary: {type: 'string'},
        output: {type: 'string'},
        debug: {type: 'boolean', default: false}
      },
      allowPositionals: true
    })
    const [action, file, ...rest] = positionals
    if (rest.length > 0) throw new UsageError(`Unexpected \`${rest.join(' ')}\`; give one glossary: \`bitext glossary ${action ?? 'check'} FILE\``)
    if (file !== undefined && values.glossary !== undefined && file !== values.glossary) {
      throw new UsageError(`Two glossaries, \`${file}\` and \`--glossary ${values.glossary}\`; give one`)
    }
    if (action !== 'check' && action !== 'export') {
      throw new UsageError(action === undefined ? 'Missing action; use `check` or `export --tbx|--csv`' : `Unknown action \`${action}\`; use \`check\` or \`export --tbx|--csv\``)
    }
    if (action === 'export' && values.tbx === values.csv) throw new UsageError('Choose one format: `export --tbx` or `export --csv`')
    if (file !== undefined && !io.fs.existsSync(path.resolve(io.cwd, file))) {
      throw new UsageError(`Cannot find the glossary \`${file}\`; give the path of an existing glossary file`)
    }
    const config = loadConfig(io, allRules)
    const given = file ?? values.glossary ?? config.glossary
    const glossary = loadProjectGlossary(given ?? defaultGlossaryName, io)
    if (!glossary) throw new UsageError(`No glossary; create ${defaultGlossaryName} or give one: \`bitext glossary ${action} FILE\``)
    if (action === 'check') {
      const examples = glossary.terms.reduce((count, term) => count + term.examples.length, 0)
      io.stdout.write(`${glossary.path}: ${glossary.terms.length} terms, ${examples} examples pass\n`)
      return 0
    }
    const output = values.tbx ? toTbx(glossary) : toCsv(glossary)
    if (values.output) {
      const target = path.resolve(io.cwd, values.output)
      io.fs.mkdirSync(path.dirname(target), {recursive: true})
      io.fs.writeFileSync(target, output)
    } else {
      io.stdout.write(output)
    }
    return 0
  }
}
