/** The notebook engine's public surface, for electron/main, the CLI and tests. */
export { openProfile, type CoreContext, type OpenProfileOptions } from './context';
export { createHandlers } from './handlers';
export { dispatch, type Handlers } from './dispatch';
export { resolveProfileDir, databasePath } from './profile';
export { verifyChains, type ChainReport } from './revisions';
