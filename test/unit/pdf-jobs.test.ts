import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../electron/core/index';
import { ChromiumPdfRenderer } from '../../electron/core/pdf/chromium-renderer';
import {
  downloadSink,
  fileTarget,
  folderTarget,
  PdfExports,
  pdfFileName,
  type PdfServices,
  type PdfSink,
  verifyPdf,
} from '../../electron/core/pdf/index';
import { claimUniqueName } from '../../electron/core/pdf/file-names';
import { DEMO_NOTEBOOK } from '../../shared/demo/index';
import { documentOf, paragraph } from '../../shared/domain/lexical-build';
import type { PdfJobProgress } from '../../shared/pdf/export-jobs';
import { outlineTitles } from '../support/pdf-outline';
import { REPO_ROOT } from '../support/paths';
import { tempDir, tempProfile } from '../support/temp-profile';

/**
 * The app's export jobs (electron/core/pdf/jobs.ts) on a real profile with
 * the real Chromium renderer (one for the whole file) and real files: what
 * a person sees in the export dialog (progress, cancel, the files saved)
 * comes from here.
 */

let profile: ReturnType<typeof tempProfile>;
let work: { dir: string; cleanup: () => void };
let renderer: ChromiumPdfRenderer;
let demoNotebookId: string;
let demoEntries: Array<{ id: string; title: string }>;

/** Where a person pointed the save dialog or folder chooser; null: they closed it. */
function chosen(where: { file?: string; folder?: string } | null): PdfSink {
  return {
    chooseFile: async () => (where?.file ? fileTarget(where.file) : null),
    chooseFolder: async () => (where?.folder ? folderTarget(where.folder) : null),
  };
}

function exportsWith(sink: PdfSink, onEvent?: (event: PdfJobProgress) => void) {
  const events: PdfJobProgress[] = [];
  const logged: unknown[] = [];
  const services: PdfServices = {
    renderer: async () => renderer,
    sink,
    progress: (event) => {
      events.push(event);
      onEvent?.(event);
    },
    log: (error) => logged.push(error),
  };
  return { exports: new PdfExports(profile, services), events, logged };
}

function freshDir(name: string): string {
  const dir = path.join(work.dir, name);
  fs.mkdirSync(dir);
  return dir;
}

const pdftotext = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });

beforeAll(async () => {
  work = tempDir('persist-pdf-jobs-');
  profile = tempProfile();
  // The print view built into a private folder: no race with other builds of dist/renderer.
  const printRoot = path.join(work.dir, 'renderer');
  const { build } = await import('vite');
  await build({
    configFile: path.join(REPO_ROOT, 'renderer', 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: printRoot, emptyOutDir: true },
  });
  renderer = await ChromiumPdfRenderer.launch({ printRoot });
  const notebook = profile.db.prepare('SELECT id FROM notebooks WHERE name = ?').get(DEMO_NOTEBOOK) as { id: string };
  demoNotebookId = notebook.id;
  demoEntries = profile.db
    .prepare('SELECT id, title FROM entries WHERE notebook_id = ? AND deleted_at IS NULL ORDER BY created_at, id')
    .all(demoNotebookId) as Array<{ id: string; title: string }>;
}, 240_000);

afterAll(async () => {
  await renderer?.close();
  profile?.cleanup();
  work?.cleanup();
});

describe('file names', () => {
  it('are safe on every desktop system and unique within a folder', () => {
    expect(pdfFileName('72-h cisplatin IC50: NCI-H69')).toBe('72-h cisplatin IC50 - NCI-H69.pdf');
    expect(pdfFileName('a/b\\c*d?"e"<f>|g')).toBe('a_b_c_d__e__f__g.pdf');
    expect(pdfFileName('  ')).toBe('entry.pdf');
    expect(pdfFileName('CON')).toBe('entry CON.pdf');
    expect(pdfFileName('ends with dots...')).toBe('ends with dots.pdf');
    expect(pdfFileName('x'.repeat(400))).toHaveLength(124);
    const taken = new Set<string>();
    expect(['A.pdf', 'a.pdf', 'A.pdf'].map((n) => claimUniqueName(n, taken))).toEqual([
      'A.pdf',
      'a (2).pdf',
      'A (3).pdf',
    ]);
  });
});

