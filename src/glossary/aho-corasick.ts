/**
 * An Aho–Corasick automaton over UTF-16 code units: finds every occurrence of
 * many plain-string patterns in one pass, in time linear in the text plus the
 * number of matches, whatever the number of patterns.
 *
 * Transitions live in one map keyed by `state * 65536 + unit` rather than in a
 * map per state: a 10,000-term glossary has about a million states, and one
 * large map builds several times faster than a million small ones.
 */

/** A compiled automaton. `P` is the payload attached to each pattern. */
export interface Automaton<P> {
  /** Transitions: `state * 65536 + unit` → next state. */
  readonly next: Map<number, number>
  /** Per state: failure link. */
  readonly fail: Int32Array
  /** Per state: the pattern ending here, or -1. */
  readonly output: Int32Array
  /** Per state: the next state on the failure chain that has an output, or -1. */
  readonly dictLink: Int32Array
  /** Pattern lengths, by pattern id. */
  readonly lengths: number[]
  /** Payloads, by pattern id. */
  readonly payloads: P[]
}

/** One occurrence of a pattern. */
export interface AutomatonMatch<P> {
  /** 0-based start in the searched text. */
  start: number
  /** 0-based end (exclusive). */
  end: number
  payload: P
}

const unitSpan = 0x10000

/**
 * Build an automaton. Duplicate patterns keep the first payload; merge
 * payloads before building when a pattern has several meanings.
 *
 * @param patterns Pattern → payload (empty patterns are ignored).
 * @returns The automaton.
 */
export function buildAutomaton<P>(patterns: ReadonlyMap<string, P>): Automaton<P> {
  const next = new Map<number, number>()
  // Children of each state as linked lists, for the breadth-first pass.
  const firstChild: number[] = [-1]
  const nextSibling: number[] = [-1]
  const unitInto: number[] = [0]
  const outputs: number[] = [-1]
  const lengths: number[] = []
  const payloads: P[] = []
  for (const [pattern, payload] of patterns) {
    if (pattern === '') continue
    let state = 0
    for (let i = 0; i < pattern.length; i++) {
      const unit = pattern.charCodeAt(i)
      const key = state * unitSpan + unit
      let to = next.get(key)
      if (to === undefined) {
        to = outputs.length
        next.set(key, to)
        outputs.push(-1)
        unitInto.push(unit)
        nextSibling.push(firstChild[state])
        firstChild[state] = to
        firstChild.push(-1)
      }
      state = to
    }
    if (outputs[state] === -1) {
      outputs[state] = payloads.length
      lengths.push(pattern.length)
      payloads.push(payload)
    }
  }

  const count = outputs.length
  const output = Int32Array.from(outputs)
  const fail = new Int32Array(count)
  const dictLink = new Int32Array(count).fill(-1)
  // Breadth-first, so that a state's failure target is finished before it.
  const queue = new Int32Array(count)
  let tail = 0
  for (let child = firstChild[0]; child !== -1; child = nextSibling[child]) queue[tail++] = child
  for (let head = 0; head < tail; head++) {
    const state = queue[head]
    for (let child = firstChild[state]; child !== -1; child = nextSibling[child]) {
      const unit = unitInto[child]
      let probe = fail[state]
      let target = next.get(probe * unitSpan + unit)
      while (target === undefined && probe !== 0) {
        probe = fail[probe]
        target = next.get(probe * unitSpan + unit)
      }
      fail[child] = target !== undefined && target !== child ? target : 0
      dictLink[child] = output[fail[child]] !== -1 ? fail[child] : dictLink[fail[child]]
      queue[tail++] = child
    }
  }
  return {next, fail, output, dictLink, lengths, payloads}
}

/**
 * Find every occurrence of every pattern (overlapping ones included).
 *
 * @param automaton The automaton.
 * @param text The text to search.
 * @returns Matches in order of their end, then longest first.
 */
export function searchAutomaton<P>(automaton: Automaton<P>, text: string): Array<AutomatonMatch<P>> {
  const {next, fail, output, dictLink, lengths, payloads} = automaton
  const matches: Array<AutomatonMatch<P>> = []
  let state = 0
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    let to = next.get(state * unitSpan + unit)
    while (to === undefined && state !== 0) {
      state = fail[state]
      to = next.get(state * unitSpan + unit)
    }
    state = to ?? 0
    for (let probe = output[state] !== -1 ? state : dictLink[state]; probe !== -1; probe = dictLink[probe]) {
      const id = output[probe]
      matches.push({start: i + 1 - lengths[id], end: i + 1, payload: payloads[id]})
    }
  }
  return matches
}
