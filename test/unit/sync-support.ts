/** Helpers shared by the sync tests (test/unit/sync-*.test.ts): real profiles, real folders. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createEntry, renameEntry } from '../../electron/core/entries';
import { createNotebook } from '../../electron/core/notebooks';
import type { CoreContext } from '../../electron/core/index';
import { documentOf, heading, paragraph } from '../../shared/domain/lexical-build';

/** Every file under a folder: relative path -> size, mtime and SHA-256. */
export function snapshot(root: string): Map<string, { size: number; mtimeMs: number; sha256: string }> {
  const out = new Map<string, { size: number; mtimeMs: number; sha256: string }>();
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir)) {
      const full = path.join(dir, name);
      const stat = fs.statSync(full);
      if (stat.isDirectory()) walk(full);
      else {
        const sha256 = crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex');
        out.set(path.relative(root, full).split(path.sep).join('/'), {
          size: stat.size,
          mtimeMs: stat.mtimeMs,
          sha256,
        });
      }
    }
  };
  walk(root);
  return out;
}

/** Adds `count` entries with a little text each to a new notebook; returns their ids. */
export function addEntries(ctx: CoreContext, count: number, notebookName = 'Sync test'): string[] {
  const notebook = createNotebook(ctx, notebookName);
  const ids: string[] = [];
  ctx.db.transaction(() => {
    for (let i = 0; i < count; i += 1) {
      const content = documentOf(heading('h2', `Passage ${i}`), paragraph(`Cells split 1:${(i % 8) + 2} on day ${i}.`));
      ids.push(createEntry(ctx, { notebookId: notebook.id, title: `Passage ${i}`, content }).id);
    }
  })();
  return ids;
}

/** A new revision for each of these entries (a rename). */
export function touch(ctx: CoreContext, ids: readonly string[], suffix: string): void {
  for (const id of ids) renameEntry(ctx, id, `${id.slice(-6)} ${suffix}`);
}

/** Final names on the share that are not whole: every record.json and manifest must parse. */
export function partialFiles(root: string): string[] {
  const bad: string[] = [];
  for (const [rel] of snapshot(root)) {
    if (!rel.endsWith('.json')) continue;
    try {
      JSON.parse(fs.readFileSync(path.join(root, rel), 'utf8'));
    } catch {
      bad.push(rel);
    }
  }
  return bad;
}

/** An errno-style error, as node:fs raises them. */
export function errnoError(code: string, syscall = 'write'): NodeJS.ErrnoException {
  const error = new Error(`${code}: simulated by the test, ${syscall}`) as NodeJS.ErrnoException;
  error.code = code;
  error.syscall = syscall;
  return error;
}
