/**
 * An Aho–Corasick automaton over UTF-16 code units: finds every occurrence of
 * many plain-string patterns in one pass, in time linear in the text plus the
 * number of matches, whatever the number of patterns.
 *
 * Transitions live in one open-addressing hash table of typed arrays keyed by
 * `(state, unit)` rather than in a map per state: a 10,000-term glossary has
 * about 400,000 states, and a `Map` keyed by `state * 65536 + unit` (numbers
 * too large for small integers) spends most of the glossary's load time
 * hashing and collecting boxed keys.
 */

/** Transitions of an automaton: `(state, unit)` → next state, in linear-probing slots. */
export interface Transitions {
  /** Slot count minus one (the count is a power of two). */
  mask: number
  /** Per slot: the source state. */
  from: Int32Array
  /** Per slot: the code unit. */
  unit: Uint16Array
  /** Per slot: the target state, or 0 for an empty slot (the root is never a target). */
  to: Int32Array
  /** Transitions stored. */
  size: number
}

/** A compiled automaton. `P` is the payload attached to each pattern. */
export interface Automaton<P> {
  /** Transitions: `(state, unit)` → next state. */
  readonly next: Transitions
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

/**
 * Create an empty transition table.
 *
 * @param capacity Slots to start with (rounded up to a power of two, at least 16).
 * @returns The table.
 */
export function createTransitions(capacity = 16): Transitions {
  let slots = 16
  while (slots < capacity) slots *= 2
  return {mask: slots - 1, from: new Int32Array(slots), unit: new Uint16Array(slots), to: new Int32Array(slots), size: 0}
}

/** The first slot to probe for `(state, unit)`. */
function slotOf(table: Transitions, state: number, unit: number): number {
  const hash = Math.imul(state, 0x9e3779b1) ^ Math.imul(unit, 0x85ebca77)
  return (hash ^ (hash >>> 15)) & table.mask
}

/**
 * The state reached from `state` by `unit`.
 *
 * @param table The transitions.
 * @param state The current state.
 * @param unit A UTF-16 code unit.
 * @returns The next state, or -1 when there is no transition.
 */
export function transition(table: Transitions, state: number, unit: number): number {
  const {from, to, mask} = table
  const units = table.unit
  for (let slot = slotOf(table, state, unit); ; slot = (slot + 1) & mask) {
    const target = to[slot]
    if (target === 0) return -1
    if (from[slot] === state && units[slot] === unit) return target
  }
}

/** Add a transition that is not there yet, growing the table to stay at most half full. */
function addTransition(table: Transitions, state: number, unit: number, target: number): void {
  if ((table.size + 1) * 2 > table.mask + 1) grow(table)
  const {from, to, mask} = table
  let slot = slotOf(table, state, unit)
  while (to[slot] !== 0) slot = (slot + 1) & mask
  from[slot] = state
  table.unit[slot] = unit
  to[slot] = target
  table.size++
}

function grow(table: Transitions): void {
  const {from, unit, to} = table
  const larger = createTransitions((table.mask + 1) * 2)
  for (let slot = 0; slot < to.length; slot++) {
    if (to[slot] !== 0) addTransition(larger, from[slot], unit[slot], to[slot])
  }
  Object.assign(table, larger)
}

/**
 * Build an automaton. Duplicate patterns keep the first payload; merge
 * payloads before building when a pattern has several meanings.
 *
 * @param patterns Pattern → payload (empty patterns are ignored).
 * @returns The automaton.
 */
export function buildAutomaton<P>(patterns: ReadonlyMap<string, P>): Automaton<P> {
  const next = createTransitions()
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
      let to = transition(next, state, unit)
      if (to === -1) {
        to = outputs.length
        addTransition(next, state, unit, to)
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
      let target = transition(next, probe, unit)
      while (target === -1 && probe !== 0) {
        probe = fail[probe]
        target = transition(next, probe, unit)
      }
      fail[child] = target !== -1 && target !== child ? target : 0
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
    let to = transition(next, state, unit)
    while (to === -1 && state !== 0) {
      state = fail[state]
      to = transition(next, state, unit)
    }
    state = to === -1 ? 0 : to
    for (let probe = output[state] !== -1 ? state : dictLink[state]; probe !== -1; probe = dictLink[probe]) {
      const id = output[probe]
      matches.push({start: i + 1 - lengths[id], end: i + 1, payload: payloads[id]})
    }
  }
  return matches
}
