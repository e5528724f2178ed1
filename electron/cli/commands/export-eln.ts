import path from 'node:path';
import { EXIT, formatPairs, printJson, usageError, type Command } from '../command';
import { openExistingProfile } from '../profile-arg';

export const exportElnCommand: Command = {
  name: 'export-eln',
  summary: 'export entries as an .eln file (ELN Consortium format)',
  synopsis: 'export-eln --profile DIR [--notebook NAME] --out FILE.eln [--json]',
  description: [
    'Writes an .eln archive (RO-Crate 1.1, the ELN Consortium specification) that',
    'eLabFTW, RSpace, Kadi4Mat, SampleDB and others import: one root folder, one',
    'Dataset per entry (title, text, tags, author, dates, protocol block values as',
    'PropertyValues with units) and its record.json (the latest revision as sealed,',
    'with its hash), each file with its SHA-256. Every entry not in the trash, or',
    'those of one notebook. The file appears whole or not at all.',
  ].join('\n'),
  options: { notebook: { type: 'string' }, out: { type: 'string' } },
  optionHelp: ['--notebook NAME only the entries of this notebook', '--out FILE.eln   where to write the archive'],
  profile: 'existing',
  positionals: { min: 0, max: 0 },
  async run({ values, profileDir, json, io }) {
    // Loaded on use: the other commands start without the sync and .eln engines (and the units library).
    const { exportEln } = await import('../../core/eln/index');
    if (typeof values.out !== 'string' || values.out === '') throw usageError('--out FILE.eln is required');
    const notebook = typeof values.notebook === 'string' ? values.notebook : undefined;
    const ctx = openExistingProfile(profileDir as string);
    try {
      const report = await exportEln(ctx, path.resolve(values.out), { notebookName: notebook });
      if (json) printJson(io, { ok: true, ...report });
      else {
        io.stdout(
          formatPairs([
            ['File', report.file],
            ['Entries', report.entries],
            ['Files', `${report.files} (${report.bytes} bytes)`],
            ['Fields', report.fields],
          ]),
        );
      }
      return EXIT.ok;
    } finally {
      ctx.close();
    }
  },
};
