import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { PDFDict, PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/core/index';
import { ChromiumPdfRenderer } from '../../electron/core/pdf/chromium-renderer';
import { exportCombinedPdf, exportEntryPdf, notebookEntryIds, verifyPdf } from '../../electron/core/pdf/index';
import { DEMO_NOTEBOOK } from '../../shared/demo/index';
import { documentOf, heading, paragraph, table } from '../../shared/domain/lexical-build';
import type { LexicalNodeJson } from '../../shared/domain/types';
import { sha256Hex } from '../../shared/record/canonical-json';
import type { RevisionRecord } from '../../shared/record/revision-record';
import { PROTOCOL_BLOCK } from '../../shared/templates/block';
import { evaluateBlock } from '../../shared/templates/evaluate';
import { runCli } from '../support/child-cli';
import { REPO_ROOT } from '../support/paths';
import { tempDir, tempProfile } from '../support/temp-profile';

/**
 * PDF records end to end: the print view built from the sources, printed by
 * real Chromium, finished with pdf-lib, then read back with poppler's tools
 * (pdftotext, pdfinfo, pdffonts, pdftoppm, pdfimages, pdfdetach) the way an
 * auditor's machine would read them. One Chromium serves the whole file.
 */

type Profile = ReturnType<typeof tempProfile>;

let profile: Profile;
let work: { dir: string; cleanup: () => void };
let printRoot: string;
let renderer: ChromiumPdfRenderer;
let wideEntryId: string;
let imageEntryId: string;
let imageSha: string;

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const text = (file: string) => run('pdftotext', ['-layout', file, '-']);
/** Text without any whitespace: pdftotext breaks lines inside table cells. */
const squash = (s: string) => s.replace(/\s+/g, '');

function info(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of run('pdfinfo', [file]).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) out[m[1] as string] = m[2] as string;
  }
  return out;
}

