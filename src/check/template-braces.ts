/**
 * `template-braces`: template braces (`{{`, `{%`, `{#`) where the Markdown
 * outputs cannot protect them from Hexo's Nunjucks. In text, inline code,
 * HTML and image descriptions, emit wraps them in `{% raw %}…{% endraw %}`;
 * two places cannot be wrapped, so `build` refuses the article instead of
 * writing a post `hexo generate` fails on (or renders without its braces):
 *
 * - a link or image URL with braces (`{% raw %}` inside a URL breaks it);
 * - a literal `{% endraw %}`, which would close the protecting raw block.
 *
 * Nothing is reported when the article's front matter says
 * `disableNunjucks: true` (Hexo then reads the braces as text), nor in code
 * blocks, which Hexo protects itself.
 */
import type {Nodes} from 'mdast'
import {eachNode} from '../parse/each-node.js'
import {readFrontMatter} from '../parse/front-matter.js'
import type {Finding, Rule, RuleContext} from './rule.js'

/** Where a Nunjucks construct opens. */
export const templateOpener = /\{[{%#]/

/** A Nunjucks `endraw` tag, in any spacing and with whitespace control. */
export const endRawTag = /\{%-?\s*endraw\s*-?%\}/

/**
 * Find braces the Markdown outputs cannot protect.
 *
 * @param context The document's data.
 * @returns One finding per URL or text that cannot be wrapped.
 */
function check(context: RuleContext): Finding[] {
  if (nunjucksDisabled(context)) return []
  const findings: Finding[] = []
  eachNode(context.tree as Nodes, (node) => {
    if (node.type === 'code' || node.type === 'yaml') return 'skip'
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return undefined
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && templateOpener.test(node.url)) {
      findings.push({
        reason: `Unexpected template braces in the URL \`${node.url}\`: Hexo would run them as Nunjucks and \`{% raw %}\` cannot protect a URL; percent-encode the braces (%7B, %7D) or set \`disableNunjucks: true\` in the front matter`,
        start,
        end,
        actual: node.url
      })
    } else if ((node.type === 'text' || node.type === 'inlineCode' || node.type === 'html') && endRawTag.test(node.value)) {
      findings.push({
        reason: 'Unexpected `{% endraw %}` in the text: it would end the `{% raw %}` block that protects template braces from Hexo; write it in a code block or set `disableNunjucks: true` in the front matter',
        start,
        end,
        actual: node.value
      })
    }
    return undefined
  })
  return findings
}

/** Whether the front matter switches Hexo's Nunjucks off for this article. */
function nunjucksDisabled(context: RuleContext): boolean {
  const yaml = context.tree.children[0]
  // Without the key written out (or a backslash, which could escape a letter of it), no need to parse the YAML.
  if (yaml?.type !== 'yaml' || !/disableNunjucks|\\/.test(yaml.value)) return false
  try {
    return readFrontMatter(context.tree)['disableNunjucks'] === true
  } catch {
    // Invalid front matter fails the article before the checks run.
    return false
  }
}

/** The `template-braces` rule. */
export const templateBraces: Rule = {
  id: 'template-braces',
  group: 'qa',
  defaultSetting: 'error',
  description: 'Template braces Hexo would run as Nunjucks that cannot be protected',
  check
}
