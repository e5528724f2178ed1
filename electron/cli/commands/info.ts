import { databasePath, loadEngine, openProfile } from '../../core/lazy';
import { EXIT, formatPairs, printJson, type Command } from '../command';
import { appVersion, profileExists } from '../profile-arg';

interface Counts {
  notebooks: number;
  entries: number;
  trashed: number;
  revisions: number;
}

export const infoCommand: Command = {
  name: 'info',
  summary: 'show a profile: versions, location and counts (creates it if new)',
  synopsis: 'info --profile DIR [--json]',
  description: [
    'Opens the profile, creating it with the Welcome notebook and the demo',
    'experiment if the folder has no database yet, and prints the schema and app versions, where it lives, and',
    'how many notebooks, entries (not in the trash), trashed entries and',
    'revisions it holds.',
  ].join('\n'),
  profile: 'create',
  positionals: { min: 0, max: 0 },
  async run({ profileDir, json, io }) {
    const dir = profileDir as string;
    const existed = profileExists(dir);
    // Seeding a new profile evaluates the demo experiment's blocks; reading an existing one does not.
    if (!existed) await loadEngine();
    const ctx = openProfile(dir, { appVersion: appVersion() });
    try {
      const count = (sql: string) => (ctx.db.prepare(sql).get() as { n: number }).n;
      const counts: Counts = {
        notebooks: count('SELECT count(*) AS n FROM notebooks'),
        entries: count('SELECT count(*) AS n FROM entries WHERE deleted_at IS NULL'),
        trashed: count('SELECT count(*) AS n FROM entries WHERE deleted_at IS NOT NULL'),
        revisions: count('SELECT count(*) AS n FROM revisions'),
      };
      const file = databasePath(dir);
      if (json) {
        printJson(io, {
          ok: true,
          profileDir: dir,
          databaseFile: file,
          created: !existed,
          appVersion: ctx.appVersion,
          schemaVersion: ctx.schemaVersion,
          user: ctx.user,
          counts,
        });
      } else {
        io.stdout(
          formatPairs([
            ['Profile', dir],
            [
              'Database',
              `${file}${existed ? '' : ' (created just now, with the Welcome notebook and the demo experiment)'}`,
            ],
            ['App version', ctx.appVersion],
            ['Schema version', ctx.schemaVersion],
            ['User', ctx.user],
            ['Notebooks', counts.notebooks],
            ['Entries', counts.entries],
            ['In trash', counts.trashed],
            ['Revisions', counts.revisions],
          ]),
        );
      }
      return EXIT.ok;
    } finally {
      ctx.close();
    }
  },
};
