/**
 * Keep the definitions a language still needs: when the ZH article drops an
 * English block that holds `[^1]: …` or `[ref]: https://…` and the Chinese
 * text refers to it, the reference would break (and read back as literal
 * `\[^1]`). Such definitions are kept where they were.
 */
import type {Definition, FootnoteDefinition, Nodes, RootContent} from 'mdast'
import {eachNode} from '../parse/each-node.js'

/** One unit's blocks for a language: what the language keeps and what it drops. */
export interface SplitPart {
  kept: RootContent[]
  dropped: RootContent[]
}

/**
 * Join the kept blocks of every part, adding back each dropped definition
 * that kept content refers to and that no kept block defines.
 *
 * @param parts The parts, in document order.
 * @returns The blocks of the language.
 */
export function keepDefinitions(parts: readonly SplitPart[]): RootContent[] {
  const kept = parts.flatMap((part) => part.kept)
  const defined = new Set<string>()
  const wanted = new Set<string>()
  for (const node of kept) collect(node, defined, wanted)
  const rescued = new Set<RootContent>()
  // A rescued footnote may refer to another one: repeat until nothing changes.
  let changed = true
  while (changed) {
    changed = false
    for (const part of parts) {
      for (const definition of part.dropped.flatMap(definitionsIn)) {
        const key = keyOf(definition)
        if (rescued.has(definition) || defined.has(key) || !wanted.has(key)) continue
        rescued.add(definition)
        defined.add(key)
        collect(definition, new Set(), wanted)
        changed = true
      }
    }
  }
  if (rescued.size === 0) return kept
  return parts.flatMap((part) => [...part.kept, ...part.dropped.flatMap(definitionsIn).filter((definition) => rescued.has(definition))])
}

/** Record what a node defines and what it refers to. */
function collect(node: Nodes, defined: Set<string>, wanted: Set<string>): void {
  eachNode(node, (child) => {
    if (child.type === 'definition') defined.add(`link:${child.identifier}`)
    else if (child.type === 'footnoteDefinition') defined.add(`footnote:${child.identifier}`)
    else if (child.type === 'linkReference' || child.type === 'imageReference') wanted.add(`link:${child.identifier}`)
    else if (child.type === 'footnoteReference') wanted.add(`footnote:${child.identifier}`)
  })
}

/** The definitions inside a dropped block (at any depth, such as inside a quote). */
function definitionsIn(node: RootContent): Array<Definition | FootnoteDefinition> {
  const found: Array<Definition | FootnoteDefinition> = []
  eachNode(node, (child) => {
    if (child.type === 'definition' || child.type === 'footnoteDefinition') {
      found.push(child)
      return 'skip'
    }
    return undefined
  })
  return found
}

function keyOf(definition: Definition | FootnoteDefinition): string {
  return `${definition.type === 'definition' ? 'link' : 'footnote'}:${definition.identifier}`
}
