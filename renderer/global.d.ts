import type { PersistBridge } from '../shared/ipc/api';

declare global {
  interface Window {
    /**
     * The one door to the notebook engine, defined by the Electron preload or,
     * in tests, by the Playwright harness. Absent when the page is opened on its own.
     */
    readonly persist?: PersistBridge;
  }
}

export {};
