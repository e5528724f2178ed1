import type { BrowserContext, Page } from '@playwright/test';
import { createHandlers, dispatch, type CoreContext } from '../../electron/core';
import { ChromiumPdfRenderer } from '../../electron/core/pdf/chromium-renderer';
import { downloadSink, type PdfServices } from '../../electron/core/pdf/index';
import { SyncService } from '../../electron/core/sync/service';
import { CHANNEL_NAMES, EVENT_NAMES } from '../../shared/ipc/names';
import type { ErrorCode, IpcResult } from '../../shared/ipc/errors';
import { RENDERER_DIST } from './paths';
import { APP_ORIGIN } from './serve-renderer';

/** The page-side names of the binding and the event pump; not part of the app's API. */
const BINDING = '__persistHarnessInvoke';
const EMIT = '__persistHarnessEmit';

export interface Fault {
  code: ErrorCode;
  message: string;
}

/** One request the page made, as the harness saw it. */
export interface CallRecord {
  channel: string;
  input: unknown;
  ok: boolean;
  /** When the call arrived (Date.now()), to check debounce timing. */
  at: number;
}

/**
 * The PDF renderer of this worker process: launched by the first export (so
 * tests that never export do not pay for a second Chromium), shared by every
 * test of the worker, closed by the worker fixture in harness.ts.
 */
let workerRenderer: Promise<ChromiumPdfRenderer> | null = null;

export function workerPdfRenderer(): Promise<ChromiumPdfRenderer> {
  workerRenderer ??= ChromiumPdfRenderer.launch({ printRoot: RENDERER_DIST }).catch((error: unknown) => {
    workerRenderer = null;
    throw error;
  });
  return workerRenderer;
}

export async function closeWorkerPdfRenderer(): Promise<void> {
  const launching = workerRenderer;
  workerRenderer = null;
  await launching?.then((renderer) => renderer.close()).catch(() => undefined);
}

/**
 * The Node side of the bridge: what the preload + ipcMain do in the app.
 * Faults queued with failNext are returned instead of calling the core, to
 * test how the renderer copes with a disk that refuses a write.
 */
export class HarnessHost {
  readonly calls: CallRecord[] = [];
  private readonly faults = new Map<string, Fault[]>();
  private handlers: ReturnType<typeof createHandlers>;
  private context: BrowserContext | null = null;
  private events: Promise<unknown> = Promise.resolve();
  /**
   * PDF export as a host without file dialogs does it: the worker's Chromium
   * prints, the bytes go back to the page, which downloads them (Electron's
   * main shows a save dialog instead: electron/main/pdf-export.ts).
   */
  private readonly pdf: PdfServices = {
    renderer: workerPdfRenderer,
    sink: downloadSink(),
    progress: (payload) => this.emit('export.progress', payload),
  };

  /** Sync as the app runs it: the scheduler started (at once, then every 5 minutes), progress pushed to the pages. */
  private sync: SyncService;

  constructor(ctx: CoreContext) {
    this.sync = this.startSync(ctx);
    this.handlers = createHandlers(ctx, { pdf: this.pdf, sync: this.sync });
  }

  /** Points the bridge at a reopened profile. */
  attach(ctx: CoreContext): void {
    void this.sync.stop();
    this.sync = this.startSync(ctx);
    this.handlers = createHandlers(ctx, { pdf: this.pdf, sync: this.sync });
  }

  private startSync(ctx: CoreContext): SyncService {
    const sync = new SyncService(ctx, {
      progress: (payload) => this.emit('sync.progress', payload),
      // record.pdf beside each record, printed by the worker's Chromium like PDF export.
      pdfRenderer: workerPdfRenderer,
    });
    sync.start();
    return sync;
  }

  /** Stops the scheduler and any sync under way; call before the profile is closed. */
  async close(): Promise<void> {
    await this.sync.stop();
  }

  /** The browser context whose pages receive pushed events. */
  connect(context: BrowserContext): void {
    this.context = context;
  }

  /** Pushes an event to every page, in order, as main's webContents.send does; closed pages are skipped. */
  private emit(event: (typeof EVENT_NAMES)[number], payload: unknown): void {
    const pages = this.context?.pages() ?? [];
    this.events = this.events.then(() =>
      Promise.all(pages.map((page) => emitToPage(page, event, payload).catch(() => undefined))),
    );
  }

  failNext(channel: (typeof CHANNEL_NAMES)[number], fault: Fault, times = 1): void {
    const queue = this.faults.get(channel) ?? [];
    for (let i = 0; i < times; i += 1) queue.push(fault);
    this.faults.set(channel, queue);
  }

