import type { Page } from '@playwright/test';
import { inPage } from './in-page';

/** One keystroke, in milliseconds from the keydown's timestamp (when the browser received the key). */
export interface KeystrokeSample {
  /** Until the first keydown listener ran: time the key waited for a busy main thread. */
  inputDelay: number;
  /** Until the editor last changed its DOM (or Lexical committed) before the next frame; NaN if neither happened. */
  work: number;
  /** Until the first task after the next animation frame: the frame showing the key has been painted. */
  paint: number;
  /** Whether a long task (> 50 ms) ran between the keydown and that paint. */
  duringLongTask: boolean;
}

export interface ProbeReport {
  samples: KeystrokeSample[];
  /** Long tasks (> 50 ms) seen on the page's main thread while recording, and their total length. */
  longTasks: number;
  longTaskMs: number;
}

/**
 * Installed in the page (self-contained: it is sent as source text). A
 * capturing keydown listener on window stamps each key; a MutationObserver
 * on the editor root and a Lexical update listener mark the last time the
 * editor changed its DOM; requestAnimationFrame, then a MessageChannel task
 * after the frame, marks the paint. Several keys may be in flight at once.
 */
function install(rootSelector: string): void {
  interface Open {
    t0: number;
    start: number;
    workEnd: number;
    framed: boolean;
  }
  if ((window as unknown as Record<string, unknown>).__benchKeystrokes) return; // one probe per page
  const root = document.querySelector(rootSelector);
  if (!root) throw new Error(`No editor root ${rootSelector}`);
  const samples: Array<{ at: number; inputDelay: number; work: number; paint: number; duringLongTask: boolean }> = [];
  const spans: Array<[number, number]> = [];
  const open: Open[] = [];
  let longTasks = 0;
  let longTaskMs = 0;
  const markWork = () => {
    const now = performance.now();
    for (const key of open) if (!key.framed) key.workEnd = now;
  };
  new MutationObserver(markWork).observe(root, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
  });
  const editor = (root as unknown as { __lexicalEditor?: { registerUpdateListener(fn: () => void): void } })
    .__lexicalEditor;
  if (!editor) throw new Error('The editor root carries no Lexical editor.');
  editor.registerUpdateListener(markWork);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      longTasks += 1;
      longTaskMs += entry.duration;
      spans.push([entry.startTime, entry.startTime + entry.duration]);
    }
  }).observe({ type: 'longtask' });
  window.addEventListener(
    'keydown',
    (event) => {
      const key: Open = { t0: event.timeStamp, start: performance.now(), workEnd: Number.NaN, framed: false };
      open.push(key);
      requestAnimationFrame(() => {
        key.framed = true;
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          const painted = performance.now();
          open.splice(open.indexOf(key), 1);
          samples.push({
            at: key.t0,
            inputDelay: key.start - key.t0,
            work: key.workEnd - key.t0,
            paint: painted - key.t0,
            duringLongTask: false,
          });
          channel.port1.close();
        };
        channel.port2.postMessage(null);
      });
    },
    { capture: true },
  );
  (window as unknown as Record<string, unknown>).__benchKeystrokes = {
    take() {
      // Long-task entries arrive after the task ends, so overlaps are settled here.
      for (const sample of samples) {
        sample.duringLongTask = spans.some(([from, to]) => from < sample.at + sample.paint && to > sample.at);
      }
      const report = { samples: samples.splice(0), longTasks, longTaskMs };
      spans.length = 0;
      longTasks = 0;
      longTaskMs = 0;
      return report;
    },
  };
}

/** Starts measuring every keydown on the page from now on. */
export async function installKeystrokeProbe(page: Page, rootSelector: string): Promise<void> {
  await inPage(page, install, rootSelector);
}

/** The keystrokes measured since the last call (in the order their frames were painted), and the long tasks meanwhile. */
export async function takeKeystrokes(page: Page): Promise<ProbeReport> {
  return inPage(
    page,
    () => (window as unknown as { __benchKeystrokes: { take(): unknown } }).__benchKeystrokes.take() as ProbeReport,
    null,
  );
}
