import type { Browser } from '@playwright/test';
import { launchChromium } from '../../../test/support/chromium';

/**
 * Headless Chromium with the tests' flags, plus the ones that keep a page
 * that is not in front from being slowed down: with two pages open (Persist
 * and the bare editor), timers and animation frames of either must run at
 * full rate or the keydown-to-paint figures measure throttling.
 */
export const BENCH_ARGS = [
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
];

export function launchBenchBrowser(): Promise<Browser> {
  return launchChromium({ headless: true, args: BENCH_ARGS });
}
