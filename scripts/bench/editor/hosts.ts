import type { Browser, BrowserContext, Page } from '@playwright/test';
import { openProfile, type CoreContext } from '../../../electron/core/index';
import type { LexicalState } from '../../../shared/domain/types';
import { HarnessHost, installHarnessBridge } from '../../../test/support/bridge';
import { APP_URL, serveRenderer } from '../../../test/support/serve-renderer';
import { beforePageScripts } from './in-page';
import { countReactCommits } from './react-commits';

/** The tests' window size: the entry pane is as wide as on a laptop screen. */
export const VIEWPORT = { width: 1280, height: 800 };

export interface BenchPage {
  page: Page;
  context: BrowserContext;
  /** Page errors, console errors and requests to other origins: a valid run has none. */
  problems: string[];
  close(): Promise<void>;
}

function watch(page: Page, problems: string[]): void {
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
}

export interface PersistPage extends BenchPage {
  ctx: CoreContext;
  host: HarnessHost;
}

/**
 * The real app as the e2e tests run it (test/support/app-session.ts does the
 * same with dist/renderer): the built renderer served on the app origin,
 * window.persist routed to the real core over the real profile, autosave on.
 * `prepare` runs on the core before the page opens, to create the entries.
 */
export async function openPersist(
  browser: Browser,
  rendererDist: string,
  profileDir: string,
  prepare: (ctx: CoreContext) => Promise<void>,
): Promise<PersistPage> {
  const ctx = openProfile(profileDir, { user: 'bench' });
  const problems: string[] = [];
  try {
    await prepare(ctx);
    const host = new HarnessHost(ctx);
    const context = await browser.newContext({ viewport: VIEWPORT });
    await serveRenderer(context, rendererDist, problems);
    await installHarnessBridge(context, host);
    await countReactCommits(context);
    const page = await context.newPage();
    watch(page, problems);
    await page.goto(APP_URL);
    await page.locator('.app[aria-busy="false"]').waitFor();
    return {
      page,
      context,
      ctx,
      host,
      problems,
      close: async () => {
        await context.close();
        ctx.close();
      },
    };
  } catch (error) {
    ctx.close();
    throw error;
  }
}

/** The bare Lexical page, served the same way (same origin, same route), holding `content`. */
export async function openBare(browser: Browser, bareDist: string, content: LexicalState): Promise<BenchPage> {
  const problems: string[] = [];
  const context = await browser.newContext({ viewport: VIEWPORT });
  await serveRenderer(context, bareDist, problems);
  await beforePageScripts(
    context,
    (json: string) => {
      (window as unknown as Record<string, unknown>).__BENCH_DOCUMENT__ = json;
    },
    JSON.stringify(content),
  );
  await countReactCommits(context);
  const page = await context.newPage();
  watch(page, problems);
  await page.goto(APP_URL);
  await page.locator('.editor-content[contenteditable="true"]').waitFor();
  return { page, context, problems, close: () => context.close() };
}
