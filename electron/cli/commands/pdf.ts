import fs from 'node:fs';
import path from 'node:path';
import { PAPER_SIZES, type PaperSize } from '../../../shared/pdf/print-model';
import type { PdfRenderer } from '../../core/pdf/pdf-renderer';
import { CliError, EXIT, formatPairs, printJson, usageError, type Command, type CliIo } from '../command';
import { openExistingProfile } from '../profile-arg';

function paperOf(value: unknown): PaperSize {
  if (value === undefined) return 'a4';
  if (typeof value === 'string' && (PAPER_SIZES as readonly string[]).includes(value.toLowerCase())) {
    return value.toLowerCase() as PaperSize;
  }
  throw usageError('--paper must be a4 or letter');
}

/** Writes a file whole or not at all: a temporary name beside it, fsync, then rename. */
function writeAtomically(file: string, bytes: Uint8Array): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const fd = fs.openSync(temp, 'w');
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
}

/** A file name from a title: letters, digits and dashes, short enough for any file system. */
export function fileSlug(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'entry';
}

interface Written {
  path: string;
  entryId: string;
  title: string;
  revision: number;
  sha256: string;
  bytes: number;
  draftAhead: boolean;
  missingImages: number;
}

function requireFolderFor(file: string): void {
  const dir = path.dirname(path.resolve(file));
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new CliError(EXIT.usage, 'no_folder', `The folder ${dir} does not exist.`);
  }
}

function report(io: CliIo, json: boolean, files: Written[]): void {
  for (const f of files.filter((w) => w.missingImages > 0)) {
    io.stderr(
      `persist: warning: "${f.title}": ${f.missingImages} image(s) are missing from the profile; the PDF says so where they belong.\n`,
    );
  }
  for (const f of files.filter((w) => w.draftAhead)) {
    io.stderr(
      `persist: note: "${f.title}" has edits after revision ${f.revision}; the PDF shows revision ${f.revision}.\n`,
    );
  }
  if (json) {
    printJson(io, { ok: true, files });
    return;
  }
  if (files.length === 1) {
    const [f] = files as [Written];
    io.stdout(
      formatPairs([
        ['Wrote', f.path],
        ['Entry', `${f.entryId} "${f.title}", revision ${f.revision}`],
        ['Record SHA-256', f.sha256],
      ]),
    );
    return;
  }
  for (const file of new Set(files.map((f) => f.path))) io.stdout(`${file}\n`);
}

export const pdfCommand: Command = {
  name: 'pdf',
  summary: "print an entry, or a notebook's entries, as PDF records",
  synopsis: 'pdf --profile DIR (ENTRY_ID --out FILE.pdf | --notebook NAME --out DIR [--combined]) [--paper a4|letter]',
  description: [
    "Prints an entry's last revision through the print view in headless Chromium",
    '($PERSIST_CHROMIUM, default /usr/bin/chromium) and finishes it as a PDF record:',
    "metadata, an sRGB output intent, the revision's canonical JSON attached, and its",
    'SHA-256 in every page footer. With --notebook, every entry of the notebook not in',
    'the trash, oldest first: one PDF each in DIR, or with --combined one PDF in DIR',
    'with a bookmark per entry. Edits made after the last revision are not printed',
    '(a note says so). Files are written whole or not at all. Check one with',
    '"persist pdf-verify".',
  ].join('\n'),
  options: {
    out: { type: 'string' },
    notebook: { type: 'string' },
    combined: { type: 'boolean' },
    paper: { type: 'string' },
  },
  optionHelp: [
    '--out PATH       the PDF file (one entry) or the folder (--notebook)',
    '--notebook NAME  print every entry of this notebook',
    '--combined       with --notebook: one PDF with a bookmark per entry',
    '--paper SIZE     a4 (default) or letter',
  ],
  profile: 'existing',
  positionals: { min: 0, max: 1 },
  async run({ values, positionals, profileDir, json, io }) {
    const paper = paperOf(values.paper);
    const out = values.out;
    if (typeof out !== 'string' || out === '') throw usageError('--out is required');
    const notebook = typeof values.notebook === 'string' ? values.notebook : undefined;
    const entryId = positionals[0];
    if (notebook === undefined && entryId === undefined) throw usageError('give an ENTRY_ID or --notebook NAME');
    if (notebook !== undefined && entryId !== undefined)
      throw usageError('give an ENTRY_ID or --notebook NAME, not both');
    if (values.combined && notebook === undefined) throw usageError('--combined goes with --notebook');
    if (entryId !== undefined) requireFolderFor(out);

    const ctx = openExistingProfile(profileDir as string);
    // Loaded only here: pdf-lib and playwright-core are not needed by the other commands.
    const pdf = await import('../../core/pdf/index');
    const { ChromiumPdfRenderer } = await import('../../core/pdf/chromium-renderer');
    let renderer: PdfRenderer | null = null;
    try {
      const options = { paper };
      const written: Written[] = [];
      type Job = Awaited<ReturnType<typeof pdf.exportEntryPdf>>['job'];
      // One line of the report per entry printed (a combined PDF has one per entry, all naming the same file).
      const note = (file: string, bytes: Uint8Array, job: Job) =>
        written.push({
          path: path.resolve(file),
          entryId: job.model.entry.id,
          title: job.model.entry.title,
          revision: job.model.entry.revision,
          sha256: job.record.sha256,
          bytes: bytes.length,
          draftAhead: job.draftAhead,
          missingImages: job.missingImages.length,
        });
      const record = (file: string, bytes: Uint8Array, job: Job) => {
        writeAtomically(file, bytes);
        note(file, bytes, job);
      };
      if (entryId !== undefined) {
        // Resolve the entry before starting a browser, so a wrong id fails fast.
        pdf.buildPrintJob(ctx, entryId, options);
        renderer = await ChromiumPdfRenderer.launch();
        const { bytes, job } = await pdf.exportEntryPdf(ctx, renderer, entryId, options);
        record(out, bytes, job);
      } else {
        const { entryIds } = pdf.notebookEntryIds(ctx, notebook as string);
        if (entryIds.length === 0)
          throw new CliError(EXIT.failed, 'empty', `The notebook "${notebook}" has no entries.`);
        fs.mkdirSync(out, { recursive: true });
        renderer = await ChromiumPdfRenderer.launch();
        if (values.combined) {
          const { bytes, jobs } = await pdf.exportCombinedPdf(ctx, renderer, entryIds, {
            ...options,
            title: notebook as string,
          });
          const file = path.join(out, `${fileSlug(notebook as string)}.pdf`);
          writeAtomically(file, bytes);
          for (const job of jobs) note(file, bytes, job);
        } else {
          for (const id of entryIds) {
            const { bytes, job } = await pdf.exportEntryPdf(ctx, renderer, id, options);
            record(path.join(out, `${fileSlug(job.model.entry.title)}-${id}.pdf`), bytes, job);
          }
        }
      }
      report(io, json, written);
      return EXIT.ok;
    } finally {
      await renderer?.close();
      ctx.close();
    }
  },
};
