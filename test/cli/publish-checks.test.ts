import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {duplicateFinder} from '../../src/cli/publish-checks.js'

/** Which of the texts the finder takes for a copy of an earlier one (by index), in order. */
function copies(texts: string[]): Array<number | undefined> {
  const find = duplicateFinder()
  const files = texts.map((value, index) => new VFile({path: `${index}.md`, value}))
  return files.map((file) => {
    const earlier = find(file)
    return earlier === undefined ? undefined : files.indexOf(earlier)
  })
}

describe('duplicateFinder', () => {
  it('takes texts that differ only in runs of white space for the same article', () => {
    const text = '# 标题\n\nKubernetes 是一个 容器编排器。\n\n> Kubernetes is a container orchestrator.\n'
    expect(
      copies([
        text,
        `  ${text.replaceAll('\n', '\r\n')}\t`,
        text.replaceAll(' ', '\u00a0'),
        text.replaceAll(' ', '\u3000\t '),
        text.replace('\n\n', '\n \n \u2028\n'),
        text.replace(' ', ''),
        text.replace('容器', '容 器'),
        text.replace('容器', '容\n\t器')
      ])
    ).toEqual([undefined, 0, 0, 0, 0, undefined, undefined, 6])
  })
})
