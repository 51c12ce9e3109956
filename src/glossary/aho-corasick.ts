/**
 * An Aho–Corasick automaton over UTF-16 code units: finds every occurrence of
 * many plain-string patterns in one pass, in time linear in the text plus the
 * number of matches, whatever the number of patterns.
 */

/** A compiled automaton. `P` is the payload attached to each pattern. */
export interface Automaton<P> {
  /** Per state: code unit → next state. */
  readonly next: Array<Map<number, number>>
  /** Per state: failure link. */
  readonly fail: number[]
  /** Per state: the pattern ending here, or -1. */
  readonly output: number[]
  /** Per state: the next state on the failure chain that has an output, or -1. */
  readonly dictLink: number[]
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

/**
 * Build an automaton. Duplicate patterns keep the first payload; merge
 * payloads before building when a pattern has several meanings.
 *
 * @param patterns Pattern → payload (empty patterns are ignored).
 * @returns The automaton.
 */
export function buildAutomaton<P>(patterns: ReadonlyMap<string, P>): Automaton<P> {
  const next: Array<Map<number, number>> = [new Map()]
  const output: number[] = [-1]
  const lengths: number[] = []
  const payloads: P[] = []
  for (const [pattern, payload] of patterns) {
    if (pattern === '') continue
    let state = 0
    for (let i = 0; i < pattern.length; i++) {
      const unit = pattern.charCodeAt(i)
      let to = next[state].get(unit)
      if (to === undefined) {
        to = next.length
        next.push(new Map())
        output.push(-1)
        next[state].set(unit, to)
      }
      state = to
    }
    if (output[state] === -1) {
      output[state] = payloads.length
      lengths.push(pattern.length)
      payloads.push(payload)
    }
  }

  const fail = new Array<number>(next.length).fill(0)
  const dictLink = new Array<number>(next.length).fill(-1)
  // Breadth-first, so that a state's failure target is finished before it.
  const queue: number[] = [...next[0].values()]
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]
    for (const [unit, child] of next[state]) {
      let probe = fail[state]
      while (probe !== 0 && !next[probe].has(unit)) probe = fail[probe]
      const target = next[probe].get(unit)
      fail[child] = target !== undefined && target !== child ? target : 0
      dictLink[child] = output[fail[child]] !== -1 ? fail[child] : dictLink[fail[child]]
      queue.push(child)
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
    while (state !== 0 && !next[state].has(unit)) state = fail[state]
    state = next[state].get(unit) ?? 0
    for (let probe = output[state] !== -1 ? state : dictLink[state]; probe !== -1; probe = dictLink[probe]) {
      const id = output[probe]
      matches.push({start: i + 1 - lengths[id], end: i + 1, payload: payloads[id]})
    }
  }
  return matches
}
