/**
 * `markup-mismatch`: inline code, emphasis and strong of the English side
 * without a counterpart on the Chinese side.
 */
import type {Nodes} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {eachNode} from '../parse/each-node.js'
import type {Finding, Rule, RuleContext} from './rule.js'
import {pairSides, type Side} from './qa-helpers.js'

/** Inline markup this rule compares. */
type Kind = 'inlineCode' | 'emphasis' | 'strong'

/** One piece of inline markup and where it is. */
interface Mark {
  kind: Kind
  text: string
  start: number
  end: number
}

const label: Record<Kind, string> = {inlineCode: 'inline code', emphasis: 'emphasis', strong: 'strong'}

/**
 * The inline markup of a side, in document order.
 */
function marks(side: Side): Mark[] {
  const found: Mark[] = []
  for (const root of side.nodes) {
    eachNode(root as Nodes, (node) => {
      if (node.type !== 'inlineCode' && node.type !== 'emphasis' && node.type !== 'strong') return
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start === undefined || end === undefined) return
      found.push({kind: node.type, text: toString(node).trim(), start, end})
    })
  }
  return found
}

/**
 * Compare inline markup of each pair. Markup is matched by kind and text
 * first (`cbr0` stays `cbr0`), then by kind in order (translated emphasis).
 *
 * @param context The document's data.
 * @returns Findings at each English mark left without counterpart.
 */
function check(context: RuleContext): Finding[] {
  const findings: Finding[] = []
  for (const {en, zh} of pairSides(context.alignment)) {
    const zhMarks = marks(zh)
    const left: Mark[] = []
    for (const mark of marks(en)) {
      const index = zhMarks.findIndex((other) => other.kind === mark.kind && other.text === mark.text)
      if (index >= 0) zhMarks.splice(index, 1)
      else left.push(mark)
    }
    for (const mark of left) {
      // Code must keep its text; emphasis and strong are translated, so any
      // remaining mark of the same kind counts as the counterpart.
      const index = mark.kind === 'inlineCode' ? -1 : zhMarks.findIndex((other) => other.kind === mark.kind)
      if (index >= 0) {
        zhMarks.splice(index, 1)
        continue
      }
      const other = zhMarks.find((candidate) => candidate.text === mark.text)
      findings.push({
        reason: other
          ? `Unexpected ${label[other.kind]} for \`${mark.text}\`, expected ${label[mark.kind]}`
          : `Missing ${label[mark.kind]} \`${mark.text}\` in translation, add it`,
        start: other ? other.start : mark.start,
        end: other ? other.end : mark.end,
        expected: [context.text.slice(mark.start, mark.end)],
        ...(other ? {actual: context.text.slice(other.start, other.end)} : {}),
        note: 'Inline code, emphasis and strong of the English should be kept in the translation'
      })
    }
  }
  return findings
}

/** The `markup-mismatch` rule. */
export const markupMismatch: Rule = {
  id: 'markup-mismatch',
  group: 'qa',
  defaultSetting: 'warn',
  description: 'Inline code, emphasis or strong lost in translation',
  check
}
