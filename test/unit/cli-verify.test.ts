import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentOf, paragraph } from '../../shared/domain/lexical-build';
import { sha256Hex } from '../../shared/record/canonical-json';
import { createHandlers, dispatch, openProfile } from '../../electron/core/index';
import { deleteRevision, removeDir, runCli, tamperRevision, tempDir } from '../support/child-cli';

const root = tempDir('cli-verify');
afterAll(() => removeDir(root));

interface Built {
  dir: string;
  file: string;
  entryId: string;
  title: string;
}

/** A profile with an entry of four revisions (created + three checkpoints) next to the Welcome entry. */
async function buildProfile(name: string): Promise<Built> {
  const dir = path.join(root, name);
  const ctx = openProfile(dir, { user: 'tester' });
  try {
    const h = createHandlers(ctx);
    const call = async (channel: string, input: unknown) => {
      const r = await dispatch(h, channel, input);
      if (!r.ok) throw new Error(`${channel}: ${r.message}`);
      return r.data as Record<string, unknown>;
    };
    const [notebook] = (await call('notebooks.list', {})) as unknown as Array<{ id: string }>;
    const title = 'Cisplatin dose response, PC9';
    const entry = await call('entries.create', { notebookId: notebook?.id, title });
    const id = entry.id as string;
    for (let i = 1; i <= 3; i += 1) {
      await call('entries.saveDraft', { id, content: documentOf(paragraph(`Day ${i}: viability ${100 - i * 20} %`)) });
      await call('entries.checkpoint', { id });
    }
    return { dir, file: path.join(dir, 'persist.sqlite'), entryId: id, title };
  } finally {
    ctx.close();
  }
}

describe('persist verify', () => {
  let intact: Built;
  beforeAll(async () => {
    intact = await buildProfile('intact');
  });

  it('passes on a fresh profile', async () => {
    const run = await runCli(['verify', '--profile', intact.dir]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/File integrity\s+ok/);
    // The Welcome entry, the ten demo entries and this test's entry (1 + 10 + 4 revisions).
    expect(run.stdout).toMatch(/12 entries, 15 revisions: intact/);
    const json = await runCli(['verify', '--profile', intact.dir, '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: true,
      integrity: { ok: true, messages: ['ok'] },
      chains: { entries: 12, revisions: 15, intact: true, broken: [] },
      firstBroken: null,
    });
  });

  it('exits 1 naming the entry and revision whose record was edited', async () => {
    const p = await buildProfile('edited');
    tamperRevision(p.file, p.entryId, 2, (row) => ({ record: row.record.replace('viability 80 %', 'viability 95 %') }));
    const run = await runCli(['verify', '--profile', p.dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`entry ${p.entryId} "${p.title}", revision 2`);
    expect(run.stderr).toMatch(/no longer matches its hash/);
    expect(run.stdout).toMatch(/1 entry BROKEN/);
    const json = await runCli(['verify', '--profile', p.dir, '--json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as { ok: boolean; firstBroken: Record<string, unknown> };
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toMatchObject({ entryId: p.entryId, title: p.title, seq: 2, kind: 'hash-mismatch' });
  });

  it('catches an edit whose hash was recomputed: the next revision no longer links to it', async () => {
    const p = await buildProfile('forged');
    tamperRevision(p.file, p.entryId, 2, (row) => {
      const record = row.record.replace('viability 80 %', 'viability 95 %');
      return { record, hash: sha256Hex(record) };
    });
    const run = await runCli(['verify', '--profile', p.dir, '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ firstBroken: { entryId: p.entryId, seq: 3, kind: 'broken-link' } });
  });

  it('catches a deleted revision', async () => {
    const p = await buildProfile('deleted');
    deleteRevision(p.file, p.entryId, 3);
    const run = await runCli(['verify', '--profile', p.dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`entry ${p.entryId} "${p.title}", revision 4: revision 3 is missing`);
  });
});
