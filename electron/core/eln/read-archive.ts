import yauzl from 'yauzl';
import { PersistError } from '../../../shared/ipc/errors';

/** Limits that keep a hostile archive (a zip bomb) from filling memory or the disk. */
export interface ArchiveLimits {
  /** Files in the archive. */
  maxFiles: number;
  /** Uncompressed bytes of one file. */
  maxFileBytes: number;
  /** Uncompressed bytes of all files together. */
  maxTotalBytes: number;
  /** Uncompressed / compressed size of one file, checked once it is past 1 MiB. */
  maxRatio: number;
}

export const DEFAULT_LIMITS: ArchiveLimits = {
  maxFiles: 20_000,
  maxFileBytes: 256 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxRatio: 200,
};

const RATIO_FLOOR = 1024 * 1024;

export interface Archive {
  /** The one folder every path starts with. */
  root: string;
  /** Path below the root ('a/b.txt', '//' collapsed) -> bytes. */
  files: Map<string, Buffer>;
}

export function badArchive(message: string): PersistError {
  return new PersistError('invalid_input', `This .eln file was refused and nothing was imported: ${message}`);
}

/**
 * The checks made on every name, on top of yauzl's own: no absolute or drive
 * path, no '..', no backslash or control character. Returns the name with
 * empty segments ('//', seen in real eLabFTW exports) collapsed.
 */
export function safeArchivePath(name: string): string {
  if (/[\\\u0000-\u001f]/.test(name))
    throw badArchive(`the name ${JSON.stringify(name)} holds a backslash or a control character`);
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) throw badArchive(`${JSON.stringify(name)} is an absolute path`);
  const parts = name.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) throw badArchive(`${JSON.stringify(name)} climbs out of the archive ('..')`);
  return parts.join('/');
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, limits: ArchiveLimits, totalSoFar: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(badArchive(`${entry.fileName} cannot be read (${error.message})`));
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        // Counted while inflating: the sizes in the headers are the attacker's to choose.
        size += chunk.length;
        const why =
          size > limits.maxFileBytes
            ? `${entry.fileName} inflates past ${limits.maxFileBytes} bytes`
            : totalSoFar + size > limits.maxTotalBytes
              ? `the archive inflates past ${limits.maxTotalBytes} bytes in all`
              : size > RATIO_FLOOR && size / Math.max(entry.compressedSize, 1) > limits.maxRatio
                ? `${entry.fileName} inflates more than ${limits.maxRatio} times its compressed size`
                : null;
        if (why) {
          stream.destroy();
          reject(badArchive(`it looks like a zip bomb: ${why}`));
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', (e: Error) => reject(badArchive(`${entry.fileName} is damaged (${e.message})`)));
      stream.on('end', () => resolve(Buffer.concat(chunks, size)));
    });
  });
}

/** Reads a whole .eln archive into memory, refusing anything malformed or hostile. */
export async function readArchive(data: Buffer, limits: ArchiveLimits = DEFAULT_LIMITS): Promise<Archive> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(data, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true });
  } catch (error) {
    throw badArchive(`it is not a zip archive (${(error as Error).message})`);
  }
  const files = new Map<string, Buffer>();
  const roots = new Set<string>();
  let total = 0;
  let count = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', (e: Error) =>
        reject(e instanceof PersistError ? e : badArchive(`its directory is damaged or unsafe (${e.message})`)),
      );
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        void (async () => {
          count += 1;
          if (count > limits.maxFiles) throw badArchive(`it holds more than ${limits.maxFiles} files`);
          const name = safeArchivePath(entry.fileName);
          const slash = name.indexOf('/');
          roots.add(slash < 0 ? name : name.slice(0, slash));
          if (roots.size > 1)
            throw badArchive('it must hold exactly one root folder, and holds several files or folders at its top');
          if (!entry.fileName.endsWith('/')) {
            if (slash < 0) throw badArchive(`${JSON.stringify(name)} lies outside the root folder`);
            if (entry.isEncrypted()) throw badArchive(`${name} is encrypted`);
            const inner = name.slice(slash + 1);
            if (files.has(inner)) throw badArchive(`${name} appears twice`);
            const bytes = await readEntry(zip, entry, limits, total);
            total += bytes.length;
            files.set(inner, bytes);
          }
          zip.readEntry();
        })().catch(reject);
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  const [root] = roots;
  if (!root) throw badArchive('it is empty');
  return { root, files };
}
