import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, RENDERER_DIST } from './paths';

const SOURCES = [path.join(REPO_ROOT, 'renderer'), path.join(REPO_ROOT, 'shared')];

/** Builds dist/renderer with Vite's JS API and the project's own config. */
export async function buildRenderer(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: path.join(REPO_ROOT, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const item of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, item.name);
    const mtime = item.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    newest = Math.max(newest, mtime);
  }
  return newest;
}

/** True when dist/renderer exists and is newer than every renderer and shared source file. */
export function isRendererBuildFresh(): boolean {
  const index = path.join(RENDERER_DIST, 'index.html');
  if (!fs.existsSync(index)) return false;
  const built = fs.statSync(index).mtimeMs;
  return SOURCES.every((dir) => newestMtime(dir) <= built);
}
