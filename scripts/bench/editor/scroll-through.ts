import type { Page } from '@playwright/test';
import { inPage } from './in-page';

export interface ScrollThrough {
  /** Screens scrolled, top to bottom. */
  steps: number;
  /** Distinct protocol blocks seen in the visible area. */
  blocksSeen: number;
  /** Block forms mounted at the end, back at the top (the far ones have been unmounted again). */
  formsMountedAfter: number;
}

/**
 * Page side (self-contained): scrolls the editor's scrolling box down a
 * screen at a time, pausing `pauseMs` after each step as a fast reader
 * would, and after every step's first frame checks that each block in the
 * visible area shows its form (forms are mounted as blocks come near, see
 * renderer/blocks/view/use-block-body-shown.ts). Then scrolls back to the
 * top and lets the far forms be unmounted.
 */
async function scrollDown({ root, pauseMs }: { root: string; pauseMs: number }): Promise<ScrollThrough> {
  const editor = document.querySelector(root);
  const scroller = editor?.closest('.editor-body');
  if (!editor || !scroller) throw new Error(`No scrolling editor ${root}`);
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const seen = new Set<Element>();
  let steps = 0;
  scroller.scrollTop = 0;
  await frame();
  for (;;) {
    await frame();
    const area = scroller.getBoundingClientRect();
    for (const host of editor.querySelectorAll('.protocol-block-host')) {
      const box = host.getBoundingClientRect();
      if (box.bottom <= area.top || box.top >= area.bottom) continue;
      seen.add(host);
      if (!host.hasAttribute('data-collapsed') && !(host.shadowRoot ?? host).querySelector('.pb-form')) {
        throw new Error(`A block scrolled into view without its form (screen ${steps}).`);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) break;
    scroller.scrollTop += scroller.clientHeight;
    steps += 1;
  }
  scroller.scrollTop = 0;
  for (let i = 0; i < 10; i += 1) await frame();
  await new Promise((resolve) => setTimeout(resolve, 200));
  return {
    steps,
    blocksSeen: seen.size,
    formsMountedAfter: [...editor.querySelectorAll('.protocol-block-host')].filter((host) =>
      (host.shadowRoot ?? host).querySelector('.pb-form'),
    ).length,
  };
}

/**
 * Reads the whole entry once, top to bottom, as a scientist does before
 * writing in the middle of it: every block's form is mounted on the way
 * (and checked to be there whenever its block is in view) and the far ones
 * unmounted afterwards, so the typing that follows does not depend on which
 * blocks happened never to be shown.
 */
export function scrollThrough(page: Page, root: string, pauseMs = 120): Promise<ScrollThrough> {
  return inPage(page, scrollDown, { root, pauseMs });
}
