import {describe, expect, it} from 'vitest'
import {alignSentences, isEnglishClause, splitChinese, splitEnglish} from '../../src/align/index.js'
import {blockText} from '../../src/align/block-text.js'
import {detectLanguage} from '../../src/align/script.js'
import {parse} from './helpers.js'

function textOf(markdown: string) {
  const tree = parse(markdown)
  return blockText(tree.children, markdown)
}

describe('isEnglishClause', () => {
  const valid = [
    'The core concept behind this is that an ingress-controller would be spun up with an external IP.',
    'It maintains network rules that allow network communication to your Pods.',
    'You can think of this like an in-line application load-balancer.'
  ]
  const invalid = [
    'Google Kubernetes Engine (GKE)',
    'kube-proxy',
    'Pod',
    'Amazon Elastic Kubernetes Service',
    'Kubernetes Introduction for VMware Users',
    'vSphere HA、DRS 或 vMotion',
    'the Pod'
  ]
  for (const text of valid) it(`accepts ${text.slice(0, 30)}…`, () => expect(isEnglishClause(text)).toBe(true))
  for (const text of invalid) it(`rejects ${text}`, () => expect(isEnglishClause(text)).toBe(false))
})

describe('detectLanguage', () => {
  it('ignores URLs, code and link text when there is prose', () => {
    expect(detectLanguage(textOf('本文翻译自 [Kubernetes Introduction for VMware Users – Part 1](https://blogs.vmware.com/x)'))).toBe('zh')
    expect(detectLanguage(textOf('在 vSphere 中，我们使用 `kubectl get pods --all-namespaces -o wide` 查看。'))).toBe('zh')
    expect(detectLanguage(textOf('You can see also that K8s has a key-value store called “etcd.”'))).toBe('en')
    expect(detectLanguage(textOf('2019-12-10'))).toBe('none')
  })
})

describe('splitEnglish', () => {
  it('splits with Intl.Segmenter and keeps file offsets through quote markers', () => {
    const source = '> First sentence here. Second one\n> goes on. Third!'
    const sentences = splitEnglish(textOf(source))
    expect(sentences.map((s) => s.text)).toEqual(['First sentence here.', 'Second one\ngoes on.', 'Third!'])
    for (const s of sentences) expect(source.slice(s.start, s.end).replace('> ', '')).toBe(s.text)
  })

  it('ends a sentence at a list item', () => {
    expect(splitEnglish(textOf('- one item\n- another item')).map((s) => s.text)).toEqual(['one item', 'another item'])
  })
})

describe('splitChinese', () => {
  it('splits at Chinese sentence punctuation and keeps closing quotes', () => {
    const source = '他说：“好。”然后走了！真的吗？是的；没错'
    expect(splitChinese(textOf(source)).map((s) => s.text)).toEqual(['他说：“好。”', '然后走了！', '真的吗？', '是的；', '没错'])
  })

  it('splits an English clause off as its own sentence, marked english', () => {
    const source = '你可以把它当作负载均衡器。The core concept behind this is that an ingress-controller would be spun up. 当流量进入时，它会检查请求。'
    const sentences = splitChinese(textOf(source))
    expect(sentences.map((s) => [s.text, s.english ?? false])).toEqual([
      ['你可以把它当作负载均衡器。', false],
      ['The core concept behind this is that an ingress-controller would be spun up.', true],
      ['当流量进入时，它会检查请求。', false]
    ])
    expect(source.slice(sentences[1].start, sentences[1].end)).toBe(sentences[1].text)
  })

  it('does not split off names, code or link titles', () => {
    const source = '详情请参阅 [Kubernetes Networking Model for the impatient](https://k8s.io/)，并运行 `kubectl config use-context my-cluster`。'
    expect(splitChinese(textOf(source)).every((s) => !s.english)).toBe(true)
  })
})

describe('alignSentences', () => {
  const s = (text: string) => ({text})

  it('aligns 1-1, 2-1 and 1-2 by length', () => {
    const en = ['Containers share the kernel of the host.', 'They start in milliseconds.', 'They are small.', 'A host with a lot of memory can run hundreds of containers at the same time without trouble.'].map(s)
    const zh = ['容器共享宿主机的内核。', '它们启动只需几毫秒，而且体积很小。', '一台内存充足的主机可以同时运行数百个容器。', '这毫无问题。'].map(s)
    const pairs = alignSentences(en, zh, 0.4)
    expect(pairs.map((p) => [p.en, p.zh])).toEqual([
      ['Containers share the kernel of the host.', '容器共享宿主机的内核。'],
      ['They start in milliseconds. They are small.', '它们启动只需几毫秒，而且体积很小。'],
      ['A host with a lot of memory can run hundreds of containers at the same time without trouble.', '一台内存充足的主机可以同时运行数百个容器。这毫无问题。']
    ])
  })

  it('flags an omitted sentence whose numbers are nowhere in the Chinese', () => {
    const en = ['Labels are key/value pairs attached to objects.', 'They have been in the API since version 1.0, released in July 2015, and every controller uses them.', 'Each key must be unique.'].map(s)
    const zh = ['标签是附加到对象上的键值对。', '每个键都必须是唯一的。'].map(s)
    const pairs = alignSentences(en, zh, 0.4)
    expect(pairs.map((p) => p.flags ?? [])).toEqual([[], ['omission'], []])
    expect(pairs[1].zh).toBe('')
  })

  it('keeps an English clause on the ZH side alone and flags it', () => {
    const en = ['It is fast.', 'The core concept behind this is that a controller would be spun up.'].map(s)
    const zh = [s('它很快。'), {text: 'The core concept behind this is that a controller would be spun up.', english: true}]
    const pairs = alignSentences(en, zh, 0.4)
    expect(pairs[1]).toEqual({en: en[1].text, zh: zh[1].text, flags: ['untranslated']})
  })

  it('stays correct on a paragraph of thousands of sentences (banded)', () => {
    const words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon']
    const en: Array<{text: string}> = []
    const zh: Array<{text: string}> = []
    for (let i = 0; i < 3000; i++) {
      const n = 3 + ((i * 7) % 11)
      en.push(s(`${Array.from({length: n}, (_, k) => words[(i + k) % 5]).join(' ')} ${i}.`))
      zh.push(s(`${'中'.repeat(Math.round(n * 2.4))}${i}。`))
    }
    const pairs = alignSentences(en, zh, 0.4)
    expect(pairs).toHaveLength(3000)
    expect(pairs.every((p, i) => p.en === en[i].text && p.zh === zh[i].text)).toBe(true)
  })

  it('handles empty sides', () => {
    expect(alignSentences([], [], 0.4)).toEqual([])
    expect(alignSentences([s('One sentence.')], [], 0.4)).toEqual([{en: 'One sentence.', zh: '', flags: ['omission']}])
    expect(alignSentences([], [s('一句。')], 0.4)).toEqual([{en: '', zh: '一句。'}])
  })
})
