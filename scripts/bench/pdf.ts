/**
 * PDF benchmark (`npm run bench -- --only pdf`): the PDF record pipeline on
 * the demo profile, in headless Chromium ($PERSIST_CHROMIUM).
 *
 * - pdf_10_pages_ms: one entry of about ten pages, model → print view →
 *   page.pdf → pdf-lib post-processing (metadata, output intent, record
 *   attached), median of warm runs with one browser.
 * - pdf_vs_bare_chromium_ratio: that time against the plain page.pdf of the
 *   same HTML (the laid-out print page saved as static HTML, loaded with
 *   setContent in the same browser, fonts awaited, then page.pdf) in the same
 *   run: what the record pipeline costs above printing any page. Target <= 1.3.
 *   The page.pdf call alone (page already laid out) is reported beside it.
 * - batch_pdf_entries_per_min: every entry of the demo profile, one PDF each,
 *   one browser reused.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PDFDocument } from 'pdf-lib';
import { createHandlers, openProfile } from '../../electron/core/index';
import { ChromiumPdfRenderer } from '../../electron/core/pdf/chromium-renderer';
import { buildPrintJob, exportEntryPdf } from '../../electron/core/pdf/index';
import { documentOf, heading, list, paragraph, table } from '../../shared/domain/lexical-build';
import type { LexicalNodeJson } from '../../shared/domain/types';
import { median, round } from './stats';

export interface PdfBenchResult {
  pdf_10_pages_ms: number;
  pdf_10_pages_actual_pages: number;
  pdf_10_pages_runs: number;
  pdf_render_and_layout_ms: number;
  pdf_post_process_ms: number;
  bare_chromium_pdf_ms: number;
  /** The page.pdf call alone, page already laid out: a floor no HTML-to-PDF path can beat. */
  bare_chromium_pdf_call_ms: number;
  pdf_vs_bare_chromium_ratio: number;
  pdf_vs_bare_pdf_call_ratio: number;
  batch_pdf_entries: number;
  batch_pdf_seconds: number;
  batch_pdf_entries_per_min: number;
  chromium_launch_ms: number;
  targets: { pdf_vs_bare_chromium_within_1_3x: boolean };
}

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/** A lab-notebook-like entry: sections of prose, a list and a 12-column table each. */
function longEntry(sections: number): LexicalNodeJson[] {
  const nodes: LexicalNodeJson[] = [];
  for (let s = 1; s <= sections; s += 1) {
    nodes.push(heading('h2', `Day ${s}: passage, counts and observations`));
    nodes.push(
      paragraph(
        `Cells were split 1:4 into fresh RPMI-1640 with 10 % FBS; viability by trypan blue before seeding. ` +
          `Flask ${s} showed loose aggregates typical of NCI-H69; no contamination under the microscope. `.repeat(3),
      ),
    );
    nodes.push(list('bullet', [[`Seeded 2 × 10^5 cells/mL in flask ${s}`], ['Medium changed'], ['Counts below']]));
    const header = Array.from({ length: 12 }, (_, c) => `Well ${c + 1}`);
    const rows = Array.from({ length: 6 }, (_, r) => header.map((_, c) => `${(r + 1) * (c + 3) * 1000 + s}`));
    nodes.push(table([header, ...rows]));
  }
  return nodes;
}

