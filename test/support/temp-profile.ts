import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openProfile, type CoreContext, type OpenProfileOptions } from '../../electron/core/index';

/** A fresh folder under the OS temp dir, removed by the returned cleanup. */
export function tempDir(prefix = 'persist-test-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Opens a real profile (real SQLite file) in a fresh temp folder. */
export function tempProfile(options: OpenProfileOptions = {}): CoreContext & { cleanup: () => void } {
  const { dir, cleanup } = tempDir();
  const ctx = openProfile(dir, { user: 'tester', ...options });
  return Object.assign(ctx, {
    cleanup: () => {
      ctx.close();
      cleanup();
    },
  });
}

/** A controllable clock for checkpoint timing tests. */
export function manualClock(start = Date.parse('2026-11-26T09:00:00.000Z')) {
  let t = start;
  return {
    now: () => new Date(t).toISOString(),
    advance: (ms: number) => {
      t += ms;
    },
  };
}
