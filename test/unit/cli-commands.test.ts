import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { removeDir, runCli, tempDir } from '../support/child-cli';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations';

// Runs the real CLI (node electron/cli/persist.mjs) as a child process.
const root = tempDir('cli');
afterAll(() => removeDir(root));

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('persist info', () => {
  it('creates and seeds a new profile, and --json prints one object', async () => {
    const dir = path.join(root, 'new-profile');
    const first = await runCli(['info', '--profile', dir, '--json']);
    expect(first.code, first.stderr).toBe(0);
    const info = JSON.parse(first.stdout) as Record<string, unknown>;
    expect(info).toMatchObject({
      ok: true,
      profileDir: dir,
      created: true,
      schemaVersion: LATEST_SCHEMA_VERSION,
      appVersion: '0.1.0',
      // The Welcome notebook (one entry) and the demo experiment (ten linked entries).
      counts: { notebooks: 2, entries: 11, trashed: 0, revisions: 11 },
    });
    expect(fs.existsSync(path.join(dir, 'persist.sqlite'))).toBe(true);

    // A second run opens the same profile and does not seed it again.
    const again = await runCli(['info', '--json'], { PERSIST_PROFILE: dir });
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ created: false, counts: { notebooks: 2, entries: 11 } });

    const text = await runCli(['info', `--profile=${dir}`]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(new RegExp(`Schema version\\s+${LATEST_SCHEMA_VERSION}\\b`));
    expect(text.stdout).toMatch(/Revisions\s+11/);
    expect(text.stdout).toContain(dir);
  });
});

describe('persist search', () => {
  const dir = path.join(root, 'search-profile');

  it('finds the Welcome entry, with matches in brackets', async () => {
    expect((await runCli(['info', '--profile', dir])).code).toBe(0);
    const text = await runCli(['search', '--profile', dir, 'persister']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('Welcome to Persist');
    expect(text.stdout).toContain('[persister]');
    expect(text.stdout).not.toMatch(/[\u0002\u0003]/);

    const json = await runCli(['search', '--profile', dir, '--json', 'drug', 'toler']);
    expect(json.code, json.stderr).toBe(0);
    const result = JSON.parse(json.stdout) as {
      ok: boolean;
      count: number;
      hits: Array<{ title: string; snippet: string }>;
    };
    expect(result.ok).toBe(true);
    // The Welcome entry, and a demo entry that also mentions drug tolerance.
    const welcome = result.hits.find((h) => h.title === 'Welcome to Persist');
    expect(welcome?.snippet).toMatch(/\[drug\]/i);
  });

  it('reports no hits as an empty list', async () => {
    const run = await runCli(['search', '--profile', dir, '--json', 'zebrafishxyz']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, count: 0, hits: [] });
  });

  it('rejects over-long search text through the contract (exit 2)', async () => {
    const run = await runCli(['search', '--profile', dir, 'x'.repeat(501)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/at most 500 characters/);
  });
});

describe('usage errors exit 2 with one line and the usage', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['no command', [], /usage: persist COMMAND/],
    ['unknown command', ['frobnicate'], /unknown command "frobnicate"/],
    ['unknown option', ['info', '--profile', 'x', '--bogus'], /Unknown option '--bogus'/],
    ['missing option value', ['info', '--profile'], /--profile/],
    ['extra argument', ['verify', '--profile', 'x', 'extra'], /unexpected argument "extra"/],
    ['missing search text', ['search', '--profile', 'x'], /missing argument/],
    ['no profile at all', ['verify'], /no profile given/],
    ['bad --limit', ['search', '--profile', 'x', '--limit', 'ten', 'cells'], /--limit/],
    ['help for an unknown command', ['help', 'nope'], /no such command/],
  ];
  for (const [name, args, message] of cases) {
    it(name, async () => {
      const run = await runCli(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toMatch(/usage: persist/);
      expect(run.stdout).toBe('');
    });
  }

  it('--json usage errors print exactly one JSON object', async () => {
    const run = await runCli(['verify', '--json', '--nope']);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, code: 'usage' });
  });

  it('--help and help CMD print help and exit 0', async () => {
    const overview = await runCli(['--help']);
    expect(overview.code).toBe(0);
    for (const name of ['info', 'verify', 'search']) expect(overview.stdout).toContain(name);
    const verifyHelp = await runCli(['help', 'verify']);
    expect(verifyHelp.code).toBe(0);
    expect(verifyHelp.stdout).toMatch(/usage: persist verify --profile DIR/);
    const flagHelp = await runCli(['search', '--help']);
    expect(flagHelp.code).toBe(0);
    expect(flagHelp.stdout).toMatch(/usage: persist search/);
  });
});

describe('commands that need an existing profile never create one', () => {
  it('verify on a missing folder exits 2 and does not create it', async () => {
    const dir = path.join(root, 'does-not-exist');
    const run = await runCli(['verify', '--profile', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/No Persist profile at .*does-not-exist.*does not exist/);
    expect(fs.existsSync(dir)).toBe(false);
    const search = await runCli(['search', '--profile', dir, 'cells', '--json']);
    expect(search.code).toBe(2);
    expect(JSON.parse(search.stdout)).toMatchObject({ ok: false, code: 'no_profile' });
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('verify on an existing folder with no database exits 2 and leaves it empty', async () => {
    const dir = path.join(root, 'empty-folder');
    fs.mkdirSync(dir);
    const run = await runCli(['verify'], { PERSIST_PROFILE: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no database file/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('refused databases', () => {
  it('exit 2 with the core message and leave the file byte-identical', async () => {
    const dir = path.join(root, 'garbage');
    fs.mkdirSync(dir);
    const file = path.join(dir, 'persist.sqlite');
    fs.writeFileSync(file, 'this is a spreadsheet, not a notebook\n'.repeat(100));
    const before = sha256(file);
    for (const args of [['verify'], ['info'], ['search', 'cells']]) {
      const run = await runCli([...args, '--profile', dir]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/is not a Persist database/);
      expect(run.stderr).not.toMatch(/\n\s+at /); // one clear message, no stack trace
    }
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(['persist.sqlite']);
  });
});
