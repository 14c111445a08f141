// The headless Chromium of the browser tests: Debian's (`apt-get install chromium`, as .ci/run
// does) or the one CHROMIUM_PATH names, driven by playwright-core with the flags this machine needs.
import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const hasChromium = existsSync(CHROMIUM)
/** Why a browser test is skipped when Chromium is missing. */
export const MISSING = `Chromium not found at ${CHROMIUM}: install it with \`apt-get install chromium\` (Debian), as .ci/run does`

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
]

/** Launches the headless Chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS })
}
