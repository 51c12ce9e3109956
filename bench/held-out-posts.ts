/**
 * Bilingual blog posts made only of held-out pages of the damage matrix:
 * posts in the blog's format (English quoted before each Chinese block) of
 * two held-out CNCF glossary pages each, the held-out Kubernetes website
 * pages (English in comments) and the project's example article. Nothing
 * here was tuned on. Used by `bench/repair-posts.ts` and `npm run bench`.
 * {@link tuningPosts} makes the same kind of posts of the tuning pages, to
 * tune on (`bench/repair-posts.ts --set tuning`).
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
  const {posts, pairedPages} = postsOf(shared, 'heldOut')
  posts.push({name: 'articles/rolling-updates-without-downtime.md', text: fs.readFileSync(path.join(root, 'articles', 'rolling-updates-without-downtime.md'), 'utf8')})
  return {posts, pairedPages}
}

/**
 * Posts of the same kind made of the tuning pages of the damage matrix
 * (`splitPages(...).tuning`): CNCF pages two by two and the Kubernetes
 * website pages, without the example article, which is held out.
 *
 * @param shared The shared data folder (holds `corpus/`).
 * @returns The posts, in a fixed order, and how many CNCF pages they pair.
 */
export function tuningPosts(shared: string): {posts: Post[]; pairedPages: number} {
  return postsOf(shared, 'tuning')
}

/** The posts of one part of the split pages. */
function postsOf(shared: string, part: 'tuning' | 'heldOut'): {posts: Post[]; pairedPages: number} {
  const pages = readPages(shared)
  const chosen = new Set(splitPages(pages)[part].map((page) => page.name))
  const pairs = readPagePairs(path.join(shared, 'corpus', 'cncf-glossary')).filter((pair) => chosen.has(path.join('cncf-glossary', 'zh-cn', pair.name)))
  const posts: Post[] = []
  for (let turn = 0; 2 * turn + 1 < pairs.length; turn++) posts.push(pairPost(turn, pairs, turn))
  for (const page of pages) if (chosen.has(page.name) && page.name.startsWith('k8s-website')) posts.push(page)
  return {posts, pairedPages: pairs.length}
}
