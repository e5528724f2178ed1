import type { WebPreferences } from 'electron';

/**
 * The Electron security checklist as web preferences, for every window we
 * open (the app's and the hidden print window): isolated, sandboxed, no Node
 * anywhere, no webviews, no mixed content.
 */
export const LOCKED_DOWN: Readonly<WebPreferences> = Object.freeze({
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
});
