import path from 'node:path';
import { REPO_ROOT } from '../../../test/support/paths';

export interface Bundles {
  /** The real renderer, built with its own Vite config. */
  persist: string;
  /** The bare Lexical page (scripts/bench/bare-lexical). */
  bare: string;
}

/**
 * Builds both pages with Vite's JS API into folders of their own under
 * `outRoot`: the renderer with the project's config (as the test harness
 * does) but not into dist/renderer, which test runs may be rebuilding or
 * serving at the same time.
 */
export async function buildBundles(outRoot: string): Promise<Bundles> {
  const { build } = await import('vite');
  const bundles: Bundles = { persist: path.join(outRoot, 'persist'), bare: path.join(outRoot, 'bare-lexical') };
  await build({
    configFile: path.join(REPO_ROOT, 'renderer', 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: bundles.persist, emptyOutDir: true },
  });
  await build({
    configFile: path.join(REPO_ROOT, 'scripts', 'bench', 'bare-lexical', 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: bundles.bare, emptyOutDir: true },
  });
  return bundles;
}
