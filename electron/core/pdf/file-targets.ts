import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ExportedPdf } from '../../../shared/pdf/export-jobs';
import { numberedName } from './file-names';
import type { PdfTarget } from './pdf-sink';

/**
 * Saving exported PDFs to disk, for hosts with file dialogs (Electron's main
 * process asks where, then hands the answer here). Every file is written to a
 * hidden temporary file beside it and renamed into place, so a full disk or a
 * cancelled export never leaves half a PDF under the real name.
 */

async function writeThenRename(file: string, bytes: Uint8Array): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.partial`);
  try {
    await fs.writeFile(temp, bytes, { flag: 'wx' });
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

function exported(file: string, bytes: Uint8Array, entryCount: number): ExportedPdf {
  return { name: path.basename(file), path: file, byteLength: bytes.byteLength, entryCount };
}

/** The file a person chose in a save dialog (which already asked before replacing one). */
export function fileTarget(file: string): PdfTarget {
  return {
    write: async (_name, bytes, entryCount) => {
      await writeThenRename(file, bytes);
      return exported(file, bytes, entryCount);
    },
  };
}

/** A folder that receives one PDF per entry; a name already there gets " (2)", never overwritten. */
export function folderTarget(dir: string): PdfTarget {
  return {
    write: async (name, bytes, entryCount) => {
      for (let n = 1; ; n += 1) {
        const file = path.join(dir, numberedName(name, n));
        try {
          // Claims the name first (an empty file), so two exports into one folder cannot pick the same one.
          await fs.writeFile(file, new Uint8Array(0), { flag: 'wx' });
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
          throw error;
        }
        try {
          await writeThenRename(file, bytes);
        } catch (error) {
          await fs.rm(file, { force: true });
          throw error;
        }
        return exported(file, bytes, entryCount);
      }
    },
  };
}
