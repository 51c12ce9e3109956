/**
 * The `sarif` reporter: a SARIF 2.1.0 log, which code-scanning services
 * (GitHub code scanning among them) read. One run; rules described from the
 * rule registry; columns counted in UTF-16 code units, as vfile counts them.
 */
import {isAbsolute} from 'node:path'
import {pathToFileURL} from 'node:url'
import type {ArtifactLocation, Log, Region, ReportingDescriptor, Result} from 'sarif'
import type {VFile} from 'vfile'
import {endOf, severityOf, shownMessages, type ReportOptions} from './types.js'

const level = {error: 'error', warning: 'warning', info: 'note'} as const
const defaultLevel = {error: 'error', warn: 'warning', info: 'note', off: 'none'} as const

/**
 * Report files as a SARIF 2.1.0 log.
 *
 * @param files The checked files (paths relative to the repository root work best).
 * @param options `rules` for rule metadata, `version` of bitext, `quiet` keeps errors only.
 * @returns The log as pretty-printed JSON.
 */
export function sarif(files: readonly VFile[], options: ReportOptions = {}): string {
  const rules: ReportingDescriptor[] = []
  const ruleIndex = new Map<string, number>()
  for (const rule of options.rules ?? []) {
    ruleIndex.set(rule.id, rules.length)
    rules.push({
      id: rule.id,
      shortDescription: {text: rule.description},
      // The project has no public address yet: the rule's page is named, not linked.
      help: {text: `See docs/rules/${rule.id}.md in bitext`},
      defaultConfiguration: {level: defaultLevel[rule.defaultSetting]},
      properties: {tags: [rule.group]}
    })
  }
  const results: Result[] = []
  for (const file of files) {
    const artifactLocation = toArtifact(file.path)
    for (const message of shownMessages(file, options)) {
      const ruleId = message.ruleId ?? 'bitext'
      if (!ruleIndex.has(ruleId)) {
        // Messages of stages (decode, repair, align) are described on first use.
        ruleIndex.set(ruleId, rules.length)
        rules.push({id: ruleId, shortDescription: {text: `bitext ${ruleId}`}})
      }
      const result: Result = {
        ruleId,
        ruleIndex: ruleIndex.get(ruleId),
        level: level[severityOf(message)],
        message: {text: message.reason},
        locations: [{physicalLocation: {artifactLocation, ...region(message)}}]
      }
      if (message.actual !== undefined || message.expected !== undefined) {
        result.properties = {
          ...(message.actual === undefined ? {} : {actual: message.actual}),
          ...(message.expected === undefined ? {} : {expected: message.expected})
        }
      }
      results.push(result)
    }
  }
  const log: Log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {driver: {name: 'bitext', version: options.version ?? '0.0.0', rules}},
        columnKind: 'utf16CodeUnits',
        results
      }
    ]
  }
  return JSON.stringify(log, null, 2)
}

function region(message: Parameters<typeof endOf>[0]): {region?: Region} {
  if (message.line === undefined || message.line === null) return {}
  const end = endOf(message)
  return {
    region: {
      startLine: message.line,
      ...(message.column ? {startColumn: message.column} : {}),
      ...(end ? {endLine: end.line, endColumn: end.column} : {})
    }
  }
}

/** A relative URI against the source root, or a file URI for an absolute path. */
function toArtifact(path: string): ArtifactLocation {
  if (isAbsolute(path)) return {uri: pathToFileURL(path).href}
  return {uri: path.split(/[\\/]/).map((segment) => encodeURIComponent(segment)).join('/'), uriBaseId: '%SRCROOT%'}
}
