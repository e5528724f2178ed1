import type { Session } from 'electron';

/**
 * The Content-Security-Policy of the app's pages, as data so a test can read
 * it. Scripts come only from the app itself: no inline script, no eval, no
 * remote origin, no plugins, no <base> rewriting, no framing, no form posts.
 *
 * style-src allows 'unsafe-inline' because React and Lexical write element
 * styles (text colour, table widths, decorator sizing); an injected style
 * cannot run code, and script-src stays strict.
 */
function directives(extra: { script?: string[]; connect?: string[] } = {}): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...(extra.script ?? [])],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'media-src': ["'self'", 'blob:'],
    'connect-src': ["'self'", ...(extra.connect ?? [])],
    'worker-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'frame-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'form-action': ["'none'"],
  };
}

function serialize(d: Record<string, string[]>): string {
  return Object.entries(d)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** The policy of the packaged app, served from persist-app://app. */
export const APP_CSP = serialize(directives());

/**
 * The policy while developing against Forge's Vite dev server. 'self' is then
 * the dev server's origin; Vite needs its websocket for hot reload and React's
 * refresh preamble is an inline script. Only ever used for a localhost URL.
 */
export function devCsp(devServerUrl: string): string {
  const url = new URL(devServerUrl);
  if (url.hostname !== 'localhost' && url.hostname !== '127.0.0.1') {
    throw new Error(`Refusing a dev-server CSP for a non-local origin: ${url.origin}`);
  }
  const ws = `ws://${url.host}`;
  return serialize(directives({ script: ["'unsafe-inline'"], connect: [ws] }));
}

/** The policy for a given mode: the dev server's when there is one, else the app's. */
export function contentSecurityPolicy(devServerUrl?: string): string {
  return devServerUrl ? devCsp(devServerUrl) : APP_CSP;
}

/**
 * Adds the CSP header to the dev server's responses. (Pages served by the
 * persist-app protocol handler carry the header themselves; see protocol.ts.)
 */
export function applyDevCsp(session: Session, devServerUrl: string): void {
  const policy = devCsp(devServerUrl);
  const origin = new URL(devServerUrl).origin;
  session.webRequest.onHeadersReceived({ urls: [`${origin}/*`] }, (details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const key of Object.keys(headers)) {
      if (key.toLowerCase() === 'content-security-policy') delete headers[key];
    }
    headers['Content-Security-Policy'] = [policy];
    callback({ responseHeaders: headers });
  });
}
