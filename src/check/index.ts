/**
 * The check stage: a unified plugin that runs the configured rules over the
 * aligned document and reports their findings as vfile messages.
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import type {Glossary} from '../glossary/types.js'
import type {Fix, Severity, TermUse} from '../types.js'
import type {Finding, Rule} from './rule.js'
import {allRules} from './rules.js'
import type {Segment} from './segmenter.js'
import {severityOf, type RuleSettings} from './settings.js'
import {applySuppressions} from './suppress.js'

/** Options of the check stage. */
export interface Options {
  /** Rules to run (default: all rules). */
  rules?: readonly Rule[]
  /** Severity per rule id (default: each rule's `defaultSetting`). */
  settings?: RuleSettings
  /** The glossary (default: none; glossary rules then find nothing). */
  glossary?: Glossary
  /** Chinese word segmentation (default: jieba in this thread, loaded on first use). */
  segment?: Segment
}

/**
 * Run checks on the aligned tree. Needs `file.data.alignment` (the align stage).
 *
 * @param options Configuration.
 * @returns The transformer.
 */
export default function bitextCheck(options: Options = {}) {
  const rules = options.rules ?? allRules
  const settings = options.settings ?? {}
  return function transformer(tree: Root, file: VFile): void {
    const alignment = file.data.alignment
    if (!alignment) throw new Error('bitext check needs the align stage to run first')
    const text = String(file.value)
    const context = {
      tree,
      text,
      alignment,
      glossary: options.glossary,
      repairs: file.data.repairs ?? [],
      damage: file.data.damage ?? null,
      decisions: file.data.decisions ?? [],
      decisionProblems: file.data.decisionProblems ?? [],
      ...(file.data.syncSource === undefined ? {} : {syncSource: file.data.syncSource}),
      memo: new Map<string, unknown>(),
      ...(options.segment ? {segment: options.segment} : {})
    }
    const place = location(file)
    const fixes: Fix[] = []
    const termUses: TermUse[] = []
    for (const rule of rules) {
      const severity = severityOf(rule, settings)
      if (severity === undefined) continue
      for (const finding of rule.check(context)) {
        if (!finding.silent) report(file, place, rule, severity, finding)
        if (finding.fix) fixes.push(finding.fix)
        if (finding.termUse) termUses.push(finding.termUse)
      }
    }
    file.data.fixes = [...(file.data.fixes ?? []), ...fixes]
    file.data.termUses = [...(file.data.termUses ?? []), ...termUses]
    applySuppressions(tree, file)
  }
}

/**
 * Turn one finding into a vfile message of the given severity.
 */
function report(
  file: VFile,
  place: ReturnType<typeof location>,
  rule: Rule,
  severity: Severity,
  finding: Finding
): void {
  const start = place.toPoint(finding.start)
  const end = place.toPoint(finding.end)
  const message = file.message(finding.reason, {
    place: start && end ? {start, end} : start,
    ruleId: rule.id,
    source: 'bitext'
  })
  message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined
  message.url = `docs/rules/${rule.id}.md`
  if (finding.actual !== undefined) message.actual = finding.actual
  if (finding.expected !== undefined) message.expected = finding.expected
  if (finding.note !== undefined) message.note = finding.note
}
