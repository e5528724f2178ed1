import { type Browser, chromium } from '@playwright/test';

/**
 * The Chromium to drive. Debian's by default; set PERSIST_CHROMIUM to use
 * another (on a laptop, Playwright's own: `npx playwright install chromium`
 * then point this at it).
 */
export function chromiumExecutable(): string {
  return process.env.PERSIST_CHROMIUM || '/usr/bin/chromium';
}

/** Flags that keep Chromium quiet and offline on build machines and in containers. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export async function launchChromium(options: { headless: boolean; args?: string[] }): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumExecutable(),
    headless: options.headless,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}
