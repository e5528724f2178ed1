import { verifyChains, type ChainReport } from '../../core/lazy';
import { EXIT, formatPairs, printJson, type Command } from '../command';
import { openExistingProfile } from '../profile-arg';

type Broken = ChainReport['broken'][number];

const short = (hash: string | null) => (hash ? hash.slice(0, 16) + '…' : 'none');

/** Says in words what is wrong with one entry's chain. */
export function describeProblem(problem: Broken['problem']): string {
  switch (problem.kind) {
    case 'hash-mismatch':
      return `its stored record no longer matches its hash (stored ${short(problem.expected)}, recomputed ${short(problem.actual)}): the record was changed after it was written`;
    case 'broken-link':
      return `it does not link to the revision before it (expected previous hash ${short(problem.expected)}, record says ${short(problem.actual)})`;
    case 'sequence-gap':
      return `revision ${problem.expectedSeq} is missing (the chain jumps to ${problem.seq})`;
    case 'wrong-entry':
      return 'its record names a different entry or position';
    case 'unreadable':
      return 'its record is not readable JSON';
    case 'head-mismatch':
      return "the entry's head hash or revision count does not match its last revision";
  }
}

export const verifyCommand: Command = {
  name: 'verify',
  summary: "check every revision hash chain and the database file's integrity",
  synopsis: 'verify --profile DIR [--json]',
  description: [
    "Recomputes the SHA-256 of every revision and checks each entry's chain: every",
    'revision links to the one before it and the entry points at its last one.',
    "Also runs SQLite's PRAGMA integrity_check. Exits 0 when everything is intact,",
    '1 naming the first broken entry and revision. Never creates a profile: a',
    'missing one exits 2.',
  ].join('\n'),
  profile: 'existing',
  positionals: { min: 0, max: 0 },
  run({ profileDir, json, io }) {
    const ctx = openExistingProfile(profileDir as string);
    try {
      const integrityRows = ctx.db.pragma('integrity_check') as Array<{ integrity_check: string }>;
      const integrity = integrityRows.map((r) => r.integrity_check);
      const integrityOk = integrity.length === 1 && integrity[0] === 'ok';
      const chains = verifyChains(ctx);
      const broken = chains.broken.map((b) => ({
        entryId: b.entryId,
        title: b.title,
        seq: b.problem.seq,
        kind: b.problem.kind,
        description: describeProblem(b.problem),
      }));
      const ok = integrityOk && broken.length === 0;
      if (json) {
        printJson(io, {
          ok,
          profileDir: ctx.profileDir,
          integrity: { ok: integrityOk, messages: integrity },
          chains: { entries: chains.entries, revisions: chains.revisions, intact: broken.length === 0, broken },
          firstBroken: broken[0] ?? null,
        });
      } else {
        io.stdout(
          formatPairs([
            ['Profile', ctx.profileDir],
            ['File integrity', integrityOk ? 'ok' : `FAILED (${integrity.length} problem(s))`],
            [
              'Hash chains',
              `${chains.entries} entries, ${chains.revisions} revisions: ${broken.length === 0 ? 'intact' : `${broken.length} entr${broken.length === 1 ? 'y' : 'ies'} BROKEN`}`,
            ],
          ]),
        );
        if (!integrityOk)
          io.stdout(
            integrity
              .slice(0, 20)
              .map((m) => `  integrity: ${m}\n`)
              .join(''),
          );
        for (const b of broken) {
          io.stdout(`  BROKEN entry ${b.entryId} "${b.title}", revision ${b.seq}: ${b.description}\n`);
        }
      }
      const first = broken[0];
      if (first) {
        io.stderr(
          `persist: verify failed: entry ${first.entryId} "${first.title}", revision ${first.seq}: ${first.description}\n`,
        );
      } else if (!integrityOk) {
        io.stderr(`persist: verify failed: the database file failed PRAGMA integrity_check: ${integrity[0]}\n`);
      }
      return ok ? EXIT.ok : EXIT.failed;
    } finally {
      ctx.close();
    }
  },
};
