import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/** Debian's Chromium; the browser tests never download a browser. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Why browser tests cannot run here, or null when they can. With CI=true a missing
 * browser is a failure, not a skip.
 */
export function browserUnavailableReason(): string | null {
  if (existsSync(chromiumPath)) return null;
  const reason = `Chromium not found at ${chromiumPath}: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH)`;
  if (process.env.CI === 'true' || process.env.CI === '1') {
    throw new Error(`${reason}. Browser tests are mandatory when CI=true.`);
  }
  console.warn(`Skipping browser tests: ${reason}.`);
  return reason;
}

/** Launch headless Chromium with the flags this network-less machine needs. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
