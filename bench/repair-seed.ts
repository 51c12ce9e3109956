/**
 * The seed article through repair and the bilingual re-rank, as `bitext
 * repair` runs them: prints every uncertain choice (the flags that
 * `mojibake-uncertain` raises) and every choice the re-rank changed, then the
 * score against the places read by hand (`test/fixtures/seed/expected.json`):
 * wrong characters, wrong ones without a flag, right ones flagged.
 *
 *   npx tsx bench/repair-seed.ts [FILE]     # default: articles/kubernetes-intro-for-vmware-users.md
 */
import {isUncertain} from '../src/decisions/index.js'
import {readExpected, scoreSeed, seedFile, seedThroughBuild} from './seed-score.js'

const name = process.argv[2] ?? seedFile
const {text, repairs: after, before} = seedThroughBuild(name)
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
if (name === seedFile) {
  const score = scoreSeed(text, after, readExpected())
  const show = (list: typeof score.checked) => list.map((item) => `${item.line} ${item.place}: ${item.chosen}${item.expected === '?' ? '' : ` (${item.expected})`} ${item.confidence}`).join('\n  ')
  console.log(`${score.uncertain} uncertain characters, ${score.flags} flags (twins, the same character rebuilt the same way in the same word, flagged once)`)
  console.log(`hand-read places: ${score.checked.length} rebuilt characters checked, ${score.wrong.length} wrong, ${score.wrongUnflagged.length} wrong and unflagged, ${score.unknownUnflagged.length} undecidable and unflagged, ${score.rightFlagged.length} right but flagged`)
  if (score.wrong.length > 0) console.log(`wrong:\n  ${show(score.wrong)}`)
  if (score.wrongUnflagged.length + score.unknownUnflagged.length > 0) console.log(`UNFLAGGED:\n  ${show([...score.wrongUnflagged, ...score.unknownUnflagged])}`)
  if (score.missing.length > 0) console.log(`places not found once on their line: ${score.missing.map((place) => `${place.line} ${place.expected}`).join(', ')}`)
}