function write(name: string, bytes: Uint8Array): string {
  const file = path.join(work.dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

// A real PNG (RGB, 8 bit): two colour bands, so the picture is not blank.
function crc32(bytes: Buffer): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k += 1) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

function makePng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows: number[] = [];
  for (let y = 0; y < height; y += 1) {
    rows.push(0);
    for (let x = 0; x < width; x += 1) rows.push(...(y < height / 2 ? [200, 40, 40] : [30, 90, 160]));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Pixels darker than near-white in a PGM image (what pdftoppm -gray writes). */
function inkedPixels(pgm: Buffer): number {
  // Header: "P5\n<w> <h>\n<max>\n" then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a PGM file');
  let inked = 0;
  for (let i = header[0].length; i < pgm.length; i += 1) if ((pgm[i] as number) < 200) inked += 1;
  return inked;
}

function demoEntry(titleStart: string): string {
  const row = profile.db.prepare('SELECT id FROM entries WHERE title LIKE ?').get(`${titleStart}%`) as { id: string };
  return row.id;
}

function headRecord(entryId: string): { record: RevisionRecord; canonical: string; hash: string } {
  const row = profile.db
    .prepare('SELECT record, hash FROM revisions WHERE entry_id = ? ORDER BY seq DESC LIMIT 1')
    .get(entryId) as { record: string; hash: string };
  return { record: JSON.parse(row.record) as RevisionRecord, canonical: row.record, hash: row.hash };
}

const COLUMNS = Array.from({ length: 14 }, (_, i) => `Column${String(i + 1).padStart(2, '0')}`);

beforeAll(async () => {
  work = tempDir('persist-pdf-');
  profile = tempProfile();
  // The print view built from the sources into a private folder: no race with other builds of dist/renderer.
  printRoot = path.join(work.dir, 'renderer');
  const { build } = await import('vite');
  await build({
    configFile: path.join(REPO_ROOT, 'renderer', 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: printRoot, emptyOutDir: true },
  });
  renderer = await ChromiumPdfRenderer.launch({ printRoot });

  const handlers = createHandlers(profile);
  const notebook = (await handlers['notebooks.create']({ name: 'PDF checks' })).id;
  const wideRows = [COLUMNS, COLUMNS.map((c, i) => `value${i + 1}-${c.toLowerCase()}-unbreakablelongword`)];
  const wide = await handlers['entries.create']({
    notebookId: notebook,
    title: 'Fourteen-column plate readout',
    content: documentOf(heading('h2', 'Readout'), table(wideRows), paragraph('After the table.')),
  });
  wideEntryId = wide.id;
  const png = makePng(64, 48);
  const attached = await handlers['attachments.put']({ name: 'gel.png', dataBase64: png.toString('base64') });
  imageSha = attached.sha256;
  const imageNode: LexicalNodeJson = {
    type: 'attachment-image',
    version: 1,
    sha256: imageSha,
    alt: 'Western blot gel',
  };
  const withImage = await handlers['entries.create']({
    notebookId: notebook,
    title: 'Gel image',
    content: documentOf(paragraph('The gel:'), imageNode, paragraph('End.')),
  });
  imageEntryId = withImage.id;
}, 180_000);

afterAll(async () => {
  await renderer?.close();
  profile?.cleanup();
  work?.cleanup();
});

describe('PDF of the demo IC50 entry', () => {
  let file: string;
  let entryId: string;

  beforeAll(async () => {
    entryId = demoEntry('72-h cisplatin IC50');
    const { bytes } = await exportEntryPdf(profile, renderer, entryId);
    file = write('ic50.pdf', bytes);
  });

  it('has the title, the field values with their units and the computed values as text', () => {
    const pdfText = squash(text(file));
    const { record } = headRecord(entryId);
    expect(pdfText).toContain(squash(record.title));
    expect(pdfText).toContain(squash(DEMO_NOTEBOOK.toUpperCase()));
    for (const value of ['100 µM', '5000 cells', '72 h', '185000', 'cisplatin lot DEMO-CIS-01']) {
      expect(pdfText).toContain(squash(value));
    }
    // Every computed value the editor would show, computed by the same engine on the revision's date.
    const node = (record.content.root.children ?? []).find((n) => n.type === 'protocol-block');
    const block = PROTOCOL_BLOCK.parse(node);
    const template = profile.db
      .prepare('SELECT definition FROM templates WHERE id = ? AND version = ?')
      .get(block.templateId, block.templateVersion) as { definition: string };
    const evaluation = evaluateBlock(JSON.parse(template.definition), block.values, {
      today: record.createdAt.slice(0, 10),
      user: 'tester',
    });
    const shown = Object.values(evaluation.computed).flatMap((c) => (c.ok ? [c.display] : []));
    expect(shown.length).toBeGreaterThan(3);
    for (const display of shown) expect(pdfText).toContain(squash(display));
    expect(pdfText).toContain(squash('IC50 3.00 µM'));
  });

  it('has the header, the audit trail, the signature block and a footer on every page', () => {
    const { hash } = headRecord(entryId);
    const pages = Number(info(file).Pages);
    const pdfText = text(file);
    expect(squash(pdfText)).toContain(squash(`Entry ID ${entryId}`));
    expect(squash(pdfText)).toContain(squash(`Record SHA-256 ${hash}`));
    expect(pdfText).toContain('Audit trail');
    expect(pdfText).toContain('Not signed.');
    for (let p = 1; p <= pages; p += 1) {
      const page = run('pdftotext', ['-f', String(p), '-l', String(p), file, '-']);
      expect(page).toContain(`Page ${p} of ${pages}`);
      expect(page).toContain(`${entryId} · rev 1 · SHA-256 ${hash.slice(0, 16)}`);
    }
  });

  it('carries the metadata, PDF 1.7 and only embedded shipped fonts', () => {
    const meta = info(file);
    const { hash, record } = headRecord(entryId);
    expect(meta.Title).toBe(record.title);
    expect(meta.Author).toBe('tester');
    expect(meta.Creator).toMatch(/^Persist /);
    expect(meta.Producer).toMatch(/pdf-lib 1\.17\.1/);
    expect(meta.Keywords).toContain(`record-sha256:${hash}`);
    expect(meta['PDF version']).toBe('1.7');
    expect(meta['Page size']).toContain('(A4)');
    expect(Number(meta.Pages)).toBeGreaterThanOrEqual(2);
    const xmp = run('pdfinfo', ['-meta', file]);
    expect(xmp).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(xmp).toContain(`record-sha256:${hash}`);
    const fonts = run('pdffonts', [file]).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font).toMatch(/\+NotoSans/); // shipped with the app, not a machine font
      expect(font).not.toContain('Type 3');
      expect(font).toMatch(/\byes\s+yes\s+yes\b/); // embedded, subset, with a ToUnicode map
    }
  });

  it('renders every page with ink on it (no blank page)', () => {
    const pages = Number(info(file).Pages);
    const prefix = path.join(work.dir, 'ic50-page');
    run('pdftoppm', ['-r', '30', '-gray', file, prefix]);
    const images = fs.readdirSync(work.dir).filter((f) => f.startsWith('ic50-page') && f.endsWith('.pgm'));
    expect(images).toHaveLength(pages);
    for (const image of images) expect(inkedPixels(fs.readFileSync(path.join(work.dir, image)))).toBeGreaterThan(500);
  });

  it('attaches the canonical record byte for byte, as an associated file, and verifies', async () => {
    const out = path.join(work.dir, 'detached');
    fs.mkdirSync(out);
    expect(run('pdfdetach', ['-list', file])).toContain(`persist-entry-${entryId}-rev1.json`);
    run('pdfdetach', ['-saveall', '-o', out, file]);
    const attached = fs.readFileSync(path.join(out, `persist-entry-${entryId}-rev1.json`), 'utf8');
    const { canonical, hash } = headRecord(entryId);
    expect(attached).toBe(canonical);
    expect(sha256Hex(attached)).toBe(hash);
    const doc = await PDFDocument.load(fs.readFileSync(file));
    const af = doc.catalog.lookup(PDFName.of('AF'));
    expect(af?.toString()).toMatch(/\d+ 0 R/);
    expect(doc.catalog.lookup(PDFName.of('OutputIntents'))?.toString()).toMatch(/\d+ 0 R/);
    const result = await verifyPdf(fs.readFileSync(file), profile);
    expect(result.ok).toBe(true);
    expect(result.records[0]?.stored).toBe('match');
    expect(result.records[0]?.footerPages).toBe(result.pages);
  });
});

