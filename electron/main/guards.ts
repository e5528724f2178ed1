import type { Session, WebContents } from 'electron';
import { isAppUrl, isSafeExternalUrl } from './origin';

export interface GuardOptions {
  /** The origin the app's pages are served from (persist-app://app, or the dev server). */
  appOrigin: string;
  /** Hands a vetted http(s)/mailto link to the operating system. */
  openExternal: (url: string) => unknown;
}

const guarded = new WeakSet<WebContents>();

/**
 * Locks down one web contents: the app never opens windows of its own from
 * page script, never navigates away from its origin (not even by a redirect),
 * and never hosts <webview>. A link that would open a new window goes to the
 * system browser instead, and only if it is a plain web or mail link.
 */
export function guardWebContents(contents: WebContents, options: GuardOptions): void {
  // Idempotent: the main window is guarded where it is created and again by
  // the app-wide web-contents-created hook.
  if (guarded.has(contents)) return;
  guarded.add(contents);
  const { appOrigin, openExternal } = options;

  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void Promise.resolve(openExternal(url)).catch(() => undefined);
    return { action: 'deny' };
  });

  // Navigation of any frame, and any redirect, must stay on the app origin.
  // (Links meant for the browser open through setWindowOpenHandler above:
  // the renderer gives them target="_blank".)
  const stayInApp = (event: { url: string; preventDefault: () => void }) => {
    if (!isAppUrl(event.url, appOrigin)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-frame-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * Refuses every permission (camera, microphone, geolocation, notifications,
 * clipboard-read, ...): a lab notebook needs none of them, and copy and paste
 * work through the Edit menu's native roles without any permission.
 */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
