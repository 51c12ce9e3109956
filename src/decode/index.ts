/**
 * Decode stage: turn a file's bytes into text.
 */
import type {VFile} from 'vfile'
import {decodeBytes, type DecodeOptions} from './decode-bytes.js'

export {DecodeError, decodeBytes} from './decode-bytes.js'
export type {DecodeOptions, Decoded} from './decode-bytes.js'

/**
 * Decode `file.value` (bytes) into a string in place and record the encoding
 * in `file.data.encoding`. A string value is kept as is (encoding `utf-8`).
 *
 * @param file The file; its value becomes a string.
 * @param options Decode options (`encoding` overrides detection).
 * @returns Nothing; the file is changed.
 * @throws {DecodeError} When the bytes are not text.
 */
export function decode(file: VFile, options: DecodeOptions = {}): void {
  if (typeof file.value === 'string') {
    file.data.encoding = {encoding: 'utf-8', confidence: 1, bom: false, source: options.encoding === undefined ? 'utf-8' : 'override'}
    return
  }
  const {text, info} = decodeBytes(file.value, options)
  file.value = text
  file.data.encoding = info
}
