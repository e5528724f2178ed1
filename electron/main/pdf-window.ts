import { BrowserWindow } from 'electron';
import type { PrintModel } from '../../shared/pdf/print-model';
import type { PdfRenderer } from '../core/pdf/pdf-renderer';
import { PAPER_FORMAT } from '../core/pdf/page-setup';
import { denyAllPermissions, guardWebContents } from './guards';
import { LOCKED_DOWN } from './web-preferences';
import { openExternalSafely } from './window';
import { SerialQueue } from '../core/serial-queue';

/**
 * The Electron PDF renderer: a hidden, sandboxed window (no preload, so the
 * print page has no door to the core at all) loads the print view from the
 * app's own protocol, receives the model as plain data, and prints with
 * webContents.printToPDF once the page says fonts and images are ready.
 * Size, margins and footer come from the print view's @page rule, as with
 * Chromium (core/pdf/page-setup.ts). Kept thin: the page and the
 * post-processing are the tested parts.
 */
export class ElectronPdfRenderer implements PdfRenderer {
  private window: BrowserWindow | null = null;
  private readonly queue = new SerialQueue();

  constructor(
    /** persist-app://app/print.html, or the dev server's print.html. */
    private readonly printUrl: string,
    private readonly appOrigin: string,
  ) {}

  private async open(): Promise<BrowserWindow> {
    if (this.window && !this.window.isDestroyed()) return this.window;
    const window = new BrowserWindow({
      show: false,
      width: 900,
      height: 1200,
      webPreferences: {
        ...LOCKED_DOWN,
        javascript: true,
        spellcheck: false,
      },
    });
    guardWebContents(window.webContents, { appOrigin: this.appOrigin, openExternal: openExternalSafely });
    denyAllPermissions(window.webContents.session);
    await window.loadURL(this.printUrl);
    this.window = window;
    return window;
  }

  render(model: PrintModel): Promise<Uint8Array> {
    return this.queue.run(() => this.renderNow(model));
  }

  private async renderNow(model: PrintModel): Promise<Uint8Array> {
    const window = await this.open();
    // The model is JSON: a valid JavaScript expression, evaluated in the page's own (isolated) world.
    await window.webContents.executeJavaScript(`window.persistPrint.render(${JSON.stringify(model)})`, true);
    const pdf = await window.webContents.printToPDF({
      pageSize: PAPER_FORMAT[model.paper],
      preferCSSPageSize: true,
      printBackground: true,
    });
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  }

  async close(): Promise<void> {
    if (this.window && !this.window.isDestroyed()) this.window.destroy();
    this.window = null;
  }
}