describe('wide tables, images and paper', () => {
  it('keeps every column of a 14-column table, wrapped, not cropped', async () => {
    const { bytes } = await exportEntryPdf(profile, renderer, wideEntryId);
    const file = write('wide.pdf', bytes);
    // Reading order (not -layout): poppler reads a wrapped cell's lines together, but drops a
    // hyphen that ends a line, so hyphens are left out of the comparison.
    const pdfText = squash(run('pdftotext', [file, '-'])).replace(/-/g, '');
    for (const [i, column] of COLUMNS.entries()) {
      expect(pdfText).toContain(column);
      expect(pdfText).toContain(`value${i + 1}${column.toLowerCase()}unbreakablelongword`);
    }
    expect(pdfText).toContain('Afterthetable.');
  });

  it('prints an attached image (pdfimages lists it at its size)', async () => {
    const { bytes, job } = await exportEntryPdf(profile, renderer, imageEntryId);
    expect(job.missingImages).toEqual([]);
    expect(Object.keys(job.model.images)).toEqual([imageSha]);
    const file = write('image.pdf', bytes);
    const list = run('pdfimages', ['-list', file]).split('\n').slice(2).filter(Boolean);
    expect(list.some((line) => /^\s*1\s+\d+\s+image\s+64\s+48\s/.test(line))).toBe(true);
    expect(text(file)).toContain('Western blot gel');
  });

  it('prints on Letter paper when asked', async () => {
    const { bytes } = await exportEntryPdf(profile, renderer, wideEntryId, { paper: 'letter' });
    expect(info(write('letter.pdf', bytes))['Page size']).toContain('612 x 792');
  });
});

