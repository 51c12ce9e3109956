/**
 * `link-mismatch`: link and image targets that differ between the two sides of
 * a pair (a URL mangled in translation, a link dropped or added).
 */
import type {Nodes} from 'mdast'
import {eachNode} from '../parse/each-node.js'
import type {Finding, Rule, RuleContext} from './rule.js'
import {pairSides, type Side} from './qa-helpers.js'

/** A link or image target and where it is. */
interface Target {
  url: string
  kind: 'link' | 'image'
  start: number
  end: number
}

/** Two URLs at least this similar are the same link, mangled. */
const mangledSimilarity = 0.75

/**
 * The link and image targets of a side.
 */
function targets(side: Side): Target[] {
  const found: Target[] = []
  for (const root of side.nodes) {
    eachNode(root as Nodes, (node) => {
      if (node.type !== 'link' && node.type !== 'image') return
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start === undefined || end === undefined) return
      found.push({url: normalize(node.url), kind: node.type, start, end})
    })
  }
  return found
}

/**
 * Compare URLs as readers would: spaces and a final slash do not matter.
 */
function normalize(url: string): string {
  return url.trim().replace(/\/$/, '')
}

/**
 * Similarity of two strings, 0–1, from their Levenshtein distance.
 */
function similarity(a: string, b: string): number {
  if (a === b) return 1
  const previous = Array.from({length: b.length + 1}, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]
    previous[0] = i
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1))
      diagonal = above
    }
  }
  return 1 - previous[b.length] / Math.max(a.length, b.length)
}

/**
 * Remove the first target with `url` from `list`.
 */
function take(list: Target[], url: string): boolean {
  const index = list.findIndex((target) => target.url === url)
  if (index < 0) return false
  list.splice(index, 1)
  return true
}

/**
 * Compare the link targets of each pair.
 *
 * @param context The document's data.
 * @returns Findings: mangled targets at the Chinese link, dropped ones at the
 *   English link, added ones at the Chinese link.
 */
function check(context: RuleContext): Finding[] {
  const findings: Finding[] = []
  for (const {en, zh} of pairSides(context.alignment)) {
    const zhTargets = targets(zh)
    const missing = targets(en).filter((target) => !take(zhTargets, target.url))
    for (const target of missing) {
      let best: Target | undefined
      let bestScore = 0
      for (const candidate of zhTargets) {
        const score = similarity(target.url, candidate.url)
        if (candidate.kind === target.kind && score > bestScore) {
          best = candidate
          bestScore = score
        }
      }
      if (best && bestScore >= mangledSimilarity) {
        zhTargets.splice(zhTargets.indexOf(best), 1)
        findings.push({
          reason: `Unexpected ${target.kind} target \`${best.url}\`, expected \`${target.url}\``,
          start: best.start,
          end: best.end,
          actual: best.url,
          expected: [target.url],
          note: 'The target was changed in translation; it must be the same on both sides'
        })
        continue
      }
      findings.push({
        reason: `Missing ${target.kind} to \`${target.url}\` in translation, add it`,
        start: target.start,
        end: target.end,
        expected: [target.url],
        note: 'The English side links here but the Chinese side does not'
      })
    }
    for (const extra of zhTargets) {
      findings.push({
        reason: `Unexpected ${extra.kind} to \`${extra.url}\`, not in the English, remove it or add it to the English`,
        start: extra.start,
        end: extra.end,
        actual: extra.url,
        note: 'The Chinese side links somewhere the English side does not'
      })
    }
  }
  return findings
}

/** The `link-mismatch` rule. */
export const linkMismatch: Rule = {
  id: 'link-mismatch',
  group: 'qa',
  defaultSetting: 'warn',
  description: 'Link or image target changed, dropped or added in translation',
  check
}
