/**
 * Bilingual blog posts made only of held-out pages of the damage matrix:
 * posts in the blog's format (English quoted before each Chinese block) of
 * two held-out CNCF glossary pages each, the held-out Kubernetes website
 * pages (English in comments) and the project's example article. Nothing
 * here was tuned on. Used by `bench/repair-posts.ts` and `npm run bench`.
 */
import fs from 'node:fs'
import path from 'node:path'
import {pairPost} from './clean-corpus.js'
import {readPagePairs} from './corpus.js'
import {readPages, splitPages} from './repair-matrix.js'

/** One post: a name and its clean text. */
export interface Post {
  name: string
  text: string
}

/**
 * The held-out posts.
 *
 * @param shared The shared data folder (holds `corpus/`).
 * @param root The project's folder (holds `articles/`).
 * @returns The posts, in a fixed order, and how many CNCF pages they pair.
 */
export function heldOutPosts(shared: string, root: string): {posts: Post[]; pairedPages: number} {
  const pages = readPages(shared)
  const heldOut = new Set(splitPages(pages).heldOut.map((page) => page.name))
  const pairs = readPagePairs(path.join(shared, 'corpus', 'cncf-glossary')).filter((pair) => heldOut.has(path.join('cncf-glossary', 'zh-cn', pair.name)))
  const posts: Post[] = []
  for (let turn = 0; 2 * turn + 1 < pairs.length; turn++) posts.push(pairPost(turn, pairs, turn))
  for (const page of pages) if (heldOut.has(page.name) && page.name.startsWith('k8s-website')) posts.push(page)
  posts.push({name: 'articles/rolling-updates-without-downtime.md', text: fs.readFileSync(path.join(root, 'articles', 'rolling-updates-without-downtime.md'), 'utf8')})
  return {posts, pairedPages: pairs.length}
}
