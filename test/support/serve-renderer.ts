import fs from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Route } from '@playwright/test';

/**
 * The origin the renderer is served from in tests and the preview.
 *
 * Why a routed fake origin instead of a local HTTP server: it is how the app
 * itself works (Electron serves the renderer from a private custom protocol,
 * not from a socket), there is no port to pick or race on when two workers
 * run at once, and nothing on the machine can connect to it. The `.invalid`
 * TLD can never resolve, so every request either hits our route or fails;
 * https makes the page a secure context, as the app protocol is.
 */
export const APP_ORIGIN = 'https://persist.invalid';
export const APP_URL = `${APP_ORIGIN}/index.html`;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Maps a request path to a file under root, or null if it would escape root. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(root, `.${decoded.endsWith('/') ? `${decoded}index.html` : decoded}`);
  return file.startsWith(root + path.sep) ? file : null;
}

async function serveFile(route: Route, root: string, url: URL): Promise<void> {
  const file = resolveInside(root, url.pathname);
  if (!file) return route.fulfill({ status: 403, body: 'Forbidden' });
  try {
    const body = await fs.readFile(file);
    await route.fulfill({
      status: 200,
      body,
      headers: {
        'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  } catch {
    await route.fulfill({ status: 404, body: 'Not found' });
  }
}

/**
 * Serves `root` on APP_ORIGIN inside one browser context and refuses every
 * other request: the renderer must work offline. Refused URLs are added to
 * `refused` so a test can assert there were none.
 */
export async function serveRenderer(context: BrowserContext, root: string, refused: string[]): Promise<void> {
  const absoluteRoot = path.resolve(root);
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin === APP_ORIGIN) return serveFile(route, absoluteRoot, url);
    refused.push(url.href);
    await route.abort('blockedbyclient');
  });
}
