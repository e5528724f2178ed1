/**
 * The core's public surface without the template engine loaded: for the CLI,
 * whose read-only commands (info on an existing profile, verify, search)
 * should not pay the ~0.5-0.9 s the units library costs to load. Anything
 * that evaluates blocks (seeding a new profile, saving, templates.import,
 * query.run) needs `await loadEngine()` first. electron/core/index.ts is the
 * same surface with the engine loaded.
 */
export { openProfile, type CoreContext, type OpenProfileOptions } from './context';
export { createHandlers } from './handlers';
export { dispatch, type Handlers } from './dispatch';
export { resolveProfileDir, databasePath } from './profile';
export { verifyChains, type ChainReport } from './revisions';
export { loadEngine, engineLoaded } from './engine';
