import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNEL_NAMES, EVENT_NAMES } from '../../shared/ipc/names';
import type { PersistBridge } from '../../shared/ipc/api';

/**
 * The whole of what a Persist page can reach of Electron: window.persist with
 * two functions, limited to the channels and events the contract declares.
 * ipcRenderer itself never crosses the bridge, and neither does the
 * IpcRendererEvent (its `sender` is the ipcRenderer object).
 *
 * This file runs in a sandboxed preload, which can only require 'electron'
 * and a few built-ins; Forge's Vite plugin bundles the name lists in.
 */

const channels: ReadonlySet<string> = new Set(CHANNEL_NAMES);
const eventNames: ReadonlySet<string> = new Set(EVENT_NAMES);

const bridge = {
  invoke(channel, input) {
    if (typeof channel !== 'string' || !channels.has(channel)) {
      return Promise.resolve({
        ok: false,
        code: 'unknown_channel',
        message: `No such request: ${String(channel).slice(0, 80)}`,
      });
    }
    // Main answers with a value for every outcome; a rejection here means the
    // message could not be delivered or cloned, which is reported the same way.
    return ipcRenderer.invoke(channel, input).catch((error: unknown) => ({
      ok: false,
      code: 'internal',
      message: error instanceof Error ? error.message : 'The request could not be delivered.',
    }));
  },

  on(event, listener) {
    if (typeof event !== 'string' || !eventNames.has(event) || typeof listener !== 'function') {
      return () => undefined;
    }
    const forward = (_event: IpcRendererEvent, payload: unknown) => {
      (listener as (payload: unknown) => void)(payload);
    };
    ipcRenderer.on(event, forward);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      ipcRenderer.removeListener(event, forward);
    };
  },
} satisfies PersistBridge;

contextBridge.exposeInMainWorld('persist', Object.freeze(bridge));
