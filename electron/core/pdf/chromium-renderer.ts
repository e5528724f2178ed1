import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page, Route } from 'playwright-core';
import { PersistError } from '../../../shared/ipc/errors';
import type { PrintModel } from '../../../shared/pdf/print-model';
import { PAPER_FORMAT } from './page-setup';
import { PRINT_PAGE, type PdfRenderer } from './pdf-renderer';
import { fulfillFromFolder } from './routed-files';
import { SerialQueue } from '../serial-queue';

/**
 * The PDF renderer for hosts without Electron (the CLI, the tests, the
 * benchmark): a headless Chromium driven by playwright-core prints the same
 * print view as Electron's hidden window.
 *
 * The built print page is served on a fake origin through request routing,
 * as the test harness serves the app: no socket, no port, and `.invalid`
 * never resolves, so every other request is refused and a print can never
 * reach the network. One browser and one page are reused for every entry
 * (fonts load once); renders are queued, one at a time.
 */

export const PRINT_ORIGIN = 'https://persist-print.invalid';

export interface ChromiumRendererOptions {
  /** Chromium's executable: $PERSIST_CHROMIUM, else /usr/bin/chromium. */
  executablePath?: string;
  /** The built renderer folder holding print.html: $PERSIST_PRINT_ROOT, else <repo>/dist/renderer. */
  printRoot?: string;
  /** Longest wait for one entry to lay out and print (default 60 s). */
  timeoutMs?: number;
}

/** Flags that keep Chromium offline and quiet in containers and on build machines. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export function defaultChromiumPath(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return env.PERSIST_CHROMIUM || '/usr/bin/chromium';
}

/** The renderer build next to the sources (the repository's dist/renderer). */
export function defaultPrintRoot(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return env.PERSIST_PRINT_ROOT || path.resolve(import.meta.dirname, '../../../dist/renderer');
}

async function serve(route: Route, root: string): Promise<void> {
  const url = new URL(route.request().url());
  if (url.origin !== PRINT_ORIGIN) return route.abort('blockedbyclient');
  return fulfillFromFolder(route, root, url.pathname);
}

/** The page side of the print view (renderer/print/print-api.ts), as the core sees it. */
type PrintWindow = { persistPrint?: { render: (model: PrintModel) => Promise<void> } };

export class ChromiumPdfRenderer implements PdfRenderer {
  private readonly queue = new SerialQueue();
  private readonly pageErrors: string[] = [];

  private constructor(
    private readonly browser: Browser,
    private readonly page: Page,
    private readonly timeoutMs: number,
  ) {
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
  }

  /** Launches Chromium and opens the print page; fails with a clear message when either is missing. */
  static async launch(options: ChromiumRendererOptions = {}): Promise<ChromiumPdfRenderer> {
    const executablePath = options.executablePath ?? defaultChromiumPath();
    const root = path.resolve(options.printRoot ?? defaultPrintRoot());
    if (!existsSync(path.join(root, PRINT_PAGE))) {
      throw new PersistError(
        'not_found',
        `The print view is not built (${path.join(root, PRINT_PAGE)} is missing): run "npm run build:renderer".`,
      );
    }
    if (!existsSync(executablePath)) {
      throw new PersistError(
        'not_found',
        `No Chromium at ${executablePath}: install one or set PERSIST_CHROMIUM to its executable.`,
      );
    }
    // Loaded here, not at the top: hosts that never print (and Electron, which prints itself) skip it.
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext({ serviceWorkers: 'block', offline: false });
      await context.route('**/*', (route) => serve(route, root));
      const page = await context.newPage();
      const timeoutMs = options.timeoutMs ?? 60_000;
      page.setDefaultTimeout(timeoutMs);
      await page.goto(`${PRINT_ORIGIN}/${PRINT_PAGE}`, { waitUntil: 'load' });
      await page.waitForFunction('typeof window.persistPrint?.render === "function"');
      return new ChromiumPdfRenderer(browser, page, timeoutMs);
    } catch (error) {
      await browser.close();
      throw error;
    }
  }

  render(model: PrintModel): Promise<Uint8Array> {
    return this.queue.run(() => this.renderNow(model));
  }

  private async renderNow(model: PrintModel): Promise<Uint8Array> {
    this.pageErrors.length = 0;
    try {
      // The model goes over as one JSON string: Playwright's own serialisation walks every
      // value of an argument and takes about a second for a long entry; a string is instant.
      await this.page.evaluate(async (json) => {
        const api = (globalThis as unknown as PrintWindow).persistPrint;
        if (!api) throw new Error('The print view did not load.');
        await api.render(JSON.parse(json) as PrintModel);
      }, JSON.stringify(model));
      await this.page.waitForFunction(
        `document.documentElement.getAttribute('data-print-ready') === ${JSON.stringify(model.entry.id)}`,
        undefined,
        { timeout: this.timeoutMs },
      );
    } catch (error) {
      const detail = this.pageErrors.length > 0 ? ` (page error: ${this.pageErrors.join('; ')})` : '';
      throw new PersistError(
        'internal',
        `Could not lay out entry ${model.entry.id} for printing: ${error instanceof Error ? error.message : String(error)}${detail}`,
      );
    }
    // Size, margins and footer come from the print view's @page rule (see page-setup.ts).
    const pdf = await this.page.pdf({
      format: PAPER_FORMAT[model.paper],
      preferCSSPageSize: true,
      printBackground: true,
    });
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  }

  /** The page, for the benchmark's bare page.pdf of the same HTML. */
  get printPage(): Page {
    return this.page;
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
