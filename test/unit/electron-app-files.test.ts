import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contentTypeFor, resolveAppFile } from '../../electron/main/app-files';

// protocol.ts registers with Electron, which cannot run here: only that import is faked.
const handled = vi.hoisted(() => ({ scheme: '', handler: null as null | ((r: Request) => Promise<Response>) }));
vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: vi.fn(),
    handle: (scheme: string, handler: (r: Request) => Promise<Response>) => {
      handled.scheme = scheme;
      handled.handler = handler;
    },
  },
}));
const { serveAppProtocol, registerAppScheme } = await import('../../electron/main/protocol');
const electron = await import('electron');

const root = path.join(path.resolve(os.tmpdir()), 'persist-renderer-root');

describe('resolveAppFile', () => {
  it('maps app URLs to files inside the root', () => {
    expect(resolveAppFile(root, 'persist-app://app/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'persist-app://app/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'persist-app://app')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'persist-app://app/assets/index-Ab12.js')).toBe(
      path.join(root, 'assets', 'index-Ab12.js'),
    );
    expect(resolveAppFile(root, 'persist-app://app/assets/?x=1#top')).toBe(path.join(root, 'assets', 'index.html'));
    expect(resolveAppFile(root, 'persist-app://app/index.html?v=2#/entries/01J')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'persist-app://app/fonts/Inter%20Var.woff2')).toBe(
      path.join(root, 'fonts', 'Inter Var.woff2'),
    );
  });

  it('refuses dot segments, plain or encoded', () => {
    const attempts = [
      'persist-app://app/../secret.txt',
      'persist-app://app/assets/../../secret.txt',
      'persist-app://app/./index.html',
      'persist-app://app/%2e%2e/secret.txt',
      'persist-app://app/%2E%2E/secret.txt',
      'persist-app://app/.%2e/secret.txt',
      'persist-app://app/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'persist-app://app/%252e%252e/secret.txt',
      'persist-app://app/..%2fsecret.txt',
      'persist-app://app/assets%2f..%2f..%2fsecret.txt',
      'persist-app://app/assets%5c..%5c..%5csecret.txt',
    ];
    for (const url of attempts) expect(resolveAppFile(root, url), url).toBeNull();
  });

  it('refuses backslashes, absolute paths, drive letters and NUL', () => {
    const attempts = [
      'persist-app://app/..\\secret.txt',
      'persist-app://app/assets\\..\\..\\secret.txt',
      'persist-app://app//etc/passwd',
      'persist-app://app///etc/passwd',
      'persist-app://app/C:/Windows/win.ini',
      'persist-app://app/C:%5CWindows%5Cwin.ini',
      'persist-app://app/index.html\u0000.png',
      'persist-app://app/index.html%00.png',
      'persist-app://app/a\nb',
      'persist-app://app/%E0%A4%A',
    ];
    for (const url of attempts) expect(resolveAppFile(root, url), JSON.stringify(url)).toBeNull();
  });

  it('refuses other hosts, schemes, ports and user info', () => {
    const attempts = [
      'persist-app://evil/index.html',
      'persist-app://app.evil/index.html',
      'persist-app://app:8080/index.html',
      'persist-app://app@evil/index.html',
      'persist-app:app/index.html',
      'file:///etc/passwd',
      'https://app/index.html',
      'index.html',
      '',
    ];
    for (const url of attempts) expect(resolveAppFile(root, url), url).toBeNull();
  });

  it('refuses a relative root', () => {
    expect(resolveAppFile('renderer', 'persist-app://app/index.html')).toBeNull();
  });

  it('never returns a path outside the root', () => {
    const samples = ['a', 'b/c.js', 'x%20y', '..a', 'a..', '...', 'a/.b', '~', '%7e'];
    for (const s of samples) {
      const file = resolveAppFile(root, `persist-app://app/${s}`);
      if (file !== null) expect(file.startsWith(root + path.sep), s).toBe(true);
    }
  });
});

describe('contentTypeFor', () => {
  it('names the types the renderer ships and falls back to binary', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/x/a.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('/x/a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/x/a.wasm')).toBe('application/wasm');
    expect(contentTypeFor('/x/unknown.bin')).toBe('application/octet-stream');
    expect(contentTypeFor('/x/noext')).toBe('application/octet-stream');
  });
});

describe('the persist-app protocol handler', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'persist-protocol-'));
  const site = path.join(dir, 'renderer');
  beforeAll(() => {
    fs.mkdirSync(path.join(site, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(site, 'index.html'), '<!doctype html><title>Persist</title>');
    fs.writeFileSync(path.join(site, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'top secret');
    registerAppScheme();
    serveAppProtocol(site);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const get = (url: string, method = 'GET') => handled.handler!(new Request(url, { method }));

  it('registers persist-app as a standard, secure, fetchable scheme', () => {
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'persist-app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(handled.scheme).toBe('persist-app');
  });

  it('serves files with their type, the CSP and nosniff', async () => {
    const page = await get('persist-app://app/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Persist</title>');

    const script = await get('persist-app://app/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
  });

  it('answers a client-side route with index.html but a missing asset with 404', async () => {
    expect(await (await get('persist-app://app/entries/01J')).text()).toContain('<title>Persist</title>');
    expect((await get('persist-app://app/assets/missing.js')).status).toBe(404);
  });

  it('answers traversal, other hosts and writes without revealing anything', async () => {
    // Request normalizes "..", so the raw-string checks are exercised above;
    // here the encoded forms still reach the handler.
    for (const url of [
      'persist-app://app/%2e%2e/secret.txt',
      'persist-app://app/..%2fsecret.txt',
      'persist-app://other/index.html',
    ]) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(await res.text()).toBe('');
    }
    expect((await get('persist-app://app/index.html', 'POST')).status).toBe(405);
  });
});
