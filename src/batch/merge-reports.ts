/**
 * Merge the reports of the shards of a CI matrix into one: JSON reports
 * (`bitext lint --format json`) or SARIF 2.1.0 logs (`--format sarif`).
 */
import type {Artifact, Log, ReportingDescriptor, Result, Run} from 'sarif'
import {stableJson} from './cache.js'

/** One file of a JSON report (messages are kept as they are). */
export interface JsonReportFile {
  file: string
  messages: unknown[]
}

/** A report read from disk. */
export type ParsedReport = {format: 'json'; files: JsonReportFile[]} | {format: 'sarif'; log: Log}

/**
 * Recognise a report.
 *
 * @param text The report's text.
 * @param name Its name, for messages.
 * @returns The parsed report.
 * @throws Error that says what is expected instead.
 */
export function parseReport(text: string, name: string): ParsedReport {
  let value: unknown
  try {
    value = JSON.parse(text) as unknown
  } catch (error) {
    throw new Error(`\`${name}\` is not JSON (${(error as Error).message}); pass files written by \`bitext lint --format json\` or \`--format sarif\``)
  }
  if (Array.isArray(value) && value.every(isJsonReportFile)) return {format: 'json', files: value}
  if (isSarifLog(value)) return {format: 'sarif', log: value}
  throw new Error(`\`${name}\` is neither a bitext JSON report nor a SARIF 2.1.0 log; pass files written by \`bitext lint --format json\` or \`--format sarif\``)
}

/**
 * Merge JSON reports: one entry per file, sorted by path; the messages of a
 * file that appears in several reports are concatenated without duplicates.
 *
 * @param reports The reports' files.
 * @returns The merged report.
 */
export function mergeJsonReports(reports: ReadonlyArray<readonly JsonReportFile[]>): JsonReportFile[] {
  const byFile = new Map<string, {messages: unknown[]; seen: Set<string>}>()
  for (const report of reports) {
    for (const entry of report) {
      let merged = byFile.get(entry.file)
      if (!merged) {
        merged = {messages: [], seen: new Set()}
        byFile.set(entry.file, merged)
      }
      for (const message of entry.messages) {
        const key = stableJson(message)
        if (merged.seen.has(key)) continue
        merged.seen.add(key)
        merged.messages.push(message)
      }
    }
  }
  return [...byFile.keys()].sort(compare).map((file) => ({file, messages: byFile.get(file)?.messages ?? []}))
}

/**
 * Merge SARIF logs: runs of the same tool (name and version) become one run
 * whose rules and artifacts are the union of theirs (indices renumbered) and
 * whose results are ordered by file, stably; runs of other tools are kept
 * as they are.
 *
 * @param logs The logs.
 * @returns The merged log.
 */
export function mergeSarifLogs(logs: readonly Log[]): Log {
  const groups = new Map<string, Run[]>()
  for (const log of logs) {
    for (const run of log.runs) {
      const key = `${run.tool.driver.name}\u0000${run.tool.driver.version ?? ''}`
      const group = groups.get(key)
      if (group) group.push(run)
      else groups.set(key, [run])
    }
  }
  const first = logs[0]
  return {
    ...(first?.$schema ? {$schema: first.$schema} : {}),
    version: '2.1.0',
    runs: [...groups.values()].map(mergeRuns)
  }
}

function mergeRuns(runs: readonly Run[]): Run {
  const [head] = runs
  if (!head || runs.length === 1) return head ?? {tool: {driver: {name: 'unknown'}}}
  const rules: ReportingDescriptor[] = []
  const ruleIndex = new Map<string, number>()
  const artifacts: Artifact[] = []
  const artifactIndex = new Map<string, number>()
  const results: Result[] = []
  const invocations = runs.flatMap((run) => run.invocations ?? [])
  const originalUriBaseIds = Object.assign({}, ...runs.map((run) => run.originalUriBaseIds ?? {})) as Run['originalUriBaseIds']

  for (const run of runs) {
    const oldRules = run.tool.driver.rules ?? []
    for (const rule of oldRules) {
      if (!ruleIndex.has(rule.id)) {
        ruleIndex.set(rule.id, rules.length)
        rules.push(rule)
      }
    }
    const oldArtifacts = run.artifacts ?? []
    const artifactMap = oldArtifacts.map((artifact) => {
      const key = `${artifact.location?.uriBaseId ?? ''}\u0000${artifact.location?.uri ?? ''}`
      let index = artifactIndex.get(key)
      if (index === undefined) {
        index = artifacts.length
        artifactIndex.set(key, index)
        artifacts.push(artifact)
      }
      return index
    })
    for (const result of run.results ?? []) {
      const ruleId = result.ruleId ?? (result.ruleIndex === undefined ? undefined : oldRules[result.ruleIndex]?.id)
      const moved: Result = {...result}
      if (ruleId !== undefined && ruleIndex.has(ruleId)) moved.ruleIndex = ruleIndex.get(ruleId)
      if (result.locations) {
        moved.locations = result.locations.map((location) => {
          const old = location.physicalLocation?.artifactLocation?.index
          if (old === undefined || !location.physicalLocation?.artifactLocation) return location
          const index = artifactMap[old]
          return {
            ...location,
            physicalLocation: {...location.physicalLocation, artifactLocation: {...location.physicalLocation.artifactLocation, ...(index === undefined ? {} : {index})}}
          }
        })
      }
      results.push(moved)
    }
  }

  const byFile = results.map((result, order) => ({result, order, uri: result.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? ''}))
  byFile.sort((a, b) => compare(a.uri, b.uri) || a.order - b.order)
  const merged: Run = {...head, tool: {...head.tool, driver: {...head.tool.driver, rules}}, results: byFile.map((item) => item.result)}
  if (artifacts.length > 0) merged.artifacts = artifacts
  if (invocations.length > 0) {
    merged.invocations = invocations
  }
  if (originalUriBaseIds && Object.keys(originalUriBaseIds).length > 0) merged.originalUriBaseIds = originalUriBaseIds
  return merged
}

/** Code-unit order, as `Array.prototype.sort` orders article paths. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function isJsonReportFile(value: unknown): value is JsonReportFile {
  if (value === null || typeof value !== 'object') return false
  const record = value as Record<string, unknown>
  return typeof record['file'] === 'string' && Array.isArray(record['messages'])
}

function isSarifLog(value: unknown): value is Log {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const record = value as Record<string, unknown>
  if (record['version'] !== '2.1.0' || !Array.isArray(record['runs'])) return false
  return record['runs'].every((run: unknown) => {
    const driver = (run as {tool?: {driver?: {name?: unknown}}} | null)?.tool?.driver
    return typeof driver?.name === 'string'
  })
}
