import type { BrowserContext, Page } from '@playwright/test';

/**
 * Source text that runs a self-contained function in the page with a JSON
 * argument. Sent as text, like the harness bridge: tsx (esbuild with
 * keepNames) may wrap inner functions in a `__name(fn, "name")` helper that
 * exists only in Node, so the page gets a no-op stand-in for it.
 */
function sourceOf<A>(fn: (arg: A) => unknown, arg: A): string {
  return `(() => { const __name = (f) => f; return (${fn.toString()})(${JSON.stringify(arg)}); })()`;
}

/** Runs `fn(arg)` in the page and returns its (awaited, JSON-cloned) result. */
export async function inPage<A, R>(page: Page, fn: (arg: A) => R, arg: A): Promise<Awaited<R>> {
  return (await page.evaluate(sourceOf(fn, arg))) as Awaited<R>;
}

/** Runs `fn(arg)` in every page of the context before the page's own scripts. */
export async function beforePageScripts<A>(context: BrowserContext, fn: (arg: A) => unknown, arg: A): Promise<void> {
  await context.addInitScript({ content: sourceOf(fn, arg) });
}
