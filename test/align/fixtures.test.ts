import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {alignFiles, toAlignmentJson} from '../../src/align/index.js'
import {alignText, parse} from './helpers.js'
import {projectRoot} from './seed-text.js'

const root = path.join(projectRoot, 'test', 'fixtures', 'align')
const cases = fs.readdirSync(root).filter((name) => fs.statSync(path.join(root, name)).isDirectory()).sort()

describe('align fixtures', () => {
  it('has at least ten cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10)
  })

  for (const name of cases) {
    it(name, async () => {
      const dir = path.join(root, name)
      const en = fs.readFileSync(path.join(dir, 'input.md'), 'utf8')
      const zhPath = path.join(dir, 'input.zh.md')
      let json
      let messages: string[]
      if (fs.existsSync(zhPath)) {
        const zh = fs.readFileSync(zhPath, 'utf8')
        const alignment = alignFiles(parse(en), parse(zh), {enSource: en, zhSource: zh})
        json = toAlignmentJson('input.md', alignment, 'input.zh.md')
        messages = []
      } else {
        const {file} = await alignText(en)
        json = toAlignmentJson('input.md', file.data.alignment!)
        messages = file.messages.map((message) => `${message.place ? stringifyPlace(message.place) : '?'}: ${message.reason} [${message.ruleId ?? ''}]`)
      }
      await expect(`${JSON.stringify(json, null, 2)}\n`).toMatchFileSnapshot(path.join(dir, 'expected.json'))
      await expect(messages.map((line) => `${line}\n`).join('')).toMatchFileSnapshot(path.join(dir, 'expected-messages.txt'))
    })
  }
})

function stringifyPlace(place: NonNullable<import('vfile-message').VFileMessage['place']>): string {
  if ('start' in place) return `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}`
  return `${place.line}:${place.column}`
}
