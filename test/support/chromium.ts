import { type Browser, chromium } from '@playwright/test';
import { CHROMIUM_ARGS, defaultChromiumPath } from '../../electron/core/pdf/chromium-renderer';

/**
 * The Chromium to drive, and its flags: the same as the PDF renderer's.
 * Debian's by default; set PERSIST_CHROMIUM to use another (on a laptop,
 * Playwright's own: `npx playwright install chromium`, then point this at it).
 */
export { CHROMIUM_ARGS } from '../../electron/core/pdf/chromium-renderer';

export function chromiumExecutable(): string {
  return defaultChromiumPath();
}

export async function launchChromium(options: { headless: boolean; args?: string[] }): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumExecutable(),
    headless: options.headless,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}
