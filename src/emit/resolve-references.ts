/**
 * Reference links and images (`[text][id]`, `[id]`, `![alt][id]`) on the
 * bilingual HTML page. The page converts each side of each unit as a list of
 * its own (`listsToHast`), and a definition (`[id]: url`) is usually a unit
 * of its own at the end of the article, so a reference found no definition
 * and showed as its brackets. Here every reference that has a definition
 * anywhere in the article becomes the link or image it stands for, with the
 * definition's URL and title: what remark-rehype makes of the reference in a
 * tree holding the definition (the first definition of an identifier wins,
 * as in CommonMark). A reference without a definition stays, and is shown
 * as written.
 *
 * Footnotes (`[^id]` and `[^id]: text`) had the same fate, worse: remark-rehype
 * numbers calls and writes the notes at the end of each list, so a call
 * linked to a note that was never written and the note's text was dropped.
 * On the page a call becomes a superscript link to its note, showing the
 * note's label as written (`[^1]` shows 1), and the note stays where the
 * article has it, with its label in front; both languages' calls link to the
 * same note. They are written with Markdown nodes remark-rehype knows,
 * renamed (`data.hName`), so the page needs nothing else to convert them.
 */
import type {BlockContent, Definition, DefinitionContent, Emphasis, FootnoteDefinition, FootnoteReference, Image, ImageReference, Link, LinkReference, Nodes, RootContent} from 'mdast'
import {eachNode} from '../parse/each-node.js'

/**
 * Resolve the references of lists of blocks against the definitions of all
 * of them. Blocks without a resolvable reference are returned as they are;
 * the others are copied where they change (the input is never modified).
 *
 * @param lists The article's lists of top-level blocks (all of them: the definitions are read from every list).
 * @returns The lists, each reference with a definition replaced by a link or an image.
 */
export function resolveReferences(lists: ReadonlyArray<readonly RootContent[]>): RootContent[][] {
  const found: Found = {definitions: new Map(), notes: new Map()}
  for (const list of lists) {
    for (const block of list) {
      eachNode(block, (node) => {
        if (node.type !== 'definition' && node.type !== 'footnoteDefinition') return
        const id = node.identifier.toUpperCase()
        if (node.type === 'definition' && !found.definitions.has(id)) found.definitions.set(id, node)
        if (node.type === 'footnoteDefinition' && !found.notes.has(id)) found.notes.set(id, {note: node, number: found.notes.size + 1})
      })
    }
  }
  if (found.definitions.size === 0 && found.notes.size === 0) return lists.map((list) => [...list])
  return lists.map((list) => list.map((block) => resolved(block, found) as RootContent))
}

/** The article's definitions and footnotes (numbered in order: their place on the page is `fn-N`), by identifier in upper case. */
interface Found {
  definitions: Map<string, Definition>
  notes: Map<string, {note: FootnoteDefinition; number: number}>
}

/** A node with its resolvable references replaced; the same node when it holds none. */
function resolved(node: Nodes, found: Found): Nodes {
  if (node.type === 'linkReference' || node.type === 'imageReference') {
    const definition = found.definitions.get(node.identifier.toUpperCase())
    if (definition !== undefined) return node.type === 'linkReference' ? asLink(node, definition, found) : asImage(node, definition)
  }
  if (node.type === 'footnoteReference') {
    const entry = found.notes.get(node.identifier.toUpperCase())
    if (entry !== undefined) return asCall(node, entry.note, entry.number)
  }
  if (node.type === 'footnoteDefinition') {
    const entry = found.notes.get(node.identifier.toUpperCase())
    // A second note of the same identifier is never called: shown as a note all the same.
    return asNote(node, entry?.note === node ? entry.number : undefined, found)
  }
  if (!('children' in node)) return node
  let children: Nodes[] | undefined
  node.children.forEach((child: Nodes, index: number) => {
    const next = resolved(child, found)
    if (next === child) return
    children ??= [...node.children]
    children[index] = next
  })
  return children === undefined ? node : ({...node, children} as Nodes)
}

function asLink(node: LinkReference, definition: Definition, found: Found): Link {
  const children = node.children.map((child) => resolved(child, found)) as Link['children']
  return {type: 'link', url: definition.url, title: definition.title ?? null, children, ...(node.position ? {position: node.position} : {})}
}

/** A superscript (`<sup>`, written as a renamed emphasis) with the note's label. */
function superscript(children: Emphasis['children']): Emphasis {
  return {type: 'emphasis', children, data: {hName: 'sup'}}
}

/** A footnote call: a superscript link to its note (the sanitizer prefixes the note's id with `user-content-`). */
function asCall(node: FootnoteReference, note: FootnoteDefinition, number: number): Emphasis {
  const link: Link = {type: 'link', url: `#user-content-fn-${number}`, title: null, children: [{type: 'text', value: note.label ?? node.label ?? node.identifier}]}
  return {...superscript([link]), ...(node.position ? {position: node.position} : {})}
}

/** A footnote where the article has it: a `<div>` (a renamed quote) with its label in front of its first paragraph. */
function asNote(node: FootnoteDefinition, number: number | undefined, found: Found): Nodes {
  const label = superscript([{type: 'text', value: node.label ?? node.identifier}])
  const children = node.children.map((child) => resolved(child, found)) as Array<BlockContent | DefinitionContent>
  const first = children[0]
  if (first?.type === 'paragraph') children[0] = {...first, children: [label, {type: 'text', value: ' '}, ...first.children]}
  else children.unshift({type: 'paragraph', children: [label]})
  return {
    type: 'blockquote',
    children,
    data: {hName: 'div', hProperties: number === undefined ? {} : {id: `fn-${number}`}},
    ...(node.position ? {position: node.position} : {})
  }
}

function asImage(node: ImageReference, definition: Definition): Image {
  return {type: 'image', url: definition.url, title: definition.title ?? null, alt: node.alt ?? null, ...(node.position ? {position: node.position} : {})}
}
