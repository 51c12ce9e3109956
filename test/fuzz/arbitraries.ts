/**
 * fast-check arbitraries for the fuzz properties: bytes as people feed them
 * to bitext, and Markdown shaped like bilingual articles.
 */
import fc from 'fast-check'
import iconv from 'iconv-lite'

/** Number of runs per property: small in `npm test`, large under `npm run fuzz`. */
export const numRuns = Number(process.env['BITEXT_FUZZ_RUNS'] ?? 100)

/** Seed from the environment, so a failing run can be replayed (`BITEXT_FUZZ_SEED`). */
export const fuzzParameters: fc.Parameters<unknown> = {
  numRuns,
  ...(process.env['BITEXT_FUZZ_SEED'] ? {seed: Number(process.env['BITEXT_FUZZ_SEED'])} : {})
}

const englishWords = ['Kubernetes', 'cluster', 'node', 'pod', 'the', 'is', 'a', 'container', 'vSphere', 'ESXi', 'run', 'API', '42', '3.14', 'v1.29', "don't", 'e.g.', 'etc.']
const chineseWords = ['集群', '节点', '容器', '是', '一个', '的', '调度', '虚拟机', '镜像', '。', '，', '：', '“引号”', '（括号）', '、', '！', '？', '……', '——']
const inline = [
  '`code`',
  '*em*',
  '**strong**',
  '~~del~~',
  '[link](https://example.org/a?b=1)',
  '![img](https://example.org/i.png)',
  '<span>html</span>',
  '&amp;',
  '&#x4E2D;',
  '\\*',
  '<https://example.org>',
  '[^1]',
  '$x$',
  '<!-- comment -->',
  '\u00a0',
  '\u200b',
  '\ufeff',
  '\t'
]

/** A run of words: English, Chinese, inline markup, or anything. */
export const words: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      {weight: 4, arbitrary: fc.constantFrom(...englishWords)},
      {weight: 4, arbitrary: fc.constantFrom(...chineseWords)},
      {weight: 2, arbitrary: fc.constantFrom(...inline)},
      {weight: 1, arbitrary: fc.string({unit: 'grapheme', maxLength: 8})}
    ),
    {minLength: 1, maxLength: 12}
  )
  .map((parts) => parts.join(' '))

const line = words.map((text) => text.replace(/\r?\n/g, ' '))

/**
 * The shapes that once held a build hostage (nested emphasis and links, runs
 * of `&`, deep lists, quotes and HTML), at sizes around the input limits'
 * boundary of 100 levels: refused or built, never an internal error.
 */
export const pathological: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(['*a ', ' a*'], ['**a ', ' a**'], ['_a ', ' a_'], ['[', '](b)'], ['![', '](b)'], ['[^', ']'], ['- ', ''], ['> ', ''], ['&', ''], ['<span>', '</span>'], ['`', '']),
    fc.integer({min: 1, max: 140})
  )
  .map(([[open, close], count]) => open.repeat(count) + 'x' + close.repeat(count))

/** One Markdown block. */
export const block: fc.Arbitrary<string> = fc.letrec<{block: string}>((tie) => ({
  block: fc.oneof(
    {depthSize: 'small', withCrossShrink: true},
    line,
    fc.tuple(fc.integer({min: 1, max: 6}), line).map(([level, text]) => `${'#'.repeat(level)} ${text}`),
    tie('block').map((inner) => inner.split('\n').map((row) => `> ${row}`).join('\n')),
    fc.array(line, {minLength: 1, maxLength: 4}).map((items) => items.map((item) => `- ${item}`).join('\n')),
    fc.array(line, {minLength: 1, maxLength: 4}).map((items) => items.map((item, index) => `${index + 1}. ${item}`).join('\n')),
    fc.tuple(fc.constantFrom('', 'yaml', 'html', 'sh'), fc.array(line, {maxLength: 3})).map(([lang, rows]) => ['```' + lang, ...rows, '```'].join('\n')),
    fc.array(fc.tuple(line, line), {minLength: 1, maxLength: 3}).map((rows) =>
      ['| a | b |', '| --- | --- |', ...rows.map(([a, b]) => `| ${a.replace(/\|/g, '')} | ${b.replace(/\|/g, '')} |`)].join('\n')
    ),
    fc.constantFrom('---', '***', '<div>html block</div>', '<!-- note -->', '<details><summary>s</summary>d</details>', '[^1]: footnote'),
    fc.tuple(line, line).map(([en, zh]) => `${en}\n${zh}`),
    pathological
  )
})).block

