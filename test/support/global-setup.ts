import { buildRenderer, isRendererBuildFresh } from './renderer-build';

/**
 * Builds the renderer once for the whole run, so every test serves the same
 * production bundle the app ships. PERSIST_SKIP_BUILD=1 reuses an up-to-date
 * build (handy while iterating on tests only).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.PERSIST_SKIP_BUILD === '1' && isRendererBuildFresh()) return;
  await buildRenderer();
}
