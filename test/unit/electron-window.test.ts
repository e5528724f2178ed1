import type { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';

// A stand-in for Electron's BrowserWindow and web contents that records what
// the app configures: constructor options, the window-open handler,
// navigation listeners, permission handlers, and the URL it loads.
const fake = vi.hoisted(() => ({
  windows: [] as Array<{ options: Record<string, unknown>; loaded: string[] }>,
  openExternal: null as unknown as Mock,
}));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class FakeSession {
    requestHandler: ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void) | null = null;
    checkHandler: ((...a: unknown[]) => boolean) | null = null;
    deviceHandler: ((...a: unknown[]) => boolean) | null = null;
    setPermissionRequestHandler(h: FakeSession['requestHandler']) {
      this.requestHandler = h;
    }
    setPermissionCheckHandler(h: FakeSession['checkHandler']) {
      this.checkHandler = h;
    }
    setDevicePermissionHandler(h: FakeSession['deviceHandler']) {
      this.deviceHandler = h;
    }
  }
  class FakeWebContents extends EventEmitter {
    session = new FakeSession();
    openHandler: ((d: { url: string }) => { action: string }) | null = null;
    setWindowOpenHandler(h: FakeWebContents['openHandler']) {
      this.openHandler = h;
    }
  }
  class BrowserWindow extends EventEmitter {
    webContents = new FakeWebContents();
    record: { options: Record<string, unknown>; loaded: string[] };
    constructor(options: Record<string, unknown>) {
      super();
      this.record = { options, loaded: [] };
      fake.windows.push(this.record);
    }
    loadURL(url: string) {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
    show() {}
  }
  fake.openExternal = vi.fn(async () => undefined);
  return { BrowserWindow, shell: { openExternal: fake.openExternal } };
});

const { createMainWindow, mainWindowOptions, openExternalSafely } = await import('../../electron/main/window');
const { guardWebContents } = await import('../../electron/main/guards');

type FakeContents = EventEmitter & {
  openHandler: (d: { url: string }) => { action: string };
  session: {
    requestHandler: (wc: unknown, permission: string, cb: (ok: boolean) => void) => void;
    checkHandler: (...a: unknown[]) => boolean;
    deviceHandler: (...a: unknown[]) => boolean;
  };
};

function makeWindow() {
  const window = createMainWindow({
    preloadPath: '/app/.vite/build/preload.cjs',
    startUrl: 'persist-app://app/index.html',
    appOrigin: 'persist-app://app',
  });
  return { window, contents: window.webContents as unknown as FakeContents, record: fake.windows.at(-1)! };
}

/** Emits a navigation event the way Electron does and says whether the app blocked it. */
function navigate(contents: FakeContents, name: string, url: string): boolean {
  let prevented = false;
  contents.emit(name, { url, preventDefault: () => (prevented = true) });
  return prevented;
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('the main window', () => {
  beforeEach(() => {
    fake.windows.length = 0;
    fake.openExternal.mockClear();
  });

  it('is created with every isolation switch on', () => {
    const { record } = makeWindow();
    const prefs = record.options.webPreferences as Record<string, unknown>;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.preload).toBe('/app/.vite/build/preload.cjs');
    expect(record.options).toEqual(mainWindowOptions('/app/.vite/build/preload.cjs'));
  });

  it('loads the app from its custom scheme', () => {
    const { record } = makeWindow();
    expect(record.loaded).toEqual(['persist-app://app/index.html']);
  });

  it('denies every window.open; only http(s)/mailto go to the system browser', async () => {
    const { contents } = makeWindow();
    for (const url of ['https://pubmed.ncbi.nlm.nih.gov/1/', 'mailto:lab@example.org']) {
      expect(contents.openHandler({ url })).toEqual({ action: 'deny' });
    }
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'persist-app://app/x',
      'smb://nas/share',
      'about:blank',
    ]) {
      expect(contents.openHandler({ url })).toEqual({ action: 'deny' });
    }
    await flush();
    expect(fake.openExternal.mock.calls.map((c) => c[0])).toEqual([
      'https://pubmed.ncbi.nlm.nih.gov/1/',
      'mailto:lab@example.org',
    ]);
  });

  it('blocks navigation and redirects away from the app origin', () => {
    const { contents } = makeWindow();
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(navigate(contents, name, 'persist-app://app/index.html#/entry/1'), name).toBe(false);
      expect(navigate(contents, name, 'https://evil.example/'), name).toBe(true);
      expect(navigate(contents, name, 'file:///etc/passwd'), name).toBe(true);
      expect(navigate(contents, name, 'persist-app://other/'), name).toBe(true);
    }
    // Navigation never opens anything by itself.
    expect(fake.openExternal).not.toHaveBeenCalled();
  });

  it('refuses <webview> attachment', () => {
    const { contents } = makeWindow();
    expect(navigate(contents, 'will-attach-webview', 'persist-app://app/')).toBe(true);
  });

  it('denies every permission request and check', () => {
    const { contents } = makeWindow();
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
    ]) {
      const answer = vi.fn();
      contents.session.requestHandler(contents, permission, answer);
      expect(answer).toHaveBeenCalledWith(false);
      expect(contents.session.checkHandler(contents, permission, 'persist-app://app')).toBe(false);
    }
    expect(contents.session.deviceHandler({ deviceType: 'usb' })).toBe(false);
  });

  it('guards a web contents once, however often asked', () => {
    const { contents } = makeWindow();
    guardWebContents(contents as never, { appOrigin: 'persist-app://app', openExternal: () => undefined });
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });
});

describe('openExternalSafely', () => {
  it('hands only vetted links to shell.openExternal', async () => {
    fake.openExternal.mockClear();
    await openExternalSafely('https://example.org/');
    await openExternalSafely('file:///etc/passwd');
    await openExternalSafely('ms-settings:');
    expect(fake.openExternal.mock.calls).toEqual([['https://example.org/']]);
  });
});
