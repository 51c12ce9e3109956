/**
 * One lexicon loader for the repair tests of a worker (loaded on first use).
 */
import {lexiconLoader} from '../../src/repair/model/lexicon.js'

/** The shared lexicon loader. */
export const lexicon = lexiconLoader()