/** A bilingual pair as translators write it: EN quoted, then ZH. */
export const pair: fc.Arbitrary<string> = fc
  .tuple(fc.array(fc.constantFrom(...englishWords), {minLength: 1, maxLength: 10}), fc.array(fc.constantFrom(...chineseWords), {minLength: 1, maxLength: 10}))
  .map(([en, zh]) => `> ${en.join(' ')}\n\n${zh.join('')}`)

/** Front matter: a valid map, odd YAML, or none. */
export const frontMatter: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc.record({title: line, slug: fc.constantFrom('a', 'b-c', '中文', 'x.y')}).map(({title, slug}) => `---\ntitle: ${JSON.stringify(title)}\nslug: ${slug}\n---\n\n`),
  fc.constantFrom('---\n---\n\n', '---\n- a\n---\n\n', '---\ntitle: [\n---\n\n', '---\ntitle: x\n\n', '---\nslug: ../x\n---\n\n', '---\n: :\n---\n\n')
)

/** Markdown's special characters, CJK and white space in any order. */
export const markdownNoise: fc.Arbitrary<string> = fc.string({
  unit: fc.constantFrom(...'#>*-_+=[]()!<>`|~:\\&;./\'" \n\n\t1a中文。，'.split(''), '```', '---', '<div>', '</div>', '<!--', '-->', '&amp;', '- [ ] ', '1. ', '> '),
  maxLength: 400
})

/** A whole article: front matter, then blocks and pairs. */
export const markdownArticle: fc.Arbitrary<string> = fc
  .tuple(frontMatter, fc.array(fc.oneof(block, pair), {maxLength: 12}), fc.constantFrom('\n\n', '\n', '\r\n\r\n'))
  .map(([head, blocks, separator]) => head + blocks.join(separator) + '\n')

/** Text that is clean: valid Unicode as people write it (no mojibake to find). */
export const cleanText: fc.Arbitrary<string> = fc.oneof(
  markdownArticle,
  fc.string({unit: 'grapheme', maxLength: 200}),
  fc.array(fc.oneof(fc.constantFrom(...englishWords), fc.constantFrom(...chineseWords)), {maxLength: 40}).map((parts) => parts.join(' '))
)

/** UTF-8 text read as windows-1252 or latin1 and saved again as UTF-8: mojibake. */
export const mojibake: fc.Arbitrary<string> = fc
  .tuple(fc.array(fc.oneof(fc.constantFrom(...chineseWords), fc.constantFrom(...englishWords)), {minLength: 1, maxLength: 30}), fc.constantFrom('windows-1252', 'latin1'))
  .map(([parts, via]) => iconv.decode(Buffer.from(parts.join(' '), 'utf8'), via))

/** Bytes as people feed them: arbitrary, UTF-8, UTF-16, GB18030, mojibake, or a mix. */
export const articleBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({maxLength: 2000}),
  markdownArticle.map((text) => Uint8Array.from(Buffer.from(text, 'utf8'))),
  fc.tuple(markdownArticle, fc.constantFrom('utf-16le', 'utf-16be', 'gb18030', 'big5', 'windows-1252')).map(([text, encoding]) => Uint8Array.from(iconv.encode(text, encoding, {addBOM: encoding.startsWith('utf-16')}))),
  mojibake.map((text) => Uint8Array.from(Buffer.from(text, 'utf8'))),
  fc.tuple(markdownArticle, fc.uint8Array({minLength: 1, maxLength: 16}), fc.nat()).map(([text, noise, at]) => {
    const bytes = Buffer.from(text, 'utf8')
    const cut = bytes.length === 0 ? 0 : at % bytes.length
    return Uint8Array.from(Buffer.concat([bytes.subarray(0, cut), noise, bytes.subarray(cut)]))
  })
)