async function buildPrintView(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: path.join(REPO_ROOT, 'renderer', 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
}

export async function runPdfBench(options: { rounds: number; progress: (m: string) => void }): Promise<PdfBenchResult> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'persist-bench-pdf-'));
  const ctx = openProfile(path.join(work, 'profile'), { user: 'bench' });
  let renderer: ChromiumPdfRenderer | null = null;
  try {
    options.progress('pdf: building the print view…');
    const printRoot = path.join(work, 'renderer');
    await buildPrintView(printRoot);
    const launchStart = performance.now();
    renderer = await ChromiumPdfRenderer.launch({ printRoot });
    const chromiumLaunch = performance.now() - launchStart;

    // An entry of about ten A4 pages.
    const handlers = createHandlers(ctx);
    const notebookId = (await handlers['notebooks.list']({}))[0]?.id as string;
    const entry = await handlers['entries.create']({
      notebookId,
      title: 'Ten-page passage log',
      content: documentOf(...longEntry(28)),
    });

    options.progress('pdf: ten-page entry…');
    const ours: number[] = [];
    const layout: number[] = [];
    const post: number[] = [];
    let pages = 0;
    for (let i = 0; i <= options.rounds; i += 1) {
      const t0 = performance.now();
      const { bytes } = await exportEntryPdf(ctx, renderer, entry.id);
      const total = performance.now() - t0;
      // Split out post-processing by timing a render alone right after.
      const job = buildPrintJob(ctx, entry.id);
      const r0 = performance.now();
      await renderer.render(job.model);
      const renderOnly = performance.now() - r0;
      if (i === 0) {
        pages = (await PDFDocument.load(bytes)).getPageCount();
        continue; // warm-up
      }
      ours.push(total);
      layout.push(renderOnly);
      post.push(Math.max(0, total - renderOnly));
    }

    options.progress('pdf: bare page.pdf of the same HTML…');
    // The print page as it stands after the last render, without its script: static HTML.
    const printPage = renderer.printPage;
    const html = (await printPage.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
    const bare = await printPage.context().newPage();
    await bare.goto(printPage.url());
    const bareTimes: number[] = [];
    const bareCallTimes: number[] = [];
    for (let i = 0; i <= options.rounds; i += 1) {
      const t0 = performance.now();
      await bare.setContent(html, { waitUntil: 'load' });
      await bare.evaluate('document.fonts.ready');
      const t1 = performance.now();
      await bare.pdf({ preferCSSPageSize: true, printBackground: true });
      if (i > 0) bareTimes.push(performance.now() - t0);
      if (i > 0) bareCallTimes.push(performance.now() - t1);
    }
    await bare.close();

    options.progress('pdf: batch of every entry…');
    const ids = (
      ctx.db.prepare('SELECT id FROM entries WHERE deleted_at IS NULL ORDER BY rowid').all() as Array<{ id: string }>
    ).map((r) => r.id);
    const b0 = performance.now();
    for (const id of ids) await exportEntryPdf(ctx, renderer, id);
    const batchMs = performance.now() - b0;

    const oursMedian = median(ours);
    const bareMedian = median(bareTimes);
    const ratio = Number((oursMedian / bareMedian).toFixed(2));
    return {
      pdf_10_pages_ms: round(oursMedian),
      pdf_10_pages_actual_pages: pages,
      pdf_10_pages_runs: ours.length,
      pdf_render_and_layout_ms: round(median(layout)),
      pdf_post_process_ms: round(median(post)),
      bare_chromium_pdf_ms: round(bareMedian),
      bare_chromium_pdf_call_ms: round(median(bareCallTimes)),
      pdf_vs_bare_chromium_ratio: ratio,
      pdf_vs_bare_pdf_call_ratio: Number((oursMedian / median(bareCallTimes)).toFixed(2)),
      batch_pdf_entries: ids.length,
      batch_pdf_seconds: round(batchMs / 1000),
      batch_pdf_entries_per_min: round((ids.length / batchMs) * 60_000),
      chromium_launch_ms: round(chromiumLaunch),
      targets: { pdf_vs_bare_chromium_within_1_3x: ratio <= 1.3 },
    };
  } finally {
    await renderer?.close();
    ctx.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** The PDF section of the readable table. */
export function renderPdfTable(r: PdfBenchResult): string {
  const rows: Array<[string, string]> = [
    [
      `PDF of a ${r.pdf_10_pages_actual_pages}-page entry (median of ${r.pdf_10_pages_runs})`,
      `${r.pdf_10_pages_ms} ms`,
    ],
    ['  render + layout / post-processing', `${r.pdf_render_and_layout_ms} / ${r.pdf_post_process_ms} ms`],
    ['  bare Chromium: same HTML loaded, then page.pdf', `${r.bare_chromium_pdf_ms} ms`],
    ['  the page.pdf call alone', `${r.bare_chromium_pdf_call_ms} ms (Persist / it: ${r.pdf_vs_bare_pdf_call_ratio}x)`],
    [
      '  Persist / bare Chromium',
      `${r.pdf_vs_bare_chromium_ratio}x (target <= 1.3: ${r.targets.pdf_vs_bare_chromium_within_1_3x ? 'met' : 'MISSED'})`,
    ],
    [
      'batch export, one browser',
      `${r.batch_pdf_entries_per_min} entries/min (${r.batch_pdf_entries} in ${r.batch_pdf_seconds} s)`,
    ],
    ['Chromium launch', `${r.chromium_launch_ms} ms`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return `PDF records\n${rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join('\n')}\n`;
}
