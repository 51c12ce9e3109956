/**
 * Debian's Chromium for the browser tests: where it is, whether the tests may
 * skip without it (locally) or must fail (CI), and the flags that keep it off
 * the network.
 */
import {execFileSync} from 'node:child_process'

/** Flags for headless Chromium on a machine without network. */
export const launchArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

/**
 * Find Chromium on the PATH.
 *
 * @param what The test that needs it, for the error message in CI.
 * @returns The executable, or undefined when it is missing outside CI (tests skip).
 * @throws Error when it is missing and `CI=true`: browser tests never skip in CI.
 */
export function requireChromium(what: string): string | undefined {
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const found = execFileSync('sh', ['-c', `command -v ${name}`], {encoding: 'utf8'}).trim()
      if (found) return found
    } catch {
      // Not installed under this name.
    }
  }
  if (process.env['CI'] === 'true') {
    throw new Error(`Chromium is required for ${what} in CI: apt-get install -y chromium (.ci/run does)`)
  }
  return undefined
}
