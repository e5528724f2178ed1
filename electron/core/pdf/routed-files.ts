import fs from 'node:fs/promises';
import path from 'node:path';
import type { Route } from 'playwright-core';

/**
 * Serving a built renderer folder to a Chromium page through request routing
 * (a fake origin, no socket): the print renderer uses it, and so do the test
 * harness and the preview for the whole app.
 */
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
  '.woff': 'font/woff',
};

/** A request path mapped to a file under root ("/" is index.html), or null when it would leave root. */
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

/** Answers the route with the file under root that its path names: 403 outside root, 404 when missing. */
export async function fulfillFromFolder(route: Route, root: string, urlPath: string): Promise<void> {
  const file = resolveInside(root, urlPath);
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
