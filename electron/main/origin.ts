/**
 * The app's own origin and the checks built on it. Pure (no Electron import)
 * so the rules can be unit-tested in plain Node.
 *
 * Node's WHATWG URL reports the origin of a non-special scheme such as
 * `persist-app:` as the string "null", so origins are compared as
 * `scheme://host[:port]` computed here, never through `URL#origin`.
 */

/** The privileged scheme the built renderer is served from (see protocol.ts). */
export const APP_SCHEME = 'persist-app';
/** The one host of that scheme; any other host is refused. */
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** `scheme://host[:port]` of a URL, lower-cased; null when it has none or does not parse. */
export function originOf(url: string | null | undefined): string | null {
  if (typeof url !== 'string' || url === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  // Opaque URLs (about:blank, data:, javascript:, blob: of another origin...) have no host.
  if (!parsed.host) return null;
  return `${parsed.protocol}//${parsed.host}`.toLowerCase();
}

/**
 * Whether an IPC message comes from a frame showing the app's own pages. A
 * missing frame (navigated away or destroyed before the message arrived), an
 * unparsable URL, or any other origin is untrusted.
 */
export function isTrustedSender(frameUrl: string | null | undefined, appOrigin: string): boolean {
  const expected = originOf(appOrigin);
  if (expected === null) return false;
  return originOf(frameUrl) === expected;
}

/** Whether a navigation target stays inside the app (same rule as for IPC senders). */
export function isAppUrl(url: string, appOrigin: string): boolean {
  return isTrustedSender(url, appOrigin);
}

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * Whether a link may be handed to the operating system (shell.openExternal).
 * Only web and mail links: file:, smb:, custom app schemes and the like could
 * launch programs or open local files, so they are never passed on. Embedded
 * credentials and control characters are refused too.
 */
export function isSafeExternalUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length === 0 || url.length > 2048) return false;
  if (/[\u0000-\u001f\u007f\s\\]/.test(url)) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!EXTERNAL_PROTOCOLS.has(parsed.protocol)) return false;
  if (parsed.protocol === 'mailto:') return parsed.pathname.length > 0;
  return parsed.hostname.length > 0 && parsed.username === '' && parsed.password === '';
}
