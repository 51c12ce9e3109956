import type {Root} from 'mdast'
import {describe, expect, it} from 'vitest'
import {createParser} from '../../src/parse/index.js'
import {localFiles} from '../../src/parse/local-files.js'

const article = `![Shot](images/shot%201.png "A title")

[Slides](files/talk.pdf#page=2) and [next post](other-post.md), [site](/about/), [web](https://example.org/a.png), [top](#top), [mail](mailto:a@example.org).

<img src="images/raw.png" alt="raw"> <a href='../shared/notes.txt'>notes</a>

![Reference][logo]

[logo]: ./images/logo.svg
`

describe('the local files of an article', () => {
  it('finds images, linked files, raw HTML sources and definitions, and nothing on the web or in the site', () => {
    const found = localFiles(createParser().parse(article) as Root)
    expect(found.map(({url, path, line, column}) => `${line}:${column} ${url} → ${path}`)).toEqual([
      '1:1 images/shot%201.png → images/shot 1.png',
      '3:1 files/talk.pdf#page=2 → files/talk.pdf',
      '5:1 images/raw.png → images/raw.png',
      '5:38 ../shared/notes.txt → ../shared/notes.txt',
      '9:1 ./images/logo.svg → ./images/logo.svg'
    ])
  })
})
