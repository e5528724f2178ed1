import crypto from 'node:crypto';

/** Bytes hashed per turn of the event loop: about 2 ms of SHA-256 on a slow PC. */
const SLICE = 1 << 20;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * SHA-256 of a buffer, a slice per turn of the event loop. A 14 MiB picture
 * hashed in one go holds the main process for tens of milliseconds, which an
 * autosave in the editor would wait out; sliced, a save slips in between.
 */
export async function sha256Yielding(bytes: Uint8Array): Promise<string> {
  const hash = crypto.createHash('sha256');
  for (let offset = 0; offset < bytes.length; offset += SLICE) {
    if (offset > 0) await nextTurn();
    hash.update(bytes.subarray(offset, offset + SLICE));
  }
  return hash.digest('hex');
}
