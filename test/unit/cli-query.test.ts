import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, runCli, tempDir } from '../support/child-cli';

// Runs the real CLI on a profile that `persist info` creates (and seeds with the demo experiment).
const root = tempDir('cli-query');
const dir = path.join(root, 'profile');
afterAll(() => removeDir(root));
beforeAll(async () => {
  const info = await runCli(['info', '--profile', dir]);
  expect(info.code, info.stderr).toBe(0);
}, 60_000);

interface Hit {
  entryTitle: string;
  notebookName: string;
  templateId: string;
  matched: Array<{ field: string; display: string }>;
}

describe('persist query', () => {
  it('finds the demo induction right after info created the profile', async () => {
    const run = await runCli(['query', '--profile', dir, '--json', 'persister_fraction < 5 % in T4']);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { ok: boolean; count: number; hits: Hit[] };
    expect(result).toMatchObject({ ok: true, count: 1 });
    expect(result.hits[0]).toMatchObject({
      templateId: 'persister-induction',
      notebookName: 'Demo: NCI-H69 persisters',
      matched: [{ field: 'persister_fraction', display: 'persister_fraction = 1.5 %' }],
    });
  });

  it('is unit-aware and prints readable hits', async () => {
    const run = await runCli(['query', '--profile', dir, 'drug = cisplatin and concentration >= 0.01 mM']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^1 block matches "drug = cisplatin and concentration >= 0\.01 mM"/);
    expect(run.stdout).toMatch(/persister-induction/);
    expect(run.stdout).toMatch(/treatments\.concentration = 15 µM/);
  });

  it('joins several arguments into one query, and reports no hits as an empty list', async () => {
    const run = await runCli(['query', '--profile', dir, '--json', 'drug', '=', 'nonexistentdrug']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, query: 'drug = nonexistentdrug', count: 0, hits: [] });
  });

  it('exits 2 on bad syntax, pointing at the column', async () => {
    const run = await runCli(['query', '--profile', dir, 'drug = cisplatin and concentration >=']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      [
        "persist: expected a value after '>=' at column 38, found the end of the query",
        '  drug = cisplatin and concentration >=',
        `  ${' '.repeat(37)}^`,
        '',
      ].join('\n'),
    );
    const json = await runCli(['query', '--profile', dir, '--json', 'concentration >= 10 mg']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      code: 'invalid_input',
      message: expect.stringMatching(/'10 mg' at column 18 is a mass, but 'concentration' is measured in µM/),
    });
  });

  it('refuses a missing profile without creating one, and a bad --limit', async () => {
    const missing = path.join(root, 'missing');
    const run = await runCli(['query', '--profile', missing, 'drug = x']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/No Persist profile/);
    const limit = await runCli(['query', '--profile', dir, '--limit', '0', 'drug = x']);
    expect(limit.code).toBe(2);
    expect(limit.stderr).toMatch(/--limit must be a whole number from 1 to 1000/);
  });
});

describe('start-up cost', () => {
  it('loads the template engine (and the units library) only for commands that evaluate blocks', async () => {
    // A module hook in the child records every resolution of mathjs.
    const log = path.join(root, 'mathjs.log');
    const resolveHook = path.join(root, 'resolve-hook.mjs');
    fs.writeFileSync(
      resolveHook,
      `import fs from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (result.url.includes('/node_modules/mathjs/')) fs.appendFileSync(${JSON.stringify(log)}, 'x');
  return result;
}`,
    );
    const register = path.join(root, 'register-hook.mjs');
    fs.writeFileSync(
      register,
      `import { register } from 'node:module';\nregister(${JSON.stringify(`file://${resolveHook}`)});\n`,
    );
    const loads = async (args: string[]) => {
      fs.rmSync(log, { force: true });
      const run = await runCli(args, { NODE_OPTIONS: `--import=${register}` });
      expect(run.code, run.stderr).toBe(0);
      return fs.existsSync(log);
    };
    expect(await loads(['info', '--profile', dir])).toBe(false);
    expect(await loads(['search', '--profile', dir, 'persister'])).toBe(false);
    expect(await loads(['verify', '--profile', dir])).toBe(false);
    expect(await loads(['query', '--profile', dir, 'drug = cisplatin'])).toBe(true);
    expect(await loads(['info', '--profile', path.join(root, 'fresh')])).toBe(true);
  }, 60_000);
});
