import fs from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { contentTypeFor, resolveAppFile } from './app-files';
import { APP_CSP } from './csp';
import { APP_SCHEME } from './origin';

export { resolveAppFile, contentTypeFor } from './app-files';

/**
 * Declares persist-app:// as a standard, secure scheme. Standard gives it
 * real origins (so 'self', localStorage and relative URLs behave as on the
 * web), secure makes it a secure context, supportFetchAPI lets the page fetch
 * its own assets. It does not bypass CSP. Must run before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': APP_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

function notFound(status = 404): Response {
  return new Response(null, { status, headers: SECURITY_HEADERS });
}

async function readFileOrNull(file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch {
    return null;
  }
}

/**
 * Answers one request for the built renderer. An address that does not pass
 * resolveAppFile is a 404 whatever the reason, so a probe learns nothing. A
 * missing extension-less path (a client-side route) gets index.html.
 */
export async function serveAppRequest(rendererRoot: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return notFound(405);
  const file = resolveAppFile(rendererRoot, request.url);
  if (file === null) return notFound();
  let served = file;
  let body = await readFileOrNull(file);
  if (body === null && path.extname(file) === '') {
    served = path.join(path.resolve(rendererRoot), 'index.html');
    body = await readFileOrNull(served);
  }
  if (body === null) return notFound();
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(served) },
  });
}

/** Serves the built renderer folder under persist-app://app/ (after app ready). */
export function serveAppProtocol(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererRoot, request));
}
