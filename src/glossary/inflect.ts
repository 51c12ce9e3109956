/**
 * English inflections of a glossary form: plurals and the -s/-es/-ed/-ing
 * forms of its last word (`resource pool` → `resource pools`, `scale` →
 * `scaled`, `scaling`). Generating forms, instead of stemming the text, keeps
 * matching exact: a word only matches a form the glossary could have meant.
 */

const vowels = new Set(['a', 'e', 'i', 'o', 'u'])

/**
 * The inflected variants of a form, the form itself first.
 *
 * @param form A glossary form in normal form (see `normalizePattern`), case kept.
 * @returns Distinct variants; a form that does not end in a Latin letter has none but itself.
 */
export function inflections(form: string): string[] {
  const match = /([A-Za-z]+)$/.exec(form)
  if (!match || match[1].length < 2) return [form]
  const word = match[1]
  const stem = form.slice(0, form.length - word.length)
  // Suffixes follow the case of the word's last letter (`POD` → `PODS`).
  const upper = /[A-Z]$/.test(word) && !/[a-z]$/.test(word)
  const suffix = (value: string): string => (upper ? value.toUpperCase() : value)
  const lower = word.toLowerCase()
  const last = lower[lower.length - 1]
  const beforeLast = lower[lower.length - 2]
  const forms = new Set<string>([word])

  if (/(?:s|x|z|ch|sh)$/.test(lower)) forms.add(word + suffix('es'))
  else if (last === 'y' && !vowels.has(beforeLast)) forms.add(word.slice(0, -1) + suffix('ies'))
  else forms.add(word + suffix('s'))
  if (last === 'o') forms.add(word + suffix('es'))

  if (last === 'e') {
    forms.add(word + suffix('d'))
    // `scale` → `scaling`, but `see` → `seeing`.
    forms.add(vowels.has(beforeLast) ? word + suffix('ing') : word.slice(0, -1) + suffix('ing'))
  } else if (last === 'y' && !vowels.has(beforeLast)) {
    forms.add(word.slice(0, -1) + suffix('ied'))
    forms.add(word + suffix('ing'))
  } else {
    forms.add(word + suffix('ed'))
    forms.add(word + suffix('ing'))
    // Consonant-vowel-consonant endings double the consonant (`run` → `running`, `label` → `labelled`).
    if (!vowels.has(last) && vowels.has(beforeLast) && !vowels.has(lower[lower.length - 3] ?? 'a') && !'wxy'.includes(last)) {
      forms.add(word + word[word.length - 1] + suffix('ed'))
      forms.add(word + word[word.length - 1] + suffix('ing'))
    }
  }
  // An acronym takes lower-case endings (`VMs`, `APIs`) as often as upper-case ones.
  if (upper) for (const variant of [...forms]) forms.add(variant.slice(0, word.length) + variant.slice(word.length).toLowerCase())
  return [...forms].map((variant) => stem + variant)
}
