/**
 * `no-translation`: an article with no Chinese at all. Its `index.zh.md`
 * would be a post holding nothing but front matter, so `build` refuses it
 * (the other articles are still built) unless the rule is set to `warn`
 * (`build --allow-untranslated`).
 */
import {toString} from 'mdast-util-to-string'
import type {Finding, Rule, RuleContext} from './rule.js'

const han = /\p{Script=Han}/u

/**
 * Report an article whose body has no Han character.
 *
 * @param context The document's data.
 * @returns One finding at the first block of the body, or none.
 */
function check(context: RuleContext): Finding[] {
  const body = context.tree.children.filter((node) => node.type !== 'yaml')
  if (body.some((node) => han.test(toString(node)))) return []
  const first = body[0]?.position
  const start = first?.start.offset ?? 0
  return [
    {
      reason: 'Unexpected article without Chinese: its index.zh.md would hold nothing but front matter; add the translation, or build with `--allow-untranslated` to publish it anyway',
      start,
      end: first?.end.offset ?? start,
      note: 'No block of the article has a Chinese (Han) character'
    }
  ]
}

/** The `no-translation` rule. */
export const noTranslation: Rule = {
  id: 'no-translation',
  group: 'qa',
  defaultSetting: 'error',
  description: 'Article without any Chinese',
  check
}
