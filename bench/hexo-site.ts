/**
 * A minimal Hexo site for the benchmark's second baseline (issue 16): the
 * same posts in `source/_posts` (with `disableNunjucks: true` added to their
 * front matter), hexo-renderer-marked, and a theme of three Nunjucks layouts
 * (Hexo's own renderer), in a temporary folder whose node_modules is the
 * project's.
 */
import fs from 'node:fs'
import path from 'node:path'

/**
 * Why Hexo cannot run here, if it cannot.
 *
 * @param root The project folder.
 * @returns The reason, or undefined.
 */
export function hexoMissing(root: string): string | undefined {
  for (const name of ['hexo', 'hexo-renderer-marked']) {
    if (!fs.existsSync(path.join(root, 'node_modules', name, 'package.json'))) return `${name} is not installed (npm ci installs it: it is a devDependency)`
  }
  return undefined
}

/**
 * Make the site.
 *
 * @param dir The site's folder (created).
 * @param root The project folder (its node_modules is linked).
 * @param posts The posts: file name and bytes.
 */
export function writeHexoSite(dir: string, root: string, posts: ReadonlyArray<{name: string; bytes: Uint8Array}>): void {
  fs.rmSync(dir, {recursive: true, force: true})
  const theme = path.join(dir, 'themes', 'minimal', 'layout')
  fs.mkdirSync(theme, {recursive: true})
  fs.mkdirSync(path.join(dir, 'source', '_posts'), {recursive: true})
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir')
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({name: 'bench-site', private: true, hexo: {version: '8.1.2'}, dependencies: {hexo: '*', 'hexo-renderer-marked': '*'}}))
  fs.writeFileSync(
    path.join(dir, '_config.yml'),
    ['title: Bench', 'url: http://example.org', 'theme: minimal', 'language: zh-CN', 'per_page: 0', 'post_asset_folder: false', 'syntax_highlighter: false', ''].join('\n')
  )
  fs.writeFileSync(path.join(theme, 'layout.njk'), '<!doctype html>\n<html><head><meta charset="utf-8"><title>{{ page.title or config.title }}</title></head><body>{{ body | safe }}</body></html>\n')
  fs.writeFileSync(path.join(theme, 'post.njk'), '<article><h1>{{ page.title }}</h1>{{ page.content | safe }}</article>\n')
  fs.writeFileSync(path.join(theme, 'index.njk'), '<ul>{% for post in page.posts.toArray() %}<li><a href="{{ url_for(post.path) }}">{{ post.title }}</a></li>{% endfor %}</ul>\n')
  for (const post of posts) fs.writeFileSync(path.join(dir, 'source', '_posts', post.name), withoutNunjucks(post.bytes))
}

/**
 * The post with `disableNunjucks: true` in its front matter: Hexo would
 * otherwise run the `{{< … >}}` shortcodes of kubernetes/website pages as
 * Nunjucks tags and stop (bitext wraps them in `{% raw %}` instead).
 */
function withoutNunjucks(bytes: Uint8Array): Buffer {
  const text = Buffer.from(bytes).toString('utf8')
  return Buffer.from(/^---\r?\n/.test(text) ? text.replace(/^---\r?\n/, '---\ndisableNunjucks: true\n') : `---\ndisableNunjucks: true\n---\n\n${text}`, 'utf8')
}
