/**
 * The translation QA checks, in documentation order.
 */
import {linkMismatch} from './link-mismatch.js'
import {lengthRatio} from './length-ratio.js'
import {markupMismatch} from './markup-mismatch.js'
import {missingTranslation} from './missing-translation.js'
import {noTranslation} from './no-translation.js'
import {mojibakeUncertain} from './mojibake-uncertain.js'
import {numberMismatch} from './number-mismatch.js'
import {omission} from './omission.js'
import {outdatedTranslation} from './outdated-translation.js'
import type {Rule} from './rule.js'
import {repeatedText} from './repeated-text.js'
import {templateBraces} from './template-braces.js'
import {untranslated} from './untranslated.js'
import {zhTypography} from './zh-typography.js'

/** QA rules. */
export const qaRules: readonly Rule[] = [
  noTranslation,
  missingTranslation,
  outdatedTranslation,
  untranslated,
  omission,
  linkMismatch,
  numberMismatch,
  markupMismatch,
  repeatedText,
  lengthRatio,
  zhTypography,
  mojibakeUncertain,
  templateBraces
]
