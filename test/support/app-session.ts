import type { Browser, BrowserContext, Page } from '@playwright/test';
import { openProfile, type CoreContext } from '../../electron/core';
import type { EVENT_NAMES } from '../../shared/ipc/names';
import { emitToPage, type Fault, HarnessHost, installHarnessBridge } from './bridge';
import { RENDERER_DIST } from './paths';
import { APP_URL, serveRenderer } from './serve-renderer';

export interface OpenAppOptions {
  browser: Browser;
  /** The profile folder (created and seeded with the Welcome notebook when new). */
  profileDir: string;
  /** null lets the window size itself (the visible preview). */
  viewport?: { width: number; height: number } | null;
  /** Who the core records as author (default: PERSIST_USER or the OS user). */
  user?: string;
}

/**
 * The renderer running against the real core over a real profile, with the
 * Electron glue swapped for Playwright: a second host of the IPC contract.
 */
export class PersistApp {
  /** Uncaught page errors and console errors, per page: a healthy app has none. */
  readonly problems: string[] = [];
  /** Requests the renderer tried to send anywhere but its own origin. */
  readonly refused: string[] = [];
  readonly profileDir: string;
  private readonly options: OpenAppOptions;
  private current: { ctx: CoreContext; context: BrowserContext; page: Page; host: HarnessHost } | null = null;

  private constructor(options: OpenAppOptions) {
    this.options = options;
    this.profileDir = options.profileDir;
  }

  static async open(options: OpenAppOptions): Promise<PersistApp> {
    const app = new PersistApp(options);
    await app.start();
    return app;
  }

  private get state() {
    if (!this.current) throw new Error('The app is closed.');
    return this.current;
  }

  /** The page opened first (or by the last reopen()). */
  get page(): Page {
    return this.state.page;
  }

  /** The core over this profile: query it to check what was really stored. */
  get ctx(): CoreContext {
    return this.state.ctx;
  }

  get context(): BrowserContext {
    return this.state.context;
  }

  get host(): HarnessHost {
    return this.state.host;
  }

  private async start(): Promise<void> {
    const ctx = openProfile(this.profileDir, { user: this.options.user });
    const host = new HarnessHost(ctx);
    const viewport = this.options.viewport === undefined ? { width: 1280, height: 800 } : this.options.viewport;
    const context = await this.options.browser.newContext({ viewport });
    await serveRenderer(context, RENDERER_DIST, this.refused);
    await installHarnessBridge(context, host);
    this.current = { ctx, context, host, page: await this.openPage(context) };
  }

  private async openPage(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (error) => this.problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') this.problems.push(`console error: ${message.text()}`);
    });
    await page.goto(APP_URL);
    await page.locator('.app[aria-busy="false"]').waitFor();
    return page;
  }

  /** A second window on the same profile and core, like opening the app again. */
  async newPage(): Promise<Page> {
    return this.openPage(this.state.context);
  }

  /** Closes the browser context and the database, then opens both again: a restart. */
  async reopen(): Promise<Page> {
    await this.shutdown();
    await this.start();
    return this.page;
  }

  /** Makes the next `times` calls of a channel fail with the given error. */
  failNext(channel: Parameters<HarnessHost['failNext']>[0], fault: Fault, times = 1): void {
    this.host.failNext(channel, fault, times);
  }

  /** Pushes an event to every open page. */
  async emit(event: (typeof EVENT_NAMES)[number], payload: unknown): Promise<void> {
    for (const page of this.state.context.pages()) await emitToPage(page, event, payload);
  }

  private async shutdown(): Promise<void> {
    if (!this.current) return;
    const { context, ctx, host } = this.current;
    this.current = null;
    await host.close();
    await context.close();
    ctx.close();
  }

  async close(): Promise<void> {
    await this.shutdown();
  }
}
