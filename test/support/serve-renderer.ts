import path from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { fulfillFromFolder } from '../../electron/core/pdf/routed-files';

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

/**
 * Serves `root` on APP_ORIGIN inside one browser context and refuses every
 * other request: the renderer must work offline. Refused URLs are added to
 * `refused` so a test can assert there were none.
 */
export async function serveRenderer(context: BrowserContext, root: string, refused: string[]): Promise<void> {
  const absoluteRoot = path.resolve(root);
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin === APP_ORIGIN) return fulfillFromFolder(route, absoluteRoot, url.pathname);
    refused.push(url.href);
    await route.abort('blockedbyclient');
  });
}
