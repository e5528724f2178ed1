import type { ExportedPdf } from '../../shared/pdf/export-jobs';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The folder a saved file is in, for "Saved 12 PDFs in …" (Windows or POSIX separators). */
function folderOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut > 0 ? path.slice(0, cut) : path;
}

/** Where the files went, in words: saved at a path (Electron) or downloaded (a browser host). */
export function whereSaved(files: readonly ExportedPdf[], downloaded: number): string {
  const first = files[0];
  if (!first) return 'No PDF was saved.';
  if (downloaded > 0) {
    return files.length === 1 ? `Downloaded “${first.name}”.` : `Downloaded ${plural(downloaded, 'PDF', 'PDFs')}.`;
  }
  if (files.length === 1) return `Saved “${first.name}” in ${folderOf(first.path ?? first.name)}.`;
  return `Saved ${plural(files.length, 'PDF', 'PDFs')} in ${folderOf(first.path ?? first.name)}.`;
}

/** The sentence that ends an export, finished or not. */
export function outcomeText(outcome: {
  outcome: 'done' | 'cancelled' | 'failed';
  done: number;
  total: number;
  files: readonly ExportedPdf[];
  downloaded: number;
}): string {
  const { files, downloaded } = outcome;
  if (outcome.outcome === 'done') {
    const combined = files.length === 1 && (files[0]?.entryCount ?? 1) > 1;
    const what = combined
      ? ` One PDF with ${plural(files[0]?.entryCount ?? 0, 'entry', 'entries')}, a bookmark for each.`
      : '';
    return `${whereSaved(files, downloaded)}${what}`;
  }
  if (outcome.outcome === 'cancelled') {
    return `Export cancelled after ${outcome.done} of ${plural(outcome.total, 'entry', 'entries')}. ${whereSaved(files, downloaded)}`;
  }
  return whereSaved(files, downloaded);
}