describe('one PDF per entry into a folder', () => {
  it('saves every entry, reports progress in order, and leaves no temporary file', async () => {
    const folder = freshDir('per-entry');
    // A file already there is never overwritten.
    const first = demoEntries[0] as { id: string; title: string };
    fs.writeFileSync(path.join(folder, pdfFileName(first.title)), 'not mine');
    const picked = demoEntries.slice(0, 3);
    const { exports, events } = exportsWith(chosen({ folder }));
    const start = await exports.startBatch({ source: { entryIds: picked.map((e) => e.id) }, combined: false });
    if (start.declined) throw new Error('declined');
    const status = await exports.whenFinished(start.jobId);

    expect(status.state).toBe('done');
    expect(events.map((e) => [e.state, e.done, e.total, e.title])).toEqual([
      ['running', 0, 3, picked[0]?.title],
      ['running', 1, 3, picked[1]?.title],
      ['running', 2, 3, picked[2]?.title],
      ['done', 3, 3, picked[2]?.title],
    ]);
    expect(new Set(events.map((e) => e.jobId))).toEqual(new Set([start.jobId]));
    expect(fs.readFileSync(path.join(folder, pdfFileName(first.title)), 'utf8')).toBe('not mine');
    expect(status.files.map((f) => f.name)).toEqual([
      pdfFileName(first.title).replace(/\.pdf$/, ' (2).pdf'),
      pdfFileName(picked[1]?.title ?? ''),
      pdfFileName(picked[2]?.title ?? ''),
    ]);
    expect(fs.readdirSync(folder).sort()).toEqual(
      [pdfFileName(first.title), ...status.files.map((f) => f.name)].sort(),
    );
    for (const [i, file] of status.files.entries()) {
      expect(file.path).toBe(path.join(folder, file.name));
      const bytes = fs.readFileSync(file.path as string);
      expect(bytes.byteLength).toBe(file.byteLength);
      const verified = await verifyPdf(bytes, profile);
      expect(verified.ok, verified.problems.join('; ')).toBe(true);
      expect(verified.records.map((r) => r.entryId)).toEqual([picked[i]?.id]);
    }
  });
});

describe('cancel', () => {
  it('stops a per-entry batch between entries: no event and no file after it', async () => {
    const folder = freshDir('cancelled');
    let jobId = '';
    const { exports, events } = exportsWith(chosen({ folder }), (event) => {
      // Cancel as soon as the first entry is saved, as a person clicking Cancel would.
      if (event.state === 'running' && event.done === 1) exports.cancel(jobId);
    });
    const start = await exports.startBatch({ source: { notebookId: demoNotebookId }, combined: false });
    if (start.declined) throw new Error('declined');
    jobId = start.jobId;
    const status = await exports.whenFinished(jobId);

    expect(demoEntries.length).toBeGreaterThan(3);
    expect(status.state).toBe('cancelled');
    expect(status.done).toBe(1);
    expect(events.map((e) => e.state)).toEqual(['running', 'running', 'cancelled']);
    expect(events.at(-1)).toMatchObject({ done: 1, total: demoEntries.length });
    // Only the entry finished before the cancel was saved; nothing half-written remains.
    expect(fs.readdirSync(folder)).toEqual([pdfFileName(demoEntries[0]?.title ?? '')]);
    // Nothing more happens later.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(events).toHaveLength(3);
    expect(fs.readdirSync(folder)).toHaveLength(1);
    // Cancelling again, or an unknown job, answers plainly.
    expect(exports.cancel(jobId).state).toBe('cancelled');
    expect(() => exports.cancel('01ARZ3NDEKTSV4RRFFQ69G5FAV')).toThrow(/no such export/);
  });

  it('never writes a combined PDF that was cancelled', async () => {
    const file = path.join(freshDir('combined-cancelled'), 'notebook.pdf');
    let jobId = '';
    const { exports, events } = exportsWith(chosen({ file }), (event) => {
      if (event.state === 'running' && event.done === 2) exports.cancel(jobId);
    });
    const start = await exports.startBatch({ source: { notebookId: demoNotebookId }, combined: true });
    if (start.declined) throw new Error('declined');
    jobId = start.jobId;
    const status = await exports.whenFinished(jobId);
    expect(status).toMatchObject({ state: 'cancelled', done: 2, files: [] });
    expect(events.map((e) => e.done)).toEqual([0, 1, 2, 2]);
    expect(fs.readdirSync(path.dirname(file))).toEqual([]);
  });
});

