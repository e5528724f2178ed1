import type { Page } from '@playwright/test';
import { inPage } from './in-page';

/**
 * How the page's frames are paced while keys are measured.
 *
 * - 'display': the frame clock keeps ticking at the display's 60 Hz, as it
 *   does in a window on a monitor, where a frame starts only on the next
 *   vsync; a key waits for that tick. This is the regime of the issue's own
 *   reference figures (a bare textarea 17 ms, plain Lexical 19 ms at p95).
 * - 'on-demand': headless Chromium left alone stops its frame clock when the
 *   page is still and starts a frame at once when a key needs one (a bare
 *   textarea then measures about 4 ms at p95), so every millisecond of work
 *   shows in the latency. No monitor behaves so; it is kept as the stricter
 *   figure.
 */
export type FramePacing = 'display' | 'on-demand';

/** Keeps the page's frame clock ticking (an empty animation-frame loop) until stopFrameClock. */
export async function startFrameClock(page: Page): Promise<void> {
  await inPage(
    page,
    () => {
      const w = window as unknown as { __benchFrameClock?: boolean };
      if (w.__benchFrameClock) return;
      w.__benchFrameClock = true;
      const tick = () => {
        if (w.__benchFrameClock) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    },
    null,
  );
}

export async function stopFrameClock(page: Page): Promise<void> {
  await inPage(
    page,
    () => {
      (window as unknown as { __benchFrameClock?: boolean }).__benchFrameClock = false;
    },
    null,
  );
}
