/**
 * The real translations the sync corpus tests plant edits in: a Kubernetes
 * zh-cn page by name, or `seed` (the seed article, decoded and repaired).
 */
import fs from 'node:fs'
import {VFile} from 'vfile'
import {decode} from '../../src/decode/index.js'
import {repair} from '../../src/repair/index.js'
import {sharedPath} from '../helpers.js'

/**
 * The text of a translation.
 *
 * @param name A page of `corpus/k8s-website/`, or `seed`.
 * @returns Its text.
 */
export function translationPage(name: string): string {
  if (name === 'seed') {
    const file = new VFile({path: 'seed.md', value: fs.readFileSync(sharedPath('seeds', 'kubernetes-intro-for-vmware-users.zh.mojibake.md'))})
    decode(file)
    repair(file)
    return String(file.value)
  }
  return fs.readFileSync(sharedPath('corpus', 'k8s-website', name, 'zh-cn.md'), 'utf8')
}