describe('one combined PDF', () => {
  it('holds every entry of the notebook with a bookmark each, handed back for a download', async () => {
    const { exports, events } = exportsWith(downloadSink());
    const start = await exports.startBatch({
      source: { notebookId: demoNotebookId },
      combined: true,
      paper: 'letter',
    });
    if (start.declined) throw new Error('declined');
    expect(start.total).toBe(demoEntries.length);
    const status = await exports.whenFinished(start.jobId);
    expect(status.state).toBe('done');
    expect(events.map((e) => e.done)).toEqual([...demoEntries.keys(), demoEntries.length]);
    const [file] = status.files;
    expect(file).toMatchObject({ name: `${pdfFileName(DEMO_NOTEBOOK)}`, entryCount: demoEntries.length });
    const bytes = Buffer.from(file?.dataBase64 ?? '', 'base64');
    expect(bytes.byteLength).toBe(file?.byteLength);
    const doc = await PDFDocument.load(bytes);
    expect(outlineTitles(doc)).toEqual(demoEntries.map((e) => e.title));
    expect(doc.getPageCount()).toBeGreaterThan(demoEntries.length);
    // Letter: 612 x 792 points.
    expect(doc.getPage(0).getSize()).toEqual({ width: 612, height: 792 });
    const verified = await verifyPdf(bytes, profile);
    expect(verified.ok, verified.problems.join('; ')).toBe(true);
    expect(verified.records).toHaveLength(demoEntries.length);
  });
});

describe('one entry', () => {
  it('records unsaved edits as a revision first, so the PDF shows the entry as it stands', async () => {
    const handlers = createHandlers(profile);
    const notebook = await handlers['notebooks.create']({ name: 'Export checks' });
    const entry = await handlers['entries.create']({ notebookId: notebook.id, title: 'Quick note: PCR gel' });
    await handlers['entries.saveDraft']({
      id: entry.id,
      content: documentOf(paragraph('Band at 450 bp, lane quokkaprimer.')),
      baseVersion: entry.draftVersion,
    });
    const file = path.join(freshDir('single'), 'gel.pdf');
    const { exports } = exportsWith(chosen({ file }));
    const result = await exports.exportEntry(entry.id, 'a4');
    expect(result).toMatchObject({ declined: false, file: { name: 'gel.pdf', path: file, entryCount: 1 } });
    expect(pdftotext(file)).toContain('quokkaprimer');
    const revisions = await handlers['entries.revisions']({ id: entry.id });
    expect(revisions.map((r) => r.reason)).toEqual(['created', 'checkpoint']);
  });

  it('writes nothing when the save dialog is closed', async () => {
    const { exports, events } = exportsWith(chosen(null));
    const entryId = demoEntries[0]?.id ?? '';
    expect(await exports.exportEntry(entryId)).toEqual({ declined: true });
    expect(await exports.startBatch({ source: { entryIds: [entryId] }, combined: false })).toEqual({
      declined: true,
    });
    expect(events).toEqual([]);
  });
});

describe('problems, in plain words', () => {
  it('a folder that cannot be written fails the job with a message and keeps the entries', async () => {
    const folder = path.join(work.dir, 'gone');
    const { exports, events, logged } = exportsWith(chosen({ folder }));
    const start = await exports.startBatch({ source: { entryIds: [demoEntries[1]?.id ?? ''] }, combined: false });
    if (start.declined) throw new Error('declined');
    const status = await exports.whenFinished(start.jobId);
    expect(status.state).toBe('failed');
    expect(status.message).toBe(
      `The export stopped while printing "${demoEntries[1]?.title}". Your entries are unchanged; details are in the log.`,
    );
    expect(events.at(-1)).toMatchObject({ state: 'failed', message: status.message });
    expect(String(logged[0])).toContain('ENOENT');
  });

  it('answers through the IPC contract: unknown ids, empty notebooks, and hosts without a renderer', async () => {
    const withPdf = createHandlers(profile, {
      pdf: { renderer: async () => renderer, sink: chosen(null), progress: () => undefined },
    });
    const missing = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
    expect(await dispatch(withPdf, 'pdf.exportEntry', { entryId: missing })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(await dispatch(withPdf, 'pdf.job', { jobId: missing })).toMatchObject({ ok: false, code: 'not_found' });
    const empty = await dispatch(withPdf, 'notebooks.create', { name: 'Nothing yet' });
    const emptyId = (empty as { data: { id: string } }).data.id;
    expect(await dispatch(withPdf, 'pdf.exportBatch', { source: { notebookId: emptyId }, combined: true })).toEqual({
      ok: false,
      code: 'invalid_input',
      message: 'The notebook "Nothing yet" has no entries to export.',
    });
    expect(
      await dispatch(withPdf, 'pdf.exportBatch', {
        source: { notebookId: emptyId, entryIds: [missing] },
        combined: true,
      }),
    ).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await dispatch(withPdf, 'pdf.exportEntry', { entryId: demoEntries[0]?.id, paper: 'a3' })).toMatchObject({
      ok: false,
      code: 'invalid_input',
    });
    const bare = createHandlers(profile);
    expect(await dispatch(bare, 'pdf.exportEntry', { entryId: demoEntries[0]?.id })).toMatchObject({
      ok: false,
      code: 'unavailable',
    });
  });
});
