import type { BrowserContext, Page } from '@playwright/test';
import { createHandlers, dispatch, type CoreContext } from '../../electron/core';
import { CHANNEL_NAMES, EVENT_NAMES } from '../../shared/ipc/names';
import type { ErrorCode, IpcResult } from '../../shared/ipc/errors';
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
 * The Node side of the bridge: what the preload + ipcMain do in the app.
 * Faults queued with failNext are returned instead of calling the core, to
 * test how the renderer copes with a disk that refuses a write.
 */
export class HarnessHost {
  readonly calls: CallRecord[] = [];
  private readonly faults = new Map<string, Fault[]>();
  private handlers: ReturnType<typeof createHandlers>;

  constructor(ctx: CoreContext) {
    this.handlers = createHandlers(ctx);
  }

  /** Points the bridge at a reopened profile. */
  attach(ctx: CoreContext): void {
    this.handlers = createHandlers(ctx);
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
      return host[config.binding]!(channel, json);
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
    return host.invoke(channel, input);
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
