import {describe, expect, it} from 'vitest'
import {location} from 'vfile-location'
import {lineFinder} from '../../src/parse/line-finder.js'

describe('lineFinder', () => {
  it('gives the line of every offset, as vfile-location does', () => {
    const text = '# 标题\n\n> English\n\n中文\r\nlast'
    const lineAt = lineFinder(text)
    const place = location(text)
    for (let offset = 0; offset < text.length; offset++) expect(lineAt(offset), `offset ${offset}`).toBe(place.toPoint(offset)?.line)
    expect(lineAt(text.length)).toBe(6)
  })

  it('counts one line in a text without line feeds', () => {
    expect(lineFinder('')(0)).toBe(1)
    expect(lineFinder('abc')(2)).toBe(1)
  })
})
