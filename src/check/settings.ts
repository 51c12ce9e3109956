/**
 * Rule severity settings: validated once, when configuration is loaded.
 */
import type {RuleSetting, Severity} from '../types.js'
import type {Rule} from './rule.js'

/** Rule id → setting, as written in `.bitextrc.json` or package.json's `bitext.rules`. */
export type RuleSettings = Record<string, RuleSetting>

const allowed: readonly RuleSetting[] = ['off', 'info', 'warn', 'error']

/**
 * Validate untrusted rule settings against the known rules.
 *
 * @param value The `rules` value from configuration (untrusted).
 * @param rules The known rules.
 * @param where Where the value came from, for messages (a file name).
 * @returns The validated settings.
 * @throws Error with a message that says what to write instead.
 */
export function validateRuleSettings(value: unknown, rules: ReadonlyArray<Pick<Rule, 'id'>>, where: string): RuleSettings {
  if (value === undefined) return {}
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${where}: \`rules\` must be a map of rule id to "off", "warn" or "error", such as {"repeated-text": "off"}`)
  }
  const known = new Set(rules.map((rule) => rule.id))
  const result: RuleSettings = {}
  for (const [id, setting] of Object.entries(value)) {
    if (!known.has(id)) {
      throw new Error(`${where}: unknown rule \`${id}\` in \`rules\`; known rules: ${[...known].sort().join(', ')}`)
    }
    if (typeof setting !== 'string' || !allowed.includes(setting as RuleSetting)) {
      throw new Error(`${where}: rule \`${id}\` is set to ${JSON.stringify(setting)}; write "off", "info", "warn" or "error"`)
    }
    result[id] = setting as RuleSetting
  }
  return result
}

/**
 * The severity a rule reports with, or undefined when it is off.
 *
 * @param rule The rule.
 * @param settings Configured settings.
 * @returns The severity, or undefined for `off`.
 */
export function severityOf(rule: Rule, settings: RuleSettings): Severity | undefined {
  const setting = settings[rule.id] ?? rule.defaultSetting
  if (setting === 'off') return undefined
  return setting === 'warn' ? 'warning' : setting
}
