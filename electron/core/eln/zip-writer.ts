import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';

/**
 * Writes a zip archive to `outFile` the way sync writes to a share: into a
 * temporary file beside it, fsync, rename, so a cut-off export never leaves
 * a truncated .eln under the name the user chose.
 */
export class ZipWriter {
  private readonly zip = new yazl.ZipFile();
  private readonly temp: string;
  private readonly done: Promise<void>;
  private readonly mtime = new Date();

  constructor(private readonly outFile: string) {
    this.temp = path.join(
      path.dirname(outFile),
      `.${path.basename(outFile)}.${crypto.randomBytes(6).toString('hex')}.tmp`,
    );
    const out = fs.createWriteStream(this.temp, { flags: 'wx' });
    this.done = new Promise((resolve, reject) => {
      out.on('error', reject);
      this.zip.outputStream.on('error', reject);
      out.on('close', () => resolve());
    });
    this.zip.outputStream.pipe(out);
  }

  addFolder(name: string): void {
    this.zip.addEmptyDirectory(name, { mtime: this.mtime });
  }

  /** Text-like data is deflated; data that is already compressed (images) is stored. */
  addFile(name: string, data: Buffer, compress = true): void {
    this.zip.addBuffer(data, name, { mtime: this.mtime, compress });
  }

  async finish(): Promise<void> {
    this.zip.end();
    try {
      await this.done;
      const handle = await fs.promises.open(this.temp, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.promises.rename(this.temp, this.outFile);
    } catch (error) {
      await fs.promises.rm(this.temp, { force: true });
      throw error;
    }
  }

  async abort(): Promise<void> {
    this.zip.end();
    await this.done.catch(() => undefined);
    await fs.promises.rm(this.temp, { force: true });
  }
}
