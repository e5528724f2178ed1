import { CliError, EXIT, formatPairs, printJson, usageError, type Command } from '../command';
import { openExistingProfile } from '../profile-arg';

export const syncCommand: Command = {
  name: 'sync',
  summary: 'copy every changed entry to a shared folder target',
  synopsis: 'sync --profile DIR --target PATH [--json]',
  description: [
    'Writes record.json (the full hash-chained history) of every entry whose latest',
    'revision the target does not hold yet, then the manifest and the index, each',
    'file by write to a temporary name, fsync and rename. A rerun with no changes',
    'writes nothing; a run cut off anywhere resumes without duplicates. Exits 0 when',
    'done, 1 when the share is not mounted, read-only, full or looks emptied (nothing',
    'is rewritten then), 2 for a folder that is not a set-up target.',
  ].join('\n'),
  options: { target: { type: 'string' } },
  optionHelp: ['--target PATH   the target folder (set up with "persist target add")'],
  profile: 'existing',
  positionals: { min: 0, max: 0 },
  async run({ values, profileDir, json, io }) {
    // Loaded on use: the other commands start without the sync and .eln engines (and the units library).
    const { findFolderTarget, runSync } = await import('../../core/sync/index');
    if (typeof values.target !== 'string' || values.target === '') throw usageError('--target PATH is required');
    const ctx = openExistingProfile(profileDir as string);
    try {
      let info;
      try {
        info = findFolderTarget(ctx, values.target);
      } catch (error) {
        throw new CliError(EXIT.usage, 'not_a_target', (error as Error).message);
      }
      const report = await runSync(ctx, info);
      if (json) printJson(io, { ...report });
      else {
        io.stdout(
          formatPairs([
            ['Target', report.location],
            ['Device folder', report.deviceFolder],
            ['Pending', report.pending],
            ['Written', `${report.written} record(s)${report.tombstones ? `, ${report.tombstones} in the trash` : ''}`],
            ['Manifest', report.manifestWritten ? 'updated' : 'unchanged'],
            ['Result', report.ok ? `ok in ${report.durationMs} ms` : `STOPPED (${report.failure?.kind})`],
          ]),
        );
      }
      if (report.failure) {
        io.stderr(`persist: sync stopped: ${report.failure.message}\n`);
        return EXIT.failed;
      }
      return EXIT.ok;
    } finally {
      ctx.close();
    }
  },
};
