/**
 * Where things go on a share:
 *
 *   <share>/.persist-target.json            the marker (target add)
 *   <share>/<device-id>__<user>/manifest.json
 *   <share>/<device-id>__<user>/index.csv, index.html
 *   <share>/<device-id>__<user>/<entry-id>/record.json
 *
 * One folder per device and user, so two PCs (or two people on one PC) never
 * write the same file; one folder per entry, named by its id so a rename
 * never makes a second copy.
 */
export const MANIFEST_FILE = 'manifest.json';
export const INDEX_CSV = 'index.csv';
export const INDEX_HTML = 'index.html';
export const RECORD_FILE = 'record.json';

/** Keeps a user name safe as part of a folder name on any filesystem. */
function safeSegment(text: string): string {
  const cleaned = text
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^[.-]+/, '');
  return cleaned.slice(0, 64) || 'user';
}

export function deviceFolderName(deviceId: string, user: string): string {
  return `${deviceId}__${safeSegment(user)}`;
}

export function recordPath(entryId: string): string {
  return `${entryId}/${RECORD_FILE}`;
}

/** Device folders are the only folders at the share's root holding '__'. */
export function isDeviceFolderName(name: string): boolean {
  return /^[0-9A-Za-z]+__[^/]+$/.test(name);
}
