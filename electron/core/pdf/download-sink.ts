import type { ExportedPdf } from '../../../shared/pdf/export-jobs';
import { claimUniqueName } from './file-names';
import type { PdfSink, PdfTarget } from './pdf-sink';

/**
 * The sink of a host without file dialogs (the test harness, a browser): no
 * question is asked and nothing touches the disk; each PDF goes back to the
 * page as base64, and the page offers it as a download. Names are unique
 * within one export, as a folder's would be.
 */
export function downloadSink(): PdfSink {
  const target = (): PdfTarget => {
    const taken = new Set<string>();
    return {
      write: async (name, bytes, entryCount): Promise<ExportedPdf> => ({
        name: claimUniqueName(name, taken),
        dataBase64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
        byteLength: bytes.byteLength,
        entryCount,
      }),
    };
  };
  return {
    chooseFile: async () => target(),
    chooseFolder: async () => target(),
  };
}