  async invoke(channel: unknown, input: unknown): Promise<IpcResult<unknown>> {
    const at = Date.now();
    const fault = typeof channel === 'string' ? this.faults.get(channel)?.shift() : undefined;
    const result: IpcResult<unknown> = fault
      ? { ok: false, code: fault.code, message: fault.message }
      : await dispatch(this.handlers, channel, input);
    this.calls.push({ channel: String(channel), input, ok: result.ok, at });
    return result;
  }
}

/**
 * Runs in the page before any of its scripts (addInitScript), standing in for
 * the preload: one frozen window.persist with invoke() limited to contract
 * channels and on() limited to contract events. Must be self-contained: it is
 * serialized and evaluated in the page.
 */
function installBridge(config: {
  origin: string;
  binding: string;
  emit: string;
  channels: string[];
  events: string[];
}) {
  if (location.origin !== config.origin) return;
  const channels = new Set(config.channels);
  const events = new Set(config.events);
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const host = window as unknown as Record<string, (channel: string, json: string) => Promise<unknown>>;

  const bridge = Object.freeze({
    invoke(channel: string, input: unknown) {
      if (!channels.has(channel)) {
        return Promise.resolve({ ok: false, code: 'unknown_channel', message: `No such request: ${String(channel)}` });
      }
      // Sent as JSON text: Playwright's own argument serializer is JavaScript
      // in the page and blocks it for tens of ms on a large entry, where
      // Electron's IPC clones natively. Parsed again in Node.
      let json: string;
      try {
        json = JSON.stringify(input === undefined ? {} : input);
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
      // The reply comes back as JSON text too (see installHarnessBridge).
      return host[config.binding]!(channel, json).then((reply) =>
        typeof reply === 'string' ? (JSON.parse(reply) as unknown) : reply,
      );
    },
    on(event: string, listener: (payload: unknown) => void) {
      if (!events.has(event) || typeof listener !== 'function') throw new TypeError(`No such event: ${String(event)}`);
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const wrapped = (payload: unknown) => listener(payload);
      set.add(wrapped);
      return () => void set.delete(wrapped);
    },
  });

  Object.defineProperty(window, 'persist', { value: bridge, enumerable: true });
  Object.defineProperty(window, config.emit, {
    value: (event: string, payload: unknown) => {
      for (const listener of listeners.get(event) ?? []) {
        try {
          listener(structuredClone(payload));
        } catch (error) {
          console.error(error);
        }
      }
    },
  });
}

/** Wires a browser context to a host: the binding (with a sender check) and the init script. */
export async function installHarnessBridge(context: BrowserContext, host: HarnessHost): Promise<void> {
  host.connect(context);
  await context.exposeBinding(BINDING, async (source, channel: unknown, json: unknown) => {
    // The same check electron/main makes: only the app's own pages may call the core.
    if (new URL(source.frame.url()).origin !== APP_ORIGIN) {
      return { ok: false, code: 'forbidden', message: 'This page may not use Persist.' };
    }
    // The page sends its input as JSON text (see installBridge); the core gets the object.
    let input: unknown;
    try {
      input = typeof json === 'string' ? JSON.parse(json) : json;
    } catch {
      return { ok: false, code: 'invalid_input', message: 'The request could not be read.' };
    }
    // Replied as JSON text, parsed natively in the page: Playwright's own
    // result serializer is JavaScript on both sides and took 60-80 ms for a
    // 2,300-word entry with 20 blocks, where Electron's IPC clones natively.
    return JSON.stringify(await host.invoke(channel, input));
  });
  const config = {
    origin: APP_ORIGIN,
    binding: BINDING,
    emit: EMIT,
    channels: [...CHANNEL_NAMES],
    events: [...EVENT_NAMES],
  };
  // Sent as source text. Some TypeScript loaders (tsx/esbuild with keepNames)
  // wrap inner functions in a `__name(fn, "name")` helper that exists only in
  // Node, so the page gets a no-op stand-in for it.
  await context.addInitScript({
    content: `(() => { const __name = (fn) => fn; (${installBridge.toString()})(${JSON.stringify(config)}); })();`,
  });
}

/** Pushes an event to every listener in the page, as main's webContents.send would. */
export async function emitToPage(page: Page, event: (typeof EVENT_NAMES)[number], payload: unknown): Promise<void> {
  const args = [event, payload].map((value) => JSON.stringify(value)).join(', ');
  await page.evaluate(`window[${JSON.stringify(EMIT)}](${args})`);
}
