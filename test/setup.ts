/**
 * Property tests are deterministic in `npm test`: every fast-check property
 * runs from one fixed seed, so CI gives the same verdict for the same code.
 * Exploration with fresh seeds is `npm run fuzz` (BITEXT_FUZZ_RUNS set);
 * `BITEXT_FUZZ_SEED` replays a reported failure either way.
 */
import fc from 'fast-check'

const replay = process.env['BITEXT_FUZZ_SEED']
const exploring = process.env['BITEXT_FUZZ_RUNS'] !== undefined
if (replay !== undefined) fc.configureGlobal({seed: Number(replay)})
else if (!exploring) fc.configureGlobal({seed: 20_261_126})
