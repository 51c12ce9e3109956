/**
 * The ids of every check bitext knows, in documentation order, without the
 * checks themselves: what validating a configuration needs. Importing the
 * checks loads the parser, the aligner and the sync engine; a command that
 * only hands articles to worker threads (`build`) does not need them in its
 * own thread. `test/check/rule-ids.test.ts` keeps this list equal to `allRules`.
 */

/** Rule ids, in the order of `allRules`. */
export const ruleIds: readonly string[] = [
  'no-translation',
  'missing-translation',
  'outdated-translation',
  'untranslated',
  'omission',
  'link-mismatch',
  'number-mismatch',
  'markup-mismatch',
  'repeated-text',
  'length-ratio',
  'zh-typography',
  'mojibake-uncertain',
  'template-braces',
  'glossary-forbidden',
  'glossary-missing',
  'glossary-keep',
  'glossary-inconsistent'
]
