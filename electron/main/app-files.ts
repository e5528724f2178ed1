import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './origin';

/**
 * Maps a `persist-app://app/...` request to a file inside the built renderer
 * folder, or null. Pure, so every traversal trick can be unit-tested.
 *
 * Chromium already normalizes URLs of a standard scheme before the handler
 * sees them, but this check does not rely on that: it reads the raw request
 * string and refuses, rather than repairs, anything suspicious, so a request
 * either names a file under `root` in the plain way or gets a 404.
 */
export function resolveAppFile(root: string, requestUrl: string): string | null {
  if (typeof requestUrl !== 'string' || typeof root !== 'string' || !path.isAbsolute(root)) return null;
  if (/[\u0000-\u001f\u007f\\]/.test(requestUrl)) return null;

  const prefix = `${APP_SCHEME}://${APP_HOST}`;
  if (requestUrl.slice(0, prefix.length).toLowerCase() !== prefix) return null;
  const rest = requestUrl.slice(prefix.length);
  // Right after the host comes the path, a query, a fragment or nothing:
  // "persist-app://app.evil/", "persist-app://app:80/" and "persist-app://app@x/" are other hosts.
  if (rest !== '' && !/^[/?#]/.test(rest)) return null;

  const rawPath = (rest.split(/[?#]/, 1)[0] ?? '') || '/';
  // Encoded separators, dots and NUL have no business in an asset path.
  if (/%(2f|5c|2e|00)/i.test(rawPath)) return null;

  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (/[\u0000-\u001f\u007f\\:]/.test(decoded)) return null;
  // Still percent-encoded after one decoding: double encoding, a trick meant for a second decoder.
  if (/%[0-9a-f]{2}/i.test(decoded)) return null;

  const relative = decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const segments = relative.slice(1).split('/');
  // "//etc/passwd" (an absolute path after the host) leaves an empty first segment.
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return null;

  const base = path.resolve(root);
  const file = path.resolve(base, ...segments);
  // Belt and braces: whatever the rules above missed, the result must stay under root.
  if (!file.startsWith(base + path.sep)) return null;
  return file;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/**
 * The Content-Type for a served file. Unknown kinds get a generic binary type
 * (and the handler adds `nosniff`), so nothing unexpected runs as script.
 */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
