import path from 'node:path';

/** The repository root, found from this file so commands work from any folder. */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/** Where `npm run build:renderer` puts the renderer; every host serves it from here. */
export const RENDERER_DIST = path.join(REPO_ROOT, 'dist', 'renderer');
