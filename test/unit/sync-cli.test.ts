import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openProfile } from '../../electron/core/index';
import { removeDir, runCli, tempDir } from '../support/child-cli';
import { EXAMPLES } from './eln-support';

/** The sync and .eln commands through the real `persist` launcher, as a person would run them. */
const root = tempDir('sync-cli');
afterAll(() => removeDir(root));

describe('persist target / sync / verify-share / export-eln / import-eln', () => {
  it(
    'sets up a target, syncs, does nothing on a rerun, verifies, and refuses a folder that is no target',
    { timeout: 60_000 },
    async () => {
      const profile = path.join(root, 'profile');
      const share = path.join(root, 'share');
      fs.mkdirSync(share);
      openProfile(profile, { user: 'cli' }).close();

      const missing = await runCli(['target', 'add', '--profile', profile, path.join(root, 'nope')]);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/does not exist.*never creates/);

      expect((await runCli(['target', 'add', '--profile', profile, share])).code).toBe(0);
      const listed = JSON.parse((await runCli(['target', 'list', '--profile', profile, '--json'])).stdout);
      expect(listed.targets).toHaveLength(1);

      const first = await runCli(['sync', '--profile', profile, '--target', share, '--json']);
      expect(first.code).toBe(0);
      const report = JSON.parse(first.stdout);
      expect(report).toMatchObject({ ok: true, failure: null });
      expect(report.written).toBeGreaterThan(5);
      const again = JSON.parse((await runCli(['sync', '--profile', profile, '--target', share, '--json'])).stdout);
      expect(again).toMatchObject({ ok: true, pending: 0, written: 0, manifestWritten: false });

      const verified = await runCli(['verify-share', share]);
      expect(verified.code).toBe(0);
      expect(verified.stdout).toMatch(/all hashes match/);

      const other = path.join(root, 'other');
      fs.mkdirSync(other);
      const refused = await runCli(['sync', '--profile', profile, '--target', other]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/not a sync target/);
      expect(fs.readdirSync(other)).toEqual([]);

      // Damage one record on the share: verify-share exits 1 and names it.
      const device = path.join(share, report.deviceFolder);
      const entry = fs.readdirSync(device).find((n) => !n.includes('.'))!;
      fs.appendFileSync(path.join(device, entry, 'record.json'), ' ');
      const damaged = await runCli(['verify-share', share, '--json']);
      expect(damaged.code).toBe(1);
      expect(JSON.parse(damaged.stdout).problems[0]).toMatchObject({
        kind: 'size-mismatch',
        path: `${report.deviceFolder}/${entry}/record.json`,
      });

      // The marker gone (share not mounted): sync exits 1 and says so.
      fs.renameSync(path.join(share, '.persist-target.json'), path.join(root, 'marker.bak'));
      const unmounted = await runCli(['sync', '--profile', profile, '--target', share]);
      expect(unmounted.code).toBe(1);
      expect(unmounted.stderr).toMatch(/not mounted/);
    },
  );

  it('exports an .eln and imports the eLabFTW example with a mapping report', { timeout: 60_000 }, async () => {
    const profile = path.join(root, 'eln-profile');
    openProfile(profile, { user: 'cli' }).close();
    const out = path.join(root, 'welcome.eln');
    const exported = await runCli([
      'export-eln',
      '--profile',
      profile,
      '--notebook',
      'Welcome',
      '--out',
      out,
      '--json',
    ]);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ ok: true, entries: 1 });
    expect(fs.statSync(out).size).toBeGreaterThan(0);

    const imported = await runCli(['import-eln', '--profile', profile, EXAMPLES.elabftw, '--json']);
    expect(imported.code).toBe(0);
    const report = JSON.parse(imported.stdout);
    expect(report).toMatchObject({ ok: true, source: 'eLabFTW', notebook: { name: 'eLabFTW: eLabFTW export' } });
    expect(report.entries).toHaveLength(12);

    const bad = path.join(root, 'bad.eln');
    fs.writeFileSync(bad, 'not a zip');
    const refused = await runCli(['import-eln', '--profile', profile, bad]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/refused and nothing was imported/);
  });
});
