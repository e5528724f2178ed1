import type { Page } from '@playwright/test';
import { caretInMiddle, paragraphText } from './caret';
import { inPage } from './in-page';
import { RendererCpuClock } from './cpu-clock';

export interface OpenTimes {
  /** Click to the first frame painted with the entry interactive, one per open. */
  times: number[];
  /** Click to the first idle period after that frame (requestIdleCallback): work still queued behind it. */
  idle: number[];
  /**
   * Main-thread CPU time from just before the click until the idle callback
   * was seen: what opening costs, whatever else the machine is doing.
   */
  cpu: number[];
  /** Blocks in the visible part of the entry when it was measured ready (each showing its form). */
  blocksInView: number;
  /** Block forms mounted in the entry at that moment (those near the visible area). */
  forms: number;
}

/** The entry's editor root, found by the entry view's accessible name. */
export const editorRootOf = (title: string) =>
  `.entry-view[aria-label=${JSON.stringify(`Entry ${title}`)}] .editor-content`;

/**
 * An entry's button in the list, by a plain CSS selector: a role query would
 * compute the accessibility of the whole page in the page's main thread,
 * inside the measured CPU time.
 */
export const entryButton = (page: Page, title: string) =>
  page.locator(`.entry-list button.entry-link[aria-label=${JSON.stringify(title)}]`);

/**
 * Armed in the page before the click (self-contained: sent as source text).
 * The click's timestamp starts the clock; every animation frame checks
 * whether the entry is interactive: its view is there, the editor is
 * contenteditable and holds text, it has its `blocks` protocol blocks, and
 * every block in the visible part of the editor's scrolling box shows its
 * form (or is folded). Forms further away are mounted as they come near
 * (renderer/blocks/view/use-block-body-shown.ts), and need not be there.
 * The frame that first passes the check is the one that paints it; a task
 * posted from that frame runs after the paint and stops the clock.
 */
function arm({ title, blocks }: { title: string; blocks: number }): void {
  const result: { ms?: number; idleMs?: number; forms?: number; blocksInView?: number } = {};
  (window as unknown as Record<string, unknown>).__benchOpen = result;
  let t0 = Number.NaN;
  window.addEventListener('click', (event) => void (t0 = event.timeStamp), { capture: true, once: true });
  const check = () => {
    if (Number.isNaN(t0)) return requestAnimationFrame(check);
    const view = [...document.querySelectorAll('.entry-view')].find(
      (v) => v.getAttribute('aria-label') === `Entry ${title}`,
    );
    const editor = view?.querySelector('.editor-content[contenteditable="true"]');
    const scroller = view?.querySelector('.editor-body');
    const hosts = view ? [...view.querySelectorAll('.protocol-block-host')] : [];
    if (!editor || !editor.textContent || !scroller || hosts.length < blocks) return requestAnimationFrame(check);
    const area = scroller.getBoundingClientRect();
    const inView = hosts.filter((host) => {
      const box = host.getBoundingClientRect();
      return box.bottom > area.top && box.top < area.bottom;
    });
    // A block draws in its host's shadow root (renderer/blocks/node/block-shadow-root.ts).
    const formOf = (host: Element) => (host.shadowRoot ?? host).querySelector('.pb .pb-form');
    const ready = (host: Element) => host.hasAttribute('data-collapsed') || formOf(host) !== null;
    if (!inView.every(ready)) return requestAnimationFrame(check);
    const forms = hosts.filter((host) => formOf(host) !== null).length;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      const painted = performance.now();
      requestIdleCallback(() => {
        result.idleMs = performance.now() - t0;
        result.forms = forms;
        result.blocksInView = inView.length;
        result.ms = painted - t0;
      });
      channel.port1.close();
    };
    channel.port2.postMessage(null);
  };
  requestAnimationFrame(check);
}

async function showEntry(
  page: Page,
  title: string,
  blocks: number,
): Promise<{ ms: number; idleMs: number; forms: number; blocksInView: number }> {
  await inPage(page, arm, { title, blocks });
  await entryButton(page, title).click();
  const handle = await page.waitForFunction(
    () => {
      const r = (window as unknown as { __benchOpen: { ms?: number } }).__benchOpen;
      return r.ms === undefined ? null : r;
    },
    null,
    { timeout: 30_000 },
  );
  return (await handle.jsonValue()) as { ms: number; idleMs: number; forms: number; blocksInView: number };
}

/** Waits until the open entry has stored its edits (the header says Saved, or nothing was edited). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const status = document.querySelector('[aria-label="Save status"]');
    return !status || status.getAttribute('data-state') === 'saved' || status.getAttribute('data-state') === 'idle';
  });
  await page.waitForTimeout(300);
}

/**
 * Opens `title` (an entry with `blocks` protocol blocks) `opens` times from
 * the entry list, opening `other` in between, as a scientist going back and
 * forth would. After each open a character is typed into the text and must
 * land there: the measured state really was usable.
 */
export async function measureOpenEntry(
  page: Page,
  entry: { title: string; blocks: number },
  other: string,
  opens: number,
): Promise<OpenTimes> {
  const times: number[] = [];
  const idle: number[] = [];
  const cpu: number[] = [];
  const clock = await RendererCpuClock.attach(page);
  let forms = 0;
  let blocksInView = 0;
  for (let i = 0; i < opens; i += 1) {
    await showEntry(page, other, 0);
    await settled(page);
    const before = await clock.now();
    const opened = await showEntry(page, entry.title, entry.blocks);
    cpu.push((await clock.now()).mainThread - before.mainThread);
    times.push(opened.ms);
    idle.push(opened.idleMs);
    forms = opened.forms;
    blocksInView = opened.blocksInView;
    const root = editorRootOf(entry.title);
    const spot = await caretInMiddle(page, root);
    await page.keyboard.type('x');
    await page.waitForFunction(
      ({ root: selector, expected }) => {
        const editor = document.querySelector(selector);
        return editor !== null && (editor.textContent ?? '').includes(expected);
      },
      { root, expected: `${spot.text.slice(-20)}x` },
    );
    if (!(await paragraphText(page, root, spot)).endsWith('x')) throw new Error('The typed key did not land.');
    await settled(page);
  }
  return { times, idle, cpu, forms, blocksInView };
}
