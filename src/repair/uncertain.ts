/**
 * The confidence below which a repair is uncertain: `lint`, `review` and
 * `build` keep it open until a person decides (`decisions/`).
 */

/** Repairs less sure than this are uncertain: a reviewer should check them. */
export const uncertainBelow = 0.8
