import { EXIT, formatPairs, printJson, usageError, type Command } from '../command';
import { openExistingProfile } from '../profile-arg';

export const targetCommand: Command = {
  name: 'target',
  summary: 'set up a shared folder as a sync target, or list the targets',
  synopsis: 'target add --profile DIR PATH | target list --profile DIR [--json]',
  description: [
    '"target add" sets an existing folder (an SMB or NFS share, a synced cloud',
    'folder, a USB disk) up as a sync target: it writes the marker file',
    '.persist-target.json into it (or adopts the marker another PC wrote) and',
    'remembers the folder in the profile. A folder that does not exist is refused:',
    'Persist never creates a share\'s root. "target list" shows the targets with',
    'their last run.',
  ].join('\n'),
  profile: 'existing',
  positionals: { min: 1, max: 2 },
  async run({ positionals, profileDir, json, io }) {
    // Loaded on use: the other commands start without the sync and .eln engines (and the units library).
    const { addFolderTarget, listTargets } = await import('../../core/sync/index');
    const [action, folder] = positionals;
    if (action !== 'add' && action !== 'list') throw usageError(`unknown action "${action}": use "add" or "list"`);
    if (action === 'add' && !folder)
      throw usageError('target add needs the folder: persist target add --profile DIR PATH');
    if (action === 'list' && folder) throw usageError(`unexpected argument "${folder}"`);
    const ctx = openExistingProfile(profileDir as string);
    try {
      if (action === 'add') {
        const target = await addFolderTarget(ctx, folder as string);
        if (json) printJson(io, { ok: true, target });
        else
          io.stdout(
            formatPairs([
              ['Target', target.location],
              ['Id', target.id],
              ['Added', target.addedAt],
            ]),
          );
        return EXIT.ok;
      }
      const targets = listTargets(ctx);
      if (json) printJson(io, { ok: true, targets });
      else if (targets.length === 0)
        io.stdout('No sync targets. Add one with "persist target add --profile DIR PATH".\n');
      else {
        for (const t of targets) {
          const last = t.lastRunAt ? `${t.lastResult} at ${t.lastRunAt}` : 'never synced';
          io.stdout(`${t.location}  (${t.id})  last run: ${last}\n`);
        }
      }
      return EXIT.ok;
    } finally {
      ctx.close();
    }
  },
};
