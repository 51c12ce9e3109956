/**
 * The corpus the context model learns from: the Simplified Chinese strings of
 * Visual Studio Code (`@codingame/monaco-vscode-language-pack-zh-hans`, MIT),
 * about 200,000 Han characters of professional software Chinese.
 */
import {readFileSync, readdirSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {trainContextModel, type ContextModel, type ContextModelLoader, type Frames} from './context-model.js'
import type {Lexicon, LexiconLoader} from './lexicon.js'

/**
 * Every string of the language pack that has Chinese in it.
 *
 * @param directory The package folder.
 * @returns The strings, in file order (files sorted by name).
 */
export function readLanguagePack(directory: string): string[] {
  const files = readdirSync(path.join(directory, 'translations'), {recursive: true})
    .map(String)
    .filter((name) => name.endsWith('.json') || name.endsWith('.js'))
    .sort()
  const strings: string[] = []
  for (const name of files) {
    const source = readFileSync(path.join(directory, 'translations', name), 'utf8')
    for (const match of source.matchAll(/"((?:[^"\\\n]|\\.)*)"/g)) {
      if (!/\p{Script=Han}/u.test(match[1]!)) continue
      try {
        strings.push(JSON.parse(`"${match[1]!}"`) as string)
      } catch {
        // Not a JSON string literal: skip it.
      }
    }
  }
  return strings
}

/**
 * Folder of the language pack the default context model learns from.
 *
 * @returns Absolute path of the package folder.
 */
export function defaultCorpusPath(): string {
  const require = createRequire(import.meta.url)
  return path.dirname(require.resolve('@codingame/monaco-vscode-language-pack-zh-hans/package.json'))
}

/**
 * Train the context model on the language pack.
 *
 * @param lexicon The lexicon whose prepositions and locatives make the phrase feature (default: none).
 * @param directory The package folder (default: the installed one).
 * @returns The model.
 */
export function loadContextModel(lexicon?: Lexicon, directory: string = defaultCorpusPath()): ContextModel {
  return trainContextModel(readLanguagePack(directory), {}, lexicon === undefined ? undefined : framesOf(lexicon))
}

/**
 * The prepositions and locatives of a lexicon: its one-character words
 * tagged `p` and `f`.
 *
 * @param lexicon The lexicon.
 * @returns The frames.
 */
export function framesOf(lexicon: Lexicon): Frames {
  const opens = new Set<number>()
  const closes = new Set<number>()
  for (let code = 0x4e00; code <= 0x9fff; code++) {
    const tag = lexicon.charTag(String.fromCharCode(code))
    if (tag === 'p') opens.add(code)
    else if (tag === 'f') closes.add(code)
  }
  return {opens, closes}
}

/**
 * Create a loader that trains the model on its first call and then returns
 * the same instance (share one loader per process).
 *
 * @param lexicon The lexicon's loader, for the phrase feature (default: none).
 * @param directory The package folder (default: the installed one).
 * @returns A memoising loader.
 */
export function contextModelLoader(lexicon?: LexiconLoader, directory?: string): ContextModelLoader {
  let cache: ContextModel | undefined
  return () => {
    cache ??= loadContextModel(lexicon?.(), directory)
    return cache
  }
}
