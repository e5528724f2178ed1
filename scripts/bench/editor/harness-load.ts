import type { Page } from '@playwright/test';
import { inPage } from './in-page';

/**
 * Page side (self-contained): calls `entries.get` for the entry `times`
 * times through window.persist and returns each round trip in ms.
 */
async function roundTrips({ id, times }: { id: string; times: number }): Promise<number[]> {
  const persist = (window as unknown as { persist: { invoke(channel: string, input: unknown): Promise<unknown> } })
    .persist;
  const out: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const start = performance.now();
    await persist.invoke('entries.get', { id });
    out.push(performance.now() - start);
  }
  return out;
}

/**
 * How long the page waits for an entry's content through the test harness:
 * part of every open, and not the app's cost. The harness hands the reply to
 * the page through Playwright's binding, whose serializer is JavaScript on
 * both sides; Electron's IPC copies it with V8's native structured clone.
 */
export function harnessLoadTimes(page: Page, entryId: string, times = 10): Promise<number[]> {
  return inPage(page, roundTrips, { id: entryId, times });
}
