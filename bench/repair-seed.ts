/**
 * The seed article through repair and the bilingual re-rank, as `bitext
 * repair` runs them: prints every uncertain choice (the flags that
 * `mojibake-uncertain` raises) and every choice the re-rank changed.
 *
 *   npx tsx bench/repair-seed.ts [FILE]     # default: articles/kubernetes-intro-for-vmware-users.md
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Root} from 'mdast'
import {unified} from 'unified'
import {VFile} from 'vfile'
import bitextAlign from '../src/align/index.js'
import {createParser} from '../src/parse/index.js'
import {isUncertain} from '../src/decisions/index.js'
import {repair, rerankWithSource} from '../src/repair/index.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const name = process.argv[2] ?? path.join(root, 'articles', 'kubernetes-intro-for-vmware-users.md')
const file = new VFile({path: name, value: readFileSync(name, 'utf8')})
repair(file)
const before = (file.data.repairs ?? []).map((record) => ({...record}))
createParser().parse(file)
unified().use(bitextAlign, {messages: false}).runSync(createParser().parse(file) as Root, file)
rerankWithSource(file)
const text = String(file.value)
const after = file.data.repairs ?? []
const around = (offset: number): string => text.slice(Math.max(0, offset - 6), offset + 6).replace(/\n/g, '⏎')
const lineOf = (offset: number): number => text.slice(0, offset).split('\n').length
let flags = 0
after.forEach((record, index) => {
  const old = before[index]!
  const changed = old.after !== record.after
  const flagged = isUncertain(record)
  if (flagged) flags++
  if (!flagged && !changed) return
  console.log(`${flagged ? 'FLAG' : '    '} ${changed ? `${old.after}→` : '  '}${record.after} line ${lineOf(record.outputOffset)} ${around(record.outputOffset)} conf ${old.confidence}→${record.confidence} others ${record.alternatives.slice(0, 4).join('')} ${record.evidence ?? ''}`)
})
console.log(`${flags} flags, ${after.filter((record, index) => record.after !== before[index]!.after).length} changed by the re-rank`)