describe('combined notebook PDF', () => {
  it('holds every entry with a bookmark each and verifies against the profile', async () => {
    const { entryIds } = notebookEntryIds(profile, DEMO_NOTEBOOK);
    const { bytes, jobs } = await exportCombinedPdf(profile, renderer, entryIds, { title: DEMO_NOTEBOOK });
    const file = write('combined.pdf', bytes);
    expect(run('pdfdetach', ['-list', file])).toContain(`${entryIds.length} embedded files`);
    const doc = await PDFDocument.load(bytes);
    const outlines = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    expect((outlines.lookup(PDFName.of('Count'), PDFNumber) as PDFNumber).asNumber()).toBe(entryIds.length);
    const pdfText = squash(text(file));
    for (const job of jobs) expect(pdfText).toContain(squash(job.model.entry.title));
    const result = await verifyPdf(bytes, profile);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.records.map((r) => r.entryId)).toEqual(entryIds);
  });
});

describe('persist pdf and pdf-verify (the CLI as a child process)', () => {
  const env = () => ({ PERSIST_PRINT_ROOT: printRoot });

  it('prints one entry, verifies it, and fails an altered record with exit 1', async () => {
    const out = path.join(work.dir, 'cli-ic50.pdf');
    const entryId = demoEntry('72-h cisplatin IC50');
    const made = await runCli(
      ['pdf', '--profile', profile.profileDir, entryId, '--out', out, '--paper', 'letter'],
      env(),
    );
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    expect(made.stdout).toContain(headRecord(entryId).hash);

    const ok = await runCli(['pdf-verify', out, '--profile', profile.profileDir, '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, records: [{ entryId, stored: 'match' }] });

    // Swap the attached record for an edited one, keeping everything else.
    const doc = await PDFDocument.load(fs.readFileSync(out));
    const { canonical } = headRecord(entryId);
    const altered = canonical.replace('"72-h cisplatin IC50', '"72-h carboplatin IC50');
    expect(altered).not.toBe(canonical);
    const names = doc.catalog.lookup(PDFName.of('Names'), PDFDict);
    names.delete(PDFName.of('EmbeddedFiles'));
    await doc.attach(Buffer.from(altered), `persist-entry-${entryId}-rev1.json`, { mimeType: 'application/json' });
    const tampered = path.join(work.dir, 'cli-ic50-tampered.pdf');
    fs.writeFileSync(tampered, await doc.save());
    const bad = await runCli(['pdf-verify', tampered]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/pdf-verify failed: .*SHA-256/);
    expect(bad.stdout).toContain('MISMATCH');

    const notPdf = await runCli(['pdf-verify', path.join(REPO_ROOT, 'package.json')]);
    expect(notPdf.code).toBe(2);
  });

  it('prints a notebook as one PDF per entry', async () => {
    const out = path.join(work.dir, 'cli-notebook');
    const made = await runCli(
      ['pdf', '--profile', profile.profileDir, '--notebook', 'PDF checks', '--out', out],
      env(),
    );
    expect(made.code).toBe(0);
    const files = fs.readdirSync(out).sort();
    expect(files).toEqual([`Fourteen-column-plate-readout-${wideEntryId}.pdf`, `Gel-image-${imageEntryId}.pdf`]);
    const checked = await runCli(['pdf-verify', path.join(out, files[1] as string), '--profile', profile.profileDir]);
    expect(checked.code).toBe(0);
  });

  it('refuses bad arguments without writing anything', async () => {
    const out = path.join(work.dir, 'never.pdf');
    const noOut = await runCli(['pdf', '--profile', profile.profileDir, wideEntryId], env());
    expect(noOut.code).toBe(2);
    const badPaper = await runCli(
      ['pdf', '--profile', profile.profileDir, wideEntryId, '--out', out, '--paper', 'a5'],
      env(),
    );
    expect(badPaper.code).toBe(2);
    expect(badPaper.stderr).toContain('--paper must be a4 or letter');
    const unknown = await runCli(
      ['pdf', '--profile', profile.profileDir, '01ZZZZZZZZZZZZZZZZZZZZZZZZ', '--out', out],
      env(),
    );
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('There is no entry 01ZZZZZZZZZZZZZZZZZZZZZZZZ');
    expect(fs.existsSync(out)).toBe(false);
  });
});
