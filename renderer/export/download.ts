import type { ExportedPdf } from '../../shared/pdf/export-jobs';
import { base64ToBytes } from '../attachments/base64';

/** Long enough for the browser to have started every download before the URLs are let go. */
const REVOKE_AFTER_MS = 60_000;

/**
 * Offers the PDFs a host handed back (rather than saved) as downloads: a
 * blob: URL clicked through an <a download>. Electron saves files itself
 * and sends none back, so this does nothing there.
 */
export function downloadPdfs(files: readonly ExportedPdf[]): number {
  let count = 0;
  for (const file of files) {
    if (file.dataBase64 === undefined) continue;
    const url = URL.createObjectURL(new Blob([base64ToBytes(file.dataBase64)], { type: 'application/pdf' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = file.name;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
    count += 1;
  }
  return count;
}
