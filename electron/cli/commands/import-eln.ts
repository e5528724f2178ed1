import { EXIT, formatPairs, printJson, type Command } from '../command';
import { openExistingProfile } from '../profile-arg';

export const importElnCommand: Command = {
  name: 'import-eln',
  summary: 'import an .eln file as read-only entries, with a mapping report',
  synopsis: 'import-eln --profile DIR FILE.eln [--json]',
  description: [
    'Imports an .eln archive from another notebook into a new notebook named after',
    'its source: each Dataset becomes a read-only entry with its text, tags (plus',
    '"source:NAME"), fields as key-value pairs with units and its files, each',
    'checked against its SHA-256. The report lists what was mapped and what was',
    'skipped and why. A malformed or hostile archive (path traversal, absolute',
    'paths, a zip bomb, missing or invalid metadata, duplicate ids) exits 2 and',
    'writes nothing.',
  ].join('\n'),
  profile: 'existing',
  positionals: { min: 1, max: 1 },
  async run({ positionals, profileDir, json, io }) {
    // Loaded on use: the other commands start without the sync and .eln engines (and the units library).
    const { importEln } = await import('../../core/eln/index');
    const ctx = openExistingProfile(profileDir as string);
    try {
      const report = await importEln(ctx, positionals[0] as string);
      if (json) printJson(io, { ok: true, ...report });
      else {
        io.stdout(
          formatPairs([
            ['File', report.file],
            ['Source', report.source],
            ['Notebook', report.notebook.name],
            ['Imported', `${report.entries.length} entries (read-only)`],
            ['Skipped', report.skipped.length],
          ]),
        );
        for (const e of report.entries) io.stdout(`  + ${e.title}  (${e.fields} fields, ${e.files} files)\n`);
        for (const s of report.skipped) io.stdout(`  - skipped ${s.id}: ${s.reason}\n`);
      }
      return EXIT.ok;
    } finally {
      ctx.close();
    }
  },
};
