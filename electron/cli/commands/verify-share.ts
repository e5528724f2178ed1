import { EXIT, formatPairs, printJson, type Command } from '../command';

export const verifyShareCommand: Command = {
  name: 'verify-share',
  summary: 'recompute every hash on a synced share against its manifests',
  synopsis: 'verify-share PATH [--json]',
  description: [
    'Checks a share written by "persist sync" without any profile: every file the',
    'manifests list is there with its size and SHA-256, every record.json holds an',
    'intact revision hash chain ending at the revision the manifest names, no entry',
    'is listed twice, and record files not yet listed (a run was cut off) are whole.',
    'Exits 0 when everything matches, 1 naming each mismatch.',
  ].join('\n'),
  profile: 'none',
  positionals: { min: 1, max: 1 },
  async run({ positionals, json, io }) {
    // Loaded on use: the other commands start without the sync and .eln engines (and the units library).
    const { verifyShare } = await import('../../core/sync/index');
    const report = await verifyShare(positionals[0] as string);
    if (json) printJson(io, { ...report });
    else {
      const entries = report.devices.reduce((n, d) => n + d.entries, 0);
      const files = report.devices.reduce((n, d) => n + d.files, 0);
      io.stdout(
        formatPairs([
          ['Share', report.location],
          ['Devices', report.devices.map((d) => `${d.folder} (${d.entries} entries)`).join(', ') || 'none'],
          [
            'Checked',
            `${entries} entries, ${files} files${report.unlisted.length + report.ahead.length ? `, ${report.unlisted.length + report.ahead.length} newer than the manifest (a cut-off run; the next sync lists them)` : ''}`,
          ],
          ['Result', report.ok ? 'all hashes match' : `${report.problems.length} PROBLEM(S)`],
        ]),
      );
      for (const p of report.problems) io.stdout(`  ${p.kind}: ${p.path}: ${p.message}\n`);
    }
    if (!report.ok) {
      const first = report.problems[0];
      io.stderr(`persist: verify-share failed: ${first ? `${first.path}: ${first.message}` : 'unknown problem'}\n`);
      return EXIT.failed;
    }
    return EXIT.ok;
  },
};
